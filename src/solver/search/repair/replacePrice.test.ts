import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import { placementAt, testCollege } from '../../../shared/eval/testing/testCollege.ts';
import { Rng } from '../../Rng.ts';
import { startPoint } from '../../startPoint.ts';
import { ConflictSearch } from './ConflictSearch.ts';
import { REPLACE_PRICE, replacePrices } from './ConflictWays.ts';

/**
 * One day of four periods. BLK, a lesson of four classes G1-G4, may only be at period 0 (its
 * teacher's one free period), where it is. E, a lesson of class G5, is at period 1 and may be at
 * any period. U, a lesson of G1 and G5, is unplaced and its teacher may teach only at periods 0
 * and 1: at 0 BLK is in its way, at 1 E. Either start takes one session out and leaves the same
 * hard cost; E can go to period 2 or 3, BLK only back to period 0. Sessions: BLK E U = 0 1 2.
 */
function college() {
  const only = (periods: number[]) =>
    [0, 1, 2, 3].filter((q) => !periods.includes(q)).map((period) => ({ day: 0, period }));
  const p = compile(
    testCollege({
      calendar: { days: ['Mon'] },
      periods: ['1', '2', '3', '4'].map((label, i) => ({
        label,
        start: `${String(9 + i).padStart(2, '0')}:00`,
        end: `${String(10 + i).padStart(2, '0')}:00`,
      })),
      rooms: ['R1', 'R2', 'R3'].map((id) => ({ id, name: id, capacity: 200 })),
      groups: ['G1', 'G2', 'G3', 'G4', 'G5'].map((id) => ({ id, name: id, size: 30 })),
      faculty: [
        { id: 'FB', name: 'FB', unavailable: only([0]) },
        { id: 'FE', name: 'FE' },
        { id: 'FU', name: 'FU', unavailable: only([0, 1]) },
      ],
      courses: [
        {
          id: 'BLK',
          name: 'BLK',
          faculty: ['FB'],
          groups: ['G1', 'G2', 'G3', 'G4'],
          sessions: 1,
          minDays: 0,
        },
        { id: 'E', name: 'E', faculty: ['FE'], groups: ['G5'], sessions: 1, minDays: 0 },
        { id: 'U', name: 'U', faculty: ['FU'], groups: ['G1', 'G5'], sessions: 1, minDays: 0 },
      ],
    }),
  );
  return p;
}

describe('conflict search take-out price (replacePrices)', () => {
  it('prices a session by how hard it is to put back', () => {
    const p = college();
    const { model } = startPoint(p, undefined);
    const price = replacePrices(p, model, REPLACE_PRICE);
    expect([...replacePrices(p, model, 0)]).toEqual([0, 0, 0]);
    // BLK: 1 period x (4 classes + 1 teacher) / 1 start; E: 1 x (1 + 1) / 4 starts.
    expect(price[0]).toBeCloseTo(REPLACE_PRICE * Math.log2(1 + 5), 9);
    expect(price[1]).toBeCloseTo(REPLACE_PRICE * Math.log2(1 + 0.5), 9);
  });

  /** Seed by seed, the places after one step of the search from U unplaced, and the hard cost after two. */
  const twoSteps = (replacePrice: number | undefined) => {
    const p = college();
    const out: { first: number[]; hard: number }[] = [];
    for (let seed = 1; seed <= 12; seed++) {
      const st = new IncrementalState(
        p,
        placementAt(p, [
          ['BLK', 1, 0, 0, 'R1'],
          ['E', 1, 0, 1, 'R2'],
        ]),
      );
      const { model } = startPoint(p, undefined);
      const opts = { deadline: Infinity, maxSteps: 1, holeChains: false, dayExchange: false, replacePrice };
      const cs = new ConflictSearch(st, model, new Rng(seed), opts);
      expect(st.hardTotal).toBe(1);
      while (!cs.run(Infinity));
      const first = [...st.slot];
      const cs2 = new ConflictSearch(st, model, new Rng(seed), opts);
      while (!cs2.run(Infinity));
      out.push({ first, hard: st.hardTotal });
    }
    return out;
  };

  it('takes out the lesson that is easy to put back, on every seed, and reaches hard 0 in two steps', () => {
    for (const r of twoSteps(REPLACE_PRICE)) {
      // U took period 1 and E went out; BLK stayed at its one period.
      expect(r.first).toEqual([0, -1, 1]);
      expect(r.hard).toBe(0);
    }
  });

  it('without it (the default) takes BLK out on some seeds, and is still above hard 0 after two steps there', () => {
    const runs = twoSteps(undefined);
    const blkOut = runs.filter((r) => r.first[0] === -1);
    expect(blkOut.length).toBeGreaterThan(0);
    expect(blkOut.some((r) => r.hard > 0)).toBe(true);
  });
});
