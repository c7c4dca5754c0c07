import { describe, expect, it } from 'vitest';
import { testCollege } from '../eval/testing/testCollege.ts';
import { EditorEngine } from './EditorEngine.ts';
import {
  BUSY,
  FREE,
  UNAVAILABLE,
  departmentChoices,
  overviewRow,
  weekAvailability,
  wholeViewGroups,
  yearChoices,
} from './wholeViews.ts';

const college = testCollege({
  rooms: [
    { id: 'R1', name: 'Room 1', capacity: 60, unavailable: [{ day: 4, period: 5 }] },
    { id: 'LAB', name: 'Lab', capacity: 60, type: 'lab' },
  ],
  faculty: [
    { id: 'F1', name: 'F1', unavailable: [{ day: 0, period: 5 }] },
    { id: 'F2', name: 'F2' },
  ],
  groups: [
    { id: 'CSE1A', name: 'CSE year 1 A', size: 60, department: 'CSE' },
    { id: 'CSE1A-B1', name: 'CSE year 1 A batch 1', size: 30, department: 'CSE', parent: 'CSE1A' },
    { id: 'CSE2A', name: 'CSE year 2 A', size: 60, department: 'CSE' },
    { id: 'ME1A', name: 'ME year 1 A', size: 60, department: 'ME' },
  ],
  courses: [
    { id: 'MA1', name: 'Maths', faculty: ['F1'], groups: ['CSE1A', 'ME1A'], sessions: 1 },
    {
      id: 'LAB1',
      name: 'Lab',
      faculty: ['F2'],
      groups: ['CSE1A-B1'],
      sessions: 1,
      length: 2,
      roomType: 'lab',
    },
  ],
});
const at = (courseId: string, day: number, period: number, roomId: string) => ({
  courseId,
  session: 1,
  day,
  period,
  roomId,
  locked: false,
});
const {
  problem: p,
  names,
  positions,
} = new EditorEngine().load(
  JSON.stringify(college),
  JSON.stringify({ assignments: [at('MA1', 0, 0, 'R1'), at('LAB1', 0, 1, 'LAB')] }),
);

describe('whole views', () => {
  it('offer departments and years with their sections', () => {
    expect(departmentChoices(p, names)).toEqual([
      { value: 'CSE', label: 'CSE', groups: 2 },
      { value: 'ME', label: 'ME', groups: 1 },
    ]);
    expect(yearChoices(p, names).map((c) => [c.label, c.groups])).toEqual([
      ['Year 1', 2],
      ['Year 2', 1],
    ]);
    const ids = (gs: number[]) => gs.map((g) => p.groupIds[g]);
    expect(ids(wholeViewGroups(p, names, { kind: 'department', department: 'CSE' }))).toEqual([
      'CSE1A',
      'CSE2A',
    ]);
    expect(ids(wholeViewGroups(p, names, { kind: 'year', year: 1 }))).toEqual(['CSE1A', 'ME1A']);
  });

  it("put a section's batch sessions in its row, in every period they hold", () => {
    const row = overviewRow(p, positions, p.groupIds.indexOf('CSE1A'));
    expect(row[0]).toEqual([0]);
    expect(row[1]).toEqual([1]);
    expect(row[2]).toEqual([1]);
    expect(row[3]).toEqual([]);
    expect(overviewRow(p, positions, p.groupIds.indexOf('CSE2A')).flat()).toEqual([]);
  });

  it("mark a teacher's and a room's free, busy and unavailable periods", () => {
    const f1 = weekAvailability(p, positions, 'faculty', 0);
    expect([f1[0], f1[1], f1[5]]).toEqual([BUSY, FREE, UNAVAILABLE]);
    const r1 = weekAvailability(p, positions, 'room', 0);
    expect([r1[0], r1[4 * p.nPeriods + 5]]).toEqual([BUSY, UNAVAILABLE]);
  });
});
