// FET's min days between activities with "consecutive if on the same day" (tests/fixtures/fet/
// same-day.fet): the days part keeps its weight, the same-day part becomes a hard
// adjacent_if_same_day, as FET keeps it at any weight (0 % included).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { College } from '../../../shared/model/index.ts';
import { importPathDirect } from '../importDirect.ts';
import { importFetDetailed } from './importFet.ts';
import { ruleCosts, type FetPlace } from './testing/ruleCosts.ts';

const FIXTURE = join(import.meta.dirname, '../../../../tests/fixtures/fet/same-day.fet');

async function college(): Promise<College> {
  const result = await importPathDirect(FIXTURE);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  expect(result.warnings).toEqual([]);
  return result.college;
}

describe('FET min days between activities, consecutive if on the same day', () => {
  it('maps the same-day part onto a hard adjacent_if_same_day next to the soft days rule, exactly', async () => {
    const c = await college();
    expect(c.rules).toEqual([
      // 95 % and 50 % over split activity 1-3: one adjacent_if_same_day for both.
      { kind: 'adjacent_if_same_day', courses: ['A1'], hard: true, weight: 1 },
      { kind: 'min_days_apart', courses: ['A1'], hard: false, weight: 95, value: 1 },
      { kind: 'min_days_apart', courses: ['A1'], hard: false, weight: 50, value: 2 },
      // 0 %: the days part counts nothing, the same-day part is kept.
      { kind: 'adjacent_if_same_day', courses: ['A4', 'A5'], hard: true, weight: 1 },
      // 100 %: never on one day, so the same-day part says nothing more.
      { kind: 'different_days', courses: ['A9', 'A10'], hard: true, weight: 1 },
      // Min days 0: FET never looks at the same-day part.
      { kind: 'min_days_between', courses: ['A11', 'A12'], hard: false, weight: 90, value: 0 },
      // One part of split activity 6-7 with activity 8: single sessions.
      { kind: 'adjacent_if_same_day', courses: ['A6#1', 'A8#1'], hard: true, weight: 1 },
      { kind: 'min_days_between', courses: ['A6#1', 'A8#1'], hard: false, weight: 80, value: 1 },
    ]);
    const { build } = await importFetDetailed(FIXTURE);
    expect(build!.kinds.get('ConstraintMinDaysBetweenActivities')).toMatchObject({
      mapped: 6,
      weakened: 0,
      dropped: 0,
    });
  });

  it('scores same-day sessions back to back as kept and a free period between them as hard', async () => {
    const c = await college();
    const spread: FetPlace[] = [
      ['A1', 1, 0, 0],
      ['A1', 2, 2, 0],
      ['A1', 3, 4, 0],
      ['A4', 1, 0, 0],
      ['A5', 1, 1, 0],
      ['A6', 1, 0, 0],
      ['A6', 2, 1, 0],
      ['A8', 1, 2, 0],
      ['A9', 1, 0, 3],
      ['A10', 1, 1, 3],
      ['A11', 1, 3, 0],
      ['A12', 1, 4, 0],
    ];
    const moved = (id: string, session: number, day: number, period: number): FetPlace[] =>
      spread.map((x) => (x[0] === id && x[1] === session ? [id, session, day, period] : x));
    expect(ruleCosts(c, spread)).toEqual({ hard: 0, soft: 0 });
    // A1#2 right after A1#1 on Mon: kept hard, the soft days rules pay.
    expect(ruleCosts(c, moved('A1', 2, 0, 1)).hard).toBe(0);
    expect(ruleCosts(c, moved('A1', 2, 0, 1)).soft).toBeGreaterThan(0);
    // A1#2 at Mon 3, a free period after A1#1: hard.
    expect(ruleCosts(c, moved('A1', 2, 0, 2)).hard).toBe(1);
    // A5 at Mon 2, right after A4 (0 %): kept; at Mon 3: hard, though the days rule weighs 0.
    expect(ruleCosts(c, moved('A5', 1, 0, 1))).toEqual({ hard: 0, soft: 0 });
    expect(ruleCosts(c, moved('A5', 1, 0, 2))).toEqual({ hard: 1, soft: 0 });
    // A8 at Mon 3: two periods after A6#1 (its other session A6#2 is not listed): hard.
    expect(ruleCosts(c, moved('A8', 1, 0, 2)).hard).toBe(1);
    expect(ruleCosts(c, moved('A8', 1, 0, 1)).hard).toBe(0);
    // A12 on A11's day, not back to back: min days 0 asks nothing.
    expect(ruleCosts(c, moved('A12', 1, 3, 2))).toEqual({ hard: 0, soft: 0 });
  });
});
