import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { timetableToPlacement } from '../../../shared/compiled/placement.ts';
import { evaluate } from '../../../shared/eval/evaluate.ts';
import { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import { testCollege } from '../../../shared/eval/testing/testCollege.ts';
import { Rng } from '../../Rng.ts';
import { startPoint } from '../../startPoint.ts';
import { FeasiblePolish } from './FeasiblePolish.ts';

/** 4 groups x 3 courses x 3 one-period sessions, 6 faculty, gap limits; all on Monday to start. */
function crowded() {
  const groups = [0, 1, 2, 3].map((g) => ({ id: `G${g}`, name: `G${g}`, size: 30, maxGapsPerDay: 1 }));
  const faculty = [0, 1, 2, 3, 4, 5].map((f) => ({ id: `F${f}`, name: `F${f}`, maxPerDay: 3 }));
  const courses = groups.flatMap((g, gi) =>
    [0, 1, 2].map((k) => ({
      id: `C${gi}${k}`,
      name: `C${gi}${k}`,
      faculty: [`F${(gi + k) % 6}`],
      groups: [g.id],
      sessions: 3,
      minDays: 3,
    })),
  );
  const rooms = ['R1', 'R2', 'R3', 'R4'].map((id) => ({ id, name: id, capacity: 100 }));
  const p = compile(testCollege({ rooms, faculty, groups, courses }));
  const assignments = courses.flatMap((c, i) =>
    [1, 2, 3].map((session) => ({
      courseId: c.id,
      session,
      day: 0,
      period: (i + session) % 6,
      roomId: rooms[i % 4].id,
      locked: false,
    })),
  );
  return { p, placement: timetableToPlacement(p, { assignments }) };
}

describe('FeasiblePolish', () => {
  it('ends feasible from a crowded start, agreeing with the full evaluator, no worse than its best', async () => {
    const { p, placement } = crowded();
    const before = evaluate(p, placement);
    expect(before.hardTotal).toBeGreaterThan(0);
    const st = new IncrementalState(p, placement);
    const { model } = startPoint(p, undefined);
    const polish = new FeasiblePolish(st, model, new Rng(3), {
      deadline: performance.now() + 600,
      roundMs: 100,
    });
    const seen: number[] = [];
    while (!polish.run(performance.now() + 20)) {
      seen.push(polish.bestHard * 1e6 + polish.bestSoft);
      await new Promise((r) => setImmediate(r));
    }
    polish.restoreBest();
    const after = evaluate(p, st.snapshot());
    expect(polish.rounds).toBeGreaterThan(1);
    expect(after.hardTotal).toBe(0);
    expect(after.hardTotal).toBe(polish.bestHard);
    expect(after.softTotal).toBeCloseTo(polish.bestSoft, 6);
    expect(after.softTotal).toBeLessThan(before.softTotal);
    // The best only ever gets better, by (hard, soft).
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeLessThanOrEqual(seen[i - 1]);
  });

  it('ends at its deadline even when every slice it is given has already ended', () => {
    const { p, placement } = crowded();
    const st = new IncrementalState(p, placement);
    const { model } = startPoint(p, undefined);
    const polish = new FeasiblePolish(st, model, new Rng(3), {
      deadline: performance.now() + 50,
      roundMs: 100,
    });
    const stop = performance.now() + 5000;
    // Slices that end at once, as the search loop gives them once the limit is reached.
    while (!polish.run(0) && performance.now() < stop);
    expect(polish.finished).toBe(true);
    expect(performance.now()).toBeLessThan(stop);
  });

  it('keeps repairing while infeasible after feasibleBy, and stops at feasibleBy once feasible', () => {
    const { p, placement } = crowded();
    const st = new IncrementalState(p, placement);
    const { model } = startPoint(p, undefined);
    const t0 = performance.now();
    const polish = new FeasiblePolish(st, model, new Rng(5), {
      deadline: t0 + 10_000,
      feasibleBy: t0,
      roundMs: 100,
    });
    while (!polish.run(performance.now() + 20));
    // Infeasible at feasibleBy (the start), yet it went on to a feasible timetable and then stopped.
    expect(polish.bestHard).toBe(0);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
