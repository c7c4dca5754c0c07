// Paged, searchable reads of one kind of college entity, for the data browser: a scheduler can
// page through 20k students without the whole college crossing to the renderer.
import type { Database } from 'better-sqlite3';
import type { Course, Faculty, Group, Room, Student } from '../../shared/model/index.ts';
import {
  courseFromRow,
  facultyFromRow,
  groupFromRow,
  roomFromRow,
  studentFromRow,
  type CourseRow,
  type FacultyRow,
  type GroupRow,
  type RoomRow,
  type StudentRow,
} from './collegeRows.ts';

export interface BrowseEntities {
  rooms: Room;
  faculty: Faculty;
  groups: Group;
  courses: Course;
  students: Student;
}
export type BrowseKind = keyof BrowseEntities;

export interface BrowseQuery {
  /** Case-insensitive text found in the id or the name. */
  search?: string;
  /** Only entities of this department (faculty, groups, courses). */
  department?: string;
  /** Courses taught by this faculty id / attended by this group id; students in this group. */
  faculty?: string;
  group?: string;
  offset?: number;
  /** Default 100, at most 1000. */
  limit?: number;
}

export interface BrowsePage<T> {
  total: number;
  rows: T[];
}

const TABLES: Record<BrowseKind, { table: string; map: (row: never) => unknown }> = {
  rooms: { table: 'rooms', map: (r: RoomRow) => roomFromRow(r) },
  faculty: { table: 'faculty', map: (r: FacultyRow) => facultyFromRow(r) },
  groups: { table: 'student_groups', map: (r: GroupRow) => groupFromRow(r) },
  courses: { table: 'courses', map: (r: CourseRow) => courseFromRow(r) },
  students: { table: 'students', map: (r: StudentRow) => studentFromRow(r) },
};

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One page of entities of `kind` in saved order, filtered by `query`, with the filtered total. */
export function browseCollege<K extends BrowseKind>(
  db: Database,
  kind: K,
  query: BrowseQuery = {},
): BrowsePage<BrowseEntities[K]> {
  const { table, map } = TABLES[kind];
  const where: string[] = [];
  const params: Array<string | number> = [];
  if (query.search) {
    where.push("(e.id LIKE ? ESCAPE '\\' OR e.name LIKE ? ESCAPE '\\')");
    const pattern = `%${escapeLike(query.search)}%`;
    params.push(pattern, pattern);
  }
  if (query.department !== undefined && kind !== 'rooms' && kind !== 'students') {
    where.push('e.department = ?');
    params.push(query.department);
  }
  if (query.faculty !== undefined && kind === 'courses') {
    where.push('EXISTS (SELECT 1 FROM json_each(e.faculty) j WHERE j.value = ?)');
    params.push(query.faculty);
  }
  if (query.group !== undefined && (kind === 'courses' || kind === 'students')) {
    where.push('EXISTS (SELECT 1 FROM json_each(e.groups) j WHERE j.value = ?)');
    params.push(query.group);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const limit = Math.min(Math.max(query.limit ?? 100, 0), 1000);
  const offset = Math.max(query.offset ?? 0, 0);
  return db.transaction(() => {
    const total =
      db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM ${table} e ${filter}`).get(...params)
        ?.n ?? 0;
    const rows = db
      .prepare<unknown[], never>(`SELECT e.* FROM ${table} e ${filter} ORDER BY e.idx LIMIT ? OFFSET ?`)
      .all(...params, limit, offset)
      .map((r) => map(r) as BrowseEntities[K]);
    return { total, rows };
  })();
}
