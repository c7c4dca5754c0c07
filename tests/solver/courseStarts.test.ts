// Courses `starts` in the solver: a small college where the lists decide the week reaches hard 0,
// with and without the MIP, every session at a listed start; the search model offers no other start.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/shared/compiled/compile.ts';
import { testCollege } from '../../src/shared/eval/testing/testCollege.ts';
import type { College } from '../../src/shared/model/types.ts';
import { buildSearchModel } from '../../src/solver/SearchModel.ts';
import { solve } from '../../src/solver/solve.ts';

const everyDay = (...periods: number[]) =>
  [0, 1, 2, 3, 4].flatMap((day) => periods.map((period) => ({ day, period })));

/**
 * Periods 1-3, lunch, 4-6, five days, one group. The lab may start only at period 4 (so it takes 4-5
 * every day), theory at 1 or 4 (so at 1), the tutorial anywhere (2, 3 or 6 are left).
 */
function college(): College {
  return testCollege({
    rooms: [
      { id: 'R1', name: 'R1', capacity: 60 },
      { id: 'R2', name: 'R2', capacity: 60 },
      { id: 'LAB1', name: 'Lab', capacity: 60, type: 'lab' },
    ],
    faculty: [
      { id: 'F1', name: 'F1' },
      { id: 'F2', name: 'F2' },
      { id: 'F3', name: 'F3' },
    ],
    courses: [
      {
        id: 'LAB',
        name: 'Lab',
        faculty: ['F1'],
        groups: ['G1'],
        sessions: 5,
        length: 2,
        roomType: 'lab',
        starts: everyDay(3),
      },
      { id: 'TH', name: 'Theory', faculty: ['F2'], groups: ['G1'], sessions: 5, starts: everyDay(0, 3) },
      { id: 'TU', name: 'Tutorial', faculty: ['F3'], groups: ['G1'], sessions: 10 },
    ],
  });
}

describe('solver with Courses starts', () => {
  it('offers only listed starts in the search model', () => {
    const p = compile(college());
    const m = buildSearchModel(p, new Uint8Array(p.nSessions), new Uint8Array(p.nSessions));
    const startsOf = (c: number): number[] =>
      Array.from(m.courseStarts.items.subarray(m.courseStarts.offsets[c], m.courseStarts.offsets[c + 1]));
    expect(startsOf(0)).toEqual([3, 9, 15, 21, 27]);
    expect(startsOf(1)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27]);
    expect(startsOf(2)).toHaveLength(30);
  });

  it.each([
    ['without the MIP', ['mip'] as const],
    ['with the MIP', [] as const],
  ])('reaches hard 0 %s, every session at a listed start', async (_name, skip) => {
    const c = college();
    const result = await solve(c, { timeLimitMs: 4000, seed: 1, skipStages: [...skip] });
    expect(result.evaluation.hardTotal).toBe(0);
    for (const a of result.timetable.assignments) {
      const course = c.courses.find((x) => x.id === a.courseId)!;
      if (course.starts) expect(course.starts).toContainEqual({ day: a.day, period: a.period });
    }
    const periods = (id: string): number[] =>
      result.timetable.assignments.filter((a) => a.courseId === id).map((a) => a.period!);
    expect(periods('LAB')).toEqual([3, 3, 3, 3, 3]);
    expect(periods('TH')).toEqual([0, 0, 0, 0, 0]);
  });
});
