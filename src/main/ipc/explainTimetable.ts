// A timetable's problems in plain words for the Generate result and the Variants screen: every
// broken hard rule or limit with the sessions it concerns (so the Timetable screen can highlight
// them), and the students who are double-booked. Made with THE evaluator.
import type { College, Timetable } from '../../shared/model/types.ts';
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import { timetableToPlacement } from '../../shared/compiled/placement.ts';
import { evaluate } from '../../shared/eval/evaluate.ts';
import type {
  ExplainedViolation,
  SessionRef,
  StudentClashSummary,
  TimetableExplanation,
} from '../../shared/ipc/contract.ts';
import { usableAssignments } from '../jobs/startFrom.ts';
import { studentClashSummary } from './studentClashSummary.ts';

/** Violations listed in full; the rest are counted. */
export const MAX_LISTED = 200;

export function sessionRef(p: CompiledProblem, s: number): SessionRef {
  return { courseId: p.courseIds[p.sessionCourse[s]], session: p.sessionIndex[s] + 1 };
}

export function explainTimetable(
  college: College,
  problem: CompiledProblem,
  id: number,
  timetable: Timetable,
  stale: boolean,
): TimetableExplanation {
  // A stale timetable is explained as far as it fits the current college (as Improve would use it).
  const fitting = stale ? { assignments: usableAssignments(college, timetable.assignments).kept } : timetable;
  const placement = timetableToPlacement(problem, fitting);
  const e = evaluate(problem, placement);
  const hard = e.violations.filter((v) => v.hard && v.kind !== 'unplaced');
  const violations: ExplainedViolation[] = hard.slice(0, MAX_LISTED).map((v) => ({
    kind: v.kind,
    message: v.message,
    sessions: v.sessions.map((s) => sessionRef(problem, s)),
  }));
  const hardByKind = Object.fromEntries(Object.entries(e.hard).filter(([, n]) => n > 0));
  const students: StudentClashSummary | null = studentClashSummary(college, problem, placement);
  return {
    timetableId: id,
    hardTotal: e.hardTotal,
    softTotal: e.softTotal,
    hardByKind,
    violations,
    more: hard.length - violations.length,
    unplaced: e.hard.unplaced,
    studentClashes: students,
    stale,
  };
}
