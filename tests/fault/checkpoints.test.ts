// Checkpoints are what makes a retry or a restart resume instead of starting over: a real solve
// must save some while it runs, each a complete timetable whose cost the evaluator confirms, and
// each better than the one before.
import { afterEach, describe, expect, it } from 'vitest';
import { listCheckpoints } from '../../src/main/db/index.ts';
import { runSolveJob } from '../../src/main/jobs/index.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { solverUnderTest, tempProject } from './harness.ts';
import type { TempProject } from './harness.ts';

let project: TempProject | null = null;
afterEach(() => project?.cleanup());

describe('checkpoints', () => {
  it('a running solve saves improving checkpoints that the evaluator agrees with', async () => {
    const solver = solverUnderTest();
    const college = solver.college();
    project = tempProject(college);
    const [outcome] = await runSolveJob(project.db, {
      ...solver.runOptions,
      targetSoft: undefined,
      timeLimitMs: 4000,
      seed: 9,
      workers: 1,
    });
    expect(outcome.status).toBe('finished');
    const saved = listCheckpoints(project.db, outcome.jobId);
    expect(saved.length, 'solve() attached no best timetable to its progress').toBeGreaterThan(0);
    const sessions = college.courses.reduce((n, c) => n + c.sessions, 0);
    const problem = compile(college);
    for (let i = 0; i < saved.length; i++) {
      const cp = saved[i];
      expect(cp.timetable.assignments).toHaveLength(sessions);
      if (solver.real) {
        const e = evaluate(problem, timetableToPlacement(problem, cp.timetable), { details: false });
        expect([e.hardTotal, e.softTotal]).toEqual([cp.hardTotal, cp.softTotal]);
      }
      if (i > 0) {
        const [a, b] = [saved[i - 1], cp];
        const improved =
          (b.hardTotal ?? 0) < (a.hardTotal ?? 0) ||
          (b.hardTotal === a.hardTotal && (b.softTotal ?? 0) < (a.softTotal ?? 0));
        expect(improved).toBe(true);
      }
    }
  }, 30_000);
});
