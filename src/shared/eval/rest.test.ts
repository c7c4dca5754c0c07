import { describe, expect, it } from 'vitest';
import { compile } from '../compiled/compile.ts';
import { IncrementalState } from './incremental/IncrementalState.ts';
import { H } from './incremental/kinds.ts';
import { placementAt, testCollege, type Place } from './testing/testCollege.ts';
import { agreedHard, at, ones, TWO_ROOMS as rooms } from './testing/dayLimitCase.ts';
import type { College } from '../model/types.ts';

// testCollege: Mon-Fri; periods 1-3 (09-12), lunch, 4-6 (13-16).
/** Hard counts of faculty_min_rest and group_min_rest, full and incremental (they must agree). */
function rest(college: College, places: Place[]): { faculty: number; group: number } {
  const [faculty, group] = agreedHard(college, places, ['faculty_min_rest', 'group_min_rest']);
  return { faculty, group };
}

describe('min_rest: free periods from a day last busy period to the next day first', () => {
  const c = (min: number, n: number): College =>
    testCollege({
      rooms,
      faculty: [{ id: 'F1', name: 'F1', minRest: min }],
      groups: [{ id: 'G1', name: 'G1', size: 30, minRest: min }],
      courses: [ones('A', n)],
    });

  it('counts the periods missing between two consecutive days', () => {
    // Mon period 6, Tue period 1: rest 0.
    const late: Place[] = at('A', [
      [0, 5],
      [1, 0],
    ]);
    expect(rest(c(3, 2), late)).toEqual({ faculty: 3, group: 3 });
    // Mon period 5, Tue period 2: rest 1 + 1 = 2 (lunch is no period).
    const mid: Place[] = at('A', [
      [0, 4],
      [1, 1],
    ]);
    expect(rest(c(3, 2), mid)).toEqual({ faculty: 1, group: 1 });
    expect(rest(c(2, 2), mid)).toEqual({ faculty: 0, group: 0 });
  });

  it('a free day rests all its periods; the last day and the first are not a pair', () => {
    // Mon period 6, Wed period 1: Tuesday free between them.
    expect(
      rest(
        c(6, 2),
        at('A', [
          [0, 5],
          [2, 0],
        ]),
      ),
    ).toEqual({ faculty: 0, group: 0 });
    // Fri period 6 and Mon period 1: no wrap round the week.
    expect(
      rest(
        c(6, 2),
        at('A', [
          [0, 0],
          [4, 5],
        ]),
      ),
    ).toEqual({ faculty: 0, group: 0 });
  });

  it('the incremental state follows moves', () => {
    const p = compile(c(4, 2));
    const st = new IncrementalState(
      p,
      placementAt(
        p,
        at('A', [
          [0, 0],
          [1, 5],
        ]),
      ),
    );
    expect(st.hard[H.facultyMinRest]).toBe(0);
    st.move(0, 5, 0); // Mon period 6, Tue period 6: rest 0 + 5
    expect(st.hard[H.facultyMinRest]).toBe(0);
    st.move(1, p.nPeriods, 0); // Tue period 1: rest 0
    expect([st.hard[H.facultyMinRest], st.hard[H.groupMinRest]]).toEqual([4, 4]);
    st.move(0, -1, -1);
    expect([st.hard[H.facultyMinRest], st.hard[H.groupMinRest]]).toEqual([0, 0]);
  });
});
