import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { evaluate } from '../../../shared/eval/evaluate.ts';
import { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import { placementAt, testCollege, type Place } from '../../../shared/eval/testing/testCollege.ts';
import { Rng } from '../../Rng.ts';
import { startPoint } from '../../startPoint.ts';
import { ConflictSearch } from './ConflictSearch.ts';

/**
 * One day of six periods; group G1 has A-E in periods 0-4 and its one free period is 5. Each
 * lesson has its own teacher, who may teach only in `periods[lesson]` (any period when not
 * given). L (teacher FL, only in period 0) is unplaced. Sessions: A = 0 ... E = 4, L = 5.
 */
function packedWeek(periods: Record<string, number[]>, holeChains = true, maxSteps = 0) {
  const ids = ['A', 'B', 'C', 'D', 'E', 'L'];
  const p = compile(
    testCollege({
      calendar: { days: ['Mon'] },
      faculty: ids.map((id) => ({
        id: `F${id}`,
        name: id,
        unavailable: [0, 1, 2, 3, 4, 5]
          .filter((q) => !(periods[id] ?? [0, 1, 2, 3, 4, 5]).includes(q))
          .map((period) => ({ day: 0, period })),
      })),
      courses: ids.map((id) => ({
        id,
        name: id,
        faculty: [`F${id}`],
        groups: ['G1'],
        sessions: 1,
        minDays: 0,
      })),
    }),
  );
  const places: Place[] = ['A', 'B', 'C', 'D', 'E'].map((id, q) => [id, 1, 0, q, 'R1']);
  const st = new IncrementalState(p, placementAt(p, places));
  const { model } = startPoint(p, undefined);
  const cs = new ConflictSearch(st, model, new Rng(1), {
    deadline: Infinity,
    maxSteps,
    holeChains,
    dayExchange: holeChains,
  });
  return { p, st, cs };
}

describe('HoleChains', () => {
  // L may only take period 0 (A's), A may go to 1 (B's), B to 2 (C's), C to 5 (the free one): no
  // single move places L, a chain of three displacements does.
  const chain = { L: [0], A: [0, 1], B: [1, 2], C: [2, 5] };

  it('places an unplaced lesson of a packed week by a chain of moves that ends in the free period', () => {
    const { p, st, cs } = packedWeek(chain);
    expect(st.hardTotal).toBe(1);
    expect(cs.holes.place(5, () => true)).toBe(true);
    expect([...st.slot]).toEqual([1, 2, 5, 3, 4, 0]);
    expect(st.hardTotal).toBe(0);
    // The incremental state agrees with the evaluator after the moves.
    const ev = evaluate(p, st.snapshot());
    expect(ev.hardTotal).toBe(0);
    expect(st.softTotal).toBe(ev.softTotal);
  });

  it('leaves the state as it was when no chain reaches a free period', () => {
    // C may not leave period 2: the chain L -> A -> B -> C ends there.
    const { st, cs } = packedWeek({ ...chain, C: [2] });
    const slot = [...st.slot];
    const hard = st.hardTotal;
    const soft = st.softTotal;
    expect(cs.holes.place(5, () => true)).toBe(false);
    expect(cs.holes.lookups).toBeGreaterThan(0);
    expect([...st.slot]).toEqual(slot);
    expect(st.hardTotal).toBe(hard);
    expect(st.softTotal).toBe(soft);
  });

  it('lets the conflict search place the lesson in one step, where without it one step only moves the hole', () => {
    const without = packedWeek(chain, false, 1);
    while (!without.cs.run(Infinity));
    expect(without.cs.steps).toBe(1);
    expect(without.st.hardTotal).toBe(1);
    const withChains = packedWeek(chain, true, 1);
    while (!withChains.cs.run(Infinity));
    expect(withChains.cs.steps).toBe(1);
    expect(withChains.st.hardTotal).toBe(0);
    expect(withChains.cs.holes.applied).toBe(1);
  });
});
