// The job queue: creates solve jobs (one, or K variants with different seeds) in the project
// database, runs them on the solver pool, cancels them, and resumes the jobs that were queued or
// running when the app last stopped. Used by the app's IPC handlers and by runSolveJob (CLI).
import type { Database } from 'better-sqlite3';
import {
  createJob,
  getCollegeRevision,
  getJob,
  getTimetable,
  listJobs,
  loadCollegeWithRevision,
  updateJobStatus,
} from '../db/index.ts';
import type { College } from '../../shared/model/types.ts';
import type { SolverStage } from '../../shared/solver/protocol.ts';
import type { JobEvent, JobOrigin } from '../../shared/ipc/jobEvents.ts';
import { SolverPool } from './SolverPool.ts';
import type { SolverPoolOptions } from './SolverPool.ts';
import type { ProcessSpawner } from './ProcessSpawner.ts';
import { createForkSpawner } from './forkSpawner.ts';
import { CircuitBreaker } from './CircuitBreaker.ts';
import { systemClock } from './clock.ts';
import type { Clock } from './clock.ts';
import { SolveJob } from './SolveJob.ts';
import type { JobOutcome } from './SolveJob.ts';
import { parseStoredJobOptions, storedJobOptionsSchema } from './jobOptions.ts';
import type { StoredJobOptions, StoredJobOptionsInput } from './jobOptions.ts';
import { closeInterruptedAttempts, readJobHistory } from './jobHistory.ts';
import { startingPoint } from './startFrom.ts';
import type { StartRequest } from './startFrom.ts';
import type { ActivatePolicy } from './activation.ts';

export interface JobRunnerOptions {
  /** A pool to borrow (the app keeps one); otherwise the runner makes its own and shuts it down. */
  pool?: SolverPool;
  /** Size of the runner's own pool (default: cores - 1, at least 1). */
  workers?: number;
  maxOldSpaceMb?: number;
  spawner?: ProcessSpawner;
  /** Extra arguments / environment for solver processes (tests select fixture solvers with these). */
  solverArgs?: string[];
  solverEnv?: Record<string, string>;
  onWorkerEvent?: SolverPoolOptions['onWorkerEvent'];
  clock?: Clock;
}

export interface SubmitOptions {
  timeLimitMs: number;
  seed?: number;
  /** K > 1 runs K jobs with seeds seed, seed+1, ... each stored as a named variant. */
  variants?: number;
  /** Silence after which a solver counts as hung (default 10 s). */
  stallTimeoutMs?: number;
  maxAttempts?: number;
  /** Name of the stored timetable; variants are named `<name> <i> (seed <s>)` (default name `Variant`). */
  name?: string;
  weights?: Record<string, number>;
  targetSoft?: number;
  skipStages?: SolverStage[];
  /** true = 'always', false = 'never' (older callers); `activate` wins when both are given. */
  makeActive?: boolean;
  /**
   * When a result becomes the active timetable. Default: 'if-better' for a single solve (never a
   * worse one without the user's say), 'never' for variants (the user picks one, even when none is active).
   */
  activate?: ActivatePolicy;
  /**
   * Where the solve starts (see startFrom.ts): 'new' keeps the locked sessions of the active (or
   * `from`) timetable, 'improve' starts from that whole timetable. Absent: a blank start.
   */
  start?: StartRequest;
}

export class JobRunner {
  private readonly db: Database;
  private readonly pool: SolverPool;
  private readonly ownsPool: boolean;
  private readonly clock: Clock;
  private readonly onEvent: (e: JobEvent) => void;
  private readonly jobs = new Map<number, { job: SolveJob; done: Promise<JobOutcome> }>();
  private readonly breakers = new Map<number, CircuitBreaker>();

