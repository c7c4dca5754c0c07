// Courses: one row per offering; references to faculty, groups and rooms are checked later.
import type { Course } from '../../../shared/model/index.ts';
import { IdRegistry, type Located } from '../parsedWorkbook.ts';
import type { SheetTable } from '../sheetTable.ts';
import type { SlotGrid } from '../slotList.ts';
import { slotCell } from './slotCells.ts';

export function parseCourses(table: SheetTable | undefined, grid: SlotGrid | undefined): Located<Course>[] {
  if (!table) return [];
  const ids = new IdRegistry(table, 'course_id');
  const out: Located<Course>[] = [];
  for (const row of table.rows) {
    const id = table.requiredText(row, 'course_id');
    const sessions = table.integer(row, 'sessions', 1, true);
    const length = table.integer(row, 'length', 1) ?? 1;
    const students = table.integer(row, 'students', 0);
    const minDays = table.integer(row, 'min_days', 0);
    const unavailable = slotCell(table, row, 'unavailable', grid);
    const starts = slotCell(table, row, 'starts', grid, { everyDayPeriods: true }).sort(
      (a, b) => a.day - b.day || a.period - b.period,
    );
    if (id === undefined || !ids.claim(id, row.rowNumber)) continue;
    // A bad value was reported; the row is kept (with a placeholder) so references to it resolve.
    const course: Course = {
      id,
      name: table.text(row, 'name') || id,
      department: table.text(row, 'department'),
      faculty: table.list(row, 'faculty'),
      groups: table.list(row, 'groups'),
      sessions: sessions ?? 1,
      length,
      roomType: table.text(row, 'room_type') || 'lecture',
      rooms: table.list(row, 'rooms'),
      unavailable,
    };
    if (students !== undefined) course.students = students;
    if (minDays !== undefined) course.minDays = minDays;
    if (starts.length > 0) course.starts = starts;
    out.push({ item: course, row: row.rowNumber });
  }
  return out;
}
