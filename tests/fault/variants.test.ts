// "Generate K variants": K jobs with different seeds spread over the pool, each stored as a named
// variant; the active timetable stays what it was.
import { afterEach, describe, expect, it } from 'vitest';
import { getActiveTimetable, listTimetables } from '../../src/main/db/index.ts';
import { runSolveJob } from '../../src/main/jobs/index.ts';
import { recorder, solverUnderTest, tempProject } from './harness.ts';
import type { TempProject } from './harness.ts';

let project: TempProject | null = null;
afterEach(() => project?.cleanup());

describe('variants', () => {
  it('runs K seeds across two solver processes and stores K named variants', async () => {
    const solver = solverUnderTest();
    project = tempProject(solver.college());
    const rec = recorder();
    const outcomes = await runSolveJob(
      project.db,
      { ...solver.runOptions, timeLimitMs: 3000, seed: 11, variants: 3, workers: 2 },
      rec.onEvent,
    );
    expect(outcomes.map((o) => o.status)).toEqual(['finished', 'finished', 'finished']);
    if (solver.real) expect(outcomes.map((o) => o.hardTotal)).toEqual([0, 0, 0]);
    const stored = listTimetables(project.db);
    expect(stored).toHaveLength(3);
    expect(stored.every((t) => t.kind === 'variant' && !t.active)).toBe(true);
    expect(new Set(stored.map((t) => t.seed))).toEqual(new Set([11, 12, 13]));
    expect(stored.map((t) => t.name).sort()).toEqual([
      'Variant 1 (seed 11)',
      'Variant 2 (seed 12)',
      'Variant 3 (seed 13)',
    ]);
    expect(getActiveTimetable(project.db)).toBeNull();
    const pids = new Set(rec.events.flatMap((e) => (e.type === 'started' ? [e.pid] : [])));
    expect(pids.size).toBe(2);
  }, 40_000);
});
