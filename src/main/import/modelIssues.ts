// The model schema's last word on an import (collegeSchema) located like every other error: a
// failing path such as `courses.3.id` names the sheet, the spreadsheet row the entity came from
// and the column, so no import error is ever "somewhere in the workbook".
import type { z } from 'zod';
import type { College } from '../../shared/model/index.ts';
import type { IssueLog } from './issueLog.ts';
import type { Located, ParsedWorkbook } from './parsedWorkbook.ts';
import type { SheetName } from './sheetSpecs.ts';

type Collection =
  'periods' | 'rooms' | 'faculty' | 'groups' | 'courses' | 'students' | 'enrollments' | 'fixed' | 'rules';

const SHEETS: Record<Collection | 'calendar' | 'weights', SheetName> = {
  calendar: 'Calendar',
  periods: 'Periods',
  rooms: 'Rooms',
  faculty: 'Faculty',
  groups: 'Groups',
  courses: 'Courses',
  students: 'Students',
  enrollments: 'Enrollments',
  fixed: 'Fixed',
  rules: 'Rules',
  weights: 'Weights',
};

const ID_COLUMNS: Partial<Record<Collection, string>> = {
  rooms: 'room_id',
  faculty: 'faculty_id',
  groups: 'group_id',
  courses: 'course_id',
  students: 'student_id',
};

function columnOf(collection: string, field: string): string {
  if (field === 'id') return ID_COLUMNS[collection as Collection] ?? 'id';
  if (collection === 'periods' && field === 'label') return 'period';
  if (collection === 'rules' && field === 'kind') return 'rule';
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let at = root;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

function describe(problem: z.core.$ZodIssue, value: unknown): string {
  const shown =
    typeof value === 'string' ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"` : String(value);
  if (problem.code === 'too_big' && typeof value === 'string') {
    return `${shown} is ${value.length} characters long; at most ${String(problem.maximum)} are allowed`;
  }
  if (problem.code === 'too_big' && typeof value === 'number') {
    return `${shown} is too large (at most ${String(problem.maximum)})`;
  }
  return `${shown} is not accepted: ${problem.message}`;
}

/** Logs each schema problem of `college` at its sheet, row and column. */
export function logModelIssues(
  issues: readonly z.core.$ZodIssue[],
  college: College,
  parsed: ParsedWorkbook,
  file: string,
  log: IssueLog,
): void {
  for (const problem of issues) {
    const [collection, index, field] = problem.path;
    const sheet = SHEETS[String(collection) as keyof typeof SHEETS] ?? String(collection ?? '');
    const table = parsed.tables[sheet];
    const value = valueAt(college, problem.path);
    const list = (parsed as unknown as Record<string, Located<unknown>[] | undefined>)[String(collection)];
    const row = typeof index === 'number' && Array.isArray(list) ? list[index]?.row : undefined;
    const column =
      typeof index === 'number'
        ? field === undefined
          ? undefined
          : columnOf(String(collection), String(field))
        : collection === 'calendar' && index !== undefined
          ? 'value'
          : undefined;
    const where = {
      file: table?.file ?? file,
      sheet,
      ...(row !== undefined ? { row } : {}),
      ...(column !== undefined ? { column: table?.header(column) ?? column } : {}),
    };
    const what = collection === 'calendar' && index !== undefined ? `Calendar ${String(index)}: ` : '';
    log.error(where, `${what}${describe(problem, value)}`, 'Correct the cell and import again.');
  }
}
