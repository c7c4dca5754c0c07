// Students double-booked in a placement, as the IPC contract reports them: the counts and the
// course pairs (most students first) with the sessions to highlight and when they meet.
import type { College } from '../../shared/model/types.ts';
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import { slotName } from '../../shared/eval/describe.ts';
import { studentClashes } from '../../shared/eval/studentClashes.ts';
import type { Placement } from '../../shared/eval/types.ts';
import type { SessionRef, StudentClashSummary } from '../../shared/ipc/contract.ts';

/** Course pairs listed in full; `pairCount` counts them all. */
export const MAX_PAIRS = 500;

const ref = (p: CompiledProblem, s: number): SessionRef => ({
  courseId: p.courseIds[p.sessionCourse[s]],
  session: p.sessionIndex[s] + 1,
});

/** Null when no student is individually enrolled (there is nothing to count). */
export function studentClashSummary(
  _college: College,
  problem: CompiledProblem,
  placement: Placement,
): StudentClashSummary | null {
  const r = studentClashes(problem, placement);
  if (!r.hasEnrollments) return null;
  return {
    students: r.students ?? 0,
    doubleBookings: r.doubleBookings,
    pairCount: r.pairs.length,
    pairs: r.pairs.slice(0, MAX_PAIRS).map((pair) => {
      const sessions = [...new Set(pair.meetings.flatMap((m) => m.sessions))].sort((a, b) => a - b);
      const slots = [...new Set(pair.meetings.map((m) => m.slot))].sort((a, b) => a - b);
      return {
        courses: [problem.courseIds[pair.courses[0]], problem.courseIds[pair.courses[1]]],
        students: pair.students,
        doubleBookings: pair.doubleBookings,
        sessions: sessions.map((s) => ref(problem, s)),
        slots: slots.map((s) => slotName(problem, s)),
      };
    }),
  };
}
