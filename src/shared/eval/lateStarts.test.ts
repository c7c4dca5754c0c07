import { describe, expect, it } from 'vitest';
import { compile } from '../compiled/compile.ts';
import { IncrementalState } from './incremental/IncrementalState.ts';
import { H } from './incremental/kinds.ts';
import { lateStartExcess, maskStart, startOf } from './lateStarts.ts';
import { placementAt, testCollege, type Place } from './testing/testCollege.ts';
import { agreedHard, at, ones, TWO_ROOMS as rooms } from './testing/dayLimitCase.ts';
import type { College } from '../model/types.ts';

// testCollege: Mon-Fri; periods 1-3 (09-12), lunch, 4-6 (13-16).
/** The hard count of group_max_late_starts, full and incremental (they must agree). */
function late(college: College, places: Place[]): number {
  return agreedHard(college, places, ['group_max_late_starts'])[0];
}

const group = (max: number | undefined): College['groups'] => [
  { id: 'G1', name: 'G1', size: 30, ...(max === undefined ? {} : { maxLateStarts: max }) },
];

describe('max_late_starts: days begin at the first period, at most N at the second', () => {
  const c = (max: number | undefined, n = 5): College =>
    testCollege({ rooms, groups: group(max), courses: [ones('A', n)] });

  it('keeps days beginning at the first period, and days without sessions', () => {
    // Mon, Tue, Wed at period 1 (one of them with a second session later); Thu and Fri free.
    expect(
      late(
        c(0, 4),
        at('A', [
          [0, 0],
          [0, 4],
          [1, 0],
          [2, 0],
        ]),
      ),
    ).toBe(0);
  });

  it('allows N days beginning at the second period, and counts each one more', () => {
    const week: Array<[number, number]> = [
      [0, 1],
      [1, 1],
      [2, 0],
    ];
    expect(late(c(2, 3), at('A', week))).toBe(0);
    expect(late(c(1, 3), at('A', week))).toBe(1);
    expect(late(c(0, 3), at('A', week))).toBe(2);
    expect(late(c(undefined, 3), at('A', week))).toBe(0);
  });

  it('a day beginning at the third period counts 1 on its own, and as a late day', () => {
    // Wed at period 3: 1 for the third period; with a limit of 1 it is also the one late day.
    expect(late(c(1, 1), at('A', [[2, 2]]))).toBe(1);
    // Wed at period 4 (after lunch), Mon at period 2: 1 + (2 late days - limit 1) = 2.
    expect(
      late(
        c(1, 2),
        at('A', [
          [0, 1],
          [2, 3],
        ]),
      ),
    ).toBe(2);
    // WORKBOOK.md's example: limit 1, second period on Mon and Tue, third on Wed: 1 + 2 = 3.
    expect(
      late(
        c(1, 3),
        at('A', [
          [0, 1],
          [1, 1],
          [2, 2],
        ]),
      ),
    ).toBe(3);
  });

  it('periods count by index: a break between the first two periods does not make the second a third', () => {
    const periods = [
      { label: '1', start: '08:00', end: '09:00' },
      { label: '2', start: '09:30', end: '10:30' },
      { label: '3', start: '10:30', end: '11:30' },
    ];
    const college = testCollege({ rooms, periods, groups: group(1), courses: [ones('A', 2)] });
    expect(
      late(
        college,
        at('A', [
          [0, 1],
          [1, 0],
        ]),
      ),
    ).toBe(0);
  });

  it("holds a group's limit for each sub-batch below it, the worst one counted once", () => {
    const college = testCollege({
      rooms,
      faculty: [
        { id: 'F1', name: 'F1' },
        { id: 'F2', name: 'F2' },
      ],
      groups: [
        { id: 'SEC', name: 'SEC', size: 60, maxLateStarts: 0 },
        { id: 'B1', name: 'B1', size: 30, parent: 'SEC' },
        { id: 'B2', name: 'B2', size: 30, parent: 'SEC' },
      ],
      courses: [
        ones('T', 1, { groups: ['SEC'] }),
        ones('L1', 1, { groups: ['B1'], faculty: ['F2'] }),
        ones('L2', 1, { groups: ['B2'], faculty: ['F2'] }),
      ],
    });
    // Mon: T at period 2; L1 at period 1 (B1 begins at the first period), B2 begins at the second.
    expect(
      late(college, [
        ['T', 1, 0, 1, 'R1'],
        ['L1', 1, 0, 0, 'R2'],
        ['L2', 1, 1, 0, 'R2'],
      ]),
    ).toBe(1);
    // Both batches begin late on Mon (L1 moved to Tue): still the worst batch once.
    expect(
      late(college, [
        ['T', 1, 0, 1, 'R1'],
        ['L1', 1, 1, 0, 'R2'],
        ['L2', 1, 2, 0, 'R2'],
      ]),
    ).toBe(1);
  });

  it('the incremental state follows moves in and out of the first period', () => {
    const p = compile(c(0, 2));
    const st = new IncrementalState(
      p,
      placementAt(
        p,
        at('A', [
          [0, 0],
          [1, 0],
        ]),
      ),
    );
    expect(st.hard[H.groupMaxLateStarts]).toBe(0);
    st.move(0, 1, 0); // Mon period 2
    expect(st.hard[H.groupMaxLateStarts]).toBe(1);
    st.move(1, p.nPeriods + 2, 0); // Tue period 3: 1 + 1 late day
    expect(st.hard[H.groupMaxLateStarts]).toBe(3);
    st.move(0, -1, -1); // Mon free
    expect(st.hard[H.groupMaxLateStarts]).toBe(2);
    st.move(1, p.nPeriods, 0); // Tue period 1
    expect(st.hard[H.groupMaxLateStarts]).toBe(0);
  });

  it('startOf, maskStart and lateStartExcess agree', () => {
    for (let mask = 0; mask < 64; mask++) {
      const first = mask === 0 ? -1 : 31 - Math.clz32(mask & -mask);
      expect([mask, maskStart(mask)]).toEqual([mask, startOf(first)]);
    }
    expect(lateStartExcess(3, 0, -1)).toBe(0);
    expect(lateStartExcess(2, 1, 1)).toBe(3);
  });
});
