// Soft-constraint weights: the names a workbook's Weights sheet may override.
// ITC_WEIGHTS reproduces the ITC-2007 curriculum-based cost exactly (data/itc2007/README.md §4).

export interface Weights {
  /** Per student above a room's capacity, per session (only when capacity is soft). */
  room_capacity: number;
  /** Per day missing below a course's min_days. */
  min_days: number;
  /** Per session of a group with no adjacent session of that group on the same day. */
  isolated: number;
  /** Per distinct room beyond the first used by a course. */
  room_stability: number;
  /** Per student with two sessions at the same time (enrollments). */
  student_clash: number;
  /** Per idle period between two sessions of a faculty member in one day. */
  faculty_gaps: number;
  /** Per idle period between two sessions of a group in one day. */
  group_gaps: number;
  /** Multiplier on each soft rule's own weight. */
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
