// The min_rest rows (minRestRows.ts): small colleges where the cheapest timetable ends a day in its
// last period and begins the next in its first for the same faculty member or student set. Without
// the rows the MIP takes it; with them it pays a student clash instead and keeps the rest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MipRunner } from './index.ts';
import { solveMip } from './testing/ruleCase.ts';
import type { TinySpec } from './testing/tinyProblem.ts';

const runner = new MipRunner();
beforeAll(() => runner.warmUp(), 60_000);
afterAll(() => runner.close());

/**
 * Two days of three periods. C1 may only be on day 1, C2 only on day 2; K1 (fixed in day 1's first two
 * periods) shares students with C1, K2 (fixed in day 2's last two) with C2: the clash-free places are
 * day 1's last period and day 2's first, which rest 0 periods.
 */
function spec(who: (i: number) => { faculty: string[]; groups: string[] }): TinySpec {
  return {
    days: 2,
    periods: 3,
    rooms: [
      { id: 'R1', capacity: 60 },
      { id: 'RK', capacity: 60, type: 'k' },
    ],
    faculty: [{ id: 'F1' }, { id: 'F2' }],
    groups: [
      { id: 'G1', size: 20 },
      { id: 'G2', size: 20 },
    ],
    courses: [
      { id: 'C1', sessions: 1, ...who(1), unavailable: [3, 4, 5] },
      { id: 'C2', sessions: 1, ...who(2), unavailable: [0, 1, 2] },
      { id: 'K1', sessions: 2, roomType: 'k', students: 10 },
      { id: 'K2', sessions: 2, roomType: 'k', students: 10 },
    ],
    fixed: [
      { course: 'K1', session: 0, slot: 0, room: 'RK' },
      { course: 'K1', session: 1, slot: 1, room: 'RK' },
      { course: 'K2', session: 0, slot: 4, room: 'RK' },
      { course: 'K2', session: 1, slot: 5, room: 'RK' },
    ],
    shared: [
      ['K1', 'C1', 10],
      ['K2', 'C2', 10],
    ],
  };
}

describe('min_rest rows', () => {
  it("keep a faculty member's rest between two days that the cheapest timetable breaks", async () => {
    const s = spec((i) => ({ faculty: ['F1'], groups: [`G${i}`] }));
    const tweak = (p: { facultyMinRest: Int32Array }): void => void (p.facultyMinRest[0] = 2);
    const off = await solveMip(runner, s, { minRestRows: false }, tweak);
    const on = await solveMip(runner, s, undefined, tweak);
    expect(off.ev.hard.faculty_min_rest).toBe(2);
    expect(on.ev.hard.faculty_min_rest).toBe(0);
    expect(on.ev.hardTotal).toBe(0);
  });

  it("keep a group's rest for its sub-batch, whatever faculty teach", async () => {
    // G1's batch G1B attends C1 and C2 (G1 through the batch), each taught by someone else.
    const s = spec((i) => ({ faculty: [`F${i}`], groups: [i === 1 ? 'G1' : 'G1B'] }));
    s.groups.push({ id: 'G1B', size: 10, parent: 'G1' });
    const tweak = (p: { groupMinRest: Int32Array }): void => void (p.groupMinRest[0] = 1);
    const off = await solveMip(runner, s, { minRestRows: false }, tweak);
    const on = await solveMip(runner, s, undefined, tweak);
    expect(off.ev.hard.group_min_rest).toBe(1);
    expect(on.ev.hard.group_min_rest).toBe(0);
    expect(on.ev.hardTotal).toBe(0);
  });
});
