// The rows of adjacent_if_same_day (adjacentIfSameDayRows.ts), max_terms (maxTermsRows.ts) and
// max_per_term (maxPerTermRows.ts): small colleges where a fixed course K makes the start that keeps
// the rule cost a student clash. Without the rows the MIP takes the cheap start and breaks the rule;
// with them it keeps it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import { MipRunner } from './index.ts';
import { allBut, at, college, solveMip } from './testing/ruleCase.ts';
import type { TinySpec } from './testing/tinyProblem.ts';

const runner = new MipRunner();
beforeAll(() => runner.warmUp(), 60_000);
afterAll(() => runner.close());

/** Terms of one day each. */
const dayTerms = (p: CompiledProblem): void => void ((p as { daysPerTerm?: number }).daysPerTerm = 1);

async function bothWays(spec: TinySpec, kind: string, tweak?: (p: CompiledProblem) => void) {
  const on = await solveMip(runner, spec, undefined, tweak);
  const off = await solveMip(runner, spec, { ruleKinds: (k) => k !== kind }, tweak);
  return [on.ev, off.ev];
}

describe('MIP rows of adjacent_if_same_day and the terms kinds', () => {
  it('adjacent_if_same_day: B next to A on their one day, though K makes that start cost a clash', async () => {
    // One day of three periods: A only in period 1, K in period 2 shares students with B, so B's
    // cheap start is period 3, the same day and not back to back with A.
    const spec = college({
      days: 1,
      periods: 3,
      rule: { kind: 'adjacent_if_same_day' },
      a: { unavailable: allBut(1, 3, [at(3, 0, 0)]) },
      kSlots: [at(3, 0, 1)],
    });
    const [on, off] = await bothWays(spec, 'adjacent_if_same_day');
    expect(off.hard.rule).toBe(1);
    expect(on.hardTotal).toBe(0);
  });

  it('adjacent_if_same_day: at most two sessions of the listed courses a day', async () => {
    // A has two sessions; B, K-pushed off day 1, has its cheap start on day 0 as a third session there.
    const spec = college({
      days: 2,
      periods: 3,
      rule: { kind: 'adjacent_if_same_day' },
      a: { sessions: 2, unavailable: allBut(2, 3, [at(3, 0, 0), at(3, 0, 1)]) },
      kSlots: [at(3, 1, 0), at(3, 1, 1), at(3, 1, 2)],
    });
    const [on, off] = await bothWays(spec, 'adjacent_if_same_day');
    expect(off.hard.rule).toBeGreaterThan(0);
    expect(on.hardTotal).toBe(0);
  });

  it('max_terms: B in A’s term', async () => {
    // Terms of one day: A only on day 0, K fills day 0 for B's students, so B's cheap day is day 1.
    const spec = college({
      days: 2,
      periods: 2,
      rule: { kind: 'max_terms', value: 1 },
      a: { unavailable: allBut(2, 2, [at(2, 0, 0)]) },
      kSlots: [at(2, 0, 0), at(2, 0, 1)],
    });
    const [on, off] = await bothWays(spec, 'max_terms', dayTerms);
    expect(off.hard.rule).toBe(1);
    expect(on.hardTotal).toBe(0);
  });

  it('max_per_term: B out of A’s term', async () => {
    // Terms of one day: A only on day 0, K fills day 1 for B's students, so B's cheap day is day 0.
    const spec = college({
      days: 2,
      periods: 2,
      rule: { kind: 'max_per_term', value: 1 },
      a: { unavailable: allBut(2, 2, [at(2, 0, 0)]) },
      kSlots: [at(2, 1, 0), at(2, 1, 1)],
    });
    const [on, off] = await bothWays(spec, 'max_per_term', dayTerms);
    expect(off.hard.rule).toBe(1);
    expect(on.hardTotal).toBe(0);
  });
});
