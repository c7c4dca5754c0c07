// Rules `grouped` (WORKBOOK.md): session k of every listed member forms one block of one day, the
// sessions back to back in any order with no break between them (FET's three activities grouped).
// The evaluator, the incremental state and the repair's rule check count a rule with this one
// definition; a group with a session not placed is skipped (that session counts as unplaced).
import type { CompiledProblem } from '../compiled/types.ts';
import { followsDirectly } from './followsDirectly.ts';

/** Do the sessions, taken in start order, each follow the one before directly (followsDirectly.ts)? */
export function groupBroken(
  p: CompiledProblem,
  slot: ArrayLike<number>,
  sessions: readonly number[],
): boolean {
  const order = [...sessions].sort((a, b) => slot[a] - slot[b]);
  for (let i = 1; i < order.length; i++) {
    const a = order[i - 1];
    if (!followsDirectly(p, slot[a], p.courseLength[p.sessionCourse[a]], slot[order[i]])) return true;
  }
  return false;
}

/** Session k of each member (first[i] + k), for each k below the smallest member's session count. */
export function sessionGroups(first: ArrayLike<number>, count: ArrayLike<number>): number[][] {
  let m = Infinity;
  for (let i = 0; i < count.length; i++) m = Math.min(m, count[i]);
  const out: number[][] = [];
  for (let k = 0; k < m; k++) out.push(Array.from(first, (f) => f + k));
  return out;
}

/** The groups of the rule whose sessions are all placed (`on`) and do not form one block. */
export function brokenGroups(
  p: CompiledProblem,
  slot: ArrayLike<number>,
  first: ArrayLike<number>,
  count: ArrayLike<number>,
  on: (s: number) => boolean,
): number[][] {
  return sessionGroups(first, count).filter((g) => g.every(on) && groupBroken(p, slot, g));
}
