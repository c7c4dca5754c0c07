import { describe, expect, it } from 'vitest';
import type { RuleKind } from '../model/types.ts';
import { evaluateCollege, testCollege, type Place } from './testing/testCollege.ts';

const rooms = ['R1', 'R2', 'R3'].map((id) => ({ id, name: id, capacity: 100 }));
const faculty = ['F1', 'F2', 'F3'].map((id) => ({ id, name: id }));
const groups = ['G1', 'G2', 'G3'].map((id) => ({ id, name: id, size: 10 }));
/** Courses A, B, C with 2 sessions each, separate faculty, groups and (by default) rooms. */
const courses = ['A', 'B', 'C'].map((id, i) => ({
  id,
  name: id,
  faculty: [faculty[i].id],
  groups: [groups[i].id],
  sessions: 2,
  minDays: 0,
}));

function ruleCost(
  kind: RuleKind,
  list: string[],
  places: Place[],
  extra: { hard?: boolean; weight?: number; value?: number } = {},
): { hard: number; soft: number } {
  const college = testCollege({
    rooms,
    faculty,
    groups,
    courses,
    rules: [{ kind, courses: list, ...extra }],
  });
  const e = evaluateCollege(college, places);
  return { hard: e.hard.rule, soft: e.soft.soft_rule };
}

// day, period per session k of A and B (rooms R1 for A, R2 for B).
const ab = (a: Array<[number, number]>, b: Array<[number, number]>): Place[] => [
  ...a.map(([d, p], k): Place => ['A', k + 1, d, p, 'R1']),
  ...b.map(([d, p], k): Place => ['B', k + 1, d, p, 'R2']),
];

