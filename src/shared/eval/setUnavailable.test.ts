import { describe, expect, it } from 'vitest';
import { testCollege, placementAt, type Place } from './testing/testCollege.ts';
import { TWO_ROOMS, ones } from './testing/dayLimitCase.ts';
import { compile } from '../compiled/compile.ts';
import { setUnavailable } from '../compiled/setUnavailable.ts';
import { evaluate } from './evaluate.ts';
import { IncrementalState } from './incremental/IncrementalState.ts';
import { H, S } from './incremental/kinds.ts';
import { limitFindings } from '../editor/limits.ts';
import { idNaming } from '../editor/naming.ts';

// G1 has lunch at Mon period 2 (index 1): both its courses are unavailable then (as a FET file's
// students-set not-available hour arrives). Sessions at Mon periods 1 and 3 leave period 2 free.
const lunch = [{ day: 0, period: 1 }];
const college = (extraCourse = false) =>
  testCollege({
    rooms: TWO_ROOMS,
    groups: [{ id: 'G1', name: 'G1', size: 30, maxGapsPerDay: 0, maxGapsPerWeek: 0 }],
    courses: [
      ones('A', 1, { unavailable: lunch }),
      ones('B', 1, { unavailable: lunch }),
      ...(extraCourse ? [ones('C', 1, { groups: ['G1'] })] : []),
    ],
  });
const places: Place[] = [
  ['A', 1, 0, 0, 'R1'],
  ['B', 1, 0, 2, 'R1'],
];

function counts(extraCourse: boolean, where: Place[]): { full: number[]; inc: number[] } {
  const p = compile(college(extraCourse));
  const placement = placementAt(p, where);
  const e = evaluate(p, placement);
  const st = new IncrementalState(p, placement);
  return {
    full: [e.hard.group_max_gaps, e.hard.group_max_gaps_per_week, e.soft.group_gaps],
    inc: [st.hard[H.groupMaxGaps], st.hard[H.groupMaxGapsPerWeek], st.soft[S.groupGaps]],
  };
}

describe("a student set's unavailable periods are not idle time", () => {
  it('marks the periods every course of the set is unavailable in, and no others', () => {
    const p = compile(college());
    expect([...p.setUnavailable].flatMap((v, t) => (v ? [t] : []))).toEqual([1]);
    // A course of the set that may be taught then: the set could be busy, so the period is idle.
    expect([...compile(college(true)).setUnavailable].some((v) => v === 1)).toBe(false);
    // A set with no course has no unavailable period.
    expect(
      setUnavailable(1, { offsets: Int32Array.of(0, 0), items: new Int32Array(0) }, Uint8Array.of(1), 1),
    ).toEqual(Uint8Array.of(0));
  });

  it('leaves the lunch period out of the gap limits and the gap cost (full and incremental agree)', () => {
    const lunchOnly = counts(false, places);
    expect(lunchOnly.full).toEqual([0, 0, 0]);
    expect(lunchOnly.inc).toEqual(lunchOnly.full);
    // Period 4 (index 3) instead of 3: periods 2 (lunch, not idle) and 3 (idle) between.
    const moved = counts(false, [places[0], ['B', 1, 0, 3, 'R1']]);
    expect(moved.full).toEqual([1, 1, 1]);
    expect(moved.inc).toEqual(moved.full);
    // With a course of G1 allowed at period 2, the free period 2 is idle again.
    const idle = counts(true, [...places, ['C', 1, 1, 0, 'R1']]);
    expect(idle.full).toEqual([1, 1, 1]);
    expect(idle.inc).toEqual(idle.full);
  });

  it('the editor reads the gaps the same way', () => {
    const p = compile(college());
    const texts = (where: Place[]): string[] => {
      const st = new IncrementalState(p, placementAt(p, where));
      return [...limitFindings(st, [0, 1], idNaming(p)).values()].map((f) => f.text);
    };
    expect(texts(places)).toEqual([]);
    expect(texts([places[0], ['B', 1, 0, 3, 'R1']]).length).toBeGreaterThan(0);
  });
});
