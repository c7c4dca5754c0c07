// The last step of a finished job, in one transaction: keep the better of the solver's result and
// the job's best checkpoint (both re-evaluated here with THE evaluator: a solver's own numbers are
// not trusted), add it as a timetable version (made active only as the job's policy allows: see
// activation.ts), and mark the job finished. When the college was re-imported while the job ran, the
// timetable is stored for the revision it was solved on: stale, never active, with a note that says so.
import type { Database } from 'better-sqlite3';
import {
  addTimetable,
  getCollegeRevision,
  isActiveTimetable,
  latestCheckpoint,
  timetableExists,
  uniqueTimetableName,
  updateJobStatus,
} from '../db/index.ts';
import type { ActiveComparison, StudentClashTotals } from '../../shared/ipc/jobEvents.ts';
import type { College, Timetable } from '../../shared/model/types.ts';
import type { SolveResult } from '../../shared/solver/protocol.ts';
import type { Evaluation } from '../../shared/eval/types.ts';
import { compile } from '../../shared/compiled/compile.ts';
import { timetableToPlacement } from '../../shared/compiled/placement.ts';
import { evaluate } from '../../shared/eval/evaluate.ts';
import type { StoredJobOptions } from './jobOptions.ts';
import { activatePolicy } from './jobOptions.ts';
import { decideActivation, resultStudentClashes } from './activation.ts';
import { isBetter } from './jobHistory.ts';

export interface StoredResult {
  timetableId: number;
  hardTotal: number;
  softTotal: number;
  status: SolveResult['status'];
  note: string | null;
  /** The stored timetable is the solver's final result (not a better checkpoint). */
  fromResult: boolean;
  /** The college was re-imported while the job ran: stored stale and not made active. */
  stale: boolean;
  /** It became the active timetable. */
  activated: boolean;
  /** The active timetable it was compared with (or replaced), when there was one. */
  previous: ActiveComparison | null;
  /** Students double-booked in it; null when the college has no enrollments. */
  studentClashes: number | null;
  /** The same with double-bookings and course pairs; null when the college has no enrollments. */
  studentClashTotals: StudentClashTotals | null;
}

/** The note of a job whose college was re-imported while it ran. */
export const STALE_RESULT_NOTE =
  'The college was re-imported while this job ran: its timetable was stored as stale (made for the old data) and not made active. Solve again for the current data.';

export function storeFinishedJob(
  db: Database,
  college: College,
  jobId: number,
  opts: StoredJobOptions,
  result: SolveResult | null,
  note: string | null,
): StoredResult | null {
  const problem = compile(college, opts.weights ?? {});
  const score = (t: Timetable): Evaluation =>
    evaluate(problem, timetableToPlacement(problem, t), { details: false });
  const checkpoint = latestCheckpoint(db, jobId);
  let chosen: {
    timetable: Timetable;
    evaluation: Evaluation;
    status: SolveResult['status'];
    fromResult: boolean;
  } | null = null;
  if (result)
    chosen = {
      timetable: result.timetable,
      evaluation: score(result.timetable),
      status: result.status,
      fromResult: true,
    };
  let finalNote = note;
  if (checkpoint) {
    const evaluation = score(checkpoint.timetable);
    const cp = { hard: evaluation.hardTotal, soft: evaluation.softTotal };
    const current = chosen ? { hard: chosen.evaluation.hardTotal, soft: chosen.evaluation.softTotal } : null;
    if (isBetter(cp, current)) {
      const status = evaluation.hardTotal === 0 ? 'feasible' : 'partial';
      chosen = { timetable: checkpoint.timetable, evaluation, status, fromResult: false };
      if (result)
        finalNote = `The checkpoint from stage ${checkpoint.stage} was better than the final result and was kept.`;
    }
  }
  if (!chosen) return null;
  const picked = chosen;
  const studentClashTotals = resultStudentClashes(problem, picked.timetable);
  return db
    .transaction((): StoredResult => {
      const { hardTotal, softTotal, hard, soft } = picked.evaluation;
      const stale = opts.collegeRevision !== undefined && opts.collegeRevision !== getCollegeRevision(db);
      if (stale) finalNote = finalNote ? `${STALE_RESULT_NOTE} ${finalNote}` : STALE_RESULT_NOTE;
      const decision = decideActivation(db, problem, activatePolicy(opts), {
        hard: hardTotal,
        soft: softTotal,
      });
      // An improvement is a child of the timetable it started from (when that still exists).
      const parent = opts.startMode === 'improve' ? opts.startFrom : null;
      const timetableId = addTimetable(db, {
        name: uniqueTimetableName(db, opts.name),
        kind: opts.kind,
        timetable: picked.timetable,
        evaluation: { hardTotal, softTotal, hard, soft },
        jobId,
        seed: opts.seed,
        parentId: parent !== null && timetableExists(db, parent) ? parent : undefined,
        makeActive: decision.makeActive && !stale,
        collegeRevision: opts.collegeRevision,
      });
      const activated = isActiveTimetable(db, timetableId);
      updateJobStatus(db, jobId, 'finished', { resultTimetableId: timetableId, error: finalNote });
      return {
        timetableId,
        hardTotal,
        softTotal,
        status: picked.status,
        note: finalNote,
        fromResult: picked.fromResult,
        stale,
        activated,
        previous: decision.previous,
        studentClashes: studentClashTotals?.students ?? null,
        studentClashTotals,
      };
    })
    .immediate();
}
