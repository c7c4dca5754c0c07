import { describe, expect, it } from 'vitest';
import { compile } from '../../shared/compiled/compile.ts';
import { evaluate } from '../../shared/eval/evaluate.ts';
import { IncrementalState } from '../../shared/eval/incremental/IncrementalState.ts';
import { testCollege, type CollegeInput } from '../../shared/eval/testing/testCollege.ts';
import { Rng } from '../Rng.ts';
import { startPoint } from '../startPoint.ts';
import { construct } from './construct.ts';
import { groupScratch, placeGroup } from './placeGroup.ts';

const rooms = ['R1', 'R2', 'R3'].map((id) => ({ id, name: id, capacity: 100 }));
/** Every (day, period) of the test week but the listed slots (day * 6 + period). */
const allBut = (...slots: number[]) =>
  Array.from({ length: 30 }, (_, i) => i)
    .filter((i) => !slots.includes(i))
    .map((i) => ({ day: Math.floor(i / 6), period: i % 6 }));

/**
 * A and B start together and C follows B directly, each with its own faculty and group. B may
 * start only on Wednesday periods 1-2 (slots 12, 13); C may not be at Wednesday period 2 (slot 13),
 * so the one start of the group is slot 13 (C at 14, before lunch).
 */
function college(over: Partial<CollegeInput> = {}): Partial<CollegeInput> {
  return {
    rooms,
    faculty: ['F1', 'F2', 'F3', 'F4'].map((id) => ({ id, name: id })),
    groups: ['G1', 'G2', 'G3', 'G4'].map((id) => ({ id, name: id, size: 30 })),
    courses: [
      { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 1 },
      { id: 'B', name: 'B', faculty: ['F2'], groups: ['G2'], sessions: 1, unavailable: allBut(12, 13) },
      {
        id: 'C',
        name: 'C',
        faculty: ['F3'],
        groups: ['G3'],
        sessions: 1,
        unavailable: [{ day: 2, period: 1 }],
      },
      { id: 'X', name: 'X', faculty: ['F2'], groups: ['G4'], sessions: 1 },
    ],
    rules: [
      { kind: 'same_time', courses: ['A', 'B'] },
      { kind: 'consecutive', courses: ['B', 'C'] },
    ],
    ...over,
  };
}

function setup(over: Partial<CollegeInput> = {}) {
  const p = compile(testCollege(college(over)));
  const { model, placement } = startPoint(p, undefined);
  const st = new IncrementalState(p, placement);
  const at = (id: string): number => st.slot[p.courseFirstSession[p.courseIds.indexOf(id)]];
  const g = model.ties.groupOf[p.courseFirstSession[p.courseIds.indexOf('A')]];
  return { p, model, st, at, g };
}

describe('placeGroup', () => {
  it('places every member of a tie group at one start where all of them fit', () => {
    const { model, st, at, g } = setup();
    expect(placeGroup(st, model, g, new Rng(1), groupScratch(model))).toBe(13);
    expect([at('A'), at('B'), at('C')]).toEqual([13, 13, 14]);
    // Only X is left unplaced: no rule broken, no clash.
    expect(st.hardTotal).toBe(1);
  });

  it('anchors the group on its fixed member', () => {
    const { model, st, at, g } = setup({
      courses: college().courses!.map((c) => (c.id === 'B' ? { ...c, unavailable: [] } : c)),
      fixed: [{ courseId: 'A', session: 1, day: 3, period: 3, roomId: 'R1' }],
    });
    expect(at('A')).toBe(21);
    expect(placeGroup(st, model, g, new Rng(1), groupScratch(model))).toBe(21);
    expect([at('A'), at('B'), at('C')]).toEqual([21, 21, 22]);
  });

  it('places a member fixed in time but given no room at its fixed start, with the rest', () => {
    const { model, st, at, g } = setup({
      courses: college().courses!.map((c) => (c.id === 'B' ? { ...c, unavailable: [] } : c)),
      fixed: [{ courseId: 'B', session: 1, day: 1, period: 4 }],
    });
    expect(at('B')).toBe(-1);
    expect(placeGroup(st, model, g, new Rng(1), groupScratch(model))).toBe(10);
    expect([at('A'), at('B'), at('C')]).toEqual([10, 10, 11]);
    expect(st.hardTotal).toBe(1);
  });

  it('leaves the group as it was when no start fits all its members', () => {
    // X (fixed) holds B's faculty at slot 13, the one start of the group.
    const { model, st, at, g } = setup({
      fixed: [{ courseId: 'X', session: 1, day: 2, period: 1, roomId: 'R3' }],
    });
    const hard = st.hardTotal;
    expect(placeGroup(st, model, g, new Rng(1), groupScratch(model))).toBe(-1);
    expect([at('A'), at('B'), at('C')]).toEqual([-1, -1, -1]);
    expect(st.hardTotal).toBe(hard);
  });
});

describe('construct with tie groups', () => {
  it('reports a group with no start unplaced as a whole instead of splitting it', () => {
    const { p, model, st, at } = setup({
      fixed: [{ courseId: 'X', session: 1, day: 2, period: 1, roomId: 'R3' }],
    });
    const { unplaced } = construct(st, model, new Rng(1), () => false);
    expect([at('A'), at('B'), at('C')]).toEqual([-1, -1, -1]);
    expect(unplaced.map((u) => p.courseIds[p.sessionCourse[u.session]]).sort()).toEqual(['A', 'B', 'C']);
    expect(unplaced[0].reason).toMatch(/same_time \/ consecutive/);
    // Unplaced, but no rule of the group is broken.
    const e = evaluate(p, st.snapshot());
    expect(e.hardTotal).toBe(3);
  });

  it('places the group whole when its members fit only together', () => {
    const { p, model, st, at } = setup();
    construct(st, model, new Rng(2), () => false);
    expect([at('A'), at('B'), at('C')]).toEqual([13, 13, 14]);
    expect(evaluate(p, st.snapshot()).hardTotal).toBe(0);
  });
});
