// A timetable as one CSV in the columns of the Fixed sheet (course_id, session, day, period,
// room_id): day names and period labels as the workbook has them. Unplaced sessions are left out.
import type { College, Timetable } from '../../shared/model/types.ts';
import type { Cell } from './sheets.ts';
import { toCsv, writeAtomically } from './writeWorkbookCsv.ts';

export function timetableRows(college: College, timetable: Timetable): Cell[][] {
  const days = college.calendar.days;
  const labels = college.periods.map((p) => p.label);
  const rows: Cell[][] = [['course_id', 'session', 'day', 'period', 'room_id']];
  for (const a of timetable.assignments) {
    if (a.day === null || a.period === null) continue;
    rows.push([a.courseId, a.session, days[a.day], labels[a.period], a.roomId ?? '']);
  }
  return rows;
}

export async function writeTimetableCsv(college: College, timetable: Timetable, file: string): Promise<void> {
  await writeAtomically(file, toCsv(timetableRows(college, timetable)));
}