  constructor(db: Database, options: JobRunnerOptions = {}, onEvent: (e: JobEvent) => void = () => {}) {
    this.db = db;
    this.clock = options.clock ?? systemClock;
    this.onEvent = onEvent;
    this.ownsPool = !options.pool;
    this.pool =
      options.pool ??
      new SolverPool({
        spawner: options.spawner ?? createForkSpawner(),
        size: options.workers,
        maxOldSpaceMb: options.maxOldSpaceMb,
        args: options.solverArgs,
        env: options.solverEnv,
        onWorkerEvent: options.onWorkerEvent,
        clock: this.clock,
      });
  }

  /** Queues one job, or `variants` jobs with consecutive seeds; returns their ids. */
  submit(options: SubmitOptions): number[] {
    const { college, revision } = this.requireCollege();
    const k = Math.max(1, Math.floor(options.variants ?? 1));
    const seed = options.seed ?? 1;
    const starting = options.start ? startingPoint(this.db, college, options.start) : null;
    const improve = options.start?.mode === 'improve';
    // Improving keeps the timetable it starts from: the clustering and exact model would replan it.
    const skipStages: SolverStage[] = [
      ...new Set<SolverStage>([
        ...(options.skipStages ?? []),
        ...(improve ? (['decompose', 'mip'] as const) : []),
      ]),
    ];
    const activate: ActivatePolicy =
      options.activate ??
      (options.makeActive === true
        ? 'always'
        : options.makeActive === false || k > 1
          ? 'never'
          : 'if-better');
    const ids: number[] = [];
    for (let i = 0; i < k; i++) {
      const s = seed + i;
      const base =
        options.name ??
        (k > 1 ? 'Variant' : improve ? `Improved ${starting?.source?.name ?? ''}`.trim() : 'Solution');
      const stored: StoredJobOptionsInput = {
        name: k > 1 ? `${base} ${i + 1} (seed ${s})` : (options.name ?? `${base} (seed ${s})`),
        initial: starting?.initial,
        startMode: options.start?.mode ?? 'new',
        startFrom: starting?.source?.id ?? null,
        kind: k > 1 ? 'variant' : 'solution',
        timeLimitMs: Math.max(1, Math.round(options.timeLimitMs)),
        seed: s,
        weights: options.weights,
        targetSoft: options.targetSoft,
        skipStages,
        maxAttempts: options.maxAttempts,
        stallTimeoutMs: options.stallTimeoutMs === undefined ? undefined : Math.round(options.stallTimeoutMs),
        makeActive: activate === 'always',
        activate,
        collegeRevision: revision,
      };
      const parsed = storedJobOptionsSchema.parse(stored);
      const jobId = createJob(this.db, { kind: parsed.kind, options: parsed, seed: s });
      this.onEvent({
        type: 'queued',
        jobId,
        name: parsed.name,
        seed: s,
        elapsedMs: 0,
        etaMs: null,
        ...(starting ? { origin: originOf(parsed.startMode, starting) } : {}),
      });
      this.start(jobId, college);
      ids.push(jobId);
    }
    return ids;
  }

  /**
   * Picks up the jobs that were queued or running when the app stopped (a crash included); each
   * resumes from its last checkpoint with the time it has left. Returns the ids of those resumed; a
   * job that cannot resume (unusable options, a college re-imported since it started) is failed.
   */
  resumeInterrupted(): number[] {
    const pending = listJobs(this.db, { status: ['queued', 'running'] })
      .filter((j) => !this.jobs.has(j.id))
      .reverse();
    if (pending.length === 0) return [];
    const { college, revision } = this.requireCollege();
    const started: number[] = [];
    for (const j of pending) {
      try {
        const opts = parseStoredJobOptions(j.id, j.options);
        if (opts.collegeRevision !== undefined && opts.collegeRevision !== revision) {
          throw new Error(
            'The college was re-imported after this job started, so its checkpoints belong to the old data; start a new solve.',
          );
        }
        closeInterruptedAttempts(this.db, j.id);
        for (const s of readJobHistory(this.db, j.id).failedStages) this.breaker().recordFailure(s);
        this.onEvent({
          type: 'queued',
          jobId: j.id,
          name: opts.name,
          seed: opts.seed,
          elapsedMs: 0,
          etaMs: null,
          ...(opts.initial ? { origin: storedOrigin(this.db, opts) } : {}),
        });
        this.start(j.id, college);
        started.push(j.id);
      } catch (err) {
        updateJobStatus(this.db, j.id, 'failed', { error: err instanceof Error ? err.message : String(err) });
      }
    }
    return started;
  }

