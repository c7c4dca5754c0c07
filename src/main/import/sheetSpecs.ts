// The sheets and columns of WORKBOOK.md, in one place: the parsers find columns through it, the
// template workbook and its Instructions sheet are written from it.

export type SheetName =
  | 'Calendar'
  | 'Periods'
  | 'Rooms'
  | 'Faculty'
  | 'Groups'
  | 'Courses'
  | 'Students'
  | 'Enrollments'
  | 'Fixed'
  | 'Rules'
  | 'Weights';

export interface ColumnSpec {
  /** Canonical header, e.g. `room_id`. */
  name: string;
  /** The header must be present (cells may still be optional, see the parsers). */
  required: boolean;
  about: string;
  /** The template's example value. */
  example: string;
}

export interface SheetSpec {
  name: SheetName;
  required: boolean;
  about: string;
  columns: ColumnSpec[];
}

const col = (name: string, required: boolean, about: string, example: string): ColumnSpec => ({
  name,
  required,
  about,
  example,
});

const SLOTS = 'slot list: Mon (whole day), Mon:3 (one period), Mon:3-5 (a range), separated by ;';

/** The building-change limits, the same on Faculty and Groups. */
const buildingChangeColumns = (): ColumnSpec[] => [
  col('max_building_changes_day', false, 'moves between buildings on a day, at most, optional', ''),
  col('max_building_changes_week', false, 'moves between buildings in the week, at most, optional', ''),
  col(
    'min_gaps_between_building_changes',
    false,
    'free periods between two sessions in different buildings, at least, optional',
    '',
  ),
];

