// Whether a finished job's timetable becomes the active one. "always" (the CLI's `run` on a fresh
// project), "never" (variants: the user picks one, even when nothing is active yet), or "if-better": only when it is at least as
// good as the active timetable (fewer hard violations, then a lower soft cost), both evaluated here
// with the same evaluator and weights. A worse result is stored but the active one is kept, and
// the comparison goes with the job's finished event so the user can choose.
import type { Database } from 'better-sqlite3';
import { getActiveTimetable } from '../db/index.ts';
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import { timetableToPlacement } from '../../shared/compiled/placement.ts';
import { evaluate } from '../../shared/eval/evaluate.ts';
import type { ActiveComparison, StudentClashTotals } from '../../shared/ipc/jobEvents.ts';
import { studentClashes } from '../../shared/eval/studentClashes.ts';
import type { Timetable } from '../../shared/model/types.ts';
import { isBetter } from './jobHistory.ts';
import { studentClashCount } from './studentClashCount.ts';

export type ActivatePolicy = 'always' | 'if-better' | 'never';

export interface ActivationDecision {
  /** Passed to addTimetable: true = make active, false = never, undefined = only when nothing is active yet. */
  makeActive: boolean | undefined;
  /** The active timetable the result was compared with, when the policy compares and one exists. */
  previous: ActiveComparison | null;
}

/** The active timetable's costs under `problem`, or null when it cannot be read against it (stale). */
export function activeComparison(db: Database, problem: CompiledProblem): ActiveComparison | null {
  const active = getActiveTimetable(db);
  if (!active) return null;
  const { id, name } = active.summary;
  try {
    const placement = timetableToPlacement(problem, active.timetable);
    const e = evaluate(problem, placement, { details: false });
    return {
      timetableId: id,
      name,
      hardTotal: e.hardTotal,
      softTotal: e.softTotal,
      studentClashes: studentClashCount(problem, placement),
      comparable: true,
    };
  } catch {
    // Made for an earlier import: its sessions no longer match the college.
    return {
      timetableId: id,
      name,
      hardTotal: active.summary.hardTotal,
      softTotal: active.summary.softTotal,
      studentClashes: null,
      comparable: false,
    };
  }
}

export function decideActivation(
  db: Database,
  problem: CompiledProblem,
  policy: ActivatePolicy,
  result: { hard: number; soft: number },
): ActivationDecision {
  if (policy === 'always') return { makeActive: true, previous: activeComparison(db, problem) };
  if (policy === 'never') return { makeActive: false, previous: null };
  const previous = activeComparison(db, problem);
  if (!previous || !previous.comparable) return { makeActive: true, previous };
  const worse = isBetter({ hard: previous.hardTotal, soft: previous.softTotal }, result);
  return { makeActive: worse ? undefined : true, previous };
}

/** The result's own student double-bookings (null when the college has no enrollments). */
export function resultStudentClashes(
  problem: CompiledProblem,
  timetable: Timetable,
): StudentClashTotals | null {
  const r = studentClashes(problem, timetableToPlacement(problem, timetable));
  if (!r.hasEnrollments) return null;
  return { students: r.students ?? 0, doubleBookings: r.doubleBookings, pairs: r.pairs.length };
}
