// A real hang: the solver process is SIGSTOPped mid-solve. The watchdog notices within its
// threshold, the process is killed, the attempt retried from the checkpoint, the job completes,
// and the events show `stuck` then `retrying`.
import { afterEach, describe, expect, it } from 'vitest';
import { latestCheckpoint, listAttempts } from '../../src/main/db/index.ts';
import { runSolveJob } from '../../src/main/jobs/index.ts';
import { alive, recorder, solverUnderTest, tempProject, until } from './harness.ts';
import type { TempProject } from './harness.ts';

let project: TempProject | null = null;
afterEach(() => project?.cleanup());

const STALL_MS = 2000;

describe('hung solver', () => {
  it('is detected within the stall threshold, killed and retried; the job completes', async () => {
    const solver = solverUnderTest();
    project = tempProject(solver.college());
    const db = project.db;
    const rec = recorder();
    let stoppedPid = 0;
    let stoppedAt = 0;
    let stuckAt = 0;
    const checkpointAtStart: Array<string | null> = [];
    const outcomes = await runSolveJob(
      db,
      {
        ...solver.runOptions,
        timeLimitMs: solver.timeLimitMs,
        seed: 2,
        workers: 1,
        stallTimeoutMs: STALL_MS,
      },
      (e) => {
        rec.onEvent(e);
        if (e.type === 'started') checkpointAtStart.push(latestCheckpoint(db, e.jobId)?.stage ?? null);
        if (e.type === 'stuck') stuckAt = performance.now();
        if (e.type !== 'progress' || stoppedPid || e.percent < 5) return;
        const started = rec.events.find((x) => x.type === 'started');
        stoppedPid = started?.type === 'started' ? (started.pid ?? 0) : 0;
        stoppedAt = performance.now();
        process.kill(stoppedPid, 'SIGSTOP');
      },
    );
    expect(stoppedPid).toBeGreaterThan(0);
    const [outcome] = outcomes;
    expect(outcome.status).toBe('finished');
    if (solver.real) expect(outcome.hardTotal).toBe(0);
    // Detected no later than the threshold after the hang began (plus timer slack).
    expect(stuckAt - stoppedAt).toBeGreaterThan(STALL_MS - 600);
    expect(stuckAt - stoppedAt).toBeLessThan(STALL_MS + 1000);
    const types = rec.types().filter((t) => t !== 'progress');
    expect(types).toEqual(['queued', 'started', 'stuck', 'retrying', 'started', 'finished']);
    const retrying = rec.events.find((e) => e.type === 'retrying');
    expect(retrying).toMatchObject({ failure: 'hung' });
    const started = rec.events.filter((e) => e.type === 'started');
    expect(started.map((e) => (e.type === 'started' ? e.resumedFrom : null))).toEqual(checkpointAtStart);
    const attempts = listAttempts(project.db, outcome.jobId);
    expect(attempts.map((a) => a.status)).toEqual(['failed', 'finished']);
    expect(attempts[0].reason).toMatch(/No progress for 2\.0 s/);
    await until(() => !alive(stoppedPid), 2000, 'the stopped process to be gone');
  }, 60_000);
});
