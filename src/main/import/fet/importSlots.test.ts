// FET constraints over selected time slots (tests/fixtures/fet/slots.fet): activities occupy max
// time slots from selection becomes max_slots, teacher and students set interval max days per week
// become max_days_in_slots over the teacher's or subgroup's courses.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { College } from '../../../shared/model/index.ts';
import { importFetBytes } from './importFet.ts';
import { ruleCosts, type FetPlace } from './testing/ruleCosts.ts';

const FIXTURE = join(import.meta.dirname, '../../../../tests/fixtures/fet/slots.fet');

async function read() {
  const { result, build } = importFetBytes(await readFile(FIXTURE), 'slots.fet');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { c: result.college, build: build! };
}

const every = (periods: number[]) => [0, 1, 2].flatMap((day) => periods.map((period) => ({ day, period })));

/** Hard rule count with A1's two sessions, A3 (2 hours) and A4 at [day, period]. */
function cost(c: College, a1: Array<[number, number]>, a3: [number, number], a4: [number, number]): number {
  const places: FetPlace[] = [
    ...a1.map(([d, p], k): FetPlace => ['A1', k + 1, d, p]),
    ['A3', 1, ...a3],
    ['A4', 1, ...a4],
  ];
  return ruleCosts(c, places).hard;
}

describe('FET selected time slots', () => {
  it('maps occupy max time slots and both interval max days exactly; a soft one is dropped', async () => {
    const { c, build } = await read();
    expect(c.rules).toEqual([
      {
        kind: 'max_slots',
        courses: ['A1', 'A4'],
        hard: true,
        weight: 1,
        value: 1,
        slots: [
          { day: 0, period: 0 },
          { day: 0, period: 1 },
          { day: 1, period: 0 },
        ],
      },
      // The interval runs from hour 3 to the day's end (an empty end hour).
      {
        kind: 'max_days_in_slots',
        courses: ['A1', 'A3'],
        hard: true,
        weight: 1,
        value: 1,
        slots: every([2, 3]),
      },
      {
        kind: 'max_days_in_slots',
        courses: ['A3', 'A4'],
        hard: true,
        weight: 1,
        value: 1,
        slots: every([0]),
      },
    ]);
    expect(build.kinds.get('ConstraintActivitiesOccupyMaxTimeSlotsFromSelection')).toMatchObject({
      mapped: 1,
      dropped: 1,
    });
    expect(build.kinds.get('ConstraintTeacherIntervalMaxDaysPerWeek')).toMatchObject({
      mapped: 1,
      dropped: 0,
    });
    expect(build.kinds.get('ConstraintStudentsSetIntervalMaxDaysPerWeek')).toMatchObject({
      mapped: 1,
      dropped: 0,
    });
  });

  it('scores a timetable keeping them at 0 and counts each slot or day beyond', async () => {
    const { c } = await read();
    // A1 on Mo 1 (selected) and We 1; A3 on Mo 3-4 (T1's interval, Mo); A4 on We 2: all kept.
    expect(
      cost(
        c,
        [
          [0, 0],
          [2, 0],
        ],
        [0, 2],
        [2, 1],
      ),
    ).toBe(0);
    // A4 on Tu 1 too: two selected slots (1), and Y2 in hour 1 on Tu only (A3 is in hours 3-4): 0.
    expect(
      cost(
        c,
        [
          [0, 0],
          [2, 0],
        ],
        [0, 2],
        [1, 0],
      ),
    ).toBe(1);
    // A1#2 on Tu 3 as well: T1 in its interval on Mo and Tu (1).
    expect(
      cost(
        c,
        [
          [0, 0],
          [1, 2],
        ],
        [0, 2],
        [2, 1],
      ),
    ).toBe(1);
    // A3 on Tu 1-2 and A4 on We 1: Y2 in hour 1 on two days (1); T1 has nothing in hours 3-4 (0).
    expect(
      cost(
        c,
        [
          [0, 0],
          [2, 1],
        ],
        [1, 0],
        [2, 0],
      ),
    ).toBe(1);
  });
});
