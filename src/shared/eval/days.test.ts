import { describe, expect, it } from 'vitest';
import { evaluateCollege, placementAt, testCollege } from './testing/testCollege.ts';
import { TWO_ROOMS, at, ones } from './testing/dayLimitCase.ts';
import { compile } from '../compiled/compile.ts';
import { IncrementalState } from './incremental/IncrementalState.ts';
import { H, S } from './incremental/kinds.ts';

const rooms = TWO_ROOMS;

describe('faculty limits and gaps', () => {
  it('counts periods above max_per_day on each day and above max_per_week once', () => {
    const c = testCollege({
      rooms,
      faculty: [{ id: 'F1', name: 'F1', maxPerDay: 2, maxPerWeek: 4 }],
      courses: [ones('A', 6)],
    });
    const e = evaluateCollege(
      c,
      at('A', [
        [0, 0],
        [0, 1],
        [0, 2],
        [0, 3],
        [1, 0],
        [1, 1],
      ]),
    );
    expect(e.hard.faculty_max_per_day).toBe(2);
    expect(e.hard.faculty_max_per_week).toBe(2);
  });

  it('counts days above max_days', () => {
    const c = testCollege({ faculty: [{ id: 'F1', name: 'F1', maxDays: 2 }], courses: [ones('A', 4)] });
    const e = evaluateCollege(
      c,
      at('A', [
        [0, 0],
        [1, 0],
        [2, 0],
        [3, 0],
      ]),
    );
    expect(e.hard.faculty_max_days).toBe(2);
  });

  it('counts idle periods between sessions: hard above max_gaps_per_day, soft faculty_gaps all', () => {
    const c = testCollege({ faculty: [{ id: 'F1', name: 'F1', maxGapsPerDay: 1 }], courses: [ones('A', 3)] });
    // Monday: periods 1, 2 and 5 -> 2 idle periods (3 and 4); the lunch break is not a period.
    const e = evaluateCollege(
      c,
      at('A', [
        [0, 0],
        [0, 1],
        [0, 4],
      ]),
    );
    expect(e.hard.faculty_max_gaps).toBe(1);
    expect(e.soft.faculty_gaps).toBe(2);
  });

  it('does not count a period the faculty member is unavailable in as idle (full and incremental)', () => {
    const c = testCollege({
      faculty: [
        { id: 'F1', name: 'F1', maxGapsPerDay: 0, maxGapsPerWeek: 0, unavailable: [{ day: 0, period: 1 }] },
      ],
      courses: [ones('A', 2)],
    });
    // Monday periods 1 and 4, unavailable in period 2: 1 idle period (3), not 2.
    const places = at('A', [
      [0, 0],
      [0, 3],
    ]);
    const e = evaluateCollege(c, places);
    expect([e.hard.faculty_max_gaps, e.hard.faculty_max_gaps_per_week, e.soft.faculty_gaps]).toEqual([
      1, 1, 1,
    ]);
    expect(e.violations.find((v) => v.kind === 'faculty_max_gaps')?.message).toBe(
      'F1 has 1 idle period between sessions on Mon, more than the limit of 0',
    );
    const p = compile(c);
    const st = new IncrementalState(p, placementAt(p, places));
    expect([st.hard[H.facultyMaxGaps], st.hard[H.facultyMaxGapsPerWeek], st.soft[S.facultyGaps]]).toEqual([
      1, 1, 1,
    ]);
    // Teaching in the unavailable period breaks that rule, and leaves no idle period.
    st.move(p.courseFirstSession[0] + 1, 1, st.room[p.courseFirstSession[0] + 1]);
    expect([st.hard[H.facultyMaxGaps], st.soft[S.facultyGaps], st.hard[H.facultyUnavailable]]).toEqual([
      0, 0, 1,
    ]);
  });
});

