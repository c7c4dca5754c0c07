// The compiled problem: the college model turned into integer indices and typed arrays, built
// once by `compile(college)` and shared read-only by the evaluator, the solver and the editor.
// Slots: slot = day * nPeriods + period. Sessions: every course's sessions, course by course.
import type { RuleKind } from '../model/types.ts';
import type { Weights } from '../eval/weights.ts';

/** A list of lists in compressed form: items of row r are items[offsets[r] .. offsets[r+1]). */
export interface Csr {
  offsets: Int32Array;
  items: Int32Array;
}

/**
 * Per student (College.students order): the courses they attend, their enrolled courses first and
 * then those of their groups (and ancestors). Rows are filled only for students with at least one
 * enrollment, the students the student_clash cost is about; other rows are empty.
 */
export interface StudentCourses {
  courses: Csr;
  /** How many of a row's courses (at its start) are enrollments. */
  enrolledCount: Int32Array;
}

export interface CompiledRule {
  kind: RuleKind;
  /** Course indices, in the row's order (order matters for `consecutive` and `ordered`). */
  courses: Int32Array;
  hard: boolean;
  weight: number;
  value: number;
  /** Row index in College.rules, for explanations. */
  source: number;
  /** The slot-list kinds (slotRules.ts): 1 at each listed slot (nSlots long); absent for other kinds. */
  slots?: Uint8Array;
  /**
   * Set on rules that name single sessions (`course_id#k`, problem.sessionRules only): the sessions
   * of member i are first[i] .. first[i] + count[i] - 1, and courses[i] is their course.
   */
  first?: Int32Array;
  count?: Int32Array;
  /** not_overlapping_parts: the part of member i (College rule `parts`); absent for other kinds. */
  parts?: Int32Array;
}

export interface CompiledProblem {
  nDays: number;
  /** Calendar days_per_term (the terms of max_terms and max_per_term); absent = one term. */
  daysPerTerm?: number;
  nPeriods: number;
  nSlots: number;
  /** Day names (calendar order) and period labels, for explanations. */
  dayNames: string[];
  periodLabels: string[];
  /** adjacentToNext[p] = 1 when period p+1 follows p with no break. */
  adjacentToNext: Uint8Array;
  /** blockOf[p] = index of the block of adjacent periods that contains p. */
  blockOf: Int32Array;

  // --- courses ---
  nCourses: number;
  courseIds: string[];
  courseFirstSession: Int32Array;
  courseSessionCount: Int32Array;
  courseLength: Int32Array;
  /** Head count (groups' sizes + enrolled students not counted through groups, or the explicit value). */
  courseStudents: Int32Array;
  courseMinDays: Int32Array;
  /** Faculty indices teaching every session of the course. */
  courseFaculty: Csr;
  /** Group indices as listed on the course. */
  courseGroups: Csr;
  /**
   * Student sets (leaf groups) attending the course: a session of group G is attended by every
   * leaf at or below G. Two courses clash through groups iff they share a student set.
   */
  courseStudentSets: Csr;
  /** Room indices the course may use: right type, in the allowed list if any (capacity not filtered). */
  courseRooms: Csr;
  /**
   * startForbidden[c * nSlots + s] = 1 when a session of course c may not START at slot s: it would
   * run past the day's end or across a break, or one of its periods is unavailable to the course
   * or to one of its faculty. (Room unavailability is per room: roomUnavailable.)
   */
  startForbidden: Uint8Array;
  /** courseUnavailable[c * nSlots + s] = 1 when the course itself may not use slot s (its `unavailable` list). */
  courseUnavailable: Uint8Array;
  /**
   * courseStartOff[c * nSlots + s] = 1 when course c lists its `starts` and s is not one of them (all
   * 0 for a course without the list). Also part of startForbidden.
   */
  courseStartOff: Uint8Array;
  /** Index into roomTypes of the room type the course needs. */
  courseRoomType: Int32Array;
  /** Courses sharing enrolled students: row c lists other courses; courseConflictWeight the shared counts. */
  courseStudentConflicts: Csr;
  courseConflictWeight: Int32Array;
  /** Enrolled students' courses (absent on problems built by hand without students). */
  students?: StudentCourses;

  // --- sessions ---
  nSessions: number;
  sessionCourse: Int32Array;
  /** 0-based number of the session within its course. */
  sessionIndex: Int32Array;
  /** Fixed start slot (from the Fixed sheet), or -1. */
  sessionFixedSlot: Int32Array;
  /** Fixed room index, or -1. */
  sessionFixedRoom: Int32Array;

