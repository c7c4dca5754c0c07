import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { evaluate } from '../../../shared/eval/evaluate.ts';
import { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import { H } from '../../../shared/eval/incremental/kinds.ts';
import {
  testCollege,
  type CollegeInput,
  type Place,
  placementAt,
} from '../../../shared/eval/testing/testCollege.ts';
import { Rng } from '../../Rng.ts';
import { startPoint } from '../../startPoint.ts';
import { BlockerEjection } from './blockerEjection.ts';
import { EjectionChains } from './ejectionChain.ts';
import { HardRepair } from './HardRepair.ts';
import { GroupMove } from './groupMove.ts';

const rooms = ['R1', 'R2'].map((id) => ({ id, name: id, capacity: 100 }));

function stateAt(input: Partial<CollegeInput>, places: Place[]) {
  const p = compile(testCollege(input));
  const placement = placementAt(p, places);
  const { model, placement: start } = startPoint(p, undefined);
  for (let s = 0; s < p.nSessions; s++)
    if (model.slotLocked[s] === 1) {
      placement.slot[s] = start.slot[s];
      placement.room[s] = start.room[s];
    }
  return { p, model, st: new IncrementalState(p, placement) };
}

const first = (p: ReturnType<typeof compile>, id: string): number =>
  p.courseFirstSession[p.courseIds.indexOf(id)];
const always = (): boolean => true;

describe('BlockerEjection', () => {
  it("places a session whose only start breaks its teacher's rest, by moving the next morning's session on", () => {
    // A may start only on Monday period 6; F1 must rest 3 periods overnight, and teaches B on
    // Tuesday period 1: A there alone adds a rest violation, B is in nobody's way yet.
    const { p, model, st } = stateAt(
      {
        rooms,
        faculty: [{ id: 'F1', name: 'F1', minRest: 3 }],
        groups: ['G1', 'G2'].map((id) => ({ id, name: id, size: 30 })),
        courses: [
          {
            id: 'A',
            name: 'A',
            faculty: ['F1'],
            groups: ['G1'],
            sessions: 1,
            starts: [{ day: 0, period: 5 }],
          },
          { id: 'B', name: 'B', faculty: ['F1'], groups: ['G2'], sessions: 1 },
        ],
      },
      [['B', 1, 1, 0, 'R1']],
    );
    const a = first(p, 'A');
    expect(st.hardTotal).toBe(1);
    const probe = new Float64Array(2);
    st.deltaMove(a, 5, 0, probe);
    expect(probe[0]).toBeGreaterThanOrEqual(0);
    // An ejection chain follows clashes only, and finds nothing here.
    expect(new EjectionChains(st, model).tryFrom(a, always, always)).toBeNull();
    const b = new BlockerEjection(st, model);
    expect(b.tryFrom(a, always, always)).toBe(true);
    expect(b.found[2]).toBe(first(p, 'B'));
    expect(st.hardTotal).toBe(0);
    expect(evaluate(p, st.snapshot()).hardTotal).toBe(0);
    expect(st.slot[a]).toBe(5);
  });

  it('leaves the state as it was when no pair of moves lowers the hard cost', () => {
    // A's only start is taken by B of the same teacher, and B may start nowhere else.
    const { p, model, st } = stateAt(
      {
        rooms,
        faculty: [{ id: 'F1', name: 'F1' }],
        groups: ['G1', 'G2'].map((id) => ({ id, name: id, size: 30 })),
        courses: [
          {
            id: 'A',
            name: 'A',
            faculty: ['F1'],
            groups: ['G1'],
            sessions: 1,
            starts: [{ day: 0, period: 0 }],
          },
          {
            id: 'B',
            name: 'B',
            faculty: ['F1'],
            groups: ['G2'],
            sessions: 1,
            starts: [{ day: 0, period: 0 }],
          },
        ],
      },
      [['B', 1, 0, 0, 'R1']],
    );
    const before = st.snapshot();
    const h = st.hardTotal;
    expect(new BlockerEjection(st, model).tryFrom(first(p, 'A'), always, always)).toBe(false);
    expect(st.hardTotal).toBe(h);
    expect(Array.from(st.slot)).toEqual(Array.from(before.slot));
    expect(Array.from(st.room)).toEqual(Array.from(before.room));
  });
});

describe('BlockerEjection with tie groups', () => {
  it('moves a same_time pair in the way as a whole, which a single session may not', () => {
    // A may start only on Monday period 1, where F1 teaches B, tied to C (same_time).
    const { p, model, st } = stateAt(
      {
        rooms,
        faculty: ['F1', 'F2'].map((id) => ({ id, name: id })),
        groups: ['G1', 'G2', 'G3'].map((id) => ({ id, name: id, size: 30 })),
        courses: [
          {
            id: 'A',
            name: 'A',
            faculty: ['F1'],
            groups: ['G1'],
            sessions: 1,
            starts: [{ day: 0, period: 0 }],
          },
          { id: 'B', name: 'B', faculty: ['F1'], groups: ['G2'], sessions: 1 },
          { id: 'C', name: 'C', faculty: ['F2'], groups: ['G3'], sessions: 1 },
        ],
        rules: [{ kind: 'same_time', courses: ['B', 'C'], hard: true }],
      },
      [
        ['B', 1, 0, 0, 'R1'],
        ['C', 1, 0, 0, 'R2'],
      ],
    );
    const a = first(p, 'A');
    expect(st.hardTotal).toBe(1);
    const alone = (x: number): boolean => model.ties.groupOf[x] < 0;
    expect(new BlockerEjection(st, model).tryFrom(a, always, alone)).toBe(false);
    const b = new BlockerEjection(st, model, new GroupMove(st), new Rng(1));
    expect(b.tryFrom(a, always, alone)).toBe(true);
    expect(b.found[6]).toBe(model.ties.groupOf[first(p, 'B')]);
    expect(evaluate(p, st.snapshot()).hardTotal).toBe(0);
    expect(st.slot[a]).toBe(0);
    expect(st.slot[first(p, 'B')]).toBe(st.slot[first(p, 'C')]);
    // The per-kind totals are those of the timetable (GroupMove.best saves and restores its own).
    const fresh = new IncrementalState(p, st.snapshot());
    expect(Array.from(st.hard)).toEqual(Array.from(fresh.hard));
    expect(Array.from(st.soft)).toEqual(Array.from(fresh.soft));
  });
});

describe('HardRepair with a pinned session behind its own course', () => {
  const college = (roomId?: string): Partial<CollegeInput> => ({
    rooms,
    faculty: [{ id: 'F1', name: 'F1' }],
    groups: [{ id: 'G1', name: 'G1', size: 30 }],
    courses: [{ id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 2, minDays: 0 }],
    fixed: [{ courseId: 'A', session: 2, day: 0, period: 0, roomId }],
  });
  // A#2 is pinned to Monday period 1 where A#1 already starts: A#2 waits (counts as unplaced).
  it('places a session pinned in time only, waiting behind the free one that holds its start', () => {
    const { p, model, st } = stateAt(college(), [['A', 1, 0, 0, 'R2']]);
    // The pinned session is not placed yet (it has no room): put it behind A#1 in a room.
    st.move(first(p, 'A') + 1, 0, 0);
    expect(st.hard[H.unplaced]).toBe(1);
    const repair = new HardRepair(st, model, new Rng(1), { deadline: Infinity, maxSteps: 2000 });
    while (!repair.run(Infinity));
    repair.restoreBest();
    expect(evaluate(p, st.snapshot()).hardTotal).toBe(0);
    expect(st.slot[first(p, 'A') + 1]).toBe(0);
  });

  it('moves the free session off the start of a session pinned in time and room', () => {
    const { p, model, st } = stateAt(college('R1'), [['A', 1, 0, 0, 'R2']]);
    expect(st.hard[H.unplaced]).toBe(1);
    const repair = new HardRepair(st, model, new Rng(1), { deadline: Infinity, maxSteps: 2000 });
    while (!repair.run(Infinity));
    repair.restoreBest();
    expect(evaluate(p, st.snapshot()).hardTotal).toBe(0);
    expect(st.slot[first(p, 'A') + 1]).toBe(0);
  });
});