describe('group limits, gaps and isolated sessions', () => {
  const groups = [
    { id: 'SEC', name: 'SEC', size: 60, maxPerDay: 3, minPerDay: 2, maxGapsPerDay: 0 },
    { id: 'B1', name: 'B1', size: 30, parent: 'SEC' },
    { id: 'B2', name: 'B2', size: 30, parent: 'SEC' },
  ];
  const faculty = [
    { id: 'F1', name: 'F1' },
    { id: 'F2', name: 'F2' },
  ];

  it("applies a group's max_per_day to each batch below it, counting the worst batch once", () => {
    const c = testCollege({
      rooms,
      faculty,
      groups,
      courses: [
        ones('T', 2, { groups: ['SEC'] }),
        ones('LAB1', 1, { groups: ['B1'], faculty: ['F2'], length: 2 }),
        ones('LAB2', 1, { groups: ['B2'], faculty: ['F2'], length: 2 }),
      ],
    });
    // Monday: T at 1-2, LAB1 at 4-5, LAB2 at 5-6 -> each batch has 4 periods (limit 3).
    const e = evaluateCollege(c, [
      ['T', 1, 0, 0, 'R1'],
      ['T', 2, 0, 1, 'R1'],
      ['LAB1', 1, 0, 3, 'R2'],
      ['LAB2', 1, 0, 4, 'R1'],
    ]);
    expect(e.hard.group_max_per_day).toBe(1);
    expect(e.hard.faculty_clash).toBe(1);
    // B1 idles at period 3 and 6 is the end: gaps 1 for B1 (period 3), B2 has periods 3, 4 idle -> 2.
    expect(e.hard.group_max_gaps).toBe(2);
    expect(e.soft.group_gaps).toBe(1 + 2);
  });

  it('min_per_day counts missing periods on days with teaching only', () => {
    const c = testCollege({ rooms, faculty, groups, courses: [ones('T', 3, { groups: ['SEC'] })] });
    // Monday 2 periods (ok), Tuesday 1 (1 missing), Wednesday-Friday free (allowed).
    const e = evaluateCollege(
      c,
      at('T', [
        [0, 0],
        [0, 1],
        [1, 0],
      ]),
    );
    expect(e.hard.group_min_per_day).toBe(1);
  });

  it('isolated: a session with no neighbour of its group that day costs weight x sessions', () => {
    const c = testCollege({
      rooms,
      faculty,
      courses: [ones('A', 3), ones('LAB', 2, { length: 2, faculty: ['F2'] })],
    });
    const e = evaluateCollege(c, [
      ['A', 1, 0, 0, 'R1'], // Mon 1 + Mon 2: adjacent pair, not isolated
      ['A', 2, 0, 1, 'R1'],
      ['A', 3, 1, 5, 'R1'], // Tue 6 alone: isolated
      ['LAB', 1, 2, 0, 'R1'], // Wed 1-2 alone: one isolated session
      ['LAB', 2, 3, 3, 'R1'], // Thu 4-5 alone: isolated too
    ]);
    expect(e.soft.isolated).toBe(3 * 2);
  });

  it('a lab next to a lecture is not isolated', () => {
    const c = testCollege({
      rooms,
      faculty,
      courses: [ones('A', 1), ones('LAB', 1, { length: 2, faculty: ['F2'] })],
    });
    const e = evaluateCollege(c, [
      ['A', 1, 0, 2, 'R1'],
      ['LAB', 1, 0, 0, 'R2'],
    ]);
    expect(e.soft.isolated).toBe(0);
  });
});

describe('course spread and room stability', () => {
  it('min_days costs weight per missing day; room_stability per extra room', () => {
    const c = testCollege({ rooms, courses: [ones('A', 3, { minDays: 3 })] });
    const e = evaluateCollege(c, [
      ['A', 1, 0, 0, 'R1'],
      ['A', 2, 0, 1, 'R2'],
      ['A', 3, 1, 0, 'R1'],
    ]);
    expect(e.soft.min_days).toBe(5);
    expect(e.soft.room_stability).toBe(1);
  });

  it('min_days defaults to min(sessions, days)', () => {
    const c = testCollege({
      courses: [{ id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 7 }],
    });
    const e = evaluateCollege(
      c,
      at('A', [
        [0, 0],
        [0, 1],
        [0, 2],
        [0, 3],
        [0, 4],
        [0, 5],
        [1, 0],
      ]),
    );
    expect(e.soft.min_days).toBe((5 - 2) * 5);
  });
});

describe('weekly gap limits and faculty minimums', () => {
  // Periods 1-3 (09-12), lunch, 4-6 (13-16). A: Mon periods 1 and 3, Tue period 1, Wed periods 1 and 6.
  const places = at('A', [
    [0, 0],
    [0, 2],
    [1, 0],
    [2, 0],
    [2, 5],
  ]);

  it("counts a faculty member's idle periods of the week above max_gaps_per_week once", () => {
    const c = testCollege({
      rooms,
      faculty: [{ id: 'F1', name: 'F1', maxGapsPerWeek: 2 }],
      courses: [ones('A', 5)],
    });
    const e = evaluateCollege(c, places);
    // Mon 1 + Wed 4 = 5 idle periods, limit 2.
    expect(e.hard.faculty_max_gaps_per_week).toBe(3);
    expect(e.violations.find((v) => v.kind === 'faculty_max_gaps_per_week')?.message).toBe(
      'F1 has 5 idle periods between sessions in the week, more than the limit of 2',
    );
  });

  it('counts the shortfall under min_per_day on each teaching day (a day off is allowed), and under min_days once', () => {
    const c = testCollege({
      rooms,
      faculty: [{ id: 'F1', name: 'F1', minPerDay: 3, minDays: 5 }],
      courses: [ones('A', 5)],
    });
    const e = evaluateCollege(c, places);
    // Mon 2, Tue 1, Wed 2 periods: short 1 + 2 + 1; Thu and Fri off. 3 teaching days of 5.
    expect(e.hard.faculty_min_per_day).toBe(4);
    expect(e.hard.faculty_min_days).toBe(2);
    expect(e.violations.find((v) => v.kind === 'faculty_min_days')?.message).toBe(
      'F1 teaches on 3 days, fewer than the minimum of 5',
    );
  });

  it("counts the worst sub-batch's idle periods of the week above a group's max_gaps_per_week", () => {
    const c = testCollege({
      rooms,
      faculty: [
        { id: 'F1', name: 'F1' },
        { id: 'F2', name: 'F2' },
      ],
      groups: [
        { id: 'G1', name: 'G1', size: 30, maxGapsPerWeek: 1 },
        { id: 'B1', name: 'B1', size: 15, parent: 'G1' },
        { id: 'B2', name: 'B2', size: 15, parent: 'G1' },
      ],
      courses: [ones('A', 5), ones('L', 1, { faculty: ['F2'], groups: ['B1'] })],
    });
    // B1 also has L on Tue period 6: Tue has 4 idle periods for B1, so B1's week has 9.
    const e = evaluateCollege(c, [...places, ['L', 1, 1, 5, 'R2']]);
    expect(e.hard.group_max_gaps_per_week).toBe(8);
  });
});
