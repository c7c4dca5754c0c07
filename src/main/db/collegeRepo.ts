// The college model in the project database. saveCollege replaces every model table in one
// transaction (a re-import is all or nothing); loadCollege reads it back exactly as saved.
// Calendar, settings, weights and source are key/value rows (`calendar.days`, `weights.isolated`).
import type { Database } from 'better-sqlite3';
import type { Calendar, College, Period, Settings } from '../../shared/model/index.ts';
import { collegeSchema } from '../../shared/model/index.ts';
import { danglingReference } from './collegeReferences.ts';
import { ProjectFileError } from './ProjectFileError.ts';
import {
  courseFromRow,
  courseToRow,
  facultyFromRow,
  facultyToRow,
  fixedFromRow,
  fixedToRow,
  groupFromRow,
  groupToRow,
  roomFromRow,
  roomToRow,
  ruleFromRow,
  ruleToRow,
  studentFromRow,
  studentToRow,
  type CourseRow,
  type FacultyRow,
  type FixedRow,
  type GroupRow,
  type RoomRow,
  type RuleRow,
  type StudentRow,
} from './collegeRows.ts';
import { bumpCollegeRevision, getCollegeRevision } from './projectState.ts';

const MODEL_TABLES = [
  'college_settings',
  'periods',
  'rooms',
  'faculty',
  'student_groups',
  'courses',
  'students',
  'enrollments',
  'fixed',
  'rules',
] as const;

/**
 * Per connection, the college revision this process wrote itself from a checked College: loading
 * it back on that connection skips the schema check (tens to hundreds of milliseconds at
 * university scale). Another connection, a later run or a revision written elsewhere is checked.
 */
const writtenHere = new WeakMap<Database, number>();

/** Replaces all college data with `college` atomically and bumps the college revision. */
export function saveCollege(db: Database, college: College): void {
  const insertSetting = db.prepare('INSERT INTO college_settings (key, value) VALUES (?, ?)');
  const insertPeriod = db.prepare('INSERT INTO periods (label, start, end) VALUES (@label, @start, @end)');
  const insertRoom = db.prepare<[RoomRow]>(
    'INSERT INTO rooms (id, name, capacity, type, building, unavailable) VALUES (@id, @name, @capacity, @type, @building, @unavailable)',
  );
  const insertFaculty = db.prepare<[FacultyRow]>(
    `INSERT INTO faculty (id, name, department, email, max_per_day, max_per_week, max_days, max_gaps_per_day, max_gaps_per_week, min_per_day, min_days, max_continuous, max_span, min_rest, max_building_changes_day, max_building_changes_week, min_gaps_between_building_changes, unavailable)
     VALUES (@id, @name, @department, @email, @max_per_day, @max_per_week, @max_days, @max_gaps_per_day, @max_gaps_per_week, @min_per_day, @min_days, @max_continuous, @max_span, @min_rest, @max_building_changes_day, @max_building_changes_week, @min_gaps_between_building_changes, @unavailable)`,
  );
  const insertGroup = db.prepare<[GroupRow]>(
    `INSERT INTO student_groups (id, name, size, department, parent, max_per_day, min_per_day, max_gaps_per_day, max_gaps_per_week, max_continuous, max_late_starts, max_span, min_rest, max_building_changes_day, max_building_changes_week, min_gaps_between_building_changes)
     VALUES (@id, @name, @size, @department, @parent, @max_per_day, @min_per_day, @max_gaps_per_day, @max_gaps_per_week, @max_continuous, @max_late_starts, @max_span, @min_rest, @max_building_changes_day, @max_building_changes_week, @min_gaps_between_building_changes)`,
  );
  const insertCourse = db.prepare<[CourseRow]>(
    `INSERT INTO courses (id, name, department, faculty, groups, sessions, length, room_type, rooms, students, min_days, unavailable, starts)
     VALUES (@id, @name, @department, @faculty, @groups, @sessions, @length, @room_type, @rooms, @students, @min_days, @unavailable, @starts)`,
  );
  const insertStudent = db.prepare<[StudentRow]>(
    'INSERT INTO students (id, name, groups) VALUES (@id, @name, @groups)',
  );
  const insertEnrollment = db.prepare<[string, string]>(
    'INSERT INTO enrollments (student_id, course_id) VALUES (?, ?)',
  );
  const insertFixed = db.prepare<[FixedRow]>(
    'INSERT INTO fixed (course_id, session, day, period, room_id) VALUES (@course_id, @session, @day, @period, @room_id)',
  );
  const insertRule = db.prepare<[RuleRow]>(
    'INSERT INTO rules (kind, courses, hard, weight, value, slots, parts) VALUES (@kind, @courses, @hard, @weight, @value, @slots, @parts)',
  );

  db.transaction(() => {
    for (const table of MODEL_TABLES) db.prepare(`DELETE FROM ${table}`).run();
    for (const [key, value] of settingEntries(college)) insertSetting.run(key, value);
    for (const p of college.periods) insertPeriod.run(p);
    for (const r of college.rooms) insertRoom.run(roomToRow(r));
    for (const f of college.faculty) insertFaculty.run(facultyToRow(f));
    for (const g of college.groups) insertGroup.run(groupToRow(g));
    for (const c of college.courses) insertCourse.run(courseToRow(c));
    for (const s of college.students) insertStudent.run(studentToRow(s));
    for (const e of college.enrollments) insertEnrollment.run(e.studentId, e.courseId);
    for (const f of college.fixed) insertFixed.run(fixedToRow(f));
    for (const r of college.rules) insertRule.run(ruleToRow(r));
    bumpCollegeRevision(db);
  }).immediate();
  writtenHere.set(db, getCollegeRevision(db));
}

