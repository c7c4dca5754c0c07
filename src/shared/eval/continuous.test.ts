import { describe, expect, it } from 'vitest';
import { compile } from '../compiled/compile.ts';
import { blockEndMask, dayRuns, maskRunExcess } from './continuous.ts';
import { testCollege, type Place } from './testing/testCollege.ts';
import { agreedHard, at, ones, TWO_ROOMS as rooms } from './testing/dayLimitCase.ts';
import type { College } from '../model/types.ts';

// testCollege: periods 1-3 (09-12), lunch, 4-6 (13-16).
/** Hard counts of the two kinds, full and incremental (they must agree). */
function counts(college: College, places: Place[]): { faculty: number; group: number } {
  const [faculty, group] = agreedHard(college, places, ['faculty_max_continuous', 'group_max_continuous']);
  return { faculty, group };
}

describe('max_continuous: periods back to back', () => {
  const faculty = (max: number): College['faculty'] => [
    { id: 'F1', name: 'F1', department: '', unavailable: [], maxContinuous: max },
  ];

  it('counts the periods above the limit in a run of one day', () => {
    const c = testCollege({ rooms, faculty: faculty(2), courses: [ones('A', 3)] });
    expect(
      counts(
        c,
        at('A', [
          [0, 0],
          [0, 1],
          [0, 2],
        ]),
      ).faculty,
    ).toBe(1);
    const wide = testCollege({ rooms, faculty: faculty(1), courses: [ones('A', 3)] });
    expect(
      counts(
        wide,
        at('A', [
          [0, 0],
          [0, 1],
          [0, 2],
        ]),
      ).faculty,
    ).toBe(2);
  });

  it('keeps a run up to the limit, and a free period ends a run', () => {
    const c = testCollege({ rooms, faculty: faculty(2), courses: [ones('A', 4)] });
    expect(
      counts(
        c,
        at('A', [
          [0, 0],
          [0, 1],
          [1, 0],
          [1, 1],
        ]),
      ).faculty,
    ).toBe(0);
    // Mon periods 1, 2, (3 free), 4, 5: two runs of 2.
    const c2 = testCollege({ rooms, faculty: faculty(2), courses: [ones('A', 4)] });
    expect(
      counts(
        c2,
        at('A', [
          [0, 0],
          [0, 1],
          [0, 3],
          [0, 4],
        ]),
      ).faculty,
    ).toBe(0);
  });

  it('a break between two periods ends a run (periods 3 and 4 around lunch are two runs)', () => {
    const c = testCollege({ rooms, faculty: faculty(2), courses: [ones('A', 3)] });
    // Periods 3 (11-12), 4 (13-14), 5 (14-15): runs of 1 and 2, kept; without the lunch break it
    // would be one run of 3.
    expect(
      counts(
        c,
        at('A', [
          [0, 2],
          [0, 3],
          [0, 4],
        ]),
      ).faculty,
    ).toBe(0);
    // The whole day: runs 1-3 and 4-6, one period over in each.
    const full = testCollege({ rooms, faculty: faculty(2), courses: [ones('A', 6)] });
    const day: Array<[number, number]> = [0, 1, 2, 3, 4, 5].map((q) => [0, q]);
    expect(counts(full, at('A', day)).faculty).toBe(2);
  });

  it('a multi-period session counts each of its periods; sessions of different courses join a run', () => {
    const c = testCollege({
      rooms,
      faculty: faculty(2),
      courses: [ones('LAB', 1, { length: 2 }), ones('A', 1)],
    });
    expect(
      counts(c, [
        ['LAB', 1, 0, 3, 'R1'],
        ['A', 1, 0, 5, 'R2'],
      ]).faculty,
    ).toBe(1);
  });

  it("holds a group's limit for each batch below it, the worst batch counted once per day", () => {
    const c = testCollege({
      rooms,
      faculty: [
        { id: 'F1', name: 'F1' },
        { id: 'F2', name: 'F2' },
        { id: 'F3', name: 'F3' },
      ],
      groups: [
        { id: 'SEC', name: 'SEC', size: 60, maxContinuous: 2 },
        { id: 'B1', name: 'B1', size: 30, parent: 'SEC' },
        { id: 'B2', name: 'B2', size: 30, parent: 'SEC' },
      ],
      courses: [
        ones('T', 1, { groups: ['SEC'] }),
        ones('L1', 1, { groups: ['B1'], faculty: ['F2'], length: 2 }),
        ones('L2', 1, { groups: ['B2'], faculty: ['F3'], length: 2 }),
      ],
    });
    // Mon: T at 1; L1 at 2-3 (B1 runs 3 periods: 1 over), L2 at 2-3 too (B2 the same): counted once.
    expect(
      counts(c, [
        ['T', 1, 0, 0, 'R1'],
        ['L1', 1, 0, 1, 'R1'],
        ['L2', 1, 0, 1, 'R2'],
      ]).group,
    ).toBe(1);
    // L2 after lunch: B1 still over (1), B2 kept.
    expect(
      counts(c, [
        ['T', 1, 0, 0, 'R1'],
        ['L1', 1, 0, 1, 'R1'],
        ['L2', 1, 0, 3, 'R2'],
      ]).group,
    ).toBe(1);
    // L1 on Tuesday: every batch kept.
    expect(
      counts(c, [
        ['T', 1, 0, 0, 'R1'],
        ['L1', 1, 1, 1, 'R1'],
        ['L2', 1, 0, 3, 'R2'],
      ]).group,
    ).toBe(0);
  });

  it('dayRuns and the bit-mask reading agree on every day of 7 periods with breaks', () => {
    const periods = ['08:00', '09:00', '10:30', '11:30', '12:30', '14:00', '15:00'].map((start, q) => {
      const [h, m] = start.split(':').map(Number);
      const end = `${String(h + 1).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
      return { label: String(q + 1), start, end };
    });
    const p = compile(testCollege({ periods }));
    const ends = blockEndMask(p);
    for (let mask = 0; mask < 1 << 7; mask++) {
      const occ = Array.from({ length: 7 }, (_, q) => (mask >> q) & 1);
      for (let max = 1; max <= 3; max++)
        expect([mask, max, maskRunExcess(mask, ends, max)]).toEqual([
          mask,
          max,
          dayRuns(p, occ, 0, max).excess,
        ]);
    }
  });
});
