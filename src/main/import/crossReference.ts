// Checks that span sheets: every id a row refers to exists, rooms fit the course's type, rules
// relate courses that can be paired, pinned sessions exist and fit the period grid.
import {
  longestBlock,
  fitsAt,
  memberClash,
  memberText,
  ruleMember,
  type Course,
  type Room,
} from '../../shared/model/index.ts';
import type { Located, ParsedWorkbook } from './parsedWorkbook.ts';
import type { SheetTable } from './sheetTable.ts';

/** Ids of one sheet, with a case-insensitive fallback used to suggest a fix. */
class IdSet<T extends { id: string }> {
  readonly byId = new Map<string, Located<T>>();
  private readonly byLower = new Map<string, string>();
  readonly sheet: string;
  readonly column: string;

  constructor(sheet: string, column: string, items: readonly Located<T>[]) {
    this.sheet = sheet;
    this.column = column;
    for (const entry of items) {
      this.byId.set(entry.item.id, entry);
      this.byLower.set(entry.item.id.toLowerCase(), entry.item.id);
    }
  }

  /** Reports an unknown id at `table`/`row`/`column`; returns the entity when known. */
  check(table: SheetTable, row: number, column: string, id: string): T | undefined {
    const found = this.byId.get(id);
    if (found) return found.item;
    const near = this.byLower.get(id.toLowerCase());
    table.error(
      row,
      column,
      `Unknown ${this.column} "${id}"`,
      near !== undefined
        ? `Did you mean "${near}"? Ids are case-sensitive.`
        : `Add "${id}" to the ${this.sheet} sheet or correct the id.`,
    );
    return undefined;
  }
}

const PAIRED = new Set([
  'same_time',
  'same_day',
  'consecutive',
  'ordered',
  'same_period',
  'adjacent',
  'consecutive_across_break',
  'adjacent_across_break',
  'ordered_if_same_day',
  'grouped',
]);
const MULTI = new Set([
  'same_time',
  'same_day',
  'consecutive',
  'ordered',
  'not_overlapping',
  'different_days',
  'same_period',
  'adjacent',
  'min_days_between',
  'consecutive_across_break',
  'adjacent_across_break',
  'ordered_if_same_day',
  'grouped',
  'not_overlapping_parts',
]);

export function checkReferences(parsed: ParsedWorkbook, periodsOk: boolean): void {
  const { tables } = parsed;
  const faculty = new IdSet('Faculty', 'faculty_id', parsed.faculty);
  const groups = new IdSet('Groups', 'group_id', parsed.groups);
  const rooms = new IdSet('Rooms', 'room_id', parsed.rooms);
  const courses = new IdSet('Courses', 'course_id', parsed.courses);
  const students = new IdSet('Students', 'student_id', parsed.students);
  const longest = periodsOk ? longestBlock(parsed.periods) : Infinity;
  const roomTypes = new Set(parsed.rooms.map((r) => r.item.type));

  if (tables.Groups) {
    const table = tables.Groups;
    for (const { item, row } of parsed.groups)
      if (item.parent !== undefined) groups.check(table, row, 'parent', item.parent);
  }
  if (tables.Courses) {
    const table = tables.Courses;
    const enrolled = new Set(parsed.enrollments.map((e) => e.item.courseId));
    for (const { item, row } of parsed.courses) {
      warnUnattended(table, row, item, enrolled);
      for (const id of item.faculty) faculty.check(table, row, 'faculty', id);
      for (const id of item.groups) groups.check(table, row, 'groups', id);
      for (const id of item.rooms) {
        const room = rooms.check(table, row, 'rooms', id);
        if (room && room.type !== item.roomType) {
          table.error(
            row,
            'rooms',
            `Room ${room.id} is of type "${room.type}" but the course needs "${item.roomType}"`,
            "List only rooms of the course's room_type, or change the room_type.",
          );
        }
      }
      if (parsed.rooms.length > 0 && !roomTypes.has(item.roomType)) {
        table.error(
          row,
          'room_type',
          `No room has type "${item.roomType}"`,
          `Room types in Rooms: ${[...roomTypes].join(', ')}.`,
        );
      }
      if (item.length > longest) {
        table.error(
          row,
          'length',
          `A session of ${item.length} periods is longer than any block of adjacent periods (${longest})`,
          'Shorten the session or make more periods adjacent (a period must start when the previous one ends).',
        );
      }
    }
  }
  if (tables.Students) {
    const table = tables.Students;
    for (const { item, row } of parsed.students)
      for (const id of item.groups) groups.check(table, row, 'groups', id);
  }
  if (tables.Enrollments && parsed.enrollments.length > 0) {
    const table = tables.Enrollments;
    if (!tables.Students) {
      table.error(
        undefined,
        undefined,
        'Enrollments need a Students sheet',
        'Add a Students sheet listing every student_id with its groups.',
      );
    }
    for (const { item, row } of parsed.enrollments) {
      if (tables.Students) students.check(table, row, 'student_id', item.studentId);
      courses.check(table, row, 'course_id', item.courseId);
    }
  }
  checkFixed(parsed, courses, rooms, periodsOk);
  checkRules(parsed, courses);
}

