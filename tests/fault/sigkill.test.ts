// A solver process SIGKILLed at a random moment mid-solve, 10 times in a row: the job still
// completes, every kill is a failed attempt that resumes from the last checkpoint, and no saved
// checkpoint is ever replaced by a worse one.
import { afterEach, describe, expect, it } from 'vitest';
import { latestCheckpoint, listAttempts, listTimetables } from '../../src/main/db/index.ts';
import { runSolveJob } from '../../src/main/jobs/index.ts';
import { lcg, recorder, solverUnderTest, tempProject } from './harness.ts';
import type { TempProject } from './harness.ts';

let project: TempProject | null = null;
afterEach(() => project?.cleanup());

describe('solver killed mid-solve', () => {
  it('survives 10 SIGKILLs in a row and finishes with nothing saved lost', async () => {
    const solver = solverUnderTest();
    project = tempProject(solver.college());
    const { db } = project;
    const rec = recorder();
    const random = lcg(20261123);
    const kills: number[] = [];
    const bestAtKill: Array<[number, number]> = [];
    const checkpointAtStart: Array<string | null> = [];
    let done = false;
    const outcomes = await runSolveJob(
      db,
      // No soft target: every attempt keeps solving until it is killed (the last one until the limit).
      {
        ...solver.runOptions,
        targetSoft: undefined,
        timeLimitMs: 12_000,
        seed: 5,
        workers: 1,
        maxAttempts: 12,
      },
      (e) => {
        rec.onEvent(e);
        if (e.type === 'finished' || e.type === 'failed') done = true;
        if (e.type !== 'started') return;
        checkpointAtStart.push(latestCheckpoint(db, e.jobId)?.stage ?? null);
        if (kills.length >= 10) return;
        const { pid, attempt } = e;
        // A random moment 0.3-0.9 s into the attempt.
        setTimeout(
          () => {
            if (done || !pid || attempt !== kills.length + 1) return;
            const cp = latestCheckpoint(db, e.jobId);
            if (cp) bestAtKill.push([cp.hardTotal ?? Infinity, cp.softTotal ?? Infinity]);
            kills.push(pid);
            process.kill(pid, 'SIGKILL');
          },
          300 + random() * 600,
        );
      },
    );
    expect(kills).toHaveLength(10);
    expect(new Set(kills).size).toBe(10);
    const [outcome] = outcomes;
    expect(outcome.status).toBe('finished');
    expect(outcome.attempts).toBe(11);
    if (solver.real) expect(outcome.hardTotal).toBe(0);
    const attempts = listAttempts(db, outcome.jobId);
    expect(attempts.map((a) => a.status)).toEqual([...Array<string>(10).fill('failed'), 'finished']);
    expect(attempts.slice(0, 10).every((a) => /crashed \(signal SIGKILL\)/.test(a.reason ?? ''))).toBe(true);
    // Every attempt started from the checkpoint saved before it (tests/fault/checkpoints checks
    // that solves do save them).
    const started = rec.events.filter((e) => e.type === 'started');
    expect(started.map((e) => (e.type === 'started' ? e.resumedFrom : null))).toEqual(checkpointAtStart);
    // Saved work is never lost: the best checkpoint only improves, and the result is at least as good.
    const final = latestCheckpoint(db, outcome.jobId);
    const stored = listTimetables(db).find((t) => t.id === outcome.timetableId);
    expect(stored).toBeDefined();
    for (let i = 1; i < bestAtKill.length; i++) {
      const [h0, s0] = bestAtKill[i - 1];
      const [h1, s1] = bestAtKill[i];
      expect(h1 < h0 || (h1 === h0 && s1 <= s0)).toBe(true);
    }
    if (final && bestAtKill.length) {
      const [h, s] = bestAtKill[bestAtKill.length - 1];
      expect(
        (final.hardTotal ?? Infinity) < h ||
          ((final.hardTotal ?? Infinity) === h && (final.softTotal ?? 0) <= s),
      ).toBe(true);
    }
    if (solver.real && final && stored) {
      const atLeastAsGood =
        stored.hardTotal < (final.hardTotal ?? Infinity) ||
        (stored.hardTotal === final.hardTotal && stored.softTotal <= (final.softTotal ?? Infinity));
      expect(atLeastAsGood).toBe(true);
    }
    expect(rec.types().filter((t) => t === 'retrying')).toHaveLength(10);
  }, 60_000);
});
