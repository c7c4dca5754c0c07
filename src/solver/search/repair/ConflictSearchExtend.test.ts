import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import { testCollege } from '../../../shared/eval/testing/testCollege.ts';
import { Rng } from '../../Rng.ts';
import { startPoint } from '../../startPoint.ts';
import { ConflictSearch } from './ConflictSearch.ts';

/**
 * Two classes of one day of six periods, each with seven one-period lessons of its own teacher
 * and one joint lesson with a teacher shared with one of its own lessons: more lessons than
 * periods, so the search never reaches hard 0 and walks for its whole budget.
 */
function overfull() {
  const p = compile(
    testCollege({
      calendar: { days: ['Mon'] },
      rooms: ['R1', 'R2', 'R3'].map((id) => ({ id, name: id, capacity: 60 })),
      groups: ['G1', 'G2'].map((id) => ({ id, name: id, size: 30 })),
      faculty: ['F1', 'F2', 'F3', 'F4', 'F5'].map((id) => ({ id, name: id })),
      courses: [
        ...['A', 'B'].flatMap((g, i) =>
          [1, 2, 3, 4, 5, 6, 7].map((k) => ({
            id: `${g}${k}`,
            name: `${g}${k}`,
            faculty: [`F${1 + ((k + i) % 5)}`],
            groups: [`G${i + 1}`],
            sessions: 1,
            minDays: 0,
          })),
        ),
        { id: 'J', name: 'J', faculty: ['F1'], groups: ['G1', 'G2'], sessions: 1, minDays: 0 },
      ],
    }),
  );
  return p;
}

describe('ConflictSearch.extend', () => {
  it('goes on with the same walk: 300 steps then 300 more end where one run of 600 does', () => {
    const p = overfull();
    const walk = (budgets: number[]) => {
      const { model, placement } = startPoint(p, undefined);
      const st = new IncrementalState(p, placement);
      const cs = new ConflictSearch(st, model, new Rng(3), { deadline: Infinity, maxSteps: budgets[0] });
      const bests: number[] = [];
      for (let i = 0; i < budgets.length; i++) {
        if (i > 0) cs.extend(budgets[i]);
        while (!cs.run(Infinity));
        bests.push(cs.bestHard);
      }
      return { steps: cs.steps, best: cs.bestHard, slot: [...st.slot], bestSlot: [...cs.bestSlot], bests };
    };
    const once = walk([600]);
    const twice = walk([300, 600]);
    expect(once.best).toBeGreaterThan(0);
    expect(twice.bests[0]).toBeGreaterThan(0);
    expect(once.steps).toBe(600);
    expect(twice.steps).toBe(600);
    expect(twice.slot).toEqual(once.slot);
    expect(twice.bestSlot).toEqual(once.bestSlot);
    expect(twice.best).toBe(once.best);
  });

  it('does not go on from hard 0', () => {
    const p = compile(
      testCollege({
        courses: [{ id: 'C', name: 'C', faculty: ['F1'], groups: ['G1'], sessions: 2, minDays: 0 }],
      }),
    );
    const { model, placement } = startPoint(p, undefined);
    const st = new IncrementalState(p, placement);
    const cs = new ConflictSearch(st, model, new Rng(1), { deadline: Infinity, maxSteps: 10 });
    while (!cs.run(Infinity));
    expect(st.hardTotal).toBe(0);
    const steps = cs.steps;
    cs.extend(20);
    expect(cs.finished).toBe(true);
    expect(cs.run(Infinity)).toBe(true);
    expect(cs.steps).toBe(steps);
  });
});