/** A course nobody teaches or nobody attends imports, but is almost always a mistake: say so. */
function warnUnattended(table: SheetTable, row: number, item: Course, enrolled: ReadonlySet<string>): void {
  if (item.faculty.length === 0)
    table.warn(
      row,
      'faculty',
      `Course ${item.id} has no faculty: nobody teaches it, so no teacher's clashes or limits apply to it`,
      'List the faculty_id of whoever teaches it (leave it empty only on purpose).',
    );
  if (item.groups.length === 0 && !enrolled.has(item.id))
    table.warn(
      row,
      'groups',
      `Course ${item.id} has no groups and no enrolled students: nobody attends it, so it clashes with no class`,
      'List the group_id(s) that attend it, or enroll its students on the Enrollments sheet.',
    );
}

function checkFixed(
  parsed: ParsedWorkbook,
  courses: IdSet<Course>,
  rooms: IdSet<Room>,
  periodsOk: boolean,
): void {
  const table = parsed.tables.Fixed;
  if (!table) return;
  const pinned = new Map<string, number>();
  for (const { item, row } of parsed.fixed) {
    const course = courses.check(table, row, 'course_id', item.courseId);
    const room = item.roomId === undefined ? undefined : rooms.check(table, row, 'room_id', item.roomId);
    if (!course) continue;
    if (item.session > course.sessions) {
      table.error(
        row,
        'session',
        `Course ${course.id} has ${course.sessions} sessions, so there is no session ${item.session}`,
        `Use a session number from 1 to ${course.sessions}.`,
      );
      continue;
    }
    const key = `${course.id}#${item.session}`;
    const first = pinned.get(key);
    if (first !== undefined)
      table.error(
        row,
        'session',
        `Session ${item.session} of ${course.id} is already pinned in row ${first}`,
        'Pin each session once.',
      );
    else pinned.set(key, row);
    if (periodsOk && !fitsAt(parsed.periods, item.period, course.length)) {
      table.error(
        row,
        'period',
        `A ${course.length}-period session of ${course.id} cannot start at period ${parsed.periods[item.period].label}`,
        'It would cross a break or the end of the day: pick an earlier period.',
      );
    }
    if (room && room.type !== course.roomType) {
      table.error(
        row,
        'room_id',
        `Room ${room.id} is of type "${room.type}" but ${course.id} needs "${course.roomType}"`,
        "Pin the session to a room of the course's room_type.",
      );
    }
  }
}

function checkRules(parsed: ParsedWorkbook, courses: IdSet<Course>): void {
  const table = parsed.tables.Rules;
  if (!table) return;
  const isCourse = (id: string): boolean => courses.byId.has(id);
  for (const { item, row } of parsed.rules) {
    // Each item is a course_id or course_id#k (session k of the course only).
    const members = item.courses.map((text) => ruleMember(text, isCourse));
    const sizes: Array<{ text: string; n: number } | undefined> = members.map((m, j) => {
      const course = courses.check(table, row, 'courses', m.courseId);
      if (!course) return undefined;
      if (m.session === undefined) return { text: course.id, n: course.sessions };
      if (m.session < 1 || m.session > course.sessions) {
        table.error(
          row,
          'courses',
          `${item.courses[j]}: course ${course.id} has ${course.sessions} sessions, so there is no session ${m.session}`,
          `Use a session number from 1 to ${course.sessions}, or the course_id alone for every session.`,
        );
        return undefined;
      }
      return { text: memberText(m), n: 1 };
    });
    let clash: string | undefined;
    for (let j = 0; j < members.length && clash === undefined; j++)
      for (let k = 0; k < j && clash === undefined; k++) clash = memberClash(members[k], members[j]);
    if (clash !== undefined) {
      table.error(
        row,
        'courses',
        `${item.kind}: ${clash}`,
        'Name each session once: list the course_id alone for every session, or course_id#k for some of them.',
      );
      continue;
    }
    if (MULTI.has(item.kind) && item.courses.length < 2) {
      table.error(
        row,
        'courses',
        `${item.kind} relates at least two courses`,
        'List two or more course_ids (or sessions, course_id#k).',
      );
      continue;
    }
    const known = sizes.filter((x) => x !== undefined);
    if (PAIRED.has(item.kind) && known.length === item.courses.length) {
      const counts = new Set(known.map((c) => c.n));
      if (counts.size > 1) {
        table.error(
          row,
          'courses',
          `${item.kind} pairs session k of each course, but the courses have different session counts (${known.map((c) => `${c.text}: ${c.n}`).join(', ')})`,
          'Give the listed courses the same number of sessions, name single sessions (course_id#k), or split the rule.',
        );
      }
    }
  }
}
