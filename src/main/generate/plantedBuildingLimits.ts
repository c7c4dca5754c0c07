// Building-change limits for the full college (its own random stream, drawn last, so every other
// row stays as it was): some faculty and groups get max_building_changes_day and _week and
// min_gaps_between_building_changes at what the planted timetable uses (the most changes of a day,
// of the week; the fewest free periods before a change), counted by the evaluator's own reading
// (../../shared/eval/buildings.ts), so the planted timetable stays feasible.
import type { College, Timetable } from '../../shared/model/types.ts';
import { compile } from '../../shared/compiled/compile.ts';
import type { Csr } from '../../shared/compiled/types.ts';
import { timetableToPlacement } from '../../shared/compiled/placement.ts';
import { buildState } from '../../shared/eval/state.ts';
import type { EvalState } from '../../shared/eval/state.ts';
import { weekChanges } from '../../shared/eval/buildings.ts';
import { problemFacts } from '../../shared/eval/problemFacts.ts';
import type { Rng } from './rng.ts';

interface Use {
  /** The most changes on one day, and in the week. */
  day: number;
  week: number;
  /** The largest minimum of free periods before a change that the week keeps (0 = none). */
  gaps: number;
}

function useOf(st: EvalState, courses: Csr, rows: readonly number[]): Use {
  const p = st.p;
  let day = 0;
  let week = 0;
  for (const row of rows) {
    const w = weekChanges(p, st, courses, row, 0);
    day = Math.max(day, ...w.changes);
    week = Math.max(
      week,
      w.changes.reduce((a, b) => a + b, 0),
    );
  }
  let gaps = 0;
  if (day > 0)
    while (
      gaps < p.nPeriods &&
      rows.every((row) => weekChanges(p, st, courses, row, gaps + 1).short.every((v) => v === 0))
    )
      gaps++;
  return { day, week, gaps };
}

export function addPlantedBuildingLimits(college: College, planted: Timetable, rng: Rng): void {
  const p = compile(college);
  if (p.buildings.length < 2) return;
  const st = buildState(p, timetableToPlacement(p, planted));
  const set = (
    row: {
      maxBuildingChangesPerDay?: number;
      maxBuildingChangesPerWeek?: number;
      minGapsBetweenBuildingChanges?: number;
    },
    use: Use,
  ): void => {
    if (use.day === 0) return;
    if (rng.chance(0.2)) row.maxBuildingChangesPerDay = use.day;
    if (rng.chance(0.15)) row.maxBuildingChangesPerWeek = use.week;
    if (use.gaps > 0 && rng.chance(0.15)) row.minGapsBetweenBuildingChanges = use.gaps;
  };
  college.faculty.forEach((f, i) => set(f, useOf(st, p.facultyCourses, [i])));
  const { groupSets } = problemFacts(p);
  college.groups.forEach((g, i) => {
    const sets = Array.from(groupSets.items.subarray(groupSets.offsets[i], groupSets.offsets[i + 1]));
    set(g, useOf(st, p.setCourses, sets));
  });
}
