import { describe, expect, it } from 'vitest';
import { studentsLine } from './solve.ts';

describe('the students line of solve and run', () => {
  it('says which clashes there are none of and what remains, in plain words', () => {
    expect(studentsLine(0, { students: 1150, doubleBookings: 3209, pairs: 41 })).toBe(
      'Students: no group or teacher clashes; 3,209 student double-bookings remain, from 41 course pairs (1,150 students).',
    );
    expect(studentsLine(2, { students: 1, doubleBookings: 1, pairs: 1 })).toBe(
      'Students: 1 student double-booking remains, from 1 course pair (1 student).',
    );
    expect(studentsLine(0, { students: 0, doubleBookings: 0, pairs: 0 })).toBe(
      'Students: no student is double-booked.',
    );
  });
});
