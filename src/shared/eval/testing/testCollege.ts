// Small hand-built colleges for tests: defaults fill everything a test does not care about.
import type { z } from 'zod';
import { collegeSchema } from '../../model/schema.ts';
import type { College } from '../../model/types.ts';
import { compile } from '../../compiled/compile.ts';
import { timetableToPlacement } from '../../compiled/placement.ts';
import type { CompiledProblem } from '../../compiled/types.ts';
import { evaluate } from '../evaluate.ts';
import type { Evaluation, Placement } from '../types.ts';

export type CollegeInput = z.input<typeof collegeSchema>;
export type CourseInput = CollegeInput['courses'][number];

/** Mon-Fri; periods 1-3 (09-12), lunch, 4-6 (13-16); room R1 (lecture, 60); faculty F1; group G1. */
export function testCollege(over: Partial<CollegeInput>): College {
  return collegeSchema.parse({
    calendar: {},
    periods: [
      { label: '1', start: '09:00', end: '10:00' },
      { label: '2', start: '10:00', end: '11:00' },
      { label: '3', start: '11:00', end: '12:00' },
      { label: '4', start: '13:00', end: '14:00' },
      { label: '5', start: '14:00', end: '15:00' },
      { label: '6', start: '15:00', end: '16:00' },
    ],
    rooms: [{ id: 'R1', name: 'Room 1', capacity: 60 }],
    faculty: [{ id: 'F1', name: 'F1' }],
    groups: [{ id: 'G1', name: 'G1', size: 30 }],
    courses: [],
    ...over,
  });
}

/** [course, session (1-based), day, period, room]; day/period 0-based indices. */
export type Place = [string, number, number, number, string];

/** The placement of `places` (unlocked) on a compiled problem. */
export function placementAt(problem: CompiledProblem, places: Place[]): Placement {
  const assignments = places.map(([courseId, session, day, period, roomId]) => ({
    courseId,
    session,
    day,
    period,
    roomId,
    locked: false,
  }));
  return timetableToPlacement(problem, { assignments });
}

export function evaluateAt(problem: CompiledProblem, places: Place[]): Evaluation {
  return evaluate(problem, placementAt(problem, places));
}

export function evaluateCollege(college: College, places: Place[]): Evaluation {
  return evaluateAt(compile(college), places);
}
