// Students double-booked in a placement, for the comparisons a finished job reports.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { Placement } from '../../shared/eval/types.ts';

export function studentClashCount(_problem: CompiledProblem, _placement: Placement): number | null {
  return null;
}
