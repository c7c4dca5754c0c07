// FET's simultaneous activities in selected time slots, max total activities from a set in them,
// and soft preferred times (tests/fixtures/fet/simultaneous.fet): max_simultaneous,
// min_simultaneous(_or_none), max_sessions_in_slots, and soft preferred_starts / preferred_slots.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { College } from '../../../shared/model/index.ts';
import { importFetBytes } from './importFet.ts';
import { ruleCosts, type FetPlace } from './testing/ruleCosts.ts';

const FIXTURE = join(import.meta.dirname, '../../../../tests/fixtures/fet/simultaneous.fet');

async function read() {
  const { result, build } = importFetBytes(await readFile(FIXTURE), 'simultaneous.fet');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { c: result.college, build: build! };
}

const at = (day: number, period: number) => ({ day, period });

/**
 * Every hard rule kept: A1 on Mo 1 and Tu 1, A3 on Tu 3-4, A4 on We 1, A5 on We 4 (Tu 1 and Tu 2
 * empty, which the first minimum allows; the second wants A5 in We 4).
 */
const KEPT: FetPlace[] = [
  ['A1', 1, 0, 0],
  ['A1', 2, 1, 0],
  ['A3', 1, 1, 2],
  ['A4', 1, 2, 0],
  ['A5', 1, 2, 3],
];

/** KEPT with some sessions moved. */
const moved = (...xs: FetPlace[]): FetPlace[] =>
  KEPT.map((p) => xs.find((x) => x[0] === p[0] && x[1] === p[1]) ?? p);

const costs = (c: College, places: FetPlace[]) => ruleCosts(c, places);

describe('FET simultaneous activities and soft preferred times', () => {
  it('maps each constraint to its rule, exactly', async () => {
    const { c, build } = await read();
    expect(c.rules).toEqual([
      {
        kind: 'max_simultaneous',
        courses: ['A1', 'A3', 'A4', 'A5'],
        hard: true,
        weight: 1,
        value: 1,
        slots: [at(0, 0), at(0, 1)],
      },
      {
        kind: 'min_simultaneous_or_none',
        courses: ['A3', 'A4', 'A5'],
        hard: true,
        weight: 1,
        value: 2,
        slots: [at(1, 0), at(1, 1)],
      },
      { kind: 'min_simultaneous', courses: ['A5'], hard: true, weight: 1, value: 1, slots: [at(2, 3)] },
      {
        kind: 'max_sessions_in_slots',
        courses: ['A1', 'A4'],
        hard: true,
        weight: 1,
        value: 1,
        slots: [at(2, 0), at(2, 1)],
      },
      { kind: 'preferred_starts', courses: ['A1'], hard: false, weight: 80, slots: [at(0, 0), at(1, 0)] },
      {
        kind: 'preferred_slots',
        courses: ['A3'],
        hard: false,
        weight: 90,
        slots: [at(0, 2), at(0, 3), at(1, 2), at(1, 3)],
      },
      { kind: 'preferred_starts', courses: ['A5'], hard: false, weight: 50, slots: [at(2, 0)] },
    ]);
    for (const kind of [
      'ConstraintActivitiesMaxSimultaneousInSelectedTimeSlots',
      'ConstraintActivitiesMinSimultaneousInSelectedTimeSlots',
      'ConstraintMaxTotalActivitiesFromSetInSelectedTimeSlots',
      'ConstraintActivitiesPreferredStartingTimes',
      'ConstraintActivityPreferredTimeSlots',
      'ConstraintActivityPreferredStartingTime',
    ])
      expect(build.kinds.get(kind), kind).toMatchObject({ weakened: 0, dropped: 0 });
  });

  it('scores a timetable keeping them at 0 and counts each break as the rules say', async () => {
    const { c } = await read();
    // A5 off its preferred We 1 start: soft 50 (1 x weight 50; soft_rule weight 1).
    expect(costs(c, KEPT)).toEqual({ hard: 0, soft: 50 });
    // A4 on Mo 1 with A1#1: two at once in a selected slot (1); A4 leaves We 1-2 (still 1 of the set).
    expect(costs(c, moved(['A4', 1, 0, 0])).hard).toBe(1);
    // A3 on Tu 1-2 alone: each of Tu 1 and Tu 2 holds 1 of the 2 needed (2); it also runs outside
    // its preferred slots (soft 90).
    expect(costs(c, moved(['A3', 1, 1, 0]))).toEqual({ hard: 2, soft: 50 + 90 });
    // A4 joins A3 on Tu 1: Tu 1 holds 2, Tu 2 holds 1 (1); A4 leaves the We set.
    expect(costs(c, moved(['A3', 1, 1, 0], ['A4', 1, 1, 0])).hard).toBe(1);
    // A5 off We 4: the slot with no empty-slot allowance is empty (1).
    expect(costs(c, moved(['A5', 1, 2, 0])).hard).toBe(1);
    // A1#2 on We 2 with A4 on We 1: two of the set in We 1-2 (1), and A1#2 off its preferred starts (80).
    expect(costs(c, moved(['A1', 2, 2, 1]))).toEqual({ hard: 1, soft: 50 + 80 });
  });
});