export const SHEET_SPECS: readonly SheetSpec[] = [
  {
    name: 'Calendar',
    required: false,
    about: 'key/value rows: institution, days, term_start, term_end, timezone, holidays, days_per_term',
    columns: [
      col('key', true, 'setting name', 'days'),
      col('value', true, 'its value', 'Mon;Tue;Wed;Thu;Fri'),
    ],
  },
  {
    name: 'Periods',
    required: true,
    about: 'teaching periods of a day, in order; a gap between two periods (lunch) breaks adjacency',
    columns: [
      col('period', true, 'label, e.g. 1 or P1', '1'),
      col('start', true, 'HH:MM (24 h)', '09:00'),
      col('end', true, 'HH:MM (24 h)', '10:00'),
    ],
  },
  {
    name: 'Rooms',
    required: true,
    about: 'one row per room',
    columns: [
      col('room_id', true, 'unique id', 'R101'),
      col('name', true, 'display name', 'Room 101'),
      col('capacity', true, 'seats, integer > 0', '60'),
      col('type', false, 'free tag (lecture, lab, seminar); default lecture', 'lecture'),
      col('building', false, 'optional', 'Main'),
      col('unavailable', false, SLOTS, ''),
    ],
  },
  {
    name: 'Faculty',
    required: true,
    about: 'one row per teacher; limits are hard',
    columns: [
      col('faculty_id', true, 'unique id', 'F01'),
      col('name', true, 'display name', 'A. Teacher'),
      col('department', false, 'department', 'CSE'),
      col('email', false, 'optional', 'teacher@example.edu'),
      col('max_per_day', false, 'periods per day, optional', '4'),
      col('max_per_week', false, 'periods per week, optional', '16'),
      col('max_days', false, 'teaching days per week, optional', ''),
      col('max_gaps_per_day', false, 'idle periods between sessions in a day, optional', ''),
      col('max_gaps_per_week', false, 'idle periods between sessions, summed over the week, optional', ''),
      col('min_per_day', false, 'periods on each teaching day (a day off is allowed), optional', ''),
      col('min_days', false, 'teaching days per week, at least, optional', ''),
      col(
        'max_continuous',
        false,
        'periods in a row (no free period or break between them), at most, optional',
        '',
      ),
      col(
        'max_span',
        false,
        "periods from a day's first session to its last, both counted, at most, optional",
        '',
      ),
      col(
        'min_rest',
        false,
        "free periods from a day's last session to the next day's first, at least, optional",
        '',
      ),
      ...buildingChangeColumns(),
      col('unavailable', false, SLOTS, 'Fri'),
    ],
  },
  {
    name: 'Groups',
    required: true,
    about: 'student groups (section, batch, curriculum); a batch clashes with its parent, not its siblings',
    columns: [
      col('group_id', true, 'unique id', 'CSE2A'),
      col('name', true, 'display name', 'CSE 2nd year, section A'),
      col('size', true, 'students, integer >= 0', '60'),
      col('department', false, 'optional', 'CSE'),
      col('parent', false, 'group_id of the parent group, optional', ''),
      col('max_per_day', false, 'periods, optional', ''),
      col('min_per_day', false, 'periods, optional', ''),
      col('max_gaps_per_day', false, 'periods, optional', ''),
      col('max_gaps_per_week', false, 'idle periods summed over the week, optional', ''),
      col('max_continuous', false, 'periods in a row (no free period or break between them), optional', ''),
      col('max_span', false, "periods from a day's first session to its last, both counted, optional", ''),
      col(
        'min_rest',
        false,
        "free periods from a day's last session to the next day's first, at least, optional",
        '',
      ),
      col(
        'max_late_starts',
        false,
        'days a week that may begin at the second period (every other day with sessions begins at the first), optional',
        '',
      ),
      ...buildingChangeColumns(),
    ],
  },
  {
    name: 'Courses',
    required: true,
    about: 'one row per course offering that needs weekly sessions',
    columns: [
      col('course_id', true, 'unique id', 'CS201'),
      col('name', true, 'display name', 'Data Structures'),
      col('department', false, 'department', 'CSE'),
      col('faculty', true, 'list of faculty_id; all teach every session', 'F01'),
      col('groups', true, 'list of group_id attending every session', 'CSE2A'),
      col('sessions', true, 'sessions per week, integer >= 1', '3'),
      col('length', false, 'periods per session, default 1', '1'),
      col('room_type', false, 'required room type, default lecture', 'lecture'),
      col('rooms', false, 'list of room_id allowed (narrower than the type), optional', ''),
      col('students', false, 'head count, default from groups and enrollments', ''),
      col('min_days', false, 'spread over at least this many days (soft)', ''),
      col('unavailable', false, SLOTS, ''),
      col(
        'starts',
        false,
        'slots where a session may start (Mon:1, or a bare period 1 for every day), optional; empty = anywhere',
        '',
      ),
    ],
  },
  {
    name: 'Students',
    required: false,
    about: 'only needed with Enrollments',
    columns: [
      col('student_id', true, 'unique id', 'S0001'),
      col('name', false, 'optional', 'A. Student'),
      col('groups', true, 'list of group_id the student belongs to', 'CSE2A'),
    ],
  },
  {
    name: 'Enrollments',
    required: false,
    about: 'individual elective choices; a student clash is a soft cost',
    columns: [
      col('student_id', true, 'a student_id of Students', 'S0001'),
      col('course_id', true, 'a course_id of Courses', 'CS201'),
    ],
  },
  {
    name: 'Fixed',
    required: false,
    about: 'pinned sessions',
    columns: [
      col('course_id', true, 'a course_id of Courses', 'CS201'),
      col('session', true, '1-based session number', '1'),
      col('day', true, 'a day of Calendar days', 'Mon'),
      col('period', true, 'a period label of Periods', '1'),
      col('room_id', false, 'optional room', 'R101'),
    ],
  },
  {
    name: 'Rules',
    required: false,
    about:
      'relations between courses: same_time, not_overlapping, different_days, same_day, consecutive, ordered, min_days_apart, same_room, min_days_between, same_period, adjacent, min_gap, consecutive_across_break, adjacent_across_break, max_days_apart, ends_day, same_room_if_consecutive, adjacent_if_same_day, max_terms, max_per_term, max_slots, max_days_in_slots, max_per_day, max_continuous, max_simultaneous, min_simultaneous, min_simultaneous_or_none, max_sessions_in_slots, preferred_starts, preferred_slots, min_slots, min_gap_counting_breaks, ordered_if_same_day, grouped, not_overlapping_parts',
    columns: [
      col('rule', true, 'rule kind', 'min_days_apart'),
      col(
        'courses',
        true,
        'list of course_id; course_id#k = session k only; not_overlapping_parts: parts split by |',
        'CS201',
      ),
      col('hard', false, 'yes/no, default yes', 'no'),
      col('weight', false, 'weight of a soft rule, default 1', '2'),
      col(
        'value',
        false,
        'rule parameter (days for min_days_apart, min_days_between and max_days_apart, periods for min_gap, min_gap_counting_breaks, max_per_day and max_continuous)',
        '2',
      ),
      col(
        'slots',
        false,
        'slot list of max_slots, min_slots, max_days_in_slots, max/min_simultaneous, max_sessions_in_slots, preferred_starts, preferred_slots (3-5 = those periods every day)',
        '',
      ),
    ],
  },
  {
    name: 'Weights',
    required: false,
    about:
      'soft-constraint weight overrides: room_capacity, min_days, isolated, room_stability, student_clash, faculty_gaps, group_gaps, soft_rule',
    columns: [col('constraint', true, 'weight name', 'min_days'), col('weight', true, 'number >= 0', '5')],
  },
];

/** Headers and sheet names match case-insensitively, ignoring spaces and `_`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[\s_]+/g, '');
}

export function specFor(name: SheetName): SheetSpec {
  const spec = SHEET_SPECS.find((s) => s.name === name);
  if (!spec) throw new Error(`no sheet spec named ${name}`);
  return spec;
}
