import { describe, expect, it } from 'vitest';
import { addGapRows } from './gapRows.ts';
import { ModelBuilder } from './mipModel.ts';
import { occupancy } from './occupancy.ts';
import { tinyProblem } from './testing/tinyProblem.ts';

/** One faculty member and one group, one day of 4 periods, a start variable per period. */
function rowsFor(facultyWeek: number, groupWeek: number): number {
  const p = tinyProblem({
    days: 1,
    periods: 4,
    breaksAfter: [],
    rooms: [{ id: 'R1', capacity: 60 }],
    faculty: [{ id: 'F1' }],
    groups: [{ id: 'G1', size: 30 }],
    courses: [{ id: 'A', sessions: 2, faculty: ['F1'], groups: ['G1'], rooms: ['R1'] }],
  });
  p.facultyMaxGapsPerWeek[0] = facultyWeek;
  p.groupMaxGapsPerWeek[0] = groupWeek;
  const b = new ModelBuilder();
  const resourceSlot = new Map<number, number[]>();
  for (let t = 0; t < p.nSlots; t++) {
    const x = b.addCol(0, 0, 1, true);
    resourceSlot.set(0 * p.nSlots + t, [x]); // F1
    resourceSlot.set((p.nFaculty + 0) * p.nSlots + t, [x]); // G1's student set
  }
  const free = { slot: new Int32Array(p.nSessions).fill(-1), room: new Int32Array(p.nSessions).fill(-1) };
  return addGapRows(p, b, resourceSlot, occupancy(p, free));
}

describe('gap rows', () => {
  it('bound each day by a weekly gap limit too (a day holds part of the week)', () => {
    expect(rowsFor(-1, -1)).toBe(0);
    // Limit 0 over 4 periods: pairs (a, z) with z >= a + 2: (0,2) (0,3) (1,3).
    expect(rowsFor(0, -1)).toBe(3);
    expect(rowsFor(-1, 0)).toBe(3);
    expect(rowsFor(1, 1)).toBe(2);
  });
});