  /** Cancels a job; resolves with its outcome (within about a second). */
  async cancel(jobId: number): Promise<JobOutcome | null> {
    const entry = this.jobs.get(jobId);
    if (!entry) return null;
    entry.job.cancel();
    return entry.done;
  }

  wait(jobId: number): Promise<JobOutcome> {
    const entry = this.jobs.get(jobId);
    if (!entry) return Promise.reject(new Error(`Job ${jobId} is not running in this session.`));
    return entry.done;
  }

  waitAll(): Promise<JobOutcome[]> {
    return Promise.all([...this.jobs.values()].map((e) => e.done));
  }

  activeJobIds(): number[] {
    return [...this.jobs.keys()];
  }

  /**
   * Stops this runner's solves without cancelling its jobs: they stay queued/running in the
   * database and resume on the next start. Its own pool is shut down; a borrowed one keeps running.
   * Call before closing the database.
   */
  async shutdown(graceMs = 1000): Promise<void> {
    if (this.ownsPool) await this.pool.shutdown(graceMs);
    else for (const { job } of this.jobs.values()) job.interrupt();
    await Promise.allSettled([...this.jobs.values()].map((e) => e.done));
  }

  get solverPool(): SolverPool {
    return this.pool;
  }

  private start(jobId: number, college: College): void {
    const opts = parseStoredJobOptions(jobId, getJob(this.db, jobId)?.options);
    const job = new SolveJob(jobId, opts, {
      db: this.db,
      pool: this.pool,
      college,
      breaker: this.breaker(),
      clock: this.clock,
      emit: (e) => this.onEvent(e),
    });
    const done = job.run().catch((err: unknown): JobOutcome => {
      const reason = `Internal error: ${err instanceof Error ? err.message : String(err)}`;
      try {
        updateJobStatus(this.db, jobId, 'failed', { error: reason });
      } catch {
        // the database itself is the problem; the outcome still reports it
      }
      return {
        jobId,
        status: 'failed',
        timetableId: null,
        hardTotal: null,
        softTotal: null,
        reason,
        attempts: 0,
        details: null,
        activation: null,
      };
    });
    this.jobs.set(jobId, { job, done });
  }

  private breaker(): CircuitBreaker {
    const revision = getCollegeRevision(this.db);
    let b = this.breakers.get(revision);
    if (!b) this.breakers.set(revision, (b = new CircuitBreaker()));
    return b;
  }

  private requireCollege(): { college: College; revision: number } {
    const loaded = loadCollegeWithRevision(this.db);
    if (!loaded)
      throw new Error('This project has no college data yet: import a workbook or a .ctt file first.');
    return loaded;
  }
}

/** The origin of a stored job (resumed after a restart), from its options. */
function storedOrigin(db: Database, opts: StoredJobOptions): JobOrigin {
  const from = opts.startFrom === null ? null : getTimetable(db, opts.startFrom)?.summary;
  return {
    mode: opts.startMode,
    from: from ? { id: from.id, name: from.name } : null,
    locked: opts.initial?.assignments.filter((a) => a.locked && a.day !== null).length ?? 0,
    dropped: 0,
  };
}

function originOf(mode: 'new' | 'improve', starting: ReturnType<typeof startingPoint>): JobOrigin {
  return { mode, from: starting.source, locked: starting.locked, dropped: starting.dropped };
}
