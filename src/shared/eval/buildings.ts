// Building changes (docs/WORKBOOK.md, Faculty and Groups `max_building_changes_day`,
// `max_building_changes_week`, `min_gaps_between_building_changes`; FET's max building changes per
// day / week and min gaps between building changes).
//
// A person's day, period by period: free, busy in a room without a building, or busy in a building
// (a period held by sessions in several buildings at once, a clash counted already, counts the
// building listed first in the Rooms sheet). Walking the day in order, each busy period in a building
// other than the last building seen that day is a building change; periods in rooms without a
// building and free periods are skipped (they neither change nor reset the building). The gap of a
// change is the number of free periods between the last period in the previous building and the
// first in the new one, by period index (a break between periods is not a period).
// Counts: max_building_changes_day, per day, the changes above it; max_building_changes_week, once,
// the changes of all days summed above it; min_gaps_between_building_changes, per day, 1 per change
// with fewer free periods before it. A group's limits hold for each student set below it, the worst
// set counting (per day for the daily ones, once for the weekly one).
import type { CompiledProblem, Csr } from '../compiled/types.ts';
import type { EvalSink } from './sink.ts';
import type { EvalState } from './state.ts';
import type { ProblemFacts } from './problemFacts.ts';
import { dayName, plural } from './describe.ts';
import { facultySessions } from './facultyDays.ts';
import { setSessions } from './groupDays.ts';

export const FREE = -2;
export const NO_BUILDING = -1;

/** Where sessions are: start slot, periods covered (0 = not placed), room. */
export interface Placed {
  readonly slot: ArrayLike<number>;
  readonly span: ArrayLike<number>;
  readonly room: ArrayLike<number>;
}

/**
 * Write into `out` (nPeriods entries) what the placed sessions of `row`'s courses (a faculty
 * member's in p.facultyCourses, a student set's in p.setCourses) make of day d: FREE, NO_BUILDING,
 * or the building index (the smallest one where sessions in several buildings meet).
 */
export function layDay(
  p: CompiledProblem,
  at: Placed,
  courses: Csr,
  row: number,
  d: number,
  out: Int32Array,
): void {
  const nP = p.nPeriods;
  out.fill(FREE, 0, nP);
  for (let x = courses.offsets[row]; x < courses.offsets[row + 1]; x++) {
    const c = courses.items[x];
    const first = p.courseFirstSession[c];
    for (let s = first; s < first + p.courseSessionCount[c]; s++) {
      const span = at.span[s];
      if (span <= 0 || ((at.slot[s] / nP) | 0) !== d) continue;
      const q0 = at.slot[s] - d * nP;
      const b = p.roomBuilding[at.room[s]];
      for (let q = q0; q < q0 + span; q++) {
        const v = out[q];
        if (v === FREE || (b >= 0 && (v === NO_BUILDING || b < v))) out[q] = b;
      }
    }
  }
}

/**
 * Building changes of a laid-out day (layDay), and those with fewer than `minGaps` free periods
 * before them (0 = no minimum), into out[0] and out[1].
 */
export function dayChanges(day: Int32Array, nPeriods: number, minGaps: number, out: Int32Array): void {
  let last = -1;
  let free = 0;
  let changes = 0;
  let short = 0;
  for (let q = 0; q < nPeriods; q++) {
    const b = day[q];
    if (b === FREE) {
      free++;
      continue;
    }
    if (b === NO_BUILDING) continue;
    if (last >= 0 && b !== last) {
      changes++;
      if (free < minGaps) short++;
    }
    last = b;
    free = 0;
  }
  out[0] = changes;
  out[1] = short;
}

/** Does faculty member f have a building-change limit? */
export const facultyBuildingLimited = (p: CompiledProblem, f: number): boolean =>
  p.facultyMaxBuildingChangesPerDay[f] >= 0 ||
  p.facultyMaxBuildingChangesPerWeek[f] >= 0 ||
  p.facultyMinGapsBetweenBuildingChanges[f] > 0;

/** Does group g have a building-change limit (for each student set below it)? */
export const groupBuildingLimited = (p: CompiledProblem, g: number): boolean =>
  p.groupMaxBuildingChangesPerDay[g] >= 0 ||
  p.groupMaxBuildingChangesPerWeek[g] >= 0 ||
  p.groupMinGapsBetweenBuildingChanges[g] > 0;

/** Per day of a person's week (`row` of `courses`, as layDay): building changes, and changes too close. */
export function weekChanges(
  p: CompiledProblem,
  at: Placed,
  courses: Csr,
  row: number,
  minGaps: number,
): { changes: Int32Array; short: Int32Array } {
  const day = new Int32Array(p.nPeriods);
  const out = new Int32Array(2);
  const changes = new Int32Array(p.nDays);
  const short = new Int32Array(p.nDays);
  for (let d = 0; d < p.nDays; d++) {
    layDay(p, at, courses, row, d, day);
    dayChanges(day, p.nPeriods, minGaps, out);
    changes[d] = out[0];
    short[d] = out[1];
  }
  return { changes, short };
}

