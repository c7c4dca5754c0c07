// The solver end to end: feasibility on ITC-2007 comp01 and a generated college, a result that
// agrees with the evaluator, progress at least every second, prompt cancellation, determinism.
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/solver/solve.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { generateCollege } from '../../src/main/generate/index.ts';
import type { SolveProgress } from '../../src/shared/solver/protocol.ts';
import { itcCollege } from './fixtures.ts';

describe('solve', () => {
  it('finds a feasible timetable for ITC-2007 comp01 in a few seconds, consistent with evaluate', async () => {
    const college = itcCollege('comp01');
    const result = await solve(college, { timeLimitMs: 3000, seed: 1, skipStages: ['mip'] });
    expect(result.status).toBe('feasible');
    expect(result.evaluation.hardTotal).toBe(0);
    expect(result.unplaced).toEqual([]);
    const p = compile(college);
    const again = evaluate(p, timetableToPlacement(p, result.timetable));
    expect(again.hardTotal).toBe(0);
    expect(again.softTotal).toBe(result.evaluation.softTotal);
    // The search improves on the first timetable by a wide margin (the constructor gives ~340).
    expect(result.evaluation.softTotal).toBeLessThan(120);
    expect(result.stages.map((s) => s.stage)).toEqual(['precheck', 'construct', 'search']);
  });

  it('finds a feasible timetable for a generated college with limits, rules and labs', async () => {
    const { college } = generateCollege('small', 3);
    const result = await solve(college, { timeLimitMs: 4000, seed: 2, skipStages: ['mip'] });
    expect(result.evaluation.hardTotal).toBe(0);
    expect(result.status).toBe('feasible');
    const fixed = college.fixed[0];
    const a = result.timetable.assignments.find(
      (x) => x.courseId === fixed.courseId && x.session === fixed.session,
    );
    expect([a?.day, a?.period]).toEqual([fixed.day, fixed.period]);
  });

  it('reports progress at least once a second', async () => {
    const events: SolveProgress[] = [];
    await solve(itcCollege('comp07'), { timeLimitMs: 3000, seed: 1, skipStages: ['mip'] }, (e) =>
      events.push(e),
    );
    expect(events.length).toBeGreaterThan(3);
    for (let i = 1; i < events.length; i++)
      expect(events[i].elapsedMs - events[i - 1].elapsedMs).toBeLessThan(1000);
    expect(events.at(-1)?.stage).toBe('done');
    expect(events.at(-1)?.percent).toBe(100);
    expect(events.some((e) => e.stage === 'search' && e.bestHard !== null)).toBe(true);
  });

  it('stops promptly when cancelled and returns the best timetable so far', async () => {
    const controller = new AbortController();
    const college = itcCollege('comp07');
    let abortedAt = 0;
    const started = performance.now();
    const pending = solve(
      college,
      { timeLimitMs: 60_000, seed: 1, skipStages: ['mip'] },
      (e) => {
        if (e.stage === 'search' && abortedAt === 0) {
          abortedAt = performance.now();
          controller.abort();
        }
      },
      controller.signal,
    );
    const result = await pending;
    const stoppedAfter = performance.now() - abortedAt;
    expect(result.status).toBe('cancelled');
    expect(stoppedAfter).toBeLessThan(1500);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(result.timetable.assignments).toHaveLength(434);
    expect(result.evaluation.hardTotal).toBe(0);
  });
});
