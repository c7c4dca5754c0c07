// Soft student clashes with sessions already placed (enrolled students shared between courses): the
// cost of starting course c at each slot, weights.student_clash × shared students for every placed
// session of a conflicting course that the new session would overlap. Capped per slot so that a
// clash never outweighs leaving a session unplaced (a hard violation).
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { Placement } from '../../shared/eval/types.ts';
import { spanAt } from '../../shared/compiled/span.ts';

export const CLASH_COST_CAP = 200;

/** Per-slot cost of starting a session of course c, or null when nothing placed conflicts with it. */
export function clashCosts(p: CompiledProblem, c: number, placement: Placement): Float64Array | null {
  const weight = p.weights.student_clash;
  if (weight <= 0) return null;
  const { offsets, items } = p.courseStudentConflicts;
  if (offsets[c] === offsets[c + 1]) return null;
  const busy = new Float64Array(p.nSlots);
  let any = false;
  for (let i = offsets[c]; i < offsets[c + 1]; i++) {
    const other = items[i];
    const shared = p.courseConflictWeight[i];
    for (
      let s = p.courseFirstSession[other];
      s < p.courseFirstSession[other] + p.courseSessionCount[other];
      s++
    ) {
      const t = placement.slot[s];
      if (t < 0) continue;
      for (let q = 0; q < spanAt(p, other, t); q++) busy[t + q] += weight * shared;
      any = true;
    }
  }
  if (!any) return null;
  const len = p.courseLength[c];
  const cost = new Float64Array(p.nSlots);
  for (let s = 0; s < p.nSlots; s++) {
    let total = 0;
    const end = Math.min(s + len, (Math.floor(s / p.nPeriods) + 1) * p.nPeriods);
    for (let t = s; t < end; t++) total += busy[t];
    cost[s] = Math.min(CLASH_COST_CAP, total);
  }
  return cost;
}
