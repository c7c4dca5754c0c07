// Solve jobs of the open project: one JobRunner per open database, created on the first start and
// shut down when the project closes (its unfinished jobs then resume on the next open). Remembers
// each job's request (for Restart) and its last event (for jobs:list).
import type { Database } from 'better-sqlite3';
import { listJobs } from '../db/index.ts';
import { JobRunner, submitOptionsFromRequest } from '../jobs/index.ts';
import type { JobRunnerOptions } from '../jobs/index.ts';
import type { JobEvent, JobStartRequest } from '../../shared/ipc/jobEvents.ts';
import type { JobInfo } from '../../shared/ipc/contract.ts';
import type { JobOrigin } from '../../shared/ipc/jobEvents.ts';
import { jobHistory } from './jobHistoryList.ts';
import { AppError } from '../../shared/ipc/envelope.ts';

interface Tracked {
  /** Null for a job resumed from an earlier app session (its request is not known here). */
  request: JobStartRequest | null;
  name: string;
  seed: number;
  last: JobEvent;
  origin?: JobOrigin;
}

export class JobsService {
  private runner: JobRunner | null = null;
  private db: Database | null = null;
  private readonly tracked = new Map<number, Tracked>();
  private readonly options: JobRunnerOptions;
  private readonly emit: (event: JobEvent) => void;
  /** The request being submitted: its jobs' `queued` events arrive while submit runs. */
  private pendingRequest: JobStartRequest | null = null;
  private resuming = false;
  private readonly resumed = new WeakSet<Database>();

  constructor(options: JobRunnerOptions, emit: (event: JobEvent) => void) {
    this.options = options;
    this.emit = emit;
  }

  start(db: Database, request: JobStartRequest): number[] {
    const runner = this.runnerFor(db);
    this.pendingRequest = request;
    try {
      return runner.submit(submitOptionsFromRequest(request));
    } catch (err) {
      throw new AppError('job_start', err instanceof Error ? err.message : String(err));
    } finally {
      this.pendingRequest = null;
    }
  }

  async cancel(jobId: number): Promise<boolean> {
    const last = this.tracked.get(jobId)?.last.type;
    if (last === 'finished' || last === 'failed' || last === 'cancelled') return false;
    if (!this.runner || !this.runner.activeJobIds().includes(jobId)) return false;
    await this.runner.cancel(jobId);
    return true;
  }

  /** Cancels the job (when still running) and queues it again with the same request. */
  async restart(db: Database, jobId: number): Promise<number[]> {
    const job = this.tracked.get(jobId);
    if (!job?.request)
      throw new AppError(
        'not_found',
        `Job ${jobId} was not started in this session: cancel it and start a new one.`,
      );
    await this.cancel(jobId);
    return this.start(db, { ...job.request, seed: job.seed, variants: 1, name: job.name });
  }

  /**
   * Picks up the jobs that were queued or running when the app last stopped (each resumes from its
   * last checkpoint). Call after a project opens; does nothing when none is pending.
   */
  resume(db: Database): number[] {
    if (this.resumed.has(db)) return [];
    this.resumed.add(db);
    if (listJobs(db, { status: ['queued', 'running'], limit: 1 }).length === 0) return [];
    const runner = this.runnerFor(db);
    this.resuming = true;
    try {
      return runner.resumeInterrupted();
    } catch {
      // e.g. the college data is gone: the jobs stay queued; opening the project must not fail
      return [];
    } finally {
      this.resuming = false;
    }
  }

  /** This session's jobs (as their events told) and the project's earlier ones, newest first. */
  list(db: Database): JobInfo[] {
    const byId = new Map<number, JobInfo>();
    for (const past of jobHistory(db)) byId.set(past.jobId, past);
    for (const [jobId, t] of this.tracked) {
      const past = byId.get(jobId);
      byId.set(jobId, {
        ...past,
        jobId,
        name: t.name,
        seed: t.seed,
        last: t.last,
        current: true,
        ...(t.origin ? { origin: t.origin } : {}),
      });
    }
    return [...byId.values()].sort((a, b) => b.jobId - a.jobId);
  }

  /** Stops the runner's solver processes; its unfinished jobs stay in the database and resume later. */
  async close(): Promise<void> {
    const runner = this.runner;
    this.runner = null;
    this.db = null;
    this.tracked.clear();
    if (runner) await runner.shutdown();
  }

  private runnerFor(db: Database): JobRunner {
    if (this.runner && this.db === db) return this.runner;
    if (this.runner) void this.close();
    this.db = db;
    this.runner = new JobRunner(db, this.options, (event) => this.onEvent(event));
    return this.runner;
  }

  private onEvent(event: JobEvent): void {
    const known = this.tracked.get(event.jobId);
    if (known) known.last = event;
    else if (event.type === 'queued' && (this.pendingRequest || this.resuming)) {
      this.tracked.set(event.jobId, {
        request: this.pendingRequest,
        name: event.name,
        seed: event.seed,
        last: event,
        ...(event.origin ? { origin: event.origin } : {}),
      });
    }
    this.emit(event);
  }
}
