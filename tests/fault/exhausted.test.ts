// A solver that fails the same way every time: after maxAttempts the job fails with a clear reason,
// adds no timetable, and keeps its best checkpoint. A thrown error is not a crash: the same
// process serves every attempt.
import { afterEach, describe, expect, it } from 'vitest';
import { getJob, listAttempts, listCheckpoints, listTimetables } from '../../src/main/db/index.ts';
import { runSolveJob } from '../../src/main/jobs/index.ts';
import { tinyCollege } from '../fixtures/tinyCollege.ts';
import { FAKE_SOLVER, recorder, tempProject } from './harness.ts';
import type { TempProject } from './harness.ts';

let project: TempProject | null = null;
afterEach(() => project?.cleanup());

describe('retries exhausted', () => {
  it('fails the job with the last reason and keeps its checkpoints', async () => {
    project = tempProject(tinyCollege());
    const rec = recorder();
    const [outcome] = await runSolveJob(
      project.db,
      {
        solverArgs: [`--solver-module=${FAKE_SOLVER}`],
        solverEnv: { FAKE_SOLVER_MS: '1500', FAKE_SOLVER_FAULT: 'throw:search' },
        timeLimitMs: 20_000,
        seed: 1,
        workers: 1,
        maxAttempts: 3,
      },
      rec.onEvent,
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.reason).toMatch(
      /failed after 3 attempts; the last: \[search\] The solver failed: injected failure in search/,
    );
    expect(getJob(project.db, outcome.jobId)).toMatchObject({ status: 'failed', error: outcome.reason });
    expect(listTimetables(project.db)).toEqual([]);
    expect(listCheckpoints(project.db, outcome.jobId).length).toBeGreaterThan(0);
    expect(listAttempts(project.db, outcome.jobId).map((a) => a.status)).toEqual([
      'failed',
      'failed',
      'failed',
    ]);
    const retries = rec.events.filter((e) => e.type === 'retrying');
    expect(retries.map((r) => (r.type === 'retrying' ? r.failure : null))).toEqual([
      'solver_error',
      'solver_error',
    ]);
    // `search` cannot be skipped, so the circuit breaker never opens for it.
    expect(retries.every((r) => r.type === 'retrying' && r.skipStages.length === 0)).toBe(true);
    const pids = new Set(rec.events.flatMap((e) => (e.type === 'started' ? [e.pid] : [])));
    expect(pids.size).toBe(1);
    const failed = rec.events.at(-1);
    expect(failed).toMatchObject({ type: 'failed', bestHard: 0 });
  }, 30_000);
});
