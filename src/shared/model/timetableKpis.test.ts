import { describe, expect, it } from 'vitest';
import { testCollege } from '../eval/testing/testCollege.ts';
import { timetableKpis } from './timetableKpis.ts';

describe('timetableKpis', () => {
  it('averages teaching days per faculty member and counts occupied room-periods', () => {
    const college = testCollege({
      faculty: [
        { id: 'F1', name: 'F1' },
        { id: 'F2', name: 'F2' },
      ],
      courses: [
        { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 2 },
        { id: 'B', name: 'B', faculty: ['F2'], groups: ['G1'], sessions: 1 },
      ],
    });
    const place = (courseId: string, session: number, day: number | null) => ({
      courseId,
      session,
      day,
      period: day === null ? null : 0,
      roomId: day === null ? null : college.rooms[0].id,
      locked: false,
    });
    const k = timetableKpis(college, {
      assignments: [place('A', 1, 0), place('A', 2, 2), place('B', 1, null)],
    });
    expect(k.facultyDaysOnCampus).toBe(2);
    const roomPeriods = college.rooms.length * college.calendar.days.length * college.periods.length;
    expect(k.roomUse).toBeCloseTo(2 / roomPeriods);
  });
});
