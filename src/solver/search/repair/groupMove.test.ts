import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { evaluate } from '../../../shared/eval/evaluate.ts';
import { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import {
  testCollege,
  type CollegeInput,
  type Place,
  placementAt,
} from '../../../shared/eval/testing/testCollege.ts';
import { Rng } from '../../Rng.ts';
import { startPoint } from '../../startPoint.ts';
import { HardRepair } from './HardRepair.ts';
import { anchoredStart, groupFits, groupWhole } from './tieGroups.ts';

const rooms = ['R1', 'R2', 'R3'].map((id) => ({ id, name: id, capacity: 100 }));
const course = (id: string, faculty: string, group: string): CollegeInput['courses'][number] => ({
  id,
  name: id,
  faculty: [faculty],
  groups: [group],
  sessions: 1,
  minDays: 0,
});

/**
 * A (fixed on Monday period 1) and B start together; C follows B directly. B and C sit together
 * on Tuesday 4-5, so the pair B-C is kept and A-B is broken.
 */
function college(): Partial<CollegeInput> {
  return {
    rooms,
    faculty: ['F1', 'F2', 'F3'].map((id) => ({ id, name: id })),
    groups: ['G1', 'G2', 'G3'].map((id) => ({ id, name: id, size: 30 })),
    courses: [course('A', 'F1', 'G1'), course('B', 'F2', 'G2'), course('C', 'F3', 'G3')],
    fixed: [{ courseId: 'A', session: 1, day: 0, period: 0, roomId: 'R1' }],
    rules: [
      { kind: 'same_time', courses: ['A', 'B'] },
      { kind: 'consecutive', courses: ['B', 'C'] },
    ],
  };
}

function stateAt(input: Partial<CollegeInput>, places: Place[]) {
  const p = compile(testCollege(input));
  const placement = placementAt(p, places);
  const { model, placement: start } = startPoint(p, undefined);
  // The fixed sessions where startPoint puts them, the rest as given.
  for (let s = 0; s < p.nSessions; s++)
    if (model.slotLocked[s] === 1) {
      placement.slot[s] = start.slot[s];
      placement.room[s] = start.room[s];
    }
  return { p, model, st: new IncrementalState(p, placement) };
}

describe('tie groups in the hard repair', () => {
  it('brings a broken group to its fixed member in one move, keeping the consecutive pair whole', () => {
    const { p, model, st } = stateAt(college(), [
      ['B', 1, 1, 3, 'R2'],
      ['C', 1, 1, 4, 'R3'],
    ]);
    expect(st.hardTotal).toBe(1);
    const repair = new HardRepair(st, model, new Rng(3), { deadline: Infinity, maxSteps: 1 });
    while (!repair.run(Infinity));
    repair.restoreBest();
    expect(evaluate(p, st.snapshot()).hardTotal).toBe(0);
    const first = (id: string): number => p.courseFirstSession[p.courseIds.indexOf(id)];
    expect(st.slot[first('A')]).toBe(0);
    expect(st.slot[first('B')]).toBe(0);
    expect(st.slot[first('C')]).toBe(1);
    expect(groupWhole(model.ties, st.slot, model.ties.groupOf[first('A')])).toBe(true);
  });

  it('places a group with members never placed, rather than each on its own', () => {
    const { p, model, st } = stateAt(college(), []);
    expect(st.hardTotal).toBe(2);
    const repair = new HardRepair(st, model, new Rng(5), { deadline: Infinity, maxSteps: 1 });
    while (!repair.run(Infinity));
    repair.restoreBest();
    expect(evaluate(p, st.snapshot()).hardTotal).toBe(0);
  });
});

describe('groupFits and anchoredStart', () => {
  it('keeps a consecutive pair on one day and off the lunch break, and anchors on the fixed member', () => {
    const { p, model } = stateAt(college(), []);
    const T = model.ties;
    const g = T.groupOf[p.courseFirstSession[p.courseIds.indexOf('B')]];
    expect(anchoredStart(T, model, g)).toBe(0);
    // Starts other than the fixed member's do not fit; the fixed one does.
    expect(groupFits(T, model, g, 0)).toBe(true);
    expect(groupFits(T, model, g, 1)).toBe(false);
    // Without the fixed session: period 3 would put C after lunch, period 6 on the next day.
    const free = { ...college(), fixed: [] };
    const { model: m2 } = stateAt(free, []);
    expect(anchoredStart(m2.ties, m2, g)).toBe(-1);
    expect(groupFits(m2.ties, m2, g, 1)).toBe(true);
    expect(groupFits(m2.ties, m2, g, 2)).toBe(false);
    expect(groupFits(m2.ties, m2, g, 5)).toBe(false);
    expect(groupFits(m2.ties, m2, g, 6)).toBe(true);
  });
});
