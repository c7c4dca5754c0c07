// Hard min_per_day for faculty and student sets (a group's minimum holds for every set below it):
// on each day the resource has a session at all, at least `min` periods. With y = "teaches or attends
// on day d" (a binary switched on by any start that day):  load <= M·y,  load + short >= min·y,
// where load = periods already placed that day + Σ length·x, and `short` is a penalised slack (a
// community that cannot keep the minimum stays feasible). On a day with sessions already placed,
// y is 1:  load + short >= min. Only resources whose every course is in this community or already
// placed get rows: a later community may still fill the day, so an earlier one must not be pushed.
// Faculty min_days likewise (addMinDaysRows).
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { Csr } from '../../shared/compiled/types.ts';
import { COL_AUX, COL_INDICATOR, ROW_FREE, type ModelBuilder } from './mipModel.ts';
import type { Occupancy } from './occupancy.ts';
import { RULE_SLACK_COST } from './ruleContext.ts';

function setMinPerDay(p: CompiledProblem, k: number): number {
  let limit = 0;
  for (let g = p.setGroup[k]; g >= 0; g = p.groupParent[g]) limit = Math.max(limit, p.groupMinPerDay[g]);
  return limit;
}

/**
 * Resources (faculty, then nFaculty + student set) whose every course is in this community or already
 * fully placed: only for these can a community see a whole day (or week).
 */
export function everyCourseHere(
  p: CompiledProblem,
  occ: Occupancy,
  inCommunity: ReadonlySet<number>,
): (r: number) => boolean {
  const { nDays } = p;
  const placedAll = (c: number): boolean => {
    let n = 0;
    for (let d = 0; d < nDays; d++) n += occ.courseDay[c * nDays + d];
    return n >= p.courseSessionCount[c];
  };
  const complete = new Map<number, boolean>();
  return (r) => {
    let ok = complete.get(r);
    if (ok !== undefined) return ok;
    const isFaculty = r < p.nFaculty;
    const list: Csr = isFaculty ? p.facultyCourses : p.setCourses;
    const row = isFaculty ? r : r - p.nFaculty;
    ok = true;
    for (let i = list.offsets[row]; ok && i < list.offsets[row + 1]; i++) {
      const c = list.items[i];
      if (!inCommunity.has(c) && !placedAll(c)) ok = false;
    }
    complete.set(r, ok);
    return ok;
  };
}

/** `resourceDay` maps resource * nDays + day (faculty, then nFaculty + student set) to start variables. */
export function addMinPerDayRows(
  p: CompiledProblem,
  b: ModelBuilder,
  resourceDay: Map<number, number[]>,
  occ: Occupancy,
  xCourse: readonly number[],
  allHere: (r: number) => boolean,
): number {
  const { nDays, nPeriods } = p;
  let rows = 0;
  for (const [key, cols] of resourceDay) {
    const r = Math.floor(key / nDays);
    const d = key % nDays;
    const isFaculty = r < p.nFaculty;
    const min = isFaculty ? p.facultyMinPerDay[r] : setMinPerDay(p, r - p.nFaculty);
    if (min < 2 || !allHere(r)) continue;
    const placed = isFaculty
      ? occ.facultyDayLoad[r * nDays + d]
      : occ.setDayLoad[(r - p.nFaculty) * nDays + d];
    if (placed >= min) continue;
    const coefs = cols.map((j) => p.courseLength[xCourse[j]]);
    const short = b.addCol(RULE_SLACK_COST, 0, min, false, COL_AUX);
    if (placed > 0) {
      b.addRow([...cols, short], [...coefs, 1], min - placed, Infinity, ROW_FREE);
    } else {
      const y = b.addCol(0, 0, 1, true, COL_INDICATOR);
      const big = Math.min(
        coefs.reduce((a, v) => a + v, 0),
        nPeriods,
      );
      b.addRow([...cols, y], [...coefs, -big], -Infinity, 0);
      b.addRow([...cols, y, short], [...coefs, -min, 1], 0, Infinity, ROW_FREE);
    }
    rows++;
  }
  return rows;
}

/**
 * Hard faculty min_days: days taught at least min_days, for faculty whose every course is here:
 * u[d] <= Σ starts on day d (u continuous in [0, 1]), Σ u + short >= min_days - days already taught.
 */
export function addMinDaysRows(
  p: CompiledProblem,
  b: ModelBuilder,
  resourceDay: Map<number, number[]>,
  occ: Occupancy,
  allHere: (r: number) => boolean,
): number {
  const { nDays } = p;
  let rows = 0;
  for (let f = 0; f < p.nFaculty; f++) {
    const min = Math.min(p.facultyMinDays[f], nDays);
    if (min <= 0) continue;
    let used = 0;
    for (let d = 0; d < nDays; d++) used += occ.facultyDayLoad[f * nDays + d] > 0 ? 1 : 0;
    if (used >= min || !allHere(f)) continue;
    const us: number[] = [];
    for (let d = 0; d < nDays; d++) {
      const cols = resourceDay.get(f * nDays + d);
      if (!cols || occ.facultyDayLoad[f * nDays + d] > 0) continue;
      const u = b.addCol(0, 0, 1, false, COL_AUX);
      us.push(u);
      b.addRow([u, ...cols], [1, ...cols.map(() => -1)], -Infinity, 0, ROW_FREE);
    }
    if (us.length === 0) continue;
    const short = b.addCol(RULE_SLACK_COST, 0, min - used, false, COL_AUX);
    b.addRow([...us, short], null, min - used, Infinity, ROW_FREE);
    rows++;
  }
  return rows;
}
