import { describe, expect, it } from 'vitest';
import { compile } from '../compiled/compile.ts';
import { testCollege } from '../eval/testing/testCollege.ts';
import { gridRows, sessionsInView, viewOf } from './views.ts';

const college = testCollege({
  rooms: [
    { id: 'R1', name: 'Room 1', capacity: 60 },
    { id: 'R2', name: 'Room 2', capacity: 60 },
  ],
  faculty: [
    { id: 'F1', name: 'F1' },
    { id: 'F2', name: 'F2' },
  ],
  groups: [
    { id: 'Y1', name: 'Year 1', size: 60 },
    { id: 'Y1-B1', name: 'Batch 1', size: 30, parent: 'Y1' },
    { id: 'Y1-B2', name: 'Batch 2', size: 30, parent: 'Y1' },
  ],
  courses: [
    { id: 'LEC', name: 'Lecture', faculty: ['F1'], groups: ['Y1'], sessions: 2 },
    { id: 'LAB1', name: 'Lab batch 1', faculty: ['F2'], groups: ['Y1-B1'], sessions: 1 },
    { id: 'LAB2', name: 'Lab batch 2', faculty: ['F2'], groups: ['Y1-B2'], sessions: 1 },
  ],
});
const p = compile(college);
const group = (id: string) => p.groupIds.indexOf(id);
const courseOf = (sessions: number[]) => sessions.map((s) => p.courseIds[p.sessionCourse[s]]);

describe('week grid views', () => {
  it('puts one break row between the two blocks of periods', () => {
    expect(gridRows(p).map((r) => r.period)).toEqual([0, 1, 2, -1, 3, 4, 5]);
  });

  it('shows a batch its own lab and its parent group lectures, not the other batch lab', () => {
    const room = new Int32Array(p.nSessions).fill(-1);
    expect(courseOf(sessionsInView(p, room, 'group', group('Y1-B1')))).toEqual(['LEC', 'LEC', 'LAB1']);
    expect(courseOf(sessionsInView(p, room, 'group', group('Y1')))).toEqual(['LEC', 'LEC', 'LAB1', 'LAB2']);
  });

  it('shows a faculty member their courses and a room its placed sessions', () => {
    const room = new Int32Array(p.nSessions).fill(-1);
    room[2] = 1;
    expect(courseOf(sessionsInView(p, room, 'faculty', p.facultyIds.indexOf('F2')))).toEqual([
      'LAB1',
      'LAB2',
    ]);
    expect(sessionsInView(p, room, 'room', 1)).toEqual([2]);
    expect(viewOf(p, room, 2)).toEqual({ kind: 'group', index: group('Y1-B1') });
  });
});
