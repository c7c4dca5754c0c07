// Rules max_per_day and max_continuous: read with their value, and a bad value refused at its sheet,
// row and column.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCleanFixture, located, withRules } from './testing/rulesSheet.ts';

beforeAll(loadCleanFixture);
const at = located;

describe('Rules max_per_day and max_continuous', () => {
  it('reads them with their value, over one course or several', () => {
    const read = withRules(
      'rule,courses,hard,weight,value\nmax per day,CS201;CS203,,,0\nmax_continuous,CS201#1;CS203,no,3,2\n',
    );
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const [a, b] = read.college.rules;
    expect(a).toMatchObject({ kind: 'max_per_day', courses: ['CS201', 'CS203'], value: 0, hard: true });
    expect(b).toMatchObject({ kind: 'max_continuous', courses: ['CS201#1', 'CS203'], value: 2, hard: false });
    expect(b.weight).toBe(3);
  });

  it('refuses a missing or bad value at its cell, and a slot list', () => {
    const read = withRules(
      'rule,courses,hard,weight,value,slots\nmax_per_day,CS201,,,,\nmax_per_day,CS201,,,1.5,\nmax_continuous,CS201,,,0,\nmax_continuous,CS201,,,2,Mon\n',
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(at(read.errors)).toEqual([
      'Rules:2:value: max_per_day needs a value',
      'Rules:3:value: max_per_day needs a whole number of periods ≥ 0, not "1.5"',
      'Rules:4:value: max_continuous needs a whole number of periods ≥ 1, not "0"',
      'Rules:5:slots: max_continuous reads no slots',
    ]);
  });
});
