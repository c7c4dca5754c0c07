// One solve job from start to end (a saga over SQLite): attempts on the pool, each watched by a
// watchdog and bounded by the job's time limit from outside; improved best timetables saved as
// checkpoints; a failed attempt retried from the last checkpoint with the failed stage counted by
// the circuit breaker; after maxAttempts the job fails, keeping its checkpoints. Only a finished
// job adds a timetable; a cancelled or failed one leaves the project's timetables untouched.
import type { Database } from 'better-sqlite3';
import {
  addAttempt,
  finishAttempt,
  latestCheckpoint,
  recordProgress,
  saveCheckpoint,
  updateJobStatus,
} from '../db/index.ts';
import type { College } from '../../shared/model/types.ts';
import type { SolveOptions, SolveProgress, SolveResult, SolverStage } from '../../shared/solver/protocol.ts';
import type { SolverCheckpoint } from '../../shared/solver/messages.ts';
import type { ActiveComparison, JobEvent, StudentClashTotals } from '../../shared/ipc/jobEvents.ts';
import { estimateEtaMs } from '../../shared/ipc/jobEvents.ts';
import type { SolverPool, PoolTask } from './SolverPool.ts';
import { AttemptError } from './AttemptError.ts';
import type { CircuitBreaker } from './CircuitBreaker.ts';
import type { Clock } from './clock.ts';
import { Watchdog } from './Watchdog.ts';
import type { StoredJobOptions } from './jobOptions.ts';
import { INTERRUPTED_REASON, isBetter, readJobHistory, reasonWithStage } from './jobHistory.ts';
import { storeFinishedJob } from './storeFinishedJob.ts';

export interface JobOutcome {
  jobId: number;
  status: 'finished' | 'failed' | 'cancelled' | 'interrupted';
  timetableId: number | null;
  hardTotal: number | null;
  softTotal: number | null;
  reason: string | null;
  attempts: number;
  /** The solver's own report of the last attempt (unplaced sessions with reasons, pre-check findings,
   * stage times), when it returned one; null when the job ended from a checkpoint or failed. */
  details: Pick<SolveResult, 'status' | 'unplaced' | 'findings' | 'stages'> | null;
  /** For a finished job: whether its timetable became active, and the active one it was compared with. */
  activation: {
    activated: boolean;
    previous: ActiveComparison | null;
    studentClashes: number | null;
    studentClashTotals: StudentClashTotals | null;
  } | null;
}

export interface SolveJobDeps {
  db: Database;
  pool: SolverPool;
  college: College;
  breaker: CircuitBreaker;
  clock: Clock;
  emit: (e: JobEvent) => void;
}

/** Grace beyond the time limit before the job stops the solver from outside. */
export function timeLimitGraceMs(limitMs: number): number {
  return Math.max(2000, Math.round(limitMs * 0.1));
}

const PROGRESS_SAVE_MS = 1000;

export class SolveJob {
  readonly jobId: number;
  private readonly deps: SolveJobDeps;
  private readonly opts: StoredJobOptions;
  private task: PoolTask | null = null;
  private cancelRequested = false;
  private interruptRequested = false;
  private usedMs = 0;
  private attemptStart: number | null = null;
  private percent = 0;
  private best: { hard: number; soft: number; stage: string } | null = null;

  constructor(jobId: number, opts: StoredJobOptions, deps: SolveJobDeps) {
    this.jobId = jobId;
    this.opts = opts;
    this.deps = deps;
  }

  /**
   * Stops the job's solver now without ending the job: it stays queued/running in the database and
   * resumes from its checkpoint on the next start (app quit, project closed).
   */
  interrupt(): void {
    this.interruptRequested = true;
    this.task?.kill(new AttemptError('shutdown', 'The app stopped the job; it resumes on the next start.'));
  }

  /** Stops the job within a second: the solver is asked to stop, then killed. */
  cancel(): void {
    this.cancelRequested = true;
    this.task?.cancel(500);
  }

