// The MIP keeps a hard max_per_day over courses that never overlap (maxPerDayRows.ts): A and B share
// their teacher, A can only be on day 1, and K makes B's day 2 cost a student clash; without the rows
// the MIP puts both on day 1 (2 periods, 1 allowed), with them B goes to day 2. Over courses that may
// overlap, no rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MipRunner } from './index.ts';
import { at, college, withAndWithout } from './testing/ruleCase.ts';

const runner = new MipRunner();
beforeAll(() => runner.warmUp(), 60_000);
afterAll(() => runner.close());

describe('the MIP keeps max_per_day', () => {
  it('max_per_day 1 over A and B of one teacher: B on the day that costs a clash', async () => {
    const spec = college({
      days: 2,
      periods: 2,
      rule: { kind: 'max_per_day', value: 1 },
      a: { unavailable: [at(2, 1, 0), at(2, 1, 1)] },
      b: { faculty: ['FA'] },
      kSlots: [at(2, 1, 0), at(2, 1, 1)],
    });
    const [on, off] = await withAndWithout(runner, spec, 'max_per_day');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBe(1);
  });

  it('no rows when A and B may overlap (no teacher or students in common)', async () => {
    const spec = college({
      days: 2,
      periods: 2,
      rule: { kind: 'max_per_day', value: 1 },
      a: { unavailable: [at(2, 1, 0), at(2, 1, 1)] },
      kSlots: [at(2, 1, 0), at(2, 1, 1)],
    });
    const [on] = await withAndWithout(runner, spec, 'max_per_day');
    expect(on.hard.rule).toBe(1);
  });
});
