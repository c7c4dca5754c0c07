// Courses `starts`: a session starting at a slot its course does not list counts as
// course_unavailable, once per session, by the full evaluator and the incremental state alike.
import { describe, expect, it } from 'vitest';
import { compile } from '../compiled/compile.ts';
import { IncrementalState } from './incremental/IncrementalState.ts';
import { agreedHard, ones, TWO_ROOMS } from './testing/dayLimitCase.ts';
import { evaluateCollege, placementAt, testCollege, type Place } from './testing/testCollege.ts';
import { HARD_KINDS } from './types.ts';

// Periods 1-3, lunch, 4-6 (indices 0-5): the lab may start at period 1 or 4, any day, or Fri:2.
const labStarts = [0, 1, 2, 3, 4].flatMap((day) => [
  { day, period: 0 },
  { day, period: 3 },
]);
const lab = ones('LAB', 3, { length: 2, starts: [...labStarts, { day: 4, period: 1 }] });

describe('course starts', () => {
  it('keeps sessions at listed starts, anywhere for a course without the list', () => {
    const college = testCollege({
      rooms: TWO_ROOMS,
      courses: [lab, ones('A', 2, { faculty: [], groups: [] })],
    });
    const places: Place[] = [
      ['LAB', 1, 0, 0, 'R1'],
      ['LAB', 2, 2, 3, 'R1'],
      ['LAB', 3, 4, 1, 'R1'],
      ['A', 1, 0, 1, 'R2'],
      ['A', 2, 3, 5, 'R2'],
    ];
    expect(agreedHard(college, places, ['course_unavailable'])).toEqual([0]);
  });

  it('counts each session starting elsewhere once, with a message naming the start', () => {
    const college = testCollege({
      rooms: TWO_ROOMS,
      courses: [{ ...lab, unavailable: [{ day: 1, period: 2 }] }],
    });
    // Tue:2 is not a start (and runs into the unavailable Tue:3: still one count); Wed:5 is not a start.
    const places: Place[] = [
      ['LAB', 1, 0, 3, 'R1'],
      ['LAB', 2, 1, 1, 'R1'],
      ['LAB', 3, 2, 4, 'R1'],
    ];
    expect(agreedHard(college, places, ['course_unavailable'])).toEqual([2]);
    const messages = evaluateCollege(college, places)
      .violations.filter((v) => v.kind === 'course_unavailable')
      .map((v) => v.message);
    expect(messages).toEqual([
      expect.stringContaining('which the course may not use'),
      expect.stringMatching(/starts at Wed.*not in the course's starts/),
    ]);
  });

  it('follows moves in the incremental state', () => {
    const college = testCollege({ rooms: TWO_ROOMS, courses: [lab] });
    const p = compile(college);
    const st = new IncrementalState(p, placementAt(p, [['LAB', 1, 0, 0, 'R1']]));
    const kind = HARD_KINDS.indexOf('course_unavailable');
    expect(st.hard[kind]).toBe(0);
    st.move(0, 1 * p.nPeriods + 1, 0);
    expect(st.hard[kind]).toBe(1);
    st.move(0, 4 * p.nPeriods + 1, 0);
    expect(st.hard[kind]).toBe(0);
  });

  it('takes non-listed starts out of the start domain', () => {
    const p = compile(testCollege({ rooms: TWO_ROOMS, courses: [lab, ones('A', 1)] }));
    const allowed = (c: number): number[] =>
      Array.from({ length: p.nSlots }, (_, t) => t).filter((t) => p.startForbidden[c * p.nSlots + t] === 0);
    expect(allowed(0)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 25, 27]);
    expect(allowed(1)).toHaveLength(p.nSlots);
  });
});
