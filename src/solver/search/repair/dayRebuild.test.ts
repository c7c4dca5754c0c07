import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { evaluate } from '../../../shared/eval/evaluate.ts';
import { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import { placementAt, testCollege, type Place } from '../../../shared/eval/testing/testCollege.ts';
import { startPoint } from '../../startPoint.ts';
import { DayRebuild } from './dayRebuild.ts';

/**
 * One day of six periods, one group G1 busy in all but period 2: A in 0, B in 1, C in 3, D in 4, E
 * in 5, each taught by its own faculty member who may teach only in `periods[course]`; L (its own
 * faculty member, any period) is unplaced and must end G1's day (hard ends_day). Sessions: A = 0
 * ... E = 4, L = 5.
 */
function dayCase(periods: Record<string, number[]>) {
  const ids = ['A', 'B', 'C', 'D', 'E', 'L'];
  const p = compile(
    testCollege({
      calendar: { days: ['Mon'] },
      rooms: [{ id: 'R1', name: 'R1', capacity: 60 }],
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
      rules: [{ kind: 'ends_day', courses: ['L'], hard: true }],
    }),
  );
  const places: Place[] = [
    ['A', 1, 0, 0, 'R1'],
    ['B', 1, 0, 1, 'R1'],
    ['C', 1, 0, 3, 'R1'],
    ['D', 1, 0, 4, 'R1'],
    ['E', 1, 0, 5, 'R1'],
  ];
  const st = new IncrementalState(p, placementAt(p, places));
  const { model } = startPoint(p, undefined);
  const free = new Uint8Array(p.nSessions).fill(1);
  return { p, st, rebuild: new DayRebuild(st, model, free) };
}

describe('DayRebuild', () => {
  it('ends a packed day with the listed session: the later sessions move one period earlier', () => {
    // C may teach in 2 or 3, D in 3 or 4, E in 4 or 5: no start of L adds no violation (the hole
    // in 2 is before C, D and E), and moving one session only moves the hole.
    const { p, st, rebuild } = dayCase({ A: [0], B: [1], C: [2, 3], D: [3, 4], E: [4, 5] });
    expect(st.hardTotal).toBe(1);
    const out = new Float64Array(2);
    for (let t = 0; t < 6; t++) {
      st.deltaMove(5, t, 0, out);
      expect(out[0], `L at ${t}`).toBeGreaterThanOrEqual(0);
    }
    expect(rebuild.tryDay(5, 0)).toBe(true);
    expect([...st.slot]).toEqual([0, 1, 2, 3, 4, 5]);
    expect(st.hardTotal).toBe(0);
    // The incremental state agrees with the evaluator after the moves.
    const ev = evaluate(p, st.snapshot());
    expect(ev.hardTotal).toBe(0);
    expect(st.softTotal).toBe(ev.softTotal);
  });

  it('leaves the state as it was when the day cannot be rebuilt', () => {
    // E may teach only in 5: L can never be last.
    const { p, st, rebuild } = dayCase({ A: [0], B: [1], C: [2, 3], D: [3, 4], E: [5] });
    const slot = [...st.slot];
    const room = [...st.room];
    const hard = st.hardTotal;
    const soft = st.softTotal;
    expect(rebuild.tryDay(5, 0)).toBe(false);
    expect(rebuild.nodes).toBeGreaterThan(0);
    expect([...st.slot]).toEqual(slot);
    expect([...st.room]).toEqual(room);
    expect(st.hardTotal).toBe(hard);
    expect(st.softTotal).toBe(soft);
    expect(evaluate(p, st.snapshot()).hardTotal).toBe(hard);
  });
});
