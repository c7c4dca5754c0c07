// Integer indices of the cost kinds, for the incremental state's per-kind totals.
import { HARD_KINDS, SOFT_KINDS } from '../types.ts';
import type { HardKind, SoftKind } from '../types.ts';

const hardIndex = (k: HardKind): number => HARD_KINDS.indexOf(k);
const softIndex = (k: SoftKind): number => SOFT_KINDS.indexOf(k);

export const H = {
  unplaced: hardIndex('unplaced'),
  outsideBlock: hardIndex('outside_block'),
  facultyClash: hardIndex('faculty_clash'),
  groupClash: hardIndex('group_clash'),
  roomClash: hardIndex('room_clash'),
  roomType: hardIndex('room_type'),
  roomNotAllowed: hardIndex('room_not_allowed'),
  roomCapacity: hardIndex('room_capacity'),
  facultyUnavailable: hardIndex('faculty_unavailable'),
  roomUnavailable: hardIndex('room_unavailable'),
  courseUnavailable: hardIndex('course_unavailable'),
  facultyMaxPerDay: hardIndex('faculty_max_per_day'),
  facultyMaxPerWeek: hardIndex('faculty_max_per_week'),
  facultyMaxDays: hardIndex('faculty_max_days'),
  facultyMaxGaps: hardIndex('faculty_max_gaps'),
  facultyMaxGapsPerWeek: hardIndex('faculty_max_gaps_per_week'),
  facultyMinPerDay: hardIndex('faculty_min_per_day'),
  facultyMinDays: hardIndex('faculty_min_days'),
  facultyMaxContinuous: hardIndex('faculty_max_continuous'),
  facultyMaxSpan: hardIndex('faculty_max_span'),
  facultyMinRest: hardIndex('faculty_min_rest'),
  facultyMaxBuildingChanges: hardIndex('faculty_max_building_changes'),
  facultyMaxBuildingChangesPerWeek: hardIndex('faculty_max_building_changes_per_week'),
  facultyMinBuildingGaps: hardIndex('faculty_min_building_gaps'),
  groupMaxPerDay: hardIndex('group_max_per_day'),
  groupMinPerDay: hardIndex('group_min_per_day'),
  groupMaxGaps: hardIndex('group_max_gaps'),
  groupMaxGapsPerWeek: hardIndex('group_max_gaps_per_week'),
  groupMaxContinuous: hardIndex('group_max_continuous'),
  groupMaxLateStarts: hardIndex('group_max_late_starts'),
  groupMaxSpan: hardIndex('group_max_span'),
  groupMinRest: hardIndex('group_min_rest'),
  groupMaxBuildingChanges: hardIndex('group_max_building_changes'),
  groupMaxBuildingChangesPerWeek: hardIndex('group_max_building_changes_per_week'),
  groupMinBuildingGaps: hardIndex('group_min_building_gaps'),
  fixedMoved: hardIndex('fixed_moved'),
  rule: hardIndex('rule'),
} as const;

export const S = {
  roomCapacity: softIndex('room_capacity'),
  minDays: softIndex('min_days'),
  isolated: softIndex('isolated'),
  roomStability: softIndex('room_stability'),
  studentClash: softIndex('student_clash'),
  facultyGaps: softIndex('faculty_gaps'),
  groupGaps: softIndex('group_gaps'),
  softRule: softIndex('soft_rule'),
} as const;

export const N_HARD = HARD_KINDS.length;
export const N_SOFT = SOFT_KINDS.length;
