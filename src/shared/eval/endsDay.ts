// The one definition of rule `ends_day` (WORKBOOK.md): a session ends its students' day when no
// session of a course sharing a student set with it (through groups, ancestors or sub-batches)
// covers a period after its last period on that day. FET's "activity ends students day": for each
// subgroup of the activity, nothing later that day. The evaluator, the incremental state and the
// repair ask this function.
import type { CompiledProblem } from '../compiled/types.ts';
import { allGroupMates } from '../compiled/ruleWatch.ts';

/**
 * A placed session (on[x] === 1) of a course sharing students with s that ends later than s on
 * s's day (ends = start + span), or -1 when s ends its students' day (or is not placed).
 */
export function laterSession(
  p: CompiledProblem,
  slot: Int32Array,
  span: Int32Array,
  on: Uint8Array,
  s: number,
): number {
  if (on[s] !== 1) return -1;
  const nP = p.nPeriods;
  const day = (slot[s] / nP) | 0;
  const end = slot[s] + span[s];
  for (const c of allGroupMates(p)[p.sessionCourse[s]]) {
    const f = p.courseFirstSession[c];
    for (let x = f; x < f + p.courseSessionCount[c]; x++) {
      if (x === s || on[x] !== 1) continue;
      if (((slot[x] / nP) | 0) === day && slot[x] + span[x] > end) return x;
    }
  }
  return -1;
}
