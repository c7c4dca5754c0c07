// The MIP keeps hard max_days_apart and ends_day rules on its own (fetRuleRows.ts): each college is
// built so that keeping the rule costs a student clash with a fixed course K; without the rows the
// MIP breaks the rule, with them it keeps it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MipRunner } from './index.ts';
import { allBut, at, college, withAndWithout } from './testing/ruleCase.ts';

const runner = new MipRunner();
beforeAll(() => runner.warmUp(), 60_000);
afterAll(() => runner.close());

describe('the MIP keeps max_days_apart and ends_day', () => {
  it('max_days_apart 1: B within a day of A, though K makes those days cost a clash', async () => {
    const spec = college({
      days: 3,
      periods: 1,
      rule: { kind: 'max_days_apart', value: 1 },
      a: { unavailable: [1, 2] },
      kSlots: [0, 1],
    });
    const [on, off] = await withAndWithout(runner, spec, 'max_days_apart');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBe(1);
  });

  it('max_days_apart 0: a course’s two sessions on one day (the only clash-free pair is on two days)', async () => {
    const spec = college({
      days: 3,
      periods: 2,
      rule: { kind: 'max_days_apart', courses: ['A'], value: 0 },
      a: { sessions: 2, unavailable: allBut(3, 2, [at(2, 1, 0), at(2, 1, 1), at(2, 2, 0)]) },
      kSlots: [at(2, 1, 1)],
      pushed: 'A',
    });
    const [on, off] = await withAndWithout(runner, spec, 'max_days_apart');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBe(1);
  });

  it('ends_day: nothing of A’s students after A on its day, though K makes the earlier start cost a clash', async () => {
    // One day of three periods; A (with B's group) only in period 2, so B goes in period 1 (a clash
    // with K) rather than period 3 (after A).
    const spec = college({
      days: 1,
      periods: 3,
      rule: { kind: 'ends_day', courses: ['A'] },
      a: { groups: ['GB'], unavailable: [0, 2] },
      kSlots: [0],
    });
    const [on, off] = await withAndWithout(runner, spec, 'ends_day');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBe(1);
  });
});
