// The app closes a project (or quits) while a job runs on the app's long-lived pool: the job is
// interrupted, not cancelled — it stays running in the database, the interrupted attempt does not
// count against the circuit breaker, and the next session resumes it from its checkpoint.
import { afterEach, describe, expect, it } from 'vitest';
import { getJob, listAttempts, listTimetables } from '../../src/main/db/index.ts';
import { JobRunner, SolverPool, createForkSpawner } from '../../src/main/jobs/index.ts';
import { tinyCollege } from '../fixtures/tinyCollege.ts';
import { FAKE_SOLVER, recorder, tempProject, until } from './harness.ts';
import type { TempProject } from './harness.ts';

let project: TempProject | null = null;
let pool: SolverPool | null = null;
afterEach(async () => {
  await pool?.shutdown(0);
  project?.cleanup();
});

describe('interrupted job on a shared pool', () => {
  it('stays resumable and resumes from its checkpoint in the next session', async () => {
    project = tempProject(tinyCollege());
    const { db } = project;
    pool = new SolverPool({
      spawner: createForkSpawner(),
      size: 1,
      args: [`--solver-module=${FAKE_SOLVER}`],
      env: { FAKE_SOLVER_MS: '4000' },
    });
    const first = recorder();
    const runner = new JobRunner(db, { pool }, first.onEvent);
    const [jobId] = runner.submit({ timeLimitMs: 20_000, seed: 3 });
    const progressed = (): boolean => first.events.some((e) => e.type === 'progress' && e.percent >= 40);
    await until(progressed, 20_000, 'progress');
    await runner.shutdown();
    expect(await runner.wait(jobId)).toMatchObject({ status: 'interrupted' });
    expect(getJob(db, jobId)?.status).toBe('running');
    expect(listAttempts(db, jobId)[0].reason).toMatch(/^Interrupted/);

    const second = recorder();
    const next = new JobRunner(db, { pool }, second.onEvent);
    expect(next.resumeInterrupted()).toEqual([jobId]);
    const outcome = await next.wait(jobId);
    expect(outcome.status).toBe('finished');
    expect(second.events.find((e) => e.type === 'started')).toMatchObject({ attempt: 2, skipStages: [] });
    const started = second.events.find((e) => e.type === 'started');
    expect(started?.type === 'started' && started.resumedFrom).toBeTruthy();
    expect(listTimetables(db).map((t) => t.jobId)).toEqual([jobId]);
  }, 30_000);
});
