import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { evaluate } from '../../../shared/eval/evaluate.ts';
import { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import {
  placementAt,
  testCollege,
  type CollegeInput,
  type Place,
} from '../../../shared/eval/testing/testCollege.ts';
import { startPoint } from '../../startPoint.ts';
import { bestEjection } from './ejection.ts';
import { ruinAround } from './ruin.ts';
import { tieGroups } from './tieGroups.ts';

const rooms = ['R1', 'R2'].map((id) => ({ id, name: id, capacity: 100 }));
/** Every slot of the week but the given [day, period] ones. */
const allBut = (keep: Array<[number, number]>) =>
  Array.from({ length: 30 }, (_, i) => ({ day: Math.floor(i / 6), period: i % 6 })).filter(
    (x) => !keep.some(([d, q]) => x.day === d && x.period === q),
  );

function state(over: Partial<CollegeInput>, places: Place[]) {
  const p = compile(testCollege({ rooms, ...over }));
  const placement = placementAt(p, places);
  const st = new IncrementalState(p, placement);
  return { p, st, model: startPoint(p, undefined).model };
}

describe('bestEjection', () => {
  it('moves a session over the one in its way, which moves on, and leaves the state as it was', () => {
    // F1 may teach one period a day; A's two sessions are on Monday. A's only other start is
    // Tuesday 1, where B (same group) sits; B may go anywhere.
    const { p, st, model } = state(
      {
        faculty: [
          { id: 'F1', name: 'F1', maxPerDay: 1 },
          { id: 'F2', name: 'F2' },
        ],
        courses: [
          {
            id: 'A',
            name: 'A',
            faculty: ['F1'],
            groups: ['G1'],
            sessions: 2,
            minDays: 0,
            unavailable: allBut([
              [0, 0],
              [0, 1],
              [1, 0],
            ]),
          },
          { id: 'B', name: 'B', faculty: ['F2'], groups: ['G1'], sessions: 1, minDays: 0 },
        ],
      },
      [
        ['A', 1, 0, 0, 'R1'],
        ['A', 2, 0, 1, 'R1'],
        ['B', 1, 1, 0, 'R2'],
      ],
    );
    expect(st.hardTotal).toBe(1);
    const before = st.snapshot();
    const hard = st.hardTotal;
    const out = new Int32Array(5);
    const a2 = p.courseFirstSession[0] + 1;
    const score = bestEjection(
      st,
      model,
      a2,
      () => true,
      () => true,
      out,
    );
    expect(score).toBeLessThan(0);
    expect([out[0], out[2]]).toEqual([p.nPeriods, p.courseFirstSession[1]]);
    expect(Array.from(st.slot)).toEqual(Array.from(before.slot));
    expect(st.hardTotal).toBe(hard);
    // Applying the chain gives what it promised, by the full evaluator.
    st.move(out[2], -1, -1);
    st.move(a2, out[0], out[1]);
    st.move(out[2], out[3], out[4]);
    expect(evaluate(p, st.snapshot()).hardTotal).toBe(0);
  });
});

describe('ruinAround', () => {
  it('takes out a session in violation with its tie group and its faculty and group sessions that day', () => {
    const { p, st, model } = state(
      {
        faculty: ['F1', 'F2', 'F3'].map((id) => ({ id, name: id })),
        groups: ['G1', 'G2', 'G3'].map((id) => ({ id, name: id, size: 30 })),
        courses: [
          { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 1, minDays: 0 },
          { id: 'B', name: 'B', faculty: ['F1'], groups: ['G2'], sessions: 1, minDays: 0 },
          { id: 'C', name: 'C', faculty: ['F2'], groups: ['G1'], sessions: 1, minDays: 0 },
          { id: 'D', name: 'D', faculty: ['F3'], groups: ['G3'], sessions: 1, minDays: 0 },
          { id: 'E', name: 'E', faculty: ['F2'], groups: ['G2'], sessions: 1, minDays: 0 },
        ],
        rules: [{ kind: 'same_time', courses: ['A', 'D'] }],
      },
      [
        ['A', 1, 0, 0, 'R1'],
        ['D', 1, 0, 0, 'R2'],
        ['B', 1, 0, 2, 'R1'],
        ['C', 1, 0, 3, 'R1'],
        ['E', 1, 1, 0, 'R1'],
      ],
    );
    const s = (id: string): number => p.courseFirstSession[p.courseIds.indexOf(id)];
    ruinAround(st, model, tieGroups(p), Int32Array.of(s('A')), 1, new Uint8Array(p.nSessions));
    // A and its tie D, B (F1 on Monday) and C (G1 on Monday) out; E (Tuesday) stays.
    expect(['A', 'B', 'C', 'D'].map((id) => st.active[s(id)])).toEqual([0, 0, 0, 0]);
    expect(st.active[s('E')]).toBe(1);
    expect(evaluate(p, st.snapshot()).hard.unplaced).toBe(4);
  });
});
