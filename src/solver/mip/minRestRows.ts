// Hard min_rest for faculty and student sets (a group's minimum holds for every set below it; the
// strictest one counts). Between day d and d + 1 of the Calendar the rest is the free periods after
// d's last busy period plus those before d + 1's first, by period index (docs/WORKBOOK.md). A busy
// period q of day d (at most P - 1 - q free periods after it) and a busy period q' of day d + 1 (at
// most q' before it) rest too little when (P - 1 - q) + q' < min. With busy[] = (already busy) + Σ
// start variables covering the period (0 or 1 by the resource rows), per late period q of day d with
// P - 1 - q < min and its n early periods q' < min - (P - 1 - q) of day d + 1:
//   n · busy[d, q] + Σ_q' busy[d + 1, q'] - slack <= n
// so a session at q leaves those early periods of the next day free, or pays per busy one. A start
// variable covering several of them counts once per period. Rows only where a start variable of the
// community can make the pair busy and the constants do not break it already.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import { COL_AUX, ROW_PACK, type ModelBuilder } from './mipModel.ts';
import type { Occupancy } from './occupancy.ts';
import { limitedPeople } from './modelPeople.ts';

/** Cost per early period busy after too short a rest: as a gap over its limit (above soft costs, below a miss). */
export const REST_COST = 150;

/**
 * `resourceSlot` maps resource * nSlots + slot to the start variables covering that slot (faculty
 * first, then student sets, then rules, as buildModel.ts numbers them). Returns the rows added.
 */
export function addMinRestRows(
  p: CompiledProblem,
  b: ModelBuilder,
  resourceSlot: Map<number, number[]>,
  occ: Occupancy,
): number {
  const { nSlots, nPeriods: P, nDays } = p;
  let added = 0;
  for (const { r, limit: min, busy, base } of limitedPeople(
    p,
    resourceSlot,
    occ,
    p.facultyMinRest,
    p.groupMinRest,
    'largest',
  )) {
    for (let d = 0; d + 1 < nDays; d++) {
      for (let q = Math.max(0, P - min); q < P; q++) {
        const t = d * P + q;
        const late = resourceSlot.get(r * nSlots + t) ?? [];
        const lateFixed = busy[base + t] > 0;
        if (!lateFixed && late.length === 0) continue;
        const n = Math.min(P, min - (P - 1 - q));
        const early = new Map<number, number>(); // column -> early periods it covers
        let earlyFixed = 0;
        for (let q2 = 0; q2 < n; q2++) {
          const t2 = (d + 1) * P + q2;
          if (busy[base + t2] > 0) earlyFixed++;
          else for (const j of resourceSlot.get(r * nSlots + t2) ?? []) early.set(j, (early.get(j) ?? 0) + 1);
        }
        // Broken by the constants alone, or nothing a start variable here can break.
        if (lateFixed && earlyFixed > 0) continue;
        if (lateFixed ? early.size === 0 : earlyFixed === 0 && early.size === 0) continue;
        const cols = [...early.keys()];
        const coefs = [...early.values()];
        if (!lateFixed)
          for (const j of late) {
            // A column covering the late period and an early one cannot exist (no session spans days).
            cols.push(j);
            coefs.push(n);
          }
        const slack = b.addCol(REST_COST, 0, n, false, COL_AUX);
        cols.push(slack);
        coefs.push(-1);
        b.addRow(cols, coefs, -Infinity, lateFixed ? 0 : n - earlyFixed, ROW_PACK);
        added++;
      }
    }
  }
  return added;
}
