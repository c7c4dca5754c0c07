import { describe, expect, it } from 'vitest';
import { testCollege } from '../eval/testing/testCollege.ts';
import { compile } from './compile.ts';
import { lockedSessions, placementToTimetable, timetableToPlacement } from './placement.ts';

const problem = compile(
  testCollege({ courses: [{ id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 2 }] }),
);

describe('placement <-> timetable', () => {
  it('round-trips placed and unplaced sessions and keeps locks', () => {
    const timetable = {
      assignments: [
        { courseId: 'A', session: 2, day: 1, period: 4, roomId: 'R1', locked: true },
        { courseId: 'A', session: 1, day: null, period: null, roomId: null, locked: false },
      ],
    };
    const pl = timetableToPlacement(problem, timetable);
    expect(Array.from(pl.slot)).toEqual([-1, 6 + 4]);
    expect(Array.from(pl.room)).toEqual([-1, 0]);
    const locked = lockedSessions(problem, timetable);
    expect(Array.from(locked)).toEqual([0, 1]);
    const back = placementToTimetable(problem, pl, locked);
    expect(back.assignments).toEqual([timetable.assignments[1], timetable.assignments[0]]);
  });

  it('rejects unknown courses and rooms, session numbers out of range and repeated sessions', () => {
    const one = (a: object): { assignments: never[] } => ({ assignments: [a as never] });
    const base = { courseId: 'A', session: 1, day: 0, period: 0, roomId: 'R1', locked: false };
    expect(() => timetableToPlacement(problem, one({ ...base, courseId: 'Z' }))).toThrow(/unknown course/);
    expect(() => timetableToPlacement(problem, one({ ...base, roomId: 'Z' }))).toThrow(/unknown room "Z"/);
    expect(() => timetableToPlacement(problem, one({ ...base, session: 3 }))).toThrow(/has 2 sessions/);
    expect(() => timetableToPlacement(problem, one({ ...base, day: 5 }))).toThrow(/outside the week/);
    expect(() => timetableToPlacement(problem, { assignments: [base, base] })).toThrow(/listed twice/);
  });
});
