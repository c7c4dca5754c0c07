// The college model: one validated, id-based description of everything WORKBOOK.md defines.
// Importers produce it, the project database stores it, `compile` turns it into the solver's
// integer-indexed form. Slot references are already resolved to day/period indices here.
import { z } from 'zod';

const id = z.string().min(1).max(200);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM (24 h)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');
const count = z.number().int().nonnegative();
const positive = z.number().int().positive();

/** One teaching period of one day: indices into `calendar.days` and `periods`. */
export const slotRefSchema = z.object({ day: count, period: count });

export const calendarSchema = z.object({
  institution: z.string().default(''),
  days: z.array(z.string().min(1)).min(1).default(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']),
  termStart: isoDate.optional(),
  termEnd: isoDate.optional(),
  /** IANA zone; absent = the computer's zone at export time. */
  timezone: z.string().optional(),
  holidays: z.array(isoDate).default([]),
  /**
   * The days fall into terms of this many consecutive days (FET's Terms mode): days 1..n are term 1,
   * and so on. Absent = the whole week is one term. Read by max_terms and max_per_term.
   */
  daysPerTerm: z.number().int().positive().optional(),
});

export const periodSchema = z.object({ label: z.string().min(1), start: hhmm, end: hhmm });

export const roomSchema = z.object({
  id,
  name: z.string(),
  capacity: positive,
  type: z.string().min(1).default('lecture'),
  building: z.string().optional(),
  unavailable: z.array(slotRefSchema).default([]),
});

export const facultySchema = z.object({
  id,
  name: z.string(),
  department: z.string().default(''),
  email: z.string().optional(),
  maxPerDay: positive.optional(),
  maxPerWeek: positive.optional(),
  maxDays: positive.optional(),
  maxGapsPerDay: count.optional(),
  /** Idle periods summed over the week. */
  maxGapsPerWeek: count.optional(),
  /** Periods on each teaching day (a day off is allowed). */
  minPerDay: positive.optional(),
  /** Teaching days per week. */
  minDays: positive.optional(),
  /** Periods taught back to back (no free period or break between them), at most. */
  maxContinuous: positive.optional(),
  /** Periods from the first busy period of a day to its last, both counted, at most. */
  maxSpan: positive.optional(),
  /** Free periods between the last busy period of a day and the first of the next day, at least. */
  minRest: positive.optional(),
  /** Building changes on a day (between sessions in rooms of different buildings), at most. */
  maxBuildingChangesPerDay: count.optional(),
  /** Building changes summed over the week, at most. */
  maxBuildingChangesPerWeek: count.optional(),
  /** Free periods between two sessions of a day in rooms of different buildings, at least. */
  minGapsBetweenBuildingChanges: positive.optional(),
  unavailable: z.array(slotRefSchema).default([]),
});

export const groupSchema = z.object({
  id,
  name: z.string(),
  size: count,
  department: z.string().optional(),
  parent: id.optional(),
  maxPerDay: positive.optional(),
  minPerDay: count.optional(),
  maxGapsPerDay: count.optional(),
  /** Idle periods summed over the week (per sub-batch). */
  maxGapsPerWeek: count.optional(),
  /** Periods back to back (no free period or break between them), at most (per sub-batch). */
  maxContinuous: positive.optional(),
  /** Days a week that may begin at the second period instead of the first (per sub-batch). */
  maxLateStarts: count.optional(),
  /** Periods from the first busy period of a day to its last, both counted, at most (per sub-batch). */
  maxSpan: positive.optional(),
  /** Free periods between the last busy period of a day and the first of the next, at least (per sub-batch). */
  minRest: positive.optional(),
  /** Building changes on a day, at most (per sub-batch). */
  maxBuildingChangesPerDay: count.optional(),
  /** Building changes summed over the week, at most (per sub-batch). */
  maxBuildingChangesPerWeek: count.optional(),
  /** Free periods between two sessions of a day in different buildings, at least (per sub-batch). */
  minGapsBetweenBuildingChanges: positive.optional(),
});

export const courseSchema = z.object({
  id,
  name: z.string(),
  department: z.string().default(''),
  faculty: z.array(id).default([]),
  groups: z.array(id).default([]),
  sessions: positive,
  length: positive.default(1),
  roomType: z.string().min(1).default('lecture'),
  /** Allowed rooms, narrower than the type; empty = every room of the type. */
  rooms: z.array(id).default([]),
  /** Explicit head count; absent = groups' sizes + enrolled students not counted through them. */
  students: count.optional(),
  /** Soft spread target; absent = min(sessions, days). */
  minDays: count.optional(),
  unavailable: z.array(slotRefSchema).default([]),
  /** Slots where a session of the course may start; absent or empty = anywhere. */
  starts: z.array(slotRefSchema).optional(),
});

export const studentSchema = z.object({ id, name: z.string().optional(), groups: z.array(id).default([]) });
export const enrollmentSchema = z.object({ studentId: id, courseId: id });

export const fixedSchema = z.object({
  courseId: id,
  /** 1-based session number within the course. */
  session: positive,
  day: count,
  period: count,
  roomId: id.optional(),
});

export const ruleKinds = [
  'same_time',
  'not_overlapping',
  'different_days',
  'same_day',
  'consecutive',
  'ordered',
  'min_days_apart',
  'same_room',
  'min_days_between',
  'same_period',
  'adjacent',
  'min_gap',
  'consecutive_across_break',
  'adjacent_across_break',
  'max_days_apart',
  'ends_day',
  'same_room_if_consecutive',
  'adjacent_if_same_day',
  'max_terms',
  'max_per_term',
  'max_slots',
  'max_days_in_slots',
  'max_per_day',
  'max_continuous',
  'max_simultaneous',
  'min_simultaneous',
  'min_simultaneous_or_none',
  'max_sessions_in_slots',
  'preferred_starts',
  'preferred_slots',
  'min_slots',
  'min_gap_counting_breaks',
  'ordered_if_same_day',
  'grouped',
  'not_overlapping_parts',
] as const;
export const ruleKindSchema = z.enum(ruleKinds);

export const ruleSchema = z.object({
  kind: ruleKindSchema,
  courses: z.array(id).min(1),
  hard: z.boolean().default(true),
  /** Weight of one violation when soft. */
  weight: z.number().nonnegative().default(1),
  value: z.number().optional(),
  /** The slots the slot-list kinds read (max_slots, …, preferred_slots: docs/WORKBOOK.md Rules `slots`). */
  slots: z.array(slotRefSchema).optional(),
  /**
   * not_overlapping_parts: the part (0-based) of each listed course, as long as `courses`
   * (docs/WORKBOOK.md Rules `courses`, parts separated by `|`); absent for other kinds.
   */
  parts: z.array(z.number().int().nonnegative()).optional(),
});

/** How room capacity is treated: `hard` for college workbooks, `soft` (cost per extra student) for ITC-2007. */
export const settingsSchema = z.object({
  roomCapacity: z.enum(['hard', 'soft']).default('hard'),
});

export const collegeSchema = z.object({
  calendar: calendarSchema,
  periods: z.array(periodSchema).min(1),
  rooms: z.array(roomSchema),
  faculty: z.array(facultySchema),
  groups: z.array(groupSchema),
  courses: z.array(courseSchema),
  students: z.array(studentSchema).default([]),
  enrollments: z.array(enrollmentSchema).default([]),
  fixed: z.array(fixedSchema).default([]),
  rules: z.array(ruleSchema).default([]),
  /** Soft-constraint weight overrides by name (see src/shared/eval/weights.ts). */
  weights: z.record(z.string(), z.number().nonnegative()).default({}),
  settings: settingsSchema.default({ roomCapacity: 'hard' }),
  /** Where the data came from: shown in the UI, used by exports (ITC solution format). */
  source: z
    .object({ kind: z.enum(['workbook', 'csv', 'ctt', 'fet', 'generated']), name: z.string() })
    .optional(),
});

/** One placed (or unplaced) session of a timetable. `day`/`period`/`roomId` null = unplaced. */
export const assignmentSchema = z.object({
  courseId: id,
  session: positive,
  day: count.nullable(),
  period: count.nullable(),
  roomId: id.nullable(),
  locked: z.boolean().default(false),
});

export const timetableSchema = z.object({ assignments: z.array(assignmentSchema) });
