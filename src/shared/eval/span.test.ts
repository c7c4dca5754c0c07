import { describe, expect, it } from 'vitest';
import { compile } from '../compiled/compile.ts';
import { IncrementalState } from './incremental/IncrementalState.ts';
import { H } from './incremental/kinds.ts';
import { placementAt, testCollege, type CourseInput, type Place } from './testing/testCollege.ts';
import { agreedHard, at, ones, TWO_ROOMS as rooms } from './testing/dayLimitCase.ts';
import type { College } from '../model/types.ts';

// testCollege: Mon-Fri; periods 1-3 (09-12), lunch, 4-6 (13-16).
/** Hard counts of faculty_max_span and group_max_span, full and incremental (they must agree). */
function spans(college: College, places: Place[]): { faculty: number; group: number } {
  const [faculty, group] = agreedHard(college, places, ['faculty_max_span', 'group_max_span']);
  return { faculty, group };
}

describe('max_span: periods from the first busy period of a day to its last', () => {
  const c = (max: number, n: number, extra: Partial<CourseInput> = {}): College =>
    testCollege({
      rooms,
      faculty: [{ id: 'F1', name: 'F1', maxSpan: max }],
      groups: [{ id: 'G1', name: 'G1', size: 30, maxSpan: max }],
      courses: [ones('A', n, extra)],
    });

  it('keeps a day within the span, and counts the periods above it on each day', () => {
    const day: Array<[number, number]> = [
      [0, 1],
      [0, 4],
    ];
    // Periods 2 and 5: span 4 (the lunch break between 3 and 4 is no period).
    expect(spans(c(4, 2), at('A', day))).toEqual({ faculty: 0, group: 0 });
    expect(spans(c(3, 2), at('A', day))).toEqual({ faculty: 1, group: 1 });
    expect(spans(c(2, 2), at('A', day))).toEqual({ faculty: 2, group: 2 });
    // Two days over: each counts.
    const week = at('A', [
      [0, 0],
      [0, 5],
      [1, 0],
      [1, 3],
    ]);
    expect(spans(c(3, 4), week)).toEqual({ faculty: 3 + 1, group: 3 + 1 });
  });

  it('a free day and a day of one session keep any limit; a long session is its whole length', () => {
    expect(spans(c(1, 1), at('A', [[2, 5]]))).toEqual({ faculty: 0, group: 0 });
    expect(spans(c(1, 1, { length: 2 }), at('A', [[2, 0]]))).toEqual({ faculty: 1, group: 1 });
  });

  it("holds a group's limit for each batch below it, the worst batch counted once per day", () => {
    const college = testCollege({
      rooms,
      faculty: [
        { id: 'F1', name: 'F1' },
        { id: 'F2', name: 'F2' },
      ],
      groups: [
        { id: 'SEC', name: 'SEC', size: 60, maxSpan: 3 },
        { id: 'B1', name: 'B1', size: 30, parent: 'SEC' },
        { id: 'B2', name: 'B2', size: 30, parent: 'SEC' },
      ],
      courses: [
        ones('T', 1, { groups: ['SEC'] }),
        ones('L1', 1, { groups: ['B1'], faculty: ['F2'] }),
        ones('L2', 1, { groups: ['B2'], faculty: ['F2'] }),
      ],
    });
    // Mon: T at 1, L1 at 5 (B1 spans 5), L2 at 6 (B2 spans 6): the worst, 3 over, once.
    expect(
      spans(college, [
        ['T', 1, 0, 0, 'R1'],
        ['L1', 1, 0, 4, 'R2'],
        ['L2', 1, 0, 5, 'R2'],
      ]).group,
    ).toBe(3);
  });

  it('the incremental state follows moves', () => {
    const p = compile(c(2, 2));
    const st = new IncrementalState(
      p,
      placementAt(
        p,
        at('A', [
          [0, 0],
          [0, 1],
        ]),
      ),
    );
    expect(st.hard[H.facultyMaxSpan]).toBe(0);
    st.move(1, 5, 0); // Mon period 6: span 6
    expect([st.hard[H.facultyMaxSpan], st.hard[H.groupMaxSpan]]).toEqual([4, 4]);
    st.move(0, p.nPeriods, 0); // session 1 to Tue: Mon has one session
    expect([st.hard[H.facultyMaxSpan], st.hard[H.groupMaxSpan]]).toEqual([0, 0]);
  });
});
