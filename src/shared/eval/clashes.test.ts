import { describe, expect, it } from 'vitest';
import { evaluateCollege, testCollege, type CourseInput } from './testing/testCollege.ts';

const course = (
  id: string,
  faculty: string[],
  groups: string[],
  extra: Partial<CourseInput> = {},
): CourseInput => ({
  id,
  name: id,
  faculty,
  groups,
  sessions: 1,
  ...extra,
});
const rooms = ['R1', 'R2', 'R3', 'R4'].map((id) => ({ id, name: id, capacity: 100 }));
const faculty = ['F1', 'F2', 'F3', 'F4'].map((id) => ({ id, name: id }));
const groups = [
  { id: 'SEC', name: 'SEC', size: 60 },
  { id: 'B1', name: 'B1', size: 30, parent: 'SEC' },
  { id: 'B2', name: 'B2', size: 30, parent: 'SEC' },
  { id: 'OTHER', name: 'OTHER', size: 40 },
];

describe('clashes', () => {
  it('counts one faculty clash per pair of sessions in a period (three at once = 3)', () => {
    const c = testCollege({
      rooms,
      faculty,
      groups,
      courses: ['A', 'B', 'C'].map((id, i) => course(id, ['F1'], [['B1', 'B2', 'OTHER'][i]])),
    });
    const e = evaluateCollege(c, [
      ['A', 1, 0, 0, 'R1'],
      ['B', 1, 0, 0, 'R2'],
      ['C', 1, 0, 0, 'R3'],
    ]);
    expect(e.hard.faculty_clash).toBe(3);
    expect(e.hard.group_clash).toBe(0);
  });

  it('a parent group clashes with its batches, sibling batches do not clash', () => {
    const c = testCollege({
      rooms,
      faculty,
      groups,
      courses: [
        course('SECT', ['F1'], ['SEC']),
        course('LAB1', ['F2'], ['B1']),
        course('LAB2', ['F3'], ['B2']),
      ],
    });
    const siblings = evaluateCollege(c, [
      ['SECT', 1, 1, 0, 'R1'],
      ['LAB1', 1, 0, 0, 'R2'],
      ['LAB2', 1, 0, 0, 'R3'],
    ]);
    expect(siblings.hardTotal).toBe(0);
    const parent = evaluateCollege(c, [
      ['SECT', 1, 0, 0, 'R1'],
      ['LAB1', 1, 0, 0, 'R2'],
      ['LAB2', 1, 0, 0, 'R3'],
    ]);
    expect(parent.hard.group_clash).toBe(2);
    expect(parent.violations[0].message).toMatch(/group B[12] has/);
  });

  it('a pair sharing a faculty member and a group is one clash, counted as a faculty clash', () => {
    const c = testCollege({
      rooms,
      faculty,
      groups,
      courses: [course('A', ['F1'], ['SEC']), course('B', ['F1'], ['SEC'])],
    });
    const e = evaluateCollege(c, [
      ['A', 1, 0, 0, 'R1'],
      ['B', 1, 0, 0, 'R2'],
    ]);
    expect([e.hard.faculty_clash, e.hard.group_clash]).toEqual([1, 0]);
  });

  it('a two-period session clashes in each period it occupies', () => {
    const c = testCollege({
      rooms,
      faculty,
      groups,
      courses: [
        course('LAB', ['F1'], ['B1'], { length: 2 }),
        course('T1', ['F2'], ['SEC']),
        course('T2', ['F3'], ['SEC']),
      ],
    });
    const e = evaluateCollege(c, [
      ['LAB', 1, 0, 0, 'R1'],
      ['T1', 1, 0, 0, 'R2'],
      ['T2', 1, 0, 1, 'R2'],
    ]);
    expect(e.hard.group_clash).toBe(2);
  });

  it('counts k - 1 for a room holding k sessions in a period', () => {
    const c = testCollege({
      rooms,
      faculty,
      groups,
      courses: [course('A', ['F1'], ['B1']), course('B', ['F2'], ['B2']), course('C', ['F3'], ['OTHER'])],
    });
    const e = evaluateCollege(c, [
      ['A', 1, 0, 0, 'R1'],
      ['B', 1, 0, 0, 'R1'],
      ['C', 1, 0, 0, 'R1'],
    ]);
    expect(e.hard.room_clash).toBe(2);
    expect(e.violations.filter((v) => v.kind === 'room_clash')).toHaveLength(1);
  });

  it('a second session of a course at the same start counts as not placed, not as a clash', () => {
    const c = testCollege({
      rooms,
      faculty,
      groups,
      courses: [course('A', ['F1'], ['SEC'], { sessions: 2 })],
    });
    const e = evaluateCollege(c, [
      ['A', 1, 0, 0, 'R1'],
      ['A', 2, 0, 0, 'R2'],
    ]);
    expect(e.hard.unplaced).toBe(1);
    expect(e.hardTotal).toBe(1);
  });

  it('student clashes cost the weight times the enrolled students two courses share', () => {
    const c = testCollege({
      rooms,
      faculty,
      groups,
      courses: [course('E1', ['F1'], []), course('E2', ['F2'], []), course('CORE', ['F3'], ['OTHER'])],
      students: [
        { id: 's1', groups: ['B1'] },
        { id: 's2', groups: ['B2'] },
        { id: 's3', groups: ['OTHER'] },
      ],
      enrollments: [
        { studentId: 's1', courseId: 'E1' },
        { studentId: 's1', courseId: 'E2' },
        { studentId: 's2', courseId: 'E1' },
        { studentId: 's2', courseId: 'E2' },
        { studentId: 's3', courseId: 'E1' },
      ],
      weights: { student_clash: 7 },
    });
    // E1-E2 share s1 and s2; E1-CORE share s3 (through s3's group OTHER).
    const e = evaluateCollege(c, [
      ['E1', 1, 0, 0, 'R1'],
      ['E2', 1, 0, 0, 'R2'],
      ['CORE', 1, 0, 0, 'R3'],
    ]);
    expect(e.soft.student_clash).toBe(7 * 2 + 7 * 1);
    expect(e.hardTotal).toBe(0);
  });
});