  // --- rooms ---
  nRooms: number;
  roomIds: string[];
  roomCapacity: Int32Array;
  /** Index into roomTypes of each room's type. */
  roomType: Int32Array;
  /** Index into buildings of each room's building, -1 for a room without one. */
  roomBuilding: Int32Array;
  /** Distinct building names of the rooms. */
  buildings: string[];
  /** Distinct room-type names (rooms' and courses'). */
  roomTypes: string[];
  /** roomUnavailable[r * nSlots + s] = 1 when room r cannot be used in slot s. */
  roomUnavailable: Uint8Array;

  // --- faculty (limits: 0 = no limit, except the gap limits: -1 = no limit) ---
  nFaculty: number;
  facultyIds: string[];
  facultyMaxPerDay: Int32Array;
  facultyMaxPerWeek: Int32Array;
  facultyMaxDays: Int32Array;
  facultyMaxGapsPerDay: Int32Array;
  /** Idle periods summed over the week, -1 = no limit. */
  facultyMaxGapsPerWeek: Int32Array;
  /** Periods on each teaching day (days off allowed), 0 = no limit. */
  facultyMinPerDay: Int32Array;
  /** Teaching days per week, at least; 0 = no limit. */
  facultyMinDays: Int32Array;
  /** Busy periods in a row with no free period or break between them, at most; 0 = no limit. */
  facultyMaxContinuous: Int32Array;
  /** Periods from a day's first busy period to its last (both counted), at most; 0 = no limit. */
  facultyMaxSpan: Int32Array;
  /** Free periods from a day's last busy period to the next day's first, at least; 0 = no limit. */
  facultyMinRest: Int32Array;
  /** Building changes on a day (../eval/buildings.ts), at most; -1 = no limit. */
  facultyMaxBuildingChangesPerDay: Int32Array;
  /** Building changes summed over the week, at most; -1 = no limit. */
  facultyMaxBuildingChangesPerWeek: Int32Array;
  /** Free periods between two sessions in different buildings, at least; 0 = no limit. */
  facultyMinGapsBetweenBuildingChanges: Int32Array;
  /** facultyUnavailable[f * nSlots + s] = 1 when faculty f cannot teach in slot s. */
  facultyUnavailable: Uint8Array;
  /** Courses each faculty teaches. */
  facultyCourses: Csr;

  // --- groups and student sets ---
  nGroups: number;
  groupIds: string[];
  /** Parent group index, or -1. */
  groupParent: Int32Array;
  groupSize: Int32Array;
  groupMaxPerDay: Int32Array;
  groupMinPerDay: Int32Array;
  groupMaxGapsPerDay: Int32Array;
  /** Idle periods summed over the week (per student set below the group), -1 = no limit. */
  groupMaxGapsPerWeek: Int32Array;
  /** Busy periods in a row (per student set below the group), at most; 0 = no limit. */
  groupMaxContinuous: Int32Array;
  /** Days per week (per student set below the group) that may begin at the second period; -1 = no limit. */
  groupMaxLateStarts: Int32Array;
  /** A day's span (first to last busy period, per student set below the group), at most; 0 = no limit. */
  groupMaxSpan: Int32Array;
  /** Rest between consecutive days (per student set below the group), at least; 0 = no limit. */
  groupMinRest: Int32Array;
  /** Building changes on a day (per student set below the group), at most; -1 = no limit. */
  groupMaxBuildingChangesPerDay: Int32Array;
  /** Building changes summed over the week (per student set below the group), at most; -1 = no limit. */
  groupMaxBuildingChangesPerWeek: Int32Array;
  /** Free periods between two sessions in different buildings (per student set), at least; 0 = no limit. */
  groupMinGapsBetweenBuildingChanges: Int32Array;
  /** Leaf groups (student sets): setGroup[k] = the group index of student set k. */
  nStudentSets: number;
  setGroup: Int32Array;
  /** Courses attended by each student set (through its group or any ancestor). */
  setCourses: Csr;
  /**
   * setUnavailable[k * nSlots + s] = 1 when every course of student set k is unavailable in slot s
   * (setUnavailable.ts): not idle time, like a faculty member's unavailable period.
   */
  setUnavailable: Uint8Array;

  rules: CompiledRule[];
  /**
   * Rules with at least one `course_id#k` member (first/count set), kept apart from `rules` so that
   * code reading a rule as whole courses never misreads them; the evaluator reads both (everyRule).
   * Absent on problems built by hand.
   */
  sessionRules?: CompiledRule[];
  /** Capacity is a hard constraint (college) or a soft cost per extra student (ITC-2007). */
  capacityHard: boolean;
  weights: Weights;
}
