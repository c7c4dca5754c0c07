// What the evaluator reports: totals, totals by kind, and each violation with the sessions it
// concerns (the editor highlights them, exports and the CLI print them).

export const HARD_KINDS = [
  'unplaced',
  'outside_block',
  'faculty_clash',
  'group_clash',
  'room_clash',
  'room_type',
  'room_not_allowed',
  'room_capacity',
  'faculty_unavailable',
  'room_unavailable',
  'course_unavailable',
  'faculty_max_per_day',
  'faculty_max_per_week',
  'faculty_max_days',
  'faculty_max_gaps',
  'faculty_max_gaps_per_week',
  'faculty_min_per_day',
  'faculty_min_days',
  'faculty_max_continuous',
  'faculty_max_span',
  'faculty_min_rest',
  'faculty_max_building_changes',
  'faculty_max_building_changes_per_week',
  'faculty_min_building_gaps',
  'group_max_per_day',
  'group_min_per_day',
  'group_max_gaps',
  'group_max_gaps_per_week',
  'group_max_continuous',
  'group_max_late_starts',
  'group_max_span',
  'group_min_rest',
  'group_max_building_changes',
  'group_max_building_changes_per_week',
  'group_min_building_gaps',
  'fixed_moved',
  'rule',
] as const;
export type HardKind = (typeof HARD_KINDS)[number];

export const SOFT_KINDS = [
  'room_capacity',
  'min_days',
  'isolated',
  'room_stability',
  'student_clash',
  'faculty_gaps',
  'group_gaps',
  'soft_rule',
] as const;
export type SoftKind = (typeof SOFT_KINDS)[number];

export interface Violation {
  kind: HardKind | SoftKind;
  hard: boolean;
  /** Cost contributed (hard: count of violations; soft: weighted cost). */
  cost: number;
  /** Session indices (compiled numbering) involved. */
  sessions: number[];
  /** Plain-words explanation naming courses, faculty, groups, rooms by id. */
  message: string;
}

export interface Evaluation {
  hardTotal: number;
  softTotal: number;
  hard: Record<HardKind, number>;
  soft: Record<SoftKind, number>;
  violations: Violation[];
}

/** A timetable in compiled form: per session its start slot and room index, -1 when unplaced. */
export interface Placement {
  slot: Int32Array;
  room: Int32Array;
}
