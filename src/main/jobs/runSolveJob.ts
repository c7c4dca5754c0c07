// One call for the CLI (`slotwise solve` / `run`) and scripts: solve the project's college through
// the pool, watchdog and checkpoints, store the result (or K variants), and return the outcomes.
import type { Database } from 'better-sqlite3';
import type { JobEvent } from '../../shared/ipc/jobEvents.ts';
import { JobRunner } from './JobRunner.ts';
import type { JobRunnerOptions, SubmitOptions } from './JobRunner.ts';
import type { JobOutcome } from './SolveJob.ts';
import { defaultPoolSize } from './SolverPool.ts';

export interface RunSolveJobOptions extends SubmitOptions, Omit<JobRunnerOptions, 'pool'> {
  /** Aborting cancels every job of this run (e.g. Ctrl+C in the CLI). */
  signal?: AbortSignal;
}

/** Runs one job (or `variants` jobs) to the end; the pool lives as long as the call. */
export async function runSolveJob(
  db: Database,
  options: RunSolveJobOptions,
  onEvent?: (e: JobEvent) => void,
): Promise<JobOutcome[]> {
  const variants = Math.max(1, Math.floor(options.variants ?? 1));
  const workers = options.workers ?? Math.min(variants, defaultPoolSize());
  const runner = new JobRunner(db, { ...options, workers }, onEvent);
  try {
    const ids = runner.submit(options);
    return await settle(runner, ids, options.signal);
  } finally {
    await runner.shutdown();
  }
}

/** Resumes the jobs left queued or running by an earlier run that died; [] when there are none. */
export async function resumeSolveJobs(
  db: Database,
  options: Omit<RunSolveJobOptions, keyof SubmitOptions> = {},
  onEvent?: (e: JobEvent) => void,
): Promise<JobOutcome[]> {
  const runner = new JobRunner(db, { ...options, workers: options.workers ?? 1 }, onEvent);
  try {
    const ids = runner.resumeInterrupted();
    return await settle(runner, ids, options.signal);
  } finally {
    await runner.shutdown();
  }
}

async function settle(runner: JobRunner, ids: number[], signal?: AbortSignal): Promise<JobOutcome[]> {
  const cancelAll = (): void => {
    for (const id of ids) void runner.cancel(id);
  };
  if (signal?.aborted) cancelAll();
  signal?.addEventListener('abort', cancelAll, { once: true });
  try {
    return await Promise.all(ids.map((id) => runner.wait(id)));
  } finally {
    signal?.removeEventListener('abort', cancelAll);
  }
}
