// Students double-booked in a placement, as the IPC contract reports them.
import type { College } from '../../shared/model/types.ts';
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { Placement } from '../../shared/eval/types.ts';
import type { StudentClashSummary } from '../../shared/ipc/contract.ts';

export function studentClashSummary(
  _college: College,
  _problem: CompiledProblem,
  _placement: Placement,
): StudentClashSummary | null {
  return null;
}