export function checkBuildingChanges(st: EvalState, facts: ProblemFacts, sink: EvalSink): void {
  const { p } = st;
  if (p.buildings.length < 2) return;
  for (let f = 0; f < p.nFaculty; f++) {
    if (!facultyBuildingLimited(p, f)) continue;
    const id = p.facultyIds[f];
    const min = p.facultyMinGapsBetweenBuildingChanges[f];
    const week = weekChanges(p, st, p.facultyCourses, f, min);
    const maxDay = p.facultyMaxBuildingChangesPerDay[f];
    let total = 0;
    for (let d = 0; d < p.nDays; d++) {
      const n = week.changes[d];
      total += n;
      const onDay = (): number[] => facultySessions(st, f, d);
      if (maxDay >= 0)
        sink.addHard(
          'faculty_max_building_changes',
          n - maxDay,
          onDay,
          () =>
            `${id} changes building ${plural(n, 'time')} on ${dayName(p, d)}, more than the limit of ${maxDay}`,
        );
      if (min > 0) {
        const short = week.short[d];
        sink.addHard(
          'faculty_min_building_gaps',
          short,
          onDay,
          () =>
            `${id} changes building ${plural(short, 'time')} on ${dayName(p, d)} with fewer than ${plural(min, 'free period')} to get there`,
        );
      }
    }
    const maxWeek = p.facultyMaxBuildingChangesPerWeek[f];
    if (maxWeek >= 0)
      sink.addHard(
        'faculty_max_building_changes_per_week',
        total - maxWeek,
        () => facultySessions(st, f, -1),
        () =>
          `${id} changes building ${plural(total, 'time')} in the week, more than the limit of ${maxWeek}`,
      );
  }
  checkGroupBuildingChanges(st, facts, sink);
}

function checkGroupBuildingChanges(st: EvalState, facts: ProblemFacts, sink: EvalSink): void {
  const { p } = st;
  const { offsets, items } = facts.groupSets;
  type Week = { changes: Int32Array; short: Int32Array };
  const cache = new Map<string, Week>();
  const weekOf = (k: number, min: number): Week => {
    let w = cache.get(`${k}:${min}`);
    if (!w) cache.set(`${k}:${min}`, (w = weekChanges(p, st, p.setCourses, k, min)));
    return w;
  };
  for (let g = 0; g < p.nGroups; g++) {
    if (!groupBuildingLimited(p, g)) continue;
    const id = p.groupIds[g];
    const maxDay = p.groupMaxBuildingChangesPerDay[g];
    const maxWeek = p.groupMaxBuildingChangesPerWeek[g];
    const min = p.groupMinGapsBetweenBuildingChanges[g];
    for (let d = 0; d < p.nDays; d++) {
      let most = 0;
      let mostSet = -1;
      let short = 0;
      let shortSet = -1;
      for (let x = offsets[g]; x < offsets[g + 1]; x++) {
        const w = weekOf(items[x], min);
        if (w.changes[d] > most) [most, mostSet] = [w.changes[d], items[x]];
        if (w.short[d] > short) [short, shortSet] = [w.short[d], items[x]];
      }
      if (maxDay >= 0)
        sink.addHard(
          'group_max_building_changes',
          most - maxDay,
          () => (mostSet >= 0 ? setSessions(st, mostSet, d) : []),
          () =>
            `group ${id} changes building ${plural(most, 'time')} on ${dayName(p, d)}, more than the limit of ${maxDay}`,
        );
      if (min > 0)
        sink.addHard(
          'group_min_building_gaps',
          short,
          () => (shortSet >= 0 ? setSessions(st, shortSet, d) : []),
          () =>
            `group ${id} changes building ${plural(short, 'time')} on ${dayName(p, d)} with fewer than ${plural(min, 'free period')} to get there`,
        );
    }
    if (maxWeek >= 0) {
      let most = 0;
      let mostSet = -1;
      for (let x = offsets[g]; x < offsets[g + 1]; x++) {
        const w = weekOf(items[x], min);
        let total = 0;
        for (let d = 0; d < p.nDays; d++) total += w.changes[d];
        if (total > most) [most, mostSet] = [total, items[x]];
      }
      sink.addHard(
        'group_max_building_changes_per_week',
        most - maxWeek,
        () => (mostSet >= 0 ? setSessions(st, mostSet, -1) : []),
        () =>
          `group ${id} changes building ${plural(most, 'time')} in the week, more than the limit of ${maxWeek}`,
      );
    }
  }
}
