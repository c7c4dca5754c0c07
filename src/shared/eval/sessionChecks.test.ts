import { describe, expect, it } from 'vitest';
import { evaluateCollege, testCollege, type CourseInput } from './testing/testCollege.ts';

const course = (id: string, extra: Partial<CourseInput> = {}): CourseInput => ({
  id,
  name: id,
  faculty: ['F1'],
  groups: ['G1'],
  sessions: 1,
  ...extra,
});

describe('session checks', () => {
  it('counts each session without a time or a room as unplaced', () => {
    const c = testCollege({ courses: [course('A', { sessions: 3 })] });
    const e = evaluateCollege(c, [['A', 1, 0, 0, 'R1']]);
    expect(e.hard.unplaced).toBe(2);
    expect(e.hardTotal).toBe(2);
  });

  it('counts a multi-period session across the lunch break or past the day end as outside its block', () => {
    const c = testCollege({ courses: [course('LAB', { sessions: 3, length: 2 })] });
    // Period 3 (index 2) ends at 12:00, period 4 starts at 13:00; index 5 is the last period.
    const e = evaluateCollege(c, [
      ['LAB', 1, 0, 2, 'R1'],
      ['LAB', 2, 1, 5, 'R1'],
      ['LAB', 3, 2, 0, 'R1'],
    ]);
    expect(e.hard.outside_block).toBe(2);
    expect(e.violations.filter((v) => v.kind === 'outside_block').map((v) => v.sessions)).toEqual([[0], [1]]);
  });

  it('checks room type, the allowed room list and capacity (hard by default)', () => {
    const c = testCollege({
      rooms: [
        { id: 'R1', name: 'R1', capacity: 60 },
        { id: 'R2', name: 'R2', capacity: 60 },
        { id: 'L1', name: 'L1', capacity: 60, type: 'lab' },
      ],
      courses: [course('A', { sessions: 3, rooms: ['R2'], students: 80 })],
    });
    const e = evaluateCollege(c, [
      ['A', 1, 0, 0, 'L1'],
      ['A', 2, 1, 0, 'R1'],
      ['A', 3, 2, 0, 'R2'],
    ]);
    expect(e.hard.room_type).toBe(1);
    expect(e.hard.room_not_allowed).toBe(1);
    expect(e.hard.room_capacity).toBe(3);
    expect(e.soft.room_capacity).toBe(0);
  });

  it('makes capacity a soft cost per extra student when the settings say soft', () => {
    const c = testCollege({ settings: { roomCapacity: 'soft' }, courses: [course('A', { students: 75 })] });
    const e = evaluateCollege(c, [['A', 1, 0, 0, 'R1']]);
    expect(e.hard.room_capacity).toBe(0);
    expect(e.soft.room_capacity).toBe(15);
  });

  it('counts course, faculty and room unavailability once per session, over all its periods', () => {
    const c = testCollege({
      faculty: [{ id: 'F1', name: 'F1', unavailable: [{ day: 1, period: 1 }] }],
      rooms: [{ id: 'R1', name: 'R1', capacity: 60, unavailable: [{ day: 2, period: 0 }] }],
      courses: [course('A', { sessions: 3, length: 2, unavailable: [{ day: 0, period: 1 }] })],
    });
    const e = evaluateCollege(c, [
      ['A', 1, 0, 0, 'R1'], // second period Mon 2: course unavailable
      ['A', 2, 1, 0, 'R1'], // second period Tue 2: faculty unavailable
      ['A', 3, 2, 0, 'R1'], // Wed 1: room unavailable
    ]);
    expect([e.hard.course_unavailable, e.hard.faculty_unavailable, e.hard.room_unavailable]).toEqual([
      1, 1, 1,
    ]);
    expect(e.violations.find((v) => v.kind === 'faculty_unavailable')?.message).toContain('F1');
  });

  it('counts a fixed session away from its pinned time or room', () => {
    const c = testCollege({
      rooms: [
        { id: 'R1', name: 'R1', capacity: 60 },
        { id: 'R2', name: 'R2', capacity: 60 },
      ],
      courses: [course('A', { sessions: 3 })],
      fixed: [
        { courseId: 'A', session: 1, day: 0, period: 0 },
        { courseId: 'A', session: 2, day: 1, period: 0, roomId: 'R2' },
        { courseId: 'A', session: 3, day: 2, period: 0 },
      ],
    });
    const e = evaluateCollege(c, [
      ['A', 1, 0, 0, 'R1'],
      ['A', 2, 1, 0, 'R1'],
      ['A', 3, 3, 0, 'R1'],
    ]);
    expect(e.hard.fixed_moved).toBe(2);
  });
});
