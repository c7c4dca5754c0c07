import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { testCollege } from '../../../shared/eval/testing/testCollege.ts';
import { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import { placementAt } from '../../../shared/eval/testing/testCollege.ts';
import { endsDayMembers, overWeekGaps, packedDayEnds } from './dayLimits.ts';

/**
 * G1 with `sessions` one-period sessions of A over two six-period days and L (one session a day)
 * that must end G1's day; neither may use Tuesday's last period.
 */
function dayEnds(sessions: number): (number | null)[] | null {
  const p = compile(
    testCollege({
      calendar: { days: ['Mon', 'Tue'] },
      courses: [
        {
          id: 'A',
          name: 'A',
          faculty: ['F1'],
          groups: ['G1'],
          sessions,
          minDays: 0,
          unavailable: [{ day: 1, period: 5 }],
        },
        {
          id: 'L',
          name: 'L',
          faculty: ['F1'],
          groups: ['G1'],
          sessions: 2,
          minDays: 0,
          unavailable: [{ day: 1, period: 5 }],
        },
      ],
      rules: [{ kind: 'ends_day', courses: ['L'], hard: true }],
    }),
  );
  const E = endsDayMembers(p);
  if (E === null) throw new Error('no ends_day rule');
  const end = packedDayEnds(p, E.listed);
  return end === null ? null : [...end];
}

describe('packedDayEnds', () => {
  it("forces a listed course's end to its exactly packed set's last usable period of each day", () => {
    // 9 + 2 sessions fill the 11 periods G1 may use: L ends Monday in period 5, Tuesday in 4;
    // A (not listed) is not forced.
    expect(dayEnds(9)).toEqual([-1, -1, 5, 4]);
  });

  it('forces nothing while the set has a free period', () => {
    expect(dayEnds(8)).toBeNull();
  });
});

describe('overWeekGaps', () => {
  // G1 (no idle period allowed in the week) has A at Monday period 1; a session at period 3 (index
  // 2) opens period 2, idle unless every course of G1 is unavailable then (a lunch hour).
  function opens(lunch: boolean): boolean {
    const unavailable = lunch ? [{ day: 0, period: 1 }] : [];
    const ones = (id: string) => ({
      id,
      name: id,
      faculty: ['F1'],
      groups: ['G1'],
      sessions: 1,
      minDays: 0,
      unavailable,
    });
    const p = compile(
      testCollege({
        groups: [{ id: 'G1', name: 'G1', size: 30, maxGapsPerWeek: 0 }],
        courses: [ones('A'), ones('B')],
      }),
    );
    const st = new IncrementalState(p, placementAt(p, [['A', 1, 0, 0, 'R1']]));
    return overWeekGaps(st, 0, 0, 2, 1, 0);
  }

  it("counts a free period as idle, but not one the set's courses are all unavailable in", () => {
    expect(opens(false)).toBe(true);
    expect(opens(true)).toBe(false);
  });
});
