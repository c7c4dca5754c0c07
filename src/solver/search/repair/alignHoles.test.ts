import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { evaluate } from '../../../shared/eval/evaluate.ts';
import { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import { placementAt, testCollege, type Place } from '../../../shared/eval/testing/testCollege.ts';
import { Rng } from '../../Rng.ts';
import { startPoint } from '../../startPoint.ts';
import { ConflictSearch } from './ConflictSearch.ts';

/**
 * One day of four periods and two nearly full student sets: G1 has A1-A3 in periods 0-2 (free in
 * 3), G2 has B1-B3 in periods 0, 1, 3 (free in 2). J, a joint lesson of both sets, is unplaced and
 * its teacher may teach only in period 0, where A1 and B1 are: two sessions in its way, so no hole
 * chain passes there. Each lesson has its own teacher, who may teach only in `periods[lesson]`
 * (any period when not given). Sessions: A1 A2 A3 B1 B2 B3 J = 0 ... 6.
 */
function squeezed(periods: Record<string, number[]>, alignHoles = true, maxSteps = 0) {
  const ids = ['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'J'];
  const p = compile(
    testCollege({
      calendar: { days: ['Mon'] },
      periods: [
        { label: '1', start: '09:00', end: '10:00' },
        { label: '2', start: '10:00', end: '11:00' },
        { label: '3', start: '11:00', end: '12:00' },
        { label: '4', start: '13:00', end: '14:00' },
      ],
      rooms: ['R1', 'R2', 'R3'].map((id) => ({ id, name: id, capacity: 60 })),
      groups: ['G1', 'G2'].map((id) => ({ id, name: id, size: 30 })),
      faculty: ids.map((id) => ({
        id: `F${id}`,
        name: id,
        unavailable: [0, 1, 2, 3]
          .filter((q) => !(periods[id] ?? [0, 1, 2, 3]).includes(q))
          .map((period) => ({ day: 0, period })),
      })),
      courses: ids.map((id) => ({
        id,
        name: id,
        faculty: [`F${id}`],
        groups: id === 'J' ? ['G1', 'G2'] : [id[0] === 'A' ? 'G1' : 'G2'],
        sessions: 1,
        minDays: 0,
      })),
    }),
  );
  const places: Place[] = [
    ['A1', 1, 0, 0, 'R1'],
    ['A2', 1, 0, 1, 'R1'],
    ['A3', 1, 0, 2, 'R1'],
    ['B1', 1, 0, 0, 'R2'],
    ['B2', 1, 0, 1, 'R2'],
    ['B3', 1, 0, 3, 'R2'],
  ];
  const st = new IncrementalState(p, placementAt(p, places));
  const { model } = startPoint(p, undefined);
  const cs = new ConflictSearch(st, model, new Rng(1), {
    deadline: Infinity,
    maxSteps,
    alignHoles,
    dayExchange: alignHoles,
  });
  return { p, st, cs };
}

describe('AlignHoles', () => {
  // A1 may not take G1's free period 3 itself: A2 goes there and A1 to A2's period (one more hop);
  // B1 goes straight to G2's free period 2.
  const hop = { J: [0], A1: [0, 1], B1: [0, 2] };

  it('places a joint lesson by moving each set’s blocking lesson towards that set’s free period', () => {
    const { p, st, cs } = squeezed(hop);
    expect(st.hardTotal).toBe(1);
    expect(cs.holes.place(6, () => true)).toBe(false);
    expect(cs.aligns.place(6)).toBe(true);
    expect([...st.slot]).toEqual([1, 3, 2, 2, 1, 3, 0]);
    expect(st.hardTotal).toBe(0);
    const ev = evaluate(p, st.snapshot());
    expect(ev.hardTotal).toBe(0);
    expect(st.softTotal).toBe(ev.softTotal);
  });

  it('puts the state back exactly when one set’s blocking lesson cannot reach a free period', () => {
    // B1 may not leave period 0: A1's chain succeeds, then B1's fails, and both are undone.
    const { st, cs } = squeezed({ ...hop, B1: [0] });
    const slot = [...st.slot];
    const room = [...st.room];
    const hard = st.hardTotal;
    const soft = st.softTotal;
    const kinds = [...st.hard];
    expect(cs.aligns.place(6)).toBe(false);
    expect(cs.aligns.lookups).toBeGreaterThan(0);
    expect([...st.slot]).toEqual(slot);
    expect([...st.room]).toEqual(room);
    expect(st.hardTotal).toBe(hard);
    expect(st.softTotal).toBe(soft);
    expect([...st.hard]).toEqual(kinds);
  });

  it('lets the conflict search place the joint lesson in one step, where without it one step does not', () => {
    const without = squeezed(hop, false, 1);
    while (!without.cs.run(Infinity));
    expect(without.cs.steps).toBe(1);
    expect(without.st.hardTotal).toBeGreaterThan(0);
    const withAlign = squeezed(hop, true, 1);
    while (!withAlign.cs.run(Infinity));
    expect(withAlign.cs.steps).toBe(1);
    expect(withAlign.st.hardTotal).toBe(0);
    expect(withAlign.cs.aligns.applied).toBe(1);
  });
});
