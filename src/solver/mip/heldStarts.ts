// A greedy-start preference (warmStart.ts) for re-solves of a neighbourhood: each course tries the
// starts its sessions hold in a given placement (the timetable being improved) before any other,
// the rest in the order of `fallback` (gapPreference.ts) or in slot order. The greedy start is then
// mostly that timetable where its packing rows allow, so HiGHS begins near it, not from scratch.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { Placement } from '../../shared/eval/types.ts';
import type { StartPreference } from './gapPreference.ts';

export function heldStartsFirst(
  p: CompiledProblem,
  held: Placement,
  xSlot: Int32Array,
  fallback: StartPreference | null,
): StartPreference {
  return {
    order(c: number, from: number, to: number): number[] {
      const rest = fallback
        ? fallback.order(c, from, to)
        : Array.from({ length: to - from }, (_, k) => from + k);
      const at = new Set<number>();
      for (let s = p.courseFirstSession[c]; s < p.courseFirstSession[c] + p.courseSessionCount[c]; s++)
        if (held.slot[s] >= 0) at.add(held.slot[s]);
      if (at.size === 0) return rest;
      return [...rest.filter((j) => at.has(xSlot[j])), ...rest.filter((j) => !at.has(xSlot[j]))];
    },
    taken(j: number): void {
      fallback?.taken(j);
    },
  };
}
