// FET activity tag limits (tests/fixtures/fet/tag-limits.fet): max hours daily becomes max_per_day
// and max hours continuously max_continuous, over each teacher's or subgroup's sessions with the tag.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { College } from '../../../shared/model/index.ts';
import { importFetBytes } from './importFet.ts';
import { ruleCosts, type FetPlace } from './testing/ruleCosts.ts';

const FIXTURE = join(import.meta.dirname, '../../../../tests/fixtures/fet/tag-limits.fet');

async function read() {
  const { result, build } = importFetBytes(await readFile(FIXTURE), 'tag-limits.fet');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { c: result.college, build: build! };
}

/**
 * Hard rule count of a timetable: every session placed ([day, period], 0-based; periods 0 and 1,
 * the break, then 2 and 3). A1 (T1, Y1, Lab) twice, A3 (T1, Y2, Lec, 2 hours), A4 (T2, Y1, Lab),
 * A5 (T1, Y1): session 1 Lab, session 2 untagged.
 */
function cost(
  c: College,
  at: Record<'A1#1' | 'A1#2' | 'A3' | 'A4' | 'A5#1' | 'A5#2', [number, number]>,
): number {
  const places: FetPlace[] = Object.entries(at).map(([key, [d, p]]) => {
    const [course, k] = key.split('#');
    return [course, Number(k ?? 1), d, p];
  });
  return ruleCosts(c, places).hard;
}

// T1: one Lab hour a day (A5's untagged session 2 beside it); Y1: no two Lab hours in a row.
const base = {
  'A1#1': [0, 0],
  'A1#2': [1, 0],
  A3: [0, 2],
  A4: [2, 3],
  'A5#1': [2, 0],
  'A5#2': [0, 1],
} satisfies Record<string, [number, number]>;

describe('FET activity tag limits', () => {
  it('maps them over the tagged sessions, leaves out limits no day can reach, a soft one soft', async () => {
    const { c, build } = await read();
    expect(c.rules).toEqual([
      // T1's Lab activities: A1 and A5's first session (its second has no tag).
      { kind: 'max_per_day', courses: ['A1#1', 'A1#2', 'A5#1'], hard: true, weight: 1, value: 1 },
      // Y1's Lab activities, T2's A4 among them.
      { kind: 'max_continuous', courses: ['A1#1', 'A1#2', 'A4#1', 'A5#1'], hard: true, weight: 1, value: 1 },
      // Every subgroup's at 95 %: Y1's Lab activities (Y2 has none), soft at FET's weight.
      { kind: 'max_per_day', courses: ['A1#1', 'A1#2', 'A4#1', 'A5#1'], hard: false, weight: 95, value: 1 },
    ]);
    expect(build.kinds.get('ConstraintTeacherActivityTagMaxHoursDaily')).toMatchObject({
      mapped: 1,
      dropped: 0,
    });
    expect(build.kinds.get('ConstraintStudentsSetActivityTagMaxHoursContinuously')).toMatchObject({
      mapped: 2,
      dropped: 0,
    });
    expect(build.kinds.get('ConstraintTeachersActivityTagMaxHoursDaily')).toMatchObject({
      mapped: 1,
      dropped: 0,
    });
    expect(build.kinds.get('ConstraintStudentsActivityTagMaxHoursDaily')).toMatchObject({
      mapped: 1,
      dropped: 0,
    });
  });

  it('scores a timetable as FET counts the tagged hours', async () => {
    const { c } = await read();
    expect(cost(c, base)).toBe(0);
    // The soft limit: Y1 has two Lab hours on Wednesday (A4 and A5#1), one beyond, at weight 95.
    const soft = (at: typeof base): number =>
      ruleCosts(
        c,
        Object.entries(at).map(([key, [d, p]]): FetPlace => {
          const [course, k] = key.split('#');
          return [course, Number(k ?? 1), d, p];
        }),
      ).soft;
    expect(soft(base)).toBe(95);
    // Three on Tuesday (A1#2, A5#1, A4), two beyond; four Lab hours on three days always leave one.
    expect(soft({ ...base, A4: [1, 3], 'A5#1': [1, 1] })).toBe(2 * 95);
    // Two Lab hours of T1 on Monday (A1#1 and A5#1), not in a row: max_per_day 1.
    expect(cost(c, { ...base, A3: [1, 2], 'A5#1': [0, 2] })).toBe(1);
    // A4 right after A1#1 on Monday: two Lab hours in a row for Y1.
    expect(cost(c, { ...base, A4: [0, 1], 'A5#2': [2, 1] })).toBe(1);
    // A1#1 before the break and A4 after it: FET's break hour ends the run.
    expect(cost(c, { ...base, 'A1#1': [0, 1], A4: [0, 2], 'A5#2': [2, 1] })).toBe(0);
  });
});