  async run(): Promise<JobOutcome> {
    const { db, breaker } = this.deps;
    const history = readJobHistory(db, this.jobId);
    this.usedMs = history.usedMs;
    let attempts = history.attempts;
    // Attempts cut short by an app restart are not the solver's failures: they do not count.
    const uncounted = history.interrupted;
    if (history.best && history.best.hardTotal !== null && history.best.softTotal !== null) {
      this.best = { hard: history.best.hardTotal, soft: history.best.softTotal, stage: history.best.stage };
    }
    let lastReason = 'no attempt was made';
    for (;;) {
      if (this.interruptRequested) return this.outcome('interrupted', attempts, null, 'Interrupted.');
      if (this.cancelRequested) return this.endCancelled(attempts);
      const remaining = this.opts.timeLimitMs - this.usedMs;
      if (remaining <= 0) return this.endFromCheckpoint(attempts, 'The time limit was reached.');
      if (attempts - uncounted >= this.opts.maxAttempts) {
        const made = attempts - uncounted;
        return this.endFailed(attempts, `The job failed after ${made} attempts; the last: ${lastReason}`);
      }
      const skipStages = [...new Set([...this.opts.skipStages, ...breaker.openStages()])];
      const checkpoint = readJobHistory(db, this.jobId).best;
      const options: SolveOptions = {
        timeLimitMs: remaining,
        seed: this.opts.seed,
        weights: this.opts.weights,
        targetSoft: this.opts.targetSoft,
        // The best so far when there is one; else where the job was asked to start (locks, improve).
        initial: checkpoint?.timetable ?? this.opts.initial,
        skipStages,
      };
      let n = 0;
      let stage: SolverStage | null = null;
      let result: SolveResult | null = null;
      let failure: AttemptError | null = null;
      try {
        result = await this.attempt(options, checkpoint ? (checkpoint.stage as SolverStage) : null, {
          started: (num) => (n = num),
          stage: (s) => (stage = s),
        });
      } catch (err) {
        failure = err instanceof AttemptError ? err : new AttemptError('solver_error', String(err));
      }
      attempts = Math.max(attempts, n);
      if (result) {
        if (result.status === 'cancelled' || this.cancelRequested) {
          if (n) finishAttempt(db, this.jobId, n, 'cancelled', 'Cancelled.');
          return this.endCancelled(attempts);
        }
        if (n) finishAttempt(db, this.jobId, n, 'finished');
        return this.endFinished(attempts, result, null);
      }
      const f = failure as AttemptError;
      if (f.kind === 'shutdown') {
        if (n) finishAttempt(db, this.jobId, n, 'failed', INTERRUPTED_REASON);
        return this.outcome('interrupted', attempts, null, f.message);
      }
      if (f.kind === 'cancelled' || this.cancelRequested) {
        if (n) finishAttempt(db, this.jobId, n, 'cancelled', 'Cancelled.');
        return this.endCancelled(attempts);
      }
      if (n) finishAttempt(db, this.jobId, n, 'failed', reasonWithStage(stage, f.message));
      if (f.kind === 'timeout') return this.endFromCheckpoint(attempts, f.message);
      if (f.kind === 'spawn') return this.endFailed(attempts, f.message);
      breaker.recordFailure(stage);
      lastReason = reasonWithStage(stage, f.message);
      if (attempts - uncounted < this.opts.maxAttempts) {
        this.emit({
          type: 'retrying',
          attempt: attempts,
          failure: f.kind,
          reason: f.message,
          failedStage: stage,
          skipStages: [...new Set([...this.opts.skipStages, ...breaker.openStages()])],
          etaMs: null,
        });
      }
    }
  }

  /** One run on the pool; resolves with the solver's result or rejects with an AttemptError. */
  private attempt(
    options: SolveOptions,
    resumedFrom: SolverStage | null,
    report: { started: (n: number) => void; stage: (s: SolverStage) => void },
  ): Promise<SolveResult> {
    const { db, pool, college, clock } = this.deps;
    let watchdog: Watchdog | null = null;
    let deadline: { cancel(): void } | null = null;
    let n = 0;
    let lastSaved = -Infinity;
    const onProgress = (p: SolveProgress): void => {
      watchdog?.touch();
      report.stage(p.stage);
      this.percent = p.percent;
      const { stage, percent, bestHard, bestSoft, message } = p;
      const event = { type: 'progress', attempt: n, stage, percent, bestHard, bestSoft, message } as const;
      this.emit({ ...event, etaMs: this.eta() });
      const now = clock.now();
      if (now - lastSaved >= PROGRESS_SAVE_MS) {
        lastSaved = now;
        recordProgress(db, this.jobId, { ...event, elapsedMs: this.elapsed() });
      }
    };
    const onCheckpoint = (c: SolverCheckpoint): void => {
      watchdog?.touch();
      if (!isBetter({ hard: c.hardTotal, soft: c.softTotal }, this.best)) return;
      this.best = { hard: c.hardTotal, soft: c.softTotal, stage: c.stage };
      const { stage, timetable, hardTotal, softTotal } = c;
      saveCheckpoint(db, { jobId: this.jobId, stage, timetable, hardTotal, softTotal, data: { attempt: n } });
      // The solving time spent so far goes with the checkpoint, so a resume counts it.
      lastSaved = clock.now();
      recordProgress(db, this.jobId, {
        type: 'progress',
        attempt: n,
        stage,
        percent: this.percent,
        bestHard: hardTotal,
        bestSoft: softTotal,
        message: 'checkpoint saved',
        elapsedMs: this.elapsed(),
      });
    };
    const task = pool.run(college, options, {
      onStarted: (pid) => {
        const strategy = options.skipStages?.length ? `skip:${options.skipStages.join(',')}` : 'full';
        n = addAttempt(db, this.jobId, resumedFrom ? `${strategy};resume:${resumedFrom}` : strategy);
        updateJobStatus(db, this.jobId, 'running');
        report.started(n);
        this.attemptStart = clock.now();
        this.percent = 0;
        recordProgress(db, this.jobId, { type: 'started', attempt: n, elapsedMs: this.usedMs });
        lastSaved = clock.now();
        const skipStages = options.skipStages ?? [];
        this.emit({
          type: 'started',
          attempt: n,
          pid: pid ?? null,
          resumedFrom,
          skipStages,
          etaMs: this.eta(),
        });
        watchdog = new Watchdog({
          stallTimeoutMs: this.opts.stallTimeoutMs,
          clock,
          onStall: (silentMs) => {
            this.emit({ type: 'stuck', attempt: n, silentMs, etaMs: null });
            const s = (this.opts.stallTimeoutMs / 1000).toFixed(1);
            task.kill(new AttemptError('hung', `No progress for ${s} s; the solver process was killed.`));
          },
        });
        const limit = options.timeLimitMs + timeLimitGraceMs(this.opts.timeLimitMs);
        deadline = clock.setTimeout(() => {
          const msg = `The solver overran the time limit by ${timeLimitGraceMs(this.opts.timeLimitMs)} ms and was stopped.`;
          task.kill(new AttemptError('timeout', msg));
        }, limit);
      },
      onProgress,
      onCheckpoint,
    });
    this.task = task;
    if (this.cancelRequested) task.cancel(500);
    const cleanup = (): void => {
      watchdog?.stop();
      deadline?.cancel();
      if (this.attemptStart !== null) {
        this.usedMs += clock.now() - this.attemptStart;
        recordProgress(db, this.jobId, { type: 'ended', attempt: n, elapsedMs: Math.round(this.usedMs) });
      }
      this.attemptStart = null;
      this.task = null;
    };
    return task.result.finally(cleanup);
  }

