// Turning the final state into a SolveResult: the timetable, its full evaluation, and each
// session that is not placed with the reason in plain words.
import type { College } from '../shared/model/types.ts';
import type { IncrementalState } from '../shared/eval/incremental/IncrementalState.ts';
import { evaluate } from '../shared/eval/evaluate.ts';
import { placementToTimetable } from '../shared/compiled/placement.ts';
import { countedPlacement } from '../shared/eval/countedTimetable.ts';
import type { PrecheckFinding, SolveResult, StageTime, UnplacedSession } from '../shared/solver/protocol.ts';
import type { SearchModel } from './SearchModel.ts';
import { explainNoPlace } from './construct/construct.ts';

export function buildResult(
  _college: College,
  st: IncrementalState,
  m: SearchModel,
  locked: Uint8Array,
  findings: PrecheckFinding[],
  stages: StageTime[],
  seed: number,
  cancelled: boolean,
): SolveResult {
  const p = st.problem;
  const placement = st.snapshot();
  const evaluation = evaluate(p, placement);
  const unplaced: UnplacedSession[] = [];
  for (let s = 0; s < p.nSessions; s++) {
    if (st.active[s] === 1) continue;
    const c = p.sessionCourse[s];
    let reason: string;
    if (st.slot[s] >= 0) reason = 'it starts with another session of the same course (counts as not placed)';
    else {
      // Explain against the rest of the timetable: why no clash-free place is left.
      reason = explainNoPlace(st, m, c, s);
    }
    unplaced.push({ courseId: p.courseIds[c], session: p.sessionIndex[s] + 1, reason });
  }
  const fatal = findings.some((f) => f.fatal);
  const status: SolveResult['status'] = cancelled
    ? 'cancelled'
    : evaluation.hardTotal === 0
      ? 'feasible'
      : fatal
        ? 'infeasible'
        : 'partial';
  return {
    status,
    // Sessions that count as unplaced carry no time or room (one truth with every export).
    timetable: placementToTimetable(p, countedPlacement(p, placement), locked),
    evaluation,
    unplaced,
    findings,
    stages,
    seed,
  };
}
