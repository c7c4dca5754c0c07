// Soft-constraint weights: the names a workbook's Weights sheet may override.
// ITC_WEIGHTS reproduces the ITC-2007 curriculum-based cost exactly (data/itc2007/README.md §4).

export interface Weights {
  /**
   * Per student above a room's capacity, per session: weight x max(0, head count - capacity)
   * (only when capacity is soft; when hard each such session is one hard `room_capacity`).
   * ITC "RoomCapacity". Counted in sessionChecks.ts.
   */
  room_capacity: number;
  /** Per course: weight x max(0, min_days - distinct days it meets). ITC "MinWorkingDays". courseSpread.ts. */
  min_days: number;
  /**
   * Per student set (leaf group) and day: a run of busy periods with free periods (or the day's
   * edge) on both sides that is exactly one session's span counts weight x the sessions in it.
   * ITC "CurriculumCompactness" (isolated lectures). groupDays.ts.
   */
  isolated: number;
  /** Per course: weight x max(0, distinct rooms used - 1). ITC "RoomStability". courseSpread.ts. */
  room_stability: number;
  /**
   * Per pair of sessions in the same period whose courses share individually enrolled students
   * (and no student set): weight x shared students, per shared period. clashes.ts.
   */
  student_clash: number;
  /** Per faculty member and day: weight x idle periods between the first and last session. facultyDays.ts. */
  faculty_gaps: number;
  /** Per student set and day: weight x idle periods between the first and last session. groupDays.ts. */
  group_gaps: number;
  /** Multiplier on each soft rule's own weight: per rule violation, soft_rule x rule weight. rules.ts. */
  soft_rule: number;
}

export const DEFAULT_WEIGHTS: Weights = {
  room_capacity: 1,
  min_days: 5,
  isolated: 2,
  room_stability: 1,
  student_clash: 10,
  faculty_gaps: 1,
  group_gaps: 1,
  soft_rule: 1,
};

export const ITC_WEIGHTS: Weights = {
  room_capacity: 1,
  min_days: 5,
  isolated: 2,
  room_stability: 1,
  student_clash: 0,
  faculty_gaps: 0,
  group_gaps: 0,
  soft_rule: 1,
};

export const WEIGHT_NAMES = Object.keys(DEFAULT_WEIGHTS) as Array<keyof Weights>;

export function resolveWeights(base: Weights, overrides: Record<string, number>): Weights {
  const out = { ...base };
  for (const [k, v] of Object.entries(overrides)) if (k in out) out[k as keyof Weights] = v;
  return out;
}
