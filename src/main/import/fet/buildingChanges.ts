// FET's building-change constraints (teacher(s), students (set): max building changes per day, per
// week, min gaps between building changes) onto the Faculty and Groups columns of the same names
// (docs/WORKBOOK.md "Building changes"). FET walks each day hour by hour and counts a change where a
// room's building differs from the last building seen, as the contract does; its gap hours are the
// free hours before the change, break hours included, where a break between periods is no period
// here: buildingGapLimits lowers a minimum by the every-day break hours inside a day (never stricter
// than FET's) and reports it weakened, or dropped when nothing is left.
import { studentsLimit, teacherLimit } from './constraintMappings.ts';
import type { Mapping, Outcome } from './fetContext.ts';
import type { KindCount } from './build.ts';

const perDay = 'Max_Building_Changes_Per_Day';
const perWeek = 'Max_Building_Changes_Per_Week';
const minGaps = 'Min_Gaps_Between_Building_Changes';

const teacherDay = teacherLimit('maxBuildingChangesPerDay', perDay, 'Faculty max_building_changes_day');
const teacherWeek = teacherLimit('maxBuildingChangesPerWeek', perWeek, 'Faculty max_building_changes_week');
const teacherGaps = teacherLimit(
  'minGapsBetweenBuildingChanges',
  minGaps,
  'Faculty min_gaps_between_building_changes',
);
const studentsDay = studentsLimit(
  'maxBuildingChangesPerDay',
  perDay,
  'Groups max_building_changes_day on each subgroup',
);
const studentsWeek = studentsLimit(
  'maxBuildingChangesPerWeek',
  perWeek,
  'Groups max_building_changes_week on each subgroup',
);
const studentsGaps = studentsLimit(
  'minGapsBetweenBuildingChanges',
  minGaps,
  'Groups min_gaps_between_building_changes on each subgroup',
);

export const BUILDING_CONSTRAINTS: Record<string, Mapping> = {
  ConstraintTeacherMaxBuildingChangesPerDay: teacherDay,
  ConstraintTeachersMaxBuildingChangesPerDay: teacherDay,
  ConstraintTeacherMaxBuildingChangesPerWeek: teacherWeek,
  ConstraintTeachersMaxBuildingChangesPerWeek: teacherWeek,
  ConstraintTeacherMinGapsBetweenBuildingChanges: teacherGaps,
  ConstraintTeachersMinGapsBetweenBuildingChanges: teacherGaps,
  ConstraintStudentsSetMaxBuildingChangesPerDay: studentsDay,
  ConstraintStudentsMaxBuildingChangesPerDay: studentsDay,
  ConstraintStudentsSetMaxBuildingChangesPerWeek: studentsWeek,
  ConstraintStudentsMaxBuildingChangesPerWeek: studentsWeek,
  ConstraintStudentsSetMinGapsBetweenBuildingChanges: studentsGaps,
  ConstraintStudentsMinGapsBetweenBuildingChanges: studentsGaps,
};

const GAP_KINDS = [
  'ConstraintTeacherMinGapsBetweenBuildingChanges',
  'ConstraintTeachersMinGapsBetweenBuildingChanges',
  'ConstraintStudentsSetMinGapsBetweenBuildingChanges',
  'ConstraintStudentsMinGapsBetweenBuildingChanges',
];

/**
 * The every-day break hours that can fall between two teaching hours of a day (`periodOf[h]` < 0
 * for an hour that is a break on every day): FET counts them as gap hours, the contract does not.
 * Returns how much to lower each min gaps limit, after reporting the kinds weakened (or dropped
 * when no limit is left once lowered).
 */
export function buildingGapLimits(
  periodOf: readonly number[],
  limits: Iterable<{ minGapsBetweenBuildingChanges?: number }>,
  kinds: Map<string, KindCount>,
  demote: (kind: string, outcome: Outcome, activities: number[], reason: string) => void,
): number {
  const inner = periodOf.filter(
    (p, h) => p < 0 && periodOf.some((q, i) => q >= 0 && i < h) && periodOf.some((q, i) => q >= 0 && i > h),
  ).length;
  if (inner === 0) return 0;
  const left = [...limits].some((l) => (l.minGapsBetweenBuildingChanges ?? 0) > inner);
  for (const k of GAP_KINDS)
    for (let n = kinds.get(k)?.mapped ?? 0; n > 0; n--)
      demote(
        k,
        left ? 'weakened' : 'dropped',
        [],
        `FET counts break hours as gap hours, which are no periods here: the limit is read ${inner} periods lower`,
      );
  return inner;
}

/** The Faculty / Groups building-change fields of a teacher's or subgroup's limits, min gaps lowered by `lower`. */
export function buildingLimits(
  lim: {
    maxBuildingChangesPerDay?: number;
    maxBuildingChangesPerWeek?: number;
    minGapsBetweenBuildingChanges?: number;
  },
  lower: number,
): {
  maxBuildingChangesPerDay?: number;
  maxBuildingChangesPerWeek?: number;
  minGapsBetweenBuildingChanges?: number;
} {
  const gaps = (lim.minGapsBetweenBuildingChanges ?? 0) - lower;
  return {
    ...(lim.maxBuildingChangesPerDay !== undefined
      ? { maxBuildingChangesPerDay: lim.maxBuildingChangesPerDay }
      : {}),
    ...(lim.maxBuildingChangesPerWeek !== undefined
      ? { maxBuildingChangesPerWeek: lim.maxBuildingChangesPerWeek }
      : {}),
    ...(gaps > 0 ? { minGapsBetweenBuildingChanges: gaps } : {}),
  };
}
