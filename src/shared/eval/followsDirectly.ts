// The one definition of "B follows A directly" (WORKBOOK.md, rule `consecutive`): B starts in the
// period right after A's last period, on the same day, and no break (lunch, tea) lies between
// them: A's last period ends exactly when B's first begins. The evaluator, the incremental state,
// the MIP rows, the repair and the editor all ask this function.
import type { CompiledProblem } from '../compiled/types.ts';

/**
 * Does a session of `lengthA` periods starting at `slotA` end right before `slotB` starts, on the
 * same day, with the two periods adjacent? False for unplaced sessions (slot < 0).
 */
export function followsDirectly(p: CompiledProblem, slotA: number, lengthA: number, slotB: number): boolean {
  if (slotA < 0 || slotB < 0 || slotB !== slotA + lengthA) return false;
  const last = (slotA % p.nPeriods) + lengthA - 1;
  return last + 1 < p.nPeriods && p.adjacentToNext[last] === 1;
}

/**
 * The same, but a break between the two periods is allowed (rules `consecutive_across_break`,
 * `adjacent_across_break`): B starts in the period (by index) after A's last, on the same day.
 */
export function followsAcrossBreak(
  p: CompiledProblem,
  slotA: number,
  lengthA: number,
  slotB: number,
): boolean {
  if (slotA < 0 || slotB < 0 || slotB !== slotA + lengthA) return false;
  return (slotA % p.nPeriods) + lengthA < p.nPeriods;
}

/** Does B follow A for the rule kind: directly, or (an `_across_break` kind) possibly across a break? */
export function followsFor(
  kind: string,
  p: CompiledProblem,
  slotA: number,
  lengthA: number,
  slotB: number,
): boolean {
  return kind.endsWith('_across_break')
    ? followsAcrossBreak(p, slotA, lengthA, slotB)
    : followsDirectly(p, slotA, lengthA, slotB);
}
