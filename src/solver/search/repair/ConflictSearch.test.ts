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
import { Rng } from '../../Rng.ts';
import { startPoint } from '../../startPoint.ts';
import { ConflictSearch } from './ConflictSearch.ts';

const rooms = ['R1', 'R2', 'R3'].map((id) => ({ id, name: id, capacity: 100 }));
const faculty = ['F1', 'F2', 'F3'].map((id) => ({ id, name: id }));
const course = (id: string, n: number, f: string, groups: string[]): CollegeInput['courses'][number] => ({
  id,
  name: id,
  faculty: [f],
  groups,
  sessions: n,
  minDays: 0,
});

/** Search from `places` (others unplaced) for at most `maxSteps` steps; the state and the evaluation after. */
function search(over: Partial<CollegeInput>, places: Place[], maxSteps = 500) {
  const p = compile(testCollege({ rooms, faculty, ...over }));
  const placement = placementAt(p, places);
  const before = evaluate(p, placement);
  const st = new IncrementalState(p, placement);
  const { model } = startPoint(p, undefined);
  const cs = new ConflictSearch(st, model, new Rng(3), { deadline: Infinity, maxSteps });
  while (!cs.run(Infinity));
  cs.restoreBest();
  return { before, after: evaluate(p, st.snapshot()), st, cs };
}

describe('ConflictSearch', () => {
  it('mends group and faculty clashes and places the unplaced sessions', () => {
    const { before, after, st } = search(
      {
        groups: [
          { id: 'G1', name: 'G1', size: 30 },
          { id: 'G2', name: 'G2', size: 30 },
        ],
        courses: [course('A', 2, 'F1', ['G1']), course('B', 2, 'F2', ['G1']), course('C', 2, 'F1', ['G2'])],
      },
      [
        ['A', 1, 0, 0, 'R1'],
        ['B', 1, 0, 0, 'R2'],
        ['C', 1, 0, 0, 'R3'],
      ],
    );
    expect(before.hard.group_clash).toBe(1);
    expect(before.hard.faculty_clash).toBe(1);
    expect(before.hard.unplaced).toBe(3);
    expect(after.hardTotal).toBe(0);
    expect(st.hardTotal).toBe(0);
  });

  it('takes a session of the course out of a day a hard min_days_apart rule forbids', () => {
    // Lunch: one a day in period 3 or 4, five sessions over the five days, at least a day apart.
    const unavailable = [];
    for (let d = 0; d < 5; d++) for (const q of [0, 1, 4, 5]) unavailable.push({ day: d, period: q });
    const { before, after } = search(
      {
        courses: [{ ...course('L', 5, 'F1', ['G1']), unavailable }],
        rules: [{ kind: 'min_days_apart', courses: ['L'], hard: true, value: 1 }],
      },
      [
        ['L', 1, 0, 2, 'R1'],
        ['L', 2, 0, 3, 'R1'],
        ['L', 3, 1, 2, 'R1'],
        ['L', 4, 1, 3, 'R1'],
      ],
    );
    expect(before.hard.rule).toBe(2);
    expect(before.hard.unplaced).toBe(1);
    expect(after.hardTotal).toBe(0);
  });

  it('never moves a fixed session: a start that would take one out is not tried', () => {
    const p = compile(
      testCollege({
        rooms,
        faculty,
        courses: [course('A', 1, 'F1', ['G1']), course('B', 3, 'F2', ['G1'])],
        fixed: [{ courseId: 'A', session: 1, day: 0, period: 0, roomId: 'R1' }],
      }),
    );
    const start = startPoint(p, undefined);
    const st = new IncrementalState(p, start.placement);
    const cs = new ConflictSearch(st, start.model, new Rng(1), { deadline: Infinity, maxSteps: 200 });
    while (!cs.run(Infinity));
    cs.restoreBest();
    expect(st.hardTotal).toBe(0);
    expect(st.slot[0]).toBe(p.sessionFixedSlot[0]);
  });
});
