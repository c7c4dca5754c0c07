// Hard max_gaps_per_day for faculty and student sets, linearised per day: for periods p < r more than
// g + 1 apart, if the resource is busy at both p and r, the periods strictly between hold at least
// (r - p - 1) - g busy ones:  Σ_{p<q<r} b[q] - M·b[p] - M·b[r] >= (r - p - 1) - g - 2M, M = r - p - 1 - g,
// where b[q] = (already busy at q) + Σ start variables covering q (at most 1 by the resource rows).
// Each row has a penalised slack, so a start that breaks a gap limit stays feasible (the greedy start
// and HiGHS's incumbents are usable) while the optimum keeps to the limits when it can.
// A max_gaps_per_week bounds every day as well (a day's gaps are part of the week's), so the rows
// use the smaller of the two limits; the week's sum itself is left to the search and the repair.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import { COL_AUX, ROW_FREE, type ModelBuilder } from './mipModel.ts';

/** Cost per missing busy period in a gap row: above the spread cost, far below a missed session. */
export const GAP_COST = 60;
import type { Occupancy } from './occupancy.ts';

/** The smaller of two limits where -1 means none. */
function tighter(a: number, b: number): number {
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

function setMaxGaps(p: CompiledProblem, k: number): number {
  let limit = -1;
  for (let g = p.setGroup[k]; g >= 0; g = p.groupParent[g])
    limit = tighter(limit, tighter(p.groupMaxGapsPerDay[g], p.groupMaxGapsPerWeek[g]));
  return limit;
}

/** `resourceSlot` maps resource * nSlots + slot to the start variables covering that slot. */
export function addGapRows(
  p: CompiledProblem,
  b: ModelBuilder,
  resourceSlot: Map<number, number[]>,
  occ: Occupancy,
): number {
  const { nSlots, nPeriods, nDays } = p;
  const resources = new Set<number>();
  for (const key of resourceSlot.keys()) {
    const r = Math.floor(key / nSlots);
    if (r < p.nFaculty + p.nStudentSets) resources.add(r);
  }
  let rows = 0;
  const coef = new Map<number, number>();
  for (const r of [...resources].sort((a, b2) => a - b2)) {
    const isFaculty = r < p.nFaculty;
    const g = isFaculty
      ? tighter(p.facultyMaxGapsPerDay[r], p.facultyMaxGapsPerWeek[r])
      : setMaxGaps(p, r - p.nFaculty);
    if (g < 0) continue;
    const busy = isFaculty ? occ.faculty : occ.sets;
    const base = (isFaculty ? r : r - p.nFaculty) * nSlots;
    for (let d = 0; d < nDays; d++) {
      const vars: number[][] = [];
      const fixed: number[] = [];
      let any = false;
      for (let q = 0; q < nPeriods; q++) {
        const t = d * nPeriods + q;
        const v = resourceSlot.get(r * nSlots + t) ?? [];
        vars.push(v);
        fixed.push(busy[base + t] > 0 ? 1 : 0);
        if (v.length > 0) any = true;
      }
      if (!any) continue;
      for (let a = 0; a < nPeriods; a++) {
        if (vars[a].length === 0 && !fixed[a]) continue;
        for (let z = a + g + 2; z < nPeriods; z++) {
          if (vars[z].length === 0 && !fixed[z]) continue;
          const inner = z - a - 1;
          const big = inner - g;
          let rhs = inner - g - 2 * big;
          coef.clear();
          const add = (q: number, w: number): void => {
            rhs -= w * fixed[q];
            for (const j of vars[q]) coef.set(j, (coef.get(j) ?? 0) + w);
          };
          add(a, -big);
          add(z, -big);
          for (let q = a + 1; q < z; q++) add(q, 1);
          const cols: number[] = [];
          const vals: number[] = [];
          for (const [j, w] of coef) {
            if (w !== 0) {
              cols.push(j);
              vals.push(w);
            }
          }
          if (cols.length === 0) continue;
          cols.push(b.addCol(GAP_COST, 0, Infinity, false, COL_AUX));
          vals.push(1);
          b.addRow(cols, vals, rhs, Infinity, ROW_FREE);
          rows++;
        }
      }
    }
  }
  return rows;
}
