// Hard max_gaps_per_day and max_gaps_per_week for faculty and student sets (a group's limits hold for
// every set below it), with O(periods) rows per resource and day. With busy[q] = (already busy at q)
// + Σ start variables covering q (0 or 1 by the resource rows):
//   last >= q·busy[q],  lead >= (P-1-q)·busy[q]           (last busy period; lead = P-1-first)
//   gaps >= last + lead - (P-1) + 1 - Σ_q busy[q]         (idle periods between first and last)
// On a day without sessions last = lead = 0 gives gaps >= 2 - P, so 0. Minimising the slacks of
//   gaps <= max_gaps_per_day + slack_d   and   Σ_d gaps <= max_gaps_per_week + slack_w
// keeps to the limits where the community can. The rows are built so that the greedy start's
// auxiliary values (warmStart.ts, rows in order) are exact: last and lead first, then gaps, then slacks.
// Days where the resource has no start variable keep their gaps as a constant of the weekly row.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import { COL_AUX, ROW_FREE, type ModelBuilder } from './mipModel.ts';
import type { Occupancy } from './occupancy.ts';

/** Cost per idle period over a limit: above the soft costs, below a missed session. */
export const GAP_COST = 150;

/** The smaller of two limits where -1 means none. */
function tighter(a: number, b: number): number {
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

function setLimits(p: CompiledProblem, k: number): [number, number] {
  let day = -1;
  let week = -1;
  for (let g = p.setGroup[k]; g >= 0; g = p.groupParent[g]) {
    day = tighter(day, p.groupMaxGapsPerDay[g]);
    week = tighter(week, p.groupMaxGapsPerWeek[g]);
  }
  return [day, week];
}

/** `resourceSlot` maps resource * nSlots + slot to the start variables covering that slot. Returns the rows added. */
export function addGapRows(
  p: CompiledProblem,
  b: ModelBuilder,
  resourceSlot: Map<number, number[]>,
  occ: Occupancy,
): number {
  const { nSlots, nPeriods: P, nDays } = p;
  if (P < 3) return 0;
  const resources = new Set<number>();
  for (const key of resourceSlot.keys()) {
    const r = Math.floor(key / nSlots);
    if (r < p.nFaculty + p.nStudentSets) resources.add(r);
  }
  const before = b.numRows;
  for (const r of [...resources].sort((x, y) => x - y)) {
    const isFaculty = r < p.nFaculty;
    const [dayLimit, weekLimit] = isFaculty
      ? [p.facultyMaxGapsPerDay[r], p.facultyMaxGapsPerWeek[r]]
      : setLimits(p, r - p.nFaculty);
    if (dayLimit < 0 && weekLimit < 0) continue;
    const busy = isFaculty ? occ.faculty : occ.sets;
    const base = (isFaculty ? r : r - p.nFaculty) * nSlots;
    const gapCols: number[] = [];
    let constantGaps = 0;
    for (let d = 0; d < nDays; d++) {
      const vars: number[][] = [];
      const fixed: number[] = [];
      for (let q = 0; q < P; q++) {
        const t = d * P + q;
        vars.push(resourceSlot.get(r * nSlots + t) ?? []);
        fixed.push(busy[base + t] > 0 ? 1 : 0);
      }
      if (vars.every((v) => v.length === 0)) {
        constantGaps += idle(fixed);
        continue;
      }
      const last = b.addCol(0, 0, P - 1, false, COL_AUX);
      const lead = b.addCol(0, 0, P - 1, false, COL_AUX);
      for (let q = 0; q < P; q++) {
        if (vars[q].length === 0 && !fixed[q]) continue;
        // last - q·Σx >= q·fixed ; lead - (P-1-q)·Σx >= (P-1-q)·fixed
        if (q > 0)
          b.addRow([last, ...vars[q]], [1, ...vars[q].map(() => -q)], q * fixed[q], Infinity, ROW_FREE);
        const w = P - 1 - q;
        if (w > 0)
          b.addRow([lead, ...vars[q]], [1, ...vars[q].map(() => -w)], w * fixed[q], Infinity, ROW_FREE);
      }
      // gaps - last - lead + Σ busy >= 2 - P
      const gaps = b.addCol(0, 0, P, false, COL_AUX);
      // A start covering several periods counts once per period (one entry, its span as coefficient).
      const span = new Map<number, number>();
      let fixedBusy = 0;
      for (let q = 0; q < P; q++) {
        fixedBusy += fixed[q];
        for (const j of vars[q]) span.set(j, (span.get(j) ?? 0) + 1);
      }
      b.addRow(
        [gaps, last, lead, ...span.keys()],
        [1, -1, -1, ...span.values()],
        2 - P - fixedBusy,
        Infinity,
        ROW_FREE,
      );
      gapCols.push(gaps);
      if (dayLimit >= 0) {
        const slack = b.addCol(GAP_COST, 0, Infinity, false, COL_AUX);
        b.addRow([gaps, slack], [1, -1], -Infinity, dayLimit, ROW_FREE);
      }
    }
    if (weekLimit >= 0 && gapCols.length > 0) {
      const slack = b.addCol(GAP_COST, 0, Infinity, false, COL_AUX);
      b.addRow(
        [...gapCols, slack],
        [...gapCols.map(() => 1), -1],
        -Infinity,
        weekLimit - constantGaps,
        ROW_FREE,
      );
    }
  }
  return b.numRows - before;
}

/** Idle periods between the first and the last busy one. */
function idle(busy: readonly number[]): number {
  const first = busy.indexOf(1);
  if (first < 0) return 0;
  const last = busy.lastIndexOf(1);
  let n = 0;
  for (let q = first; q <= last; q++) n += busy[q] ? 0 : 1;
  return n;
}
