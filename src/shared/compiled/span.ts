// How many periods a session really covers: its course's length, clipped at the end of its day.
import type { CompiledProblem } from './types.ts';

/** Periods a session of course `c` starting at `slot` covers within its day. */
export function spanAt(p: CompiledProblem, c: number, slot: number): number {
  return Math.min(p.courseLength[c], p.nPeriods - (slot % p.nPeriods));
}