  private endFinished(attempts: number, result: SolveResult | null, note: string | null): JobOutcome {
    const stored = storeFinishedJob(this.deps.db, this.deps.college, this.jobId, this.opts, result, note);
    if (!stored) return this.endFailed(attempts, note ?? 'The solver returned no timetable.');
    this.emitFinal({
      type: 'finished',
      timetableId: stored.timetableId,
      hardTotal: stored.hardTotal,
      softTotal: stored.softTotal,
      status: stored.status,
      note: stored.note,
      activated: stored.activated,
      previous: stored.previous,
      studentClashes: stored.studentClashes,
      studentClashTotals: stored.studentClashTotals,
      etaMs: 0,
    });
    const done = this.outcome('finished', attempts, stored, stored.note);
    done.activation = {
      activated: stored.activated,
      previous: stored.previous,
      studentClashes: stored.studentClashes,
      studentClashTotals: stored.studentClashTotals,
    };
    if (result && stored.fromResult) {
      const { status, unplaced, findings, stages } = result;
      done.details = { status, unplaced, findings, stages };
    }
    return done;
  }

  private endFromCheckpoint(attempts: number, why: string): JobOutcome {
    if (!latestCheckpoint(this.deps.db, this.jobId))
      return this.endFailed(attempts, `${why} No timetable was found in time.`);
    return this.endFinished(attempts, null, `${why} The best checkpoint was kept.`);
  }

  private endFailed(attempts: number, reason: string): JobOutcome {
    updateJobStatus(this.deps.db, this.jobId, 'failed', { error: reason });
    this.emitFinal({
      type: 'failed',
      reason,
      bestHard: this.best?.hard ?? null,
      bestSoft: this.best?.soft ?? null,
      etaMs: null,
    });
    return this.outcome('failed', attempts, null, reason);
  }

  private endCancelled(attempts: number): JobOutcome {
    updateJobStatus(this.deps.db, this.jobId, 'cancelled', { error: 'Cancelled.' });
    this.emitFinal({ type: 'cancelled', etaMs: null });
    return this.outcome('cancelled', attempts, null, 'Cancelled.');
  }

  private outcome(
    status: JobOutcome['status'],
    attempts: number,
    stored: { timetableId: number; hardTotal: number; softTotal: number } | null,
    reason: string | null,
  ): JobOutcome {
    return {
      jobId: this.jobId,
      status,
      timetableId: stored?.timetableId ?? null,
      hardTotal: stored?.hardTotal ?? this.best?.hard ?? null,
      softTotal: stored?.softTotal ?? this.best?.soft ?? null,
      reason,
      attempts,
      details: null,
      activation: null,
    };
  }

  private elapsed(): number {
    const live = this.attemptStart === null ? 0 : this.deps.clock.now() - this.attemptStart;
    return Math.round(this.usedMs + live);
  }

  private eta(): number | null {
    const live = this.attemptStart === null ? 0 : this.deps.clock.now() - this.attemptStart;
    return estimateEtaMs(live, this.percent, this.opts.timeLimitMs - this.usedMs - live);
  }

  private emit(e: DistributiveOmit<JobEvent, 'jobId' | 'elapsedMs'>): void {
    this.deps.emit({ ...e, jobId: this.jobId, elapsedMs: this.elapsed() });
  }

  /** The job's last event, also kept in the database: the job history shows it after a restart. */
  private emitFinal(e: DistributiveOmit<JobEvent, 'jobId' | 'elapsedMs'>): void {
    const event: JobEvent = { ...e, jobId: this.jobId, elapsedMs: this.elapsed() };
    try {
      recordProgress(this.deps.db, this.jobId, event);
    } catch {
      // the history loses this job's last words; the job's status is already recorded
    }
    this.deps.emit(event);
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
