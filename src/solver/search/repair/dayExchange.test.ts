import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { evaluate } from '../../../shared/eval/evaluate.ts';
import { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import { placementAt, testCollege, type Place } from '../../../shared/eval/testing/testCollege.ts';
import { Rng } from '../../Rng.ts';
import { startPoint } from '../../startPoint.ts';
import { ConflictSearch } from './ConflictSearch.ts';

/**
 * Two days of four periods and a year of two classes, G1 and G2. B, a block of both classes two
 * periods long, may start only in period 1 (its teacher teaches in periods 1-2) and is on Monday.
 * L, a lesson of G1 whose teacher may teach only on Monday in period 1, is unplaced: B is in its
 * way, and B's one other start (Tuesday 1) has four lessons in its way (A1, A2 of G1 and C1, C2 of
 * G2), so no hole chain moves it. Each class also has a lesson in period 0 of each day (X1, X2 of
 * G1; Y1, Y2 of G2) and is free in period 3. Each lesson has its own teacher, who may teach only
 * in `periods[lesson]` (as [day, period]; anywhere when not given). Sessions in course order:
 * X1 X2 Y1 Y2 A1 A2 C1 C2 B L = 0 ... 9.
 */
function year(periods: Record<string, [number, number][]>, dayExchange = true, maxSteps = 0, seed = 1) {
  const ids = ['X1', 'X2', 'Y1', 'Y2', 'A1', 'A2', 'C1', 'C2', 'B', 'L'];
  const all: [number, number][] = [0, 1].flatMap((d) => [0, 1, 2, 3].map((q): [number, number] => [d, q]));
  const only: Record<string, [number, number][]> = {
    B: [0, 1].flatMap((d) => [1, 2].map((q): [number, number] => [d, q])),
    L: [[0, 1]],
    ...periods,
  };
  const p = compile(
    testCollege({
      calendar: { days: ['Mon', 'Tue'] },
      periods: [
        { label: '1', start: '09:00', end: '10:00' },
        { label: '2', start: '10:00', end: '11:00' },
        { label: '3', start: '11:00', end: '12:00' },
        { label: '4', start: '12:00', end: '13:00' },
      ],
      rooms: ['R1', 'R2', 'R3'].map((id) => ({ id, name: id, capacity: 60 })),
      groups: ['G1', 'G2'].map((id) => ({ id, name: id, size: 30 })),
      faculty: ids.map((id) => ({
        id: `F${id}`,
        name: id,
        unavailable: all
          .filter(([d, q]) => !(only[id] ?? all).some(([d2, q2]) => d2 === d && q2 === q))
          .map(([day, period]) => ({ day, period })),
      })),
      courses: ids.map((id) => ({
        id,
        name: id,
        faculty: [`F${id}`],
        groups: id === 'B' ? ['G1', 'G2'] : [id[0] === 'C' || id[0] === 'Y' ? 'G2' : 'G1'],
        sessions: 1,
        length: id === 'B' ? 2 : 1,
        minDays: 0,
      })),
    }),
  );
  const places: Place[] = [
    ['X1', 1, 0, 0, 'R1'],
    ['X2', 1, 1, 0, 'R1'],
    ['Y1', 1, 0, 0, 'R2'],
    ['Y2', 1, 1, 0, 'R2'],
    ['A1', 1, 1, 1, 'R1'],
    ['A2', 1, 1, 2, 'R1'],
    ['C1', 1, 1, 1, 'R2'],
    ['C2', 1, 1, 2, 'R2'],
    ['B', 1, 0, 1, 'R3'],
  ];
  const st = new IncrementalState(p, placementAt(p, places));
  const { model } = startPoint(p, undefined);
  const cs = new ConflictSearch(st, model, new Rng(seed), { deadline: Infinity, maxSteps, dayExchange });
  return { p, st, cs };
}

const L = 9;
const B = 8;

describe('DayExchange', () => {
  it('places the lesson: the block goes to Tuesday and its lessons there to the periods it left', () => {
    const { p, st, cs } = year({});
    expect(st.hardTotal).toBe(1);
    expect(cs.holes.place(L, () => true)).toBe(false);
    const ex = cs.exchanges;
    expect(ex).not.toBeNull();
    expect(ex?.place(L)).toBe(true);
    expect(st.hardTotal).toBe(0);
    expect(st.slot[L]).toBe(1);
    expect(st.slot[B]).toBe(p.nPeriods + 1);
    // A1, A2, C1 and C2 left Tuesday's periods 1-2 for Monday's (or a free period 3).
    for (let x = 4; x < 8; x++) expect(st.slot[x], `session ${x}`).not.toBe(p.nPeriods + 1);
    // The incremental state agrees with the evaluator after the move.
    const ev = evaluate(p, st.snapshot());
    expect(ev.hardTotal).toBe(0);
    expect(st.softTotal).toBeCloseTo(ev.softTotal, 9);
  });

  it('leaves the state as it was when what the block displaces cannot go anywhere', () => {
    // A1's teacher may teach only on Tuesday in period 1: the block cannot have it.
    const { p, st, cs } = year({ A1: [[1, 1]] });
    const slot = [...st.slot];
    const room = [...st.room];
    const hard = st.hardTotal;
    const soft = st.softTotal;
    expect(cs.exchanges?.place(L)).toBe(false);
    expect(cs.exchanges?.spent).toBeGreaterThan(0);
    expect([...st.slot]).toEqual(slot);
    expect([...st.room]).toEqual(room);
    expect(st.hardTotal).toBe(hard);
    expect(st.softTotal).toBe(soft);
    expect(evaluate(p, st.snapshot()).hardTotal).toBe(hard);
  });

  it('lets the conflict search place the lesson in one step, where without it one step does not', () => {
    const without = year({}, false, 1);
    while (!without.cs.run(Infinity));
    expect(without.cs.steps).toBe(1);
    expect(without.st.hardTotal).toBeGreaterThan(0);
    const withExchange = year({}, true, 1);
    while (!withExchange.cs.run(Infinity));
    expect(withExchange.cs.steps).toBe(1);
    expect(withExchange.st.hardTotal).toBe(0);
    expect(withExchange.cs.exchanges?.applied).toBe(1);
  });

  it('is deterministic for a seed, and the incremental state agrees with the evaluator after it', () => {
    // The block's displaced lessons may go to Monday only in period 3 (so the search walks longer).
    const hard: [number, number][] = [
      [1, 1],
      [1, 2],
      [0, 3],
    ];
    const run = () => {
      const r = year({ A1: hard, C1: hard }, true, 40, 7);
      while (!r.cs.run(Infinity));
      const ev = evaluate(r.p, r.st.snapshot());
      expect(r.st.hardTotal).toBe(ev.hardTotal);
      expect(r.st.softTotal).toBeCloseTo(ev.softTotal, 9);
      return {
        slot: [...r.st.slot],
        room: [...r.st.room],
        steps: r.cs.steps,
        applied: r.cs.exchanges?.applied,
      };
    };
    expect(run()).toEqual(run());
  });
});
