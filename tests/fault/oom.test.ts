// A solver that blows through its memory cap in one stage: the process is killed by its heap
// limit (reported as OOM, not a generic crash), the stage fails twice, the circuit breaker opens,
// and the third attempt runs the fallback path without that stage and finishes.
import { afterEach, describe, expect, it } from 'vitest';
import { listAttempts } from '../../src/main/db/index.ts';
import { runSolveJob } from '../../src/main/jobs/index.ts';
import { OOM_SOLVER, recorder, solverUnderTest, tempProject } from './harness.ts';
import type { TempProject } from './harness.ts';

let project: TempProject | null = null;
afterEach(() => project?.cleanup());

describe('solver over its memory cap', () => {
  it('is killed, its stage is skipped after two failures, and the job finishes', async () => {
    const solver = solverUnderTest();
    project = tempProject(solver.college());
    const rec = recorder();
    const env = {
      ...solver.runOptions.solverEnv,
      OOM_STAGE: 'mip',
      OOM_INNER: solver.real ? 'real' : 'fake',
    };
    const outcomes = await runSolveJob(
      project.db,
      {
        solverArgs: [`--solver-module=${OOM_SOLVER}`],
        solverEnv: env,
        targetSoft: solver.runOptions.targetSoft,
        maxOldSpaceMb: 96,
        timeLimitMs: solver.timeLimitMs,
        seed: 4,
        workers: 1,
      },
      rec.onEvent,
    );
    const [outcome] = outcomes;
    expect(outcome.status).toBe('finished');
    if (solver.real) expect(outcome.hardTotal).toBe(0);
    const retries = rec.events.filter((e) => e.type === 'retrying');
    expect(retries).toHaveLength(2);
    for (const r of retries) expect(r).toMatchObject({ failure: 'oom', failedStage: 'mip' });
    expect(retries.map((r) => (r.type === 'retrying' ? r.skipStages : null))).toEqual([[], ['mip']]);
    const started = rec.events.filter((e) => e.type === 'started');
    expect(started.map((s) => (s.type === 'started' ? s.skipStages : null))).toEqual([[], [], ['mip']]);
    const attempts = listAttempts(project.db, outcome.jobId);
    expect(attempts.map((a) => a.status)).toEqual(['failed', 'failed', 'finished']);
    expect(attempts[0].reason).toMatch(/^\[mip\] The solver ran out of memory \(heap cap 96 MB\)/);
    expect(attempts[2].strategy).toMatch(/^skip:mip/);
  }, 60_000);
});
