// Solving from the CLI goes through the same job system as the app: solver processes in a pool,
// a watchdog, retries from checkpoints, and only a finished job stores a timetable version.
import type { Database } from '../main/db/index.ts';
import { getTimetable, listJobs } from '../main/db/index.ts';
import { log } from '../main/log/log.ts';
import {
  formatJobEvent,
  resumeSolveJobs,
  runSolveJob,
  StartError,
  type ActivatePolicy,
  type JobOutcome,
} from '../main/jobs/index.ts';
import type { JobEvent } from '../shared/ipc/jobEvents.ts';
import { compile } from '../shared/compiled/compile.ts';
import { timetableToPlacement } from '../shared/compiled/placement.ts';
import { evaluate } from '../shared/eval/evaluate.ts';
import { countedTimetable, unplacedSessions } from '../shared/eval/countedTimetable.ts';
import type { College, Timetable } from '../shared/model/types.ts';
import type { SolveResult, SolverStage } from '../shared/solver/protocol.ts';
import { CliError } from './CliError.ts';

export interface PoolSolveOptions {
  timeLimitS: number;
  seed: number;
  mip: boolean;
  workers?: number;
  stallTimeoutS?: number;
  name?: string;
  /** Resume the jobs an interrupted run left instead of starting a new one. */
  resume?: boolean;
  /**
   * Where to start: 'new' keeps the locked sessions of the active timetable, 'improve' starts from
   * all of it. Absent: a blank start (`run`, on a fresh import).
   */
  start?: 'new' | 'improve';
  /** When the result becomes the active timetable (default 'always'). */
  activate?: ActivatePolicy;
}

export interface PoolSolveOutcome {
  outcome: JobOutcome;
  timetableId: number;
  timetable: Timetable;
  /** The stored timetable, re-evaluated in full, with the solver's notes on what it could not place. */
  result: SolveResult;
}

/** Prints job events to stderr (stdout stays clean for --json); progress about every 0.6-0.8 s. */
export function jobEventPrinter(): (e: JobEvent) => void {
  let last = -Infinity;
  return (e) => {
    if (e.type !== 'progress') log().info({ event: 'job', ...e }, formatJobEvent(e));
    if (e.type === 'progress') {
      if (e.elapsedMs - last < 600) return;
      last = e.elapsedMs;
    }
    console.error(formatJobEvent(e));
  };
}

/** Parses --workers / --stall-timeout. */
export function poolNumbers(
  workers?: string,
  stallTimeout?: string,
): { workers?: number; stallTimeoutS?: number } {
  const out: { workers?: number; stallTimeoutS?: number } = {};
  if (workers !== undefined) {
    const n = Number(workers);
    if (!Number.isInteger(n) || n < 1)
      throw new CliError(`--workers must be a whole number >= 1 (got "${workers}")`);
    out.workers = n;
  }
  if (stallTimeout !== undefined) {
    const n = Number(stallTimeout);
    if (!Number.isFinite(n) || n <= 0)
      throw new CliError(`--stall-timeout must be a positive number (got "${stallTimeout}")`);
    out.stallTimeoutS = n;
  }
  return out;
}

/** Jobs left queued or running by a run that died (they can be resumed with --resume). */
export function interruptedJobs(db: Database): number {
  return listJobs(db, { status: ['running', 'queued'] }).length;
}

export async function solveThroughPool(
  db: Database,
  college: College,
  opts: PoolSolveOptions,
  signal: AbortSignal,
): Promise<PoolSolveOutcome> {
  const common = {
    workers: opts.workers,
    stallTimeoutMs: opts.stallTimeoutS === undefined ? undefined : opts.stallTimeoutS * 1000,
    signal,
  };
  const skipStages: SolverStage[] = opts.mip ? [] : ['mip'];
  const outcomes = opts.resume
    ? await resumeSolveJobs(db, common, jobEventPrinter())
    : await runSolveJob(
        db,
        {
          ...common,
          timeLimitMs: opts.timeLimitS * 1000,
          seed: opts.seed,
          name: opts.name,
          skipStages,
          activate: opts.activate ?? 'always',
          ...(opts.start ? { start: { mode: opts.start } } : {}),
        },
        jobEventPrinter(),
      ).catch((err: unknown) => {
        // A start that cannot be made (nothing to improve) is the user's to fix, not a crash.
        if (err instanceof StartError) throw new CliError(err.message, 1);
        throw err;
      });
  if (outcomes.length === 0) throw new CliError('There was no interrupted job to resume.', 1);
  const outcome = outcomes[outcomes.length - 1];
  if (outcome.status !== 'finished' || outcome.timetableId === null) {
    const why = outcome.reason ?? outcome.status;
    throw new CliError(
      `The solve did not finish (${outcome.status}): ${why} The active timetable is unchanged.`,
      1,
    );
  }
  const stored = getTimetable(db, outcome.timetableId);
  if (!stored) throw new Error(`Timetable ${outcome.timetableId} was not stored.`);
  if (stored.summary.stale) {
    throw new CliError(
      `The college was re-imported while the solve ran: its result was stored as timetable ${outcome.timetableId}, ` +
        'marked stale (made for the old data) and not made active. Solve again for the current data.',
      1,
    );
  }
  const problem = compile(college);
  const placement = timetableToPlacement(problem, stored.timetable);
  const evaluation = evaluate(problem, placement);
  // Sessions that do not count as placed are shown unplaced in the result and every export.
  const timetable = countedTimetable(problem, stored.timetable);
  const details = outcome.details;
  const unplaced =
    details?.unplaced ??
    unplacedSessions(problem, placement).map((u) => ({
      courseId: u.courseId,
      session: u.session,
      reason: u.duplicate
        ? 'it starts with another session of the same course (counts as not placed)'
        : 'not placed when the job ended',
    }));
  return {
    outcome,
    timetableId: outcome.timetableId,
    timetable,
    result: {
      status: evaluation.hardTotal === 0 ? 'feasible' : 'partial',
      timetable,
      evaluation,
      unplaced,
      findings: details?.findings ?? [],
      stages: details?.stages ?? [],
      seed: opts.seed,
    },
  };
}
