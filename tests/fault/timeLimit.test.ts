// The job's time limit holds even when the solver ignores its own (as HiGHS can overshoot): the
// job stops it from outside shortly after the limit and keeps the best checkpoint.
import { afterEach, describe, expect, it } from 'vitest';
import { getJob, listAttempts, listTimetables } from '../../src/main/db/index.ts';
import { runSolveJob } from '../../src/main/jobs/index.ts';
import { timeLimitGraceMs } from '../../src/main/jobs/SolveJob.ts';
import { tinyCollege } from '../fixtures/tinyCollege.ts';
import { FAKE_SOLVER, recorder, tempProject } from './harness.ts';
import type { TempProject } from './harness.ts';

let project: TempProject | null = null;
afterEach(() => project?.cleanup());

describe('job time limit', () => {
  it('stops an overrunning solver from outside and keeps the best checkpoint', async () => {
    project = tempProject(tinyCollege());
    const rec = recorder();
    const limit = 1500;
    let startedAt = 0;
    let endedAt = 0;
    const [outcome] = await runSolveJob(
      project.db,
      {
        solverArgs: [`--solver-module=${FAKE_SOLVER}`],
        solverEnv: { FAKE_SOLVER_MS: '60000', FAKE_SOLVER_OVERRUN: '1' },
        timeLimitMs: limit,
        seed: 1,
        workers: 1,
      },
      (e) => {
        rec.onEvent(e);
        if (e.type === 'started') startedAt = performance.now();
        if (e.type === 'finished' || e.type === 'failed') endedAt = performance.now();
      },
    );
    const took = endedAt - startedAt;
    expect(took).toBeGreaterThan(limit + timeLimitGraceMs(limit) - 100);
    expect(took).toBeLessThan(limit + timeLimitGraceMs(limit) + 1500);
    expect(outcome.status).toBe('finished');
    expect(outcome.reason).toMatch(/overran the time limit .* best checkpoint was kept/);
    expect(listTimetables(project.db).map((t) => t.id)).toEqual([outcome.timetableId]);
    expect(getJob(project.db, outcome.jobId)?.status).toBe('finished');
    expect(listAttempts(project.db, outcome.jobId).map((a) => a.status)).toEqual(['failed']);
    expect(rec.types()).not.toContain('retrying');
  }, 30_000);
});