/** The college as last saved, or null when this project has none yet. */
export function loadCollege(db: Database): College | null {
  return db.transaction((): College | null => {
    if (getCollegeRevision(db) === 0) return null;
    const settings = readSettings(db);
    const all = <Row>(sql: string): Row[] => db.prepare<[], Row>(sql).all();
    const college: College = {
      calendar: settings.calendar as Calendar,
      periods: all<Period>('SELECT label, start, end FROM periods ORDER BY idx'),
      rooms: all<RoomRow>('SELECT * FROM rooms ORDER BY idx').map(roomFromRow),
      faculty: all<FacultyRow>('SELECT * FROM faculty ORDER BY idx').map(facultyFromRow),
      groups: all<GroupRow>('SELECT * FROM student_groups ORDER BY idx').map(groupFromRow),
      courses: all<CourseRow>('SELECT * FROM courses ORDER BY idx').map(courseFromRow),
      students: all<StudentRow>('SELECT * FROM students ORDER BY idx').map(studentFromRow),
      enrollments: db
        .prepare<[], [string, string]>('SELECT student_id, course_id FROM enrollments ORDER BY idx')
        .raw()
        .all()
        .map(([studentId, courseId]) => ({ studentId, courseId })),
      fixed: all<FixedRow>('SELECT * FROM fixed ORDER BY idx').map(fixedFromRow),
      rules: all<RuleRow>('SELECT * FROM rules ORDER BY idx').map(ruleFromRow),
      weights: settings.weights as Record<string, number>,
      settings: settings.settings as Settings,
    };
    if (settings.source !== undefined) college.source = settings.source as College['source'];
    const shape = writtenHere.get(db) === getCollegeRevision(db) ? null : collegeSchema.safeParse(college);
    if (shape && !shape.success) {
      const [problem] = shape.error.issues;
      throw new ProjectFileError(
        'corrupt',
        db.name,
        `${db.name} is damaged: ${problem.path.join('.')} does not hold what Slotwise wrote there (${problem.message}). Restore a backup (slotwise restore) or import the college again.`,
      );
    }
    const dangling = danglingReference(college);
    if (dangling !== undefined) {
      throw new ProjectFileError(
        'corrupt',
        db.name,
        `${db.name} is damaged: ${dangling}, which the file does not hold (rows were removed or changed outside Slotwise). Restore a backup (slotwise restore) or import the college again.`,
      );
    }
    return college;
  })();
}

/** The college as last saved with its revision, read together (null when there is none yet). */
export function loadCollegeWithRevision(db: Database): { college: College; revision: number } | null {
  return db.transaction(() => {
    const college = loadCollege(db);
    return college ? { college, revision: getCollegeRevision(db) } : null;
  })();
}

/** Whether a college has been saved into this project (cheap; no data is read). */
export function hasCollege(db: Database): boolean {
  return getCollegeRevision(db) > 0;
}

/** Counts of the stored entities, for summaries (CLI, data browser). */
export function collegeCounts(db: Database): Record<string, number> {
  const count = (table: string): number =>
    db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0;
  return {
    periods: count('periods'),
    rooms: count('rooms'),
    faculty: count('faculty'),
    groups: count('student_groups'),
    courses: count('courses'),
    students: count('students'),
    enrollments: count('enrollments'),
    fixed: count('fixed'),
    rules: count('rules'),
  };
}

function settingEntries(college: College): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const add = (prefix: string, obj: object): void => {
    for (const [k, v] of Object.entries(obj))
      if (v !== undefined) out.push([`${prefix}.${k}`, JSON.stringify(v)]);
  };
  add('calendar', college.calendar);
  add('settings', college.settings);
  add('weights', college.weights);
  if (college.source) out.push(['source', JSON.stringify(college.source)]);
  return out;
}

function readSettings(db: Database): Record<'calendar' | 'settings' | 'weights', Record<string, unknown>> & {
  source?: unknown;
} {
  const out: Record<'calendar' | 'settings' | 'weights', Record<string, unknown>> & { source?: unknown } = {
    calendar: {},
    settings: {},
    weights: {},
  };
  const rows = db
    .prepare<[], { key: string; value: string }>('SELECT key, value FROM college_settings')
    .all();
  for (const { key, value } of rows) {
    const parsed: unknown = JSON.parse(value);
    if (key === 'source') {
      out.source = parsed;
      continue;
    }
    const dot = key.indexOf('.');
    const group = key.slice(0, dot);
    if (group === 'calendar' || group === 'settings' || group === 'weights')
      out[group][key.slice(dot + 1)] = parsed;
  }
  return out;
}
