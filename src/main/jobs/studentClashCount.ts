// Students double-booked in a placement, for the comparisons a finished job reports: distinct
// students with two sessions at once (src/shared/eval/studentClashes.ts); null when the college
// has no individually enrolled students.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import { studentClashes } from '../../shared/eval/studentClashes.ts';
import type { Placement } from '../../shared/eval/types.ts';

export function studentClashCount(problem: CompiledProblem, placement: Placement): number | null {
  const r = studentClashes(problem, placement);
  return r.hasEnrollments ? (r.students ?? r.doubleBookings) : null;
}
