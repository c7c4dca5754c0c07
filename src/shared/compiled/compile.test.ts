import { describe, expect, it } from 'vitest';
import { testCollege, type CourseInput } from '../eval/testing/testCollege.ts';
import { DEFAULT_WEIGHTS, ITC_WEIGHTS } from '../eval/weights.ts';
import { compile } from './compile.ts';
import { csrRow } from './csr.ts';

const groups = [
  { id: 'SEC', name: 'SEC', size: 60 },
  { id: 'B1', name: 'B1', size: 30, parent: 'SEC' },
  { id: 'B2', name: 'B2', size: 30, parent: 'SEC' },
  { id: 'OTHER', name: 'OTHER', size: 40 },
];
const course = (id: string, extra: Partial<CourseInput> = {}): CourseInput => ({
  id,
  name: id,
  faculty: ['F1'],
  sessions: 2,
  ...extra,
});

describe('compile', () => {
  it('turns leaf groups into student sets; a course of a parent reaches every batch below it', () => {
    const p = compile(
      testCollege({ groups, courses: [course('T', { groups: ['SEC'] }), course('L', { groups: ['B1'] })] }),
    );
    expect(p.nStudentSets).toBe(3);
    expect(Array.from(p.setGroup).map((g) => p.groupIds[g])).toEqual(['B1', 'B2', 'OTHER']);
    expect(csrRow(p.courseStudentSets, 0)).toEqual([0, 1]);
    expect(csrRow(p.courseStudentSets, 1)).toEqual([0]);
    expect(csrRow(p.setCourses, 0)).toEqual([0, 1]);
    expect(csrRow(p.setCourses, 1)).toEqual([0]);
    expect(Array.from(p.groupParent)).toEqual([-1, 0, 0, -1]);
  });

  it('head count: listed groups (a batch inside a listed section not twice) + enrolled outsiders, or explicit', () => {
    const p = compile(
      testCollege({
        groups,
        courses: [
          course('T', { groups: ['SEC', 'B1'] }),
          course('E', { groups: ['B1'] }),
          course('X', { groups: ['OTHER'], students: 7 }),
        ],
        students: [
          { id: 's1', groups: ['B1'] },
          { id: 's2', groups: ['OTHER'] },
          { id: 's3', groups: ['SEC'] },
        ],
        enrollments: [
          { studentId: 's1', courseId: 'E' }, // counted through B1 already
          { studentId: 's2', courseId: 'E' }, // an outsider: +1
          { studentId: 's3', courseId: 'E' }, // SEC is not below B1: +1
          { studentId: 's3', courseId: 'E' }, // duplicate row: ignored
        ],
      }),
    );
    expect(Array.from(p.courseStudents)).toEqual([60, 32, 7]);
  });

  it('links courses sharing enrolled students, unless they already share a student set', () => {
    const p = compile(
      testCollege({
        groups,
        courses: [
          course('E1'),
          course('E2'),
          course('CORE', { groups: ['OTHER'] }),
          course('SECT', { groups: ['SEC'] }),
        ],
        students: [
          { id: 's1', groups: ['OTHER'] },
          { id: 's2', groups: ['OTHER'] },
          { id: 's3', groups: ['B2'] },
        ],
        enrollments: [
          { studentId: 's1', courseId: 'E1' },
          { studentId: 's1', courseId: 'E2' },
          { studentId: 's2', courseId: 'E1' },
          { studentId: 's2', courseId: 'E2' },
          { studentId: 's3', courseId: 'CORE' },
        ],
      }),
    );
    const row = (c: number): Array<[string, number]> => {
      const out: Array<[string, number]> = [];
      for (let k = p.courseStudentConflicts.offsets[c]; k < p.courseStudentConflicts.offsets[c + 1]; k++) {
        out.push([p.courseIds[p.courseStudentConflicts.items[k]], p.courseConflictWeight[k]]);
      }
      return out.sort();
    };
    expect(row(0)).toEqual([
      ['CORE', 2],
      ['E2', 2],
    ]);
    expect(row(1)).toEqual([
      ['CORE', 2],
      ['E1', 2],
    ]);
    // s3 (batch B2) takes CORE and attends SECT through its section.
    expect(row(2)).toEqual([
      ['E1', 2],
      ['E2', 2],
      ['SECT', 1],
    ]);
  });

  it('forbids starts that cross the lunch break, run past the day, or touch unavailable periods', () => {
    const p = compile(
      testCollege({
        faculty: [{ id: 'F1', name: 'F1', unavailable: [{ day: 1, period: 4 }] }],
        courses: [course('LAB', { groups: ['G1'], length: 2, unavailable: [{ day: 0, period: 0 }] })],
      }),
    );
    const forbidden = (d: number): number[] =>
      Array.from(p.startForbidden.subarray(d * p.nPeriods, (d + 1) * p.nPeriods));
    expect(forbidden(0)).toEqual([1, 0, 1, 0, 0, 1]);
    expect(forbidden(1)).toEqual([0, 0, 1, 1, 1, 1]);
    expect(Array.from(p.blockOf)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(p.courseUnavailable[0]).toBe(1);
  });

  it('filters rooms by type and by the allowed list', () => {
    const p = compile(
      testCollege({
        rooms: [
          { id: 'R1', name: 'R1', capacity: 60 },
          { id: 'L1', name: 'L1', capacity: 30, type: 'lab' },
          { id: 'L2', name: 'L2', capacity: 30, type: 'lab' },
        ],
        courses: [
          course('T', { groups: ['G1'] }),
          course('LAB', { roomType: 'lab' }),
          course('L2', { roomType: 'lab', rooms: ['L2', 'R1'] }),
        ],
      }),
    );
    expect(csrRow(p.courseRooms, 0)).toEqual([0]);
    expect(csrRow(p.courseRooms, 1)).toEqual([1, 2]);
    expect(csrRow(p.courseRooms, 2)).toEqual([2]);
  });

  it('picks default or ITC weights, then applies the college weights and the overrides', () => {
    const college = testCollege({ weights: { isolated: 3 } });
    expect(compile(college).weights).toEqual({ ...DEFAULT_WEIGHTS, isolated: 3 });
    expect(compile(college).capacityHard).toBe(true);
    const soft = testCollege({ settings: { roomCapacity: 'soft' } });
    expect(compile(soft, { min_days: 9 }).weights).toEqual({ ...ITC_WEIGHTS, min_days: 9 });
    expect(compile(soft).capacityHard).toBe(false);
  });

  it('numbers sessions course by course and records fixed sessions', () => {
    const p = compile(
      testCollege({
        courses: [course('A', { groups: ['G1'] }), course('B', { sessions: 3 })],
        fixed: [{ courseId: 'B', session: 2, day: 1, period: 3, roomId: 'R1' }],
      }),
    );
    expect(Array.from(p.sessionCourse)).toEqual([0, 0, 1, 1, 1]);
    expect(Array.from(p.sessionIndex)).toEqual([0, 1, 0, 1, 2]);
    expect(Array.from(p.sessionFixedSlot)).toEqual([-1, -1, -1, 1 * 6 + 3, -1]);
    expect(Array.from(p.sessionFixedRoom)).toEqual([-1, -1, -1, 0, -1]);
  });

  it('throws naming an unknown reference', () => {
    expect(() => compile(testCollege({ courses: [course('A', { faculty: ['NOPE'] })] }))).toThrow(/"NOPE"/);
    expect(() => compile(testCollege({ groups: [{ id: 'G1', name: 'G1', size: 1, parent: 'G1' }] }))).toThrow(
      /own ancestor/,
    );
  });
});
