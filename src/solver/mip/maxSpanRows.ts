// Hard max_span for faculty and student sets (a group's limit holds for every set below it; the
// strictest one counts): per day, the periods from the first busy one to the last, both counted, at
// most the limit (docs/WORKBOOK.md). With busy[q] = (already busy at q) + Σ start variables covering
// q (0 or 1 by the resource rows), two periods q1 < q2 of one day with q2 - q1 + 1 > limit are not
// both busy:
//   busy[q1] + busy[q2] - slack <= 1
// (a busy constant moves to the right-hand side). A start variable covering both counts twice (such a
// session alone spans more than the limit). Rows only where a start variable of the community can
// make the pair busy and the constants do not break it already.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import { COL_AUX, ROW_PACK, type ModelBuilder } from './mipModel.ts';
import type { Occupancy } from './occupancy.ts';
import { limitedPeople } from './modelPeople.ts';

/** Cost per pair of busy periods too far apart: as a gap over its limit (above soft costs, below a miss). */
export const SPAN_COST = 150;

/**
 * `resourceSlot` maps resource * nSlots + slot to the start variables covering that slot (faculty
 * first, then student sets, then rules, as buildModel.ts numbers them). Returns the rows added.
 */
export function addMaxSpanRows(
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
    p.facultyMaxSpan,
    p.groupMaxSpan,
    'smallest',
  )) {
    if (limit >= P) continue;
    for (let d = 0; d < nDays; d++) {
      for (let q1 = 0; q1 + limit < P; q1++) {
        const t1 = d * P + q1;
        const fixed1 = busy[base + t1] > 0;
        const vars1 = fixed1 ? [] : (resourceSlot.get(r * nSlots + t1) ?? []);
        if (!fixed1 && vars1.length === 0) continue;
        for (let q2 = q1 + limit; q2 < P; q2++) {
          const t2 = d * P + q2;
          const fixed2 = busy[base + t2] > 0;
          if (fixed1 && fixed2) continue; // broken by the constants alone
          const vars2 = fixed2 ? [] : (resourceSlot.get(r * nSlots + t2) ?? []);
          if (!fixed2 && vars2.length === 0) continue;
          const cover = new Map<number, number>();
          for (const j of [...vars1, ...vars2]) cover.set(j, (cover.get(j) ?? 0) + 1);
          const slack = b.addCol(SPAN_COST, 0, 2, false, COL_AUX);
          const upper = fixed1 || fixed2 ? 0 : 1;
          b.addRow([...cover.keys(), slack], [...cover.values(), -1], -Infinity, upper, ROW_PACK);
          added++;
        }
      }
    }
  }
  return added;
}
