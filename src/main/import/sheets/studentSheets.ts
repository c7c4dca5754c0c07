// Students and Enrollments: individual elective choices (references are checked later).
import type { Enrollment, Student } from '../../../shared/model/index.ts';
import { IdRegistry, type Located } from '../parsedWorkbook.ts';
import type { SheetTable } from '../sheetTable.ts';

export function parseStudents(table: SheetTable | undefined): Located<Student>[] {
  if (!table) return [];
  const ids = new IdRegistry(table, 'student_id');
  const out: Located<Student>[] = [];
  for (const row of table.rows) {
    const id = table.requiredText(row, 'student_id');
    if (id === undefined || !ids.claim(id, row.rowNumber)) continue;
    const student: Student = { id, groups: table.list(row, 'groups') };
    const name = table.text(row, 'name');
    if (name !== '') student.name = name;
    out.push({ item: student, row: row.rowNumber });
  }
  return out;
}

export function parseEnrollments(table: SheetTable | undefined): Located<Enrollment>[] {
  if (!table) return [];
  const out: Located<Enrollment>[] = [];
  const firstRow = new Map<string, number>();
  for (const row of table.rows) {
    const studentId = table.requiredText(row, 'student_id');
    const courseId = table.requiredText(row, 'course_id');
    if (studentId === undefined || courseId === undefined) continue;
    const key = `${studentId}\u0000${courseId}`;
    const first = firstRow.get(key);
    if (first !== undefined) {
      table.warn(
        row,
        undefined,
        `Student ${studentId} is enrolled in ${courseId} again (first in row ${first}); the repeat is ignored`,
      );
      continue;
    }
    firstRow.set(key, row.rowNumber);
    out.push({ item: { studentId, courseId }, row: row.rowNumber });
  }
  return out;
}
