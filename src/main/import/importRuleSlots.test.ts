// Rules `slots` (max_slots, max_days_in_slots): read as a slot list (a bare period range = every
// day), and each bad cell refused at its sheet, row and column.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCleanFixture, located, withRules } from './testing/rulesSheet.ts';

beforeAll(loadCleanFixture);
const at = located;

describe('Rules slots', () => {
  it('reads max_slots and max_days_in_slots with their slot lists', () => {
    const read = withRules(
      'rule,courses,hard,weight,value,slots\nmax slots,CS201;CS203,,,1,Mon:1-2;Wed:1\nmax_days_in_slots,CS201,no,2,0,2\n',
    );
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const [a, b] = read.college.rules;
    expect(a).toMatchObject({ kind: 'max_slots', value: 1, hard: true });
    expect(a.slots).toEqual([
      { day: 0, period: 0 },
      { day: 0, period: 1 },
      { day: 2, period: 0 },
    ]);
    expect(b).toMatchObject({ kind: 'max_days_in_slots', value: 0, hard: false, weight: 2 });
    expect(b.slots).toEqual(read.college.calendar.days.map((_, day) => ({ day, period: 1 })));
  });

  it('reads min_slots with its slot list; refuses a value below 1 or a missing list, at the cell', () => {
    const read = withRules('rule,courses,hard,weight,value,slots\nmin_slots,CS201;CS203,,,2,Mon:1-2;Tue:1\n');
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.college.rules.map((r) => [r.kind, r.value, r.slots])).toEqual([
      [
        'min_slots',
        2,
        [
          { day: 0, period: 0 },
          { day: 0, period: 1 },
          { day: 1, period: 0 },
        ],
      ],
    ]);
    const bad = withRules(
      'rule,courses,hard,weight,value,slots\nmin_slots,CS201,,,0,Mon:1\nmin_slots,CS201,,,1,\n',
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(at(bad.errors)).toEqual([
      'Rules:2:value: min_slots needs a whole number of slots ≥ 1, not "0"',
      'Rules:3:slots: min_slots needs a slot list',
    ]);
  });

  it('reads the simultaneous, sessions-in-slots and preferred kinds; refuses a bad value or a missing list', () => {
    const read = withRules(
      'rule,courses,hard,weight,value,slots\nmax_simultaneous,CS201;CS203,,,1,Mon:1\nmin_simultaneous_or_none,CS201;CS203,,,2,1-2\npreferred_starts,CS201,no,3,,1\nmax_sessions_in_slots,CS201,,,0,Mon\n',
    );
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.college.rules.map((r) => [r.kind, r.value, r.slots?.length])).toEqual([
      ['max_simultaneous', 1, 1],
      ['min_simultaneous_or_none', 2, 2 * read.college.calendar.days.length],
      ['preferred_starts', undefined, read.college.calendar.days.length],
      ['max_sessions_in_slots', 0, read.college.periods.length],
    ]);
    const bad = withRules(
      'rule,courses,hard,weight,value,slots\nmin_simultaneous,CS201,,,0,Mon:1\npreferred_slots,CS201,no,1,,\n',
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(at(bad.errors)).toEqual([
      'Rules:2:value: min_simultaneous needs a whole number of sessions ≥ 1, not "0"',
      'Rules:3:slots: preferred_slots needs a slot list',
    ]);
  });

  it('refuses a missing value or list, a bad item, and slots on a kind that reads none', () => {
    const read = withRules(
      'rule,courses,hard,weight,value,slots\nmax_slots,CS201,,,,Mon:1\nmax_days_in_slots,CS201,,,-1,\nmax_slots,CS201,,,2,Mon:1;Sun:2\nsame_day,CS201;CS203,,,,Mon\n',
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(at(read.errors)).toEqual([
      'Rules:2:value: max_slots needs a value',
      'Rules:3:value: max_days_in_slots needs a whole number of days ≥ 0, not "-1"',
      'Rules:3:slots: max_days_in_slots needs a slot list',
      'Rules:4:slots: Bad slot list item "Sun:2": unknown day "Sun"',
      'Rules:5:slots: same_day reads no slots',
    ]);
  });
});