describe('rules', () => {
  it('same_time: session k with session k', () => {
    expect(
      ruleCost(
        'same_time',
        ['A', 'B'],
        ab(
          [
            [0, 0],
            [1, 0],
          ],
          [
            [0, 0],
            [1, 1],
          ],
        ),
      ).hard,
    ).toBe(1);
  });

  it('not_overlapping: one per overlapping pair', () => {
    expect(
      ruleCost(
        'not_overlapping',
        ['A', 'B'],
        ab(
          [
            [0, 0],
            [1, 0],
          ],
          [
            [1, 0],
            [0, 0],
          ],
        ),
      ).hard,
    ).toBe(2);
  });

  it('different_days: one per pair of sessions on one day', () => {
    // A on Mon, Tue; B on Mon, Wed: pairs on Mon = (A1, B1).
    expect(
      ruleCost(
        'different_days',
        ['A', 'B'],
        ab(
          [
            [0, 0],
            [1, 0],
          ],
          [
            [0, 3],
            [2, 0],
          ],
        ),
      ).hard,
    ).toBe(1);
  });

  it('same_day: session k on the first course session k day', () => {
    expect(
      ruleCost(
        'same_day',
        ['A', 'B'],
        ab(
          [
            [0, 0],
            [1, 0],
          ],
          [
            [0, 4],
            [2, 0],
          ],
        ),
      ).hard,
    ).toBe(1);
  });

  it('consecutive: B session k starts right when A session k ends, same day', () => {
    expect(
      ruleCost(
        'consecutive',
        ['A', 'B'],
        ab(
          [
            [0, 0],
            [1, 0],
          ],
          [
            [0, 1],
            [1, 2],
          ],
        ),
      ).hard,
    ).toBe(1);
  });

  it('ordered: A session k ends no later than B session k starts', () => {
    expect(
      ruleCost(
        'ordered',
        ['A', 'B'],
        ab(
          [
            [0, 1],
            [2, 0],
          ],
          [
            [0, 3],
            [1, 0],
          ],
        ),
      ).hard,
    ).toBe(1);
  });

  it('min_days_apart: pairs of one course fewer than value days apart', () => {
    expect(
      ruleCost(
        'min_days_apart',
        ['A', 'B'],
        ab(
          [
            [0, 0],
            [1, 0],
          ],
          [
            [0, 0],
            [2, 0],
          ],
        ),
        { value: 2 },
      ).hard,
    ).toBe(1);
  });

  it('same_room: distinct rooms minus one', () => {
    expect(
      ruleCost(
        'same_room',
        ['A', 'B'],
        ab(
          [
            [0, 0],
            [1, 0],
          ],
          [
            [2, 0],
            [3, 0],
          ],
        ),
      ).hard,
    ).toBe(1);
  });

  it('a soft rule costs soft_rule x its weight per violation and no hard count', () => {
    const r = ruleCost(
      'same_room',
      ['A', 'B', 'C'],
      [
        ...ab(
          [
            [0, 0],
            [1, 0],
          ],
          [
            [2, 0],
            [3, 0],
          ],
        ),
        ['C', 1, 4, 0, 'R3'],
        ['C', 2, 4, 1, 'R3'],
      ],
      {
        hard: false,
        weight: 4,
      },
    );
    expect(r).toEqual({ hard: 0, soft: 2 * 4 });
  });

  it('min_days_between: pairs of sessions of different courses fewer than value days apart, not pairs within a course', () => {
    // A's two sessions share a day (min_days_apart's business, not this rule's); B is 3 and 4 days away.
    const apart = ab(
      [
        [0, 0],
        [0, 1],
      ],
      [
        [3, 0],
        [4, 0],
      ],
    );
    expect(ruleCost('min_days_between', ['A', 'B'], apart, { value: 2 }).hard).toBe(0);
    // value 4: both of A's sessions are 3 days from B's first (4 from its second is enough).
    expect(ruleCost('min_days_between', ['A', 'B'], apart, { value: 4 }).hard).toBe(2);
    const close = ab(
      [
        [0, 0],
        [2, 0],
      ],
      [
        [1, 0],
        [4, 0],
      ],
    );
    // (0,1) and (2,1) are 1 day apart; (0,4) and (2,4) far enough.
    expect(ruleCost('min_days_between', ['A', 'B'], close, { value: 2 }).hard).toBe(2);
  });

  it('same_period: session k of each course starts in the same period, on any day', () => {
    const places = ab(
      [
        [0, 0],
        [1, 2],
      ],
      [
        [3, 0],
        [2, 1],
      ],
    );
    expect(ruleCost('same_period', ['A', 'B'], places).hard).toBe(1);
    expect(ruleCost('same_time', ['A', 'B'], places).hard).toBe(2);
  });

  it('adjacent: sessions k back to back in either order, same day, no break between', () => {
    const places = ab(
      [
        [0, 1],
        [1, 2],
      ],
      [
        [0, 0],
        [1, 3],
      ],
    );
    // k=1: B right before A (fine either way); k=2: lunch between A's 11:00 and B's 13:00.
    expect(ruleCost('adjacent', ['A', 'B'], places).hard).toBe(1);
    expect(ruleCost('consecutive', ['A', 'B'], places).hard).toBe(2);
    expect(
      ruleCost(
        'adjacent',
        ['A', 'B'],
        ab(
          [
            [0, 1],
            [2, 4],
          ],
          [
            [0, 2],
            [2, 3],
          ],
        ),
      ).hard,
    ).toBe(0);
  });

  it('skips sessions that are not placed', () => {
    expect(ruleCost('same_time', ['A', 'B'], ab([[0, 0]], [[1, 0]])).hard).toBe(1);
  });

  it('course_id#k names one session: two sessions of one course related to each other', () => {
    // A's sessions 1 and 2: back to back on Monday (kept), then apart (broken).
    const kept = ab(
      [
        [0, 1],
        [0, 2],
      ],
      [],
    );
    const apart = ab(
      [
        [0, 1],
        [1, 2],
      ],
      [],
    );
    expect(ruleCost('consecutive', ['A#1', 'A#2'], kept).hard).toBe(0);
    expect(ruleCost('consecutive', ['A#2', 'A#1'], kept).hard).toBe(1);
    expect(ruleCost('adjacent', ['A#2', 'A#1'], kept).hard).toBe(0);
    expect(ruleCost('consecutive', ['A#1', 'A#2'], apart).hard).toBe(1);
    expect(ruleCost('same_period', ['A#1', 'A#2'], kept).hard).toBe(1);
    expect(
      ruleCost(
        'same_period',
        ['A#1', 'A#2'],
        ab(
          [
            [0, 1],
            [3, 1],
          ],
          [],
        ),
      ).hard,
    ).toBe(0);
    expect(ruleCost('min_days_between', ['A#1', 'A#2'], kept, { value: 1 }).hard).toBe(1);
    expect(ruleCost('min_days_between', ['A#1', 'A#2'], apart, { value: 1 }).hard).toBe(0);
    expect(ruleCost('min_days_between', ['A#1', 'A#2'], apart, { value: 2 }).hard).toBe(1);
    // Only the named session counts: B's session 2 is not on A's session 1's day.
    const withB = ab(
      [[0, 1]],
      [
        [1, 1],
        [0, 3],
      ],
    );
    expect(ruleCost('same_day', ['A#1', 'B#2'], withB).hard).toBe(0);
    expect(ruleCost('same_day', ['A#1', 'B#1'], withB).hard).toBe(1);
    // A whole course beside a single session: B's two sessions against A's session 1.
    expect(ruleCost('min_days_between', ['A#1', 'B'], withB, { value: 1 }).hard).toBe(1);
    expect(
      ruleCost(
        'not_overlapping',
        ['A#1', 'B'],
        ab(
          [[0, 1]],
          [
            [0, 1],
            [0, 2],
          ],
        ),
      ).hard,
    ).toBe(1);
  });

  it('course_id#k: an unknown session, or a session named twice, is refused when compiling', () => {
    expect(() => ruleCost('consecutive', ['A#1', 'A#3'], [])).toThrow(/A#3, but A has 2 sessions/);
    expect(() => ruleCost('same_day', ['A#1', 'A#01'], [])).toThrow(/session 1 of A is listed twice/);
    expect(() => ruleCost('same_day', ['A', 'A#2'], [])).toThrow(/listed both whole and by session/);
  });

  it('min_gap: sessions of one day at least value free periods apart, by period index', () => {
    // A at period 1 (index 0), B at index 2: one free period between (index 1).
    expect(ruleCost('min_gap', ['A', 'B'], ab([[0, 0]], [[0, 2]]), { value: 1 }).hard).toBe(0);
    expect(ruleCost('min_gap', ['A', 'B'], ab([[0, 0]], [[0, 2]]), { value: 2 }).hard).toBe(1);
    // Back to back, overlapping, or on another day.
    expect(ruleCost('min_gap', ['A', 'B'], ab([[0, 1]], [[0, 2]]), { value: 1 }).hard).toBe(1);
    expect(ruleCost('min_gap', ['A', 'B'], ab([[0, 1]], [[0, 1]]), { value: 1 }).hard).toBe(1);
    expect(ruleCost('min_gap', ['A', 'B'], ab([[0, 1]], [[1, 2]]), { value: 1 }).hard).toBe(0);
    // The lunch break between index 2 (11:00) and index 3 (13:00) is no period: back to back here.
    expect(ruleCost('min_gap', ['A', 'B'], ab([[0, 2]], [[0, 3]]), { value: 1 }).hard).toBe(1);
    // Two sessions of one course count too, and so does the later-listed one starting first.
    expect(
      ruleCost(
        'min_gap',
        ['A'],
        ab(
          [
            [0, 4],
            [0, 3],
          ],
          [],
        ),
        { value: 1 },
      ).hard,
    ).toBe(1);
    expect(
      ruleCost(
        'min_gap',
        ['A#1', 'B#2'],
        ab(
          [[0, 0]],
          [
            [3, 3],
            [0, 1],
          ],
        ),
        { value: 1 },
      ).hard,
    ).toBe(1);
  });

  it('consecutive_across_break and adjacent_across_break: the next period by index, a break between allowed', () => {
    // A ends at 11:00 (index 2), B starts at 13:00 (index 3) after lunch: only the across-break rules hold.
    const lunch = ab([[0, 2]], [[0, 3]]);
    expect(ruleCost('consecutive', ['A', 'B'], lunch).hard).toBe(1);
    expect(ruleCost('consecutive_across_break', ['A', 'B'], lunch).hard).toBe(0);
    expect(ruleCost('adjacent_across_break', ['B', 'A'], lunch).hard).toBe(0);
    expect(ruleCost('consecutive_across_break', ['B', 'A'], lunch).hard).toBe(1);
    // A free period between, or another day: broken.
    expect(ruleCost('consecutive_across_break', ['A', 'B'], ab([[0, 1]], [[0, 3]])).hard).toBe(1);
    expect(ruleCost('adjacent_across_break', ['A', 'B'], ab([[0, 2]], [[1, 3]])).hard).toBe(1);
  });
});
