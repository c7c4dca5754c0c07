// Hard max_continuous for faculty and student sets (a group's limit holds for every set below it; the
// strictest one counts). A run is a stretch of busy periods of one day, each adjacent to the next
// (docs/WORKBOOK.md): a free period or a break ends it. With busy[q] = (already busy at q) + Σ start
// variables covering q (0 or 1 by the resource rows), every window of limit + 1 periods of one day
// joined without a break holds at most `limit` busy ones:
//   Σ_{q in window} busy[q] - slack <= limit
// A start variable covering several periods of the window counts once per period. A run of n > limit
// periods fills n - limit windows, so the slacks sum to the run's excess, as the evaluator counts it.
// Only windows that can be full get a row: every period in them busy already or coverable by a start
// variable of the community, and some not busy yet (a window busy throughout is a constant).
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import { COL_AUX, ROW_PACK, type ModelBuilder } from './mipModel.ts';
import type { Occupancy } from './occupancy.ts';
import { limitedPeople } from './modelPeople.ts';

/** Cost per period of a run above the limit: as a gap over its limit (above soft costs, below a miss). */
export const CONTINUOUS_COST = 150;

/**
 * `resourceSlot` maps resource * nSlots + slot to the start variables covering that slot (faculty
 * first, then student sets, then rules, as buildModel.ts numbers them). Returns the rows added.
 */
export function addContinuousRows(
  p: CompiledProblem,
  b: ModelBuilder,
  resourceSlot: Map<number, number[]>,
  occ: Occupancy,
): number {
  const { nSlots, nPeriods: P, nDays } = p;
  let added = 0;
  for (const { r, limit, busy, base } of limitedPeople(
    p,
    resourceSlot,
    occ,
    p.facultyMaxContinuous,
    p.groupMaxContinuous,
    'smallest',
  )) {
    if (limit >= P) continue;
    for (let d = 0; d < nDays; d++) {
      for (let q0 = 0; q0 + limit < P; q0++) {
        const cover = new Map<number, number>(); // column -> periods of the window it covers
        let fixed = 0;
        let full = true;
        for (let q = q0; full && q <= q0 + limit; q++) {
          // The window must be joined: q and q + 1 adjacent up to its last period.
          if (q < q0 + limit && p.adjacentToNext[q] !== 1) full = false;
          const t = d * P + q;
          const vars = resourceSlot.get(r * nSlots + t);
          if (busy[base + t] > 0) fixed++;
          else if (vars && vars.length > 0) for (const j of vars) cover.set(j, (cover.get(j) ?? 0) + 1);
          else full = false;
        }
        if (!full || cover.size === 0) continue;
        const slack = b.addCol(CONTINUOUS_COST, 0, 1, false, COL_AUX);
        b.addRow([...cover.keys(), slack], [...cover.values(), -1], -Infinity, limit - fixed, ROW_PACK);
        added++;
      }
    }
  }
  return added;
}
