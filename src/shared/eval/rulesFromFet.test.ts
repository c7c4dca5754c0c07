// The rule kinds FET files need beyond the first ones: max_days_apart, ends_day and
// same_room_if_consecutive, kept and broken, as WORKBOOK.md counts them.
import { describe, expect, it } from 'vitest';
import type { RuleKind } from '../model/types.ts';
import { evaluateCollege, testCollege, type CollegeInput, type Place } from './testing/testCollege.ts';

const rooms = ['R1', 'R2'].map((id) => ({ id, name: id, capacity: 100 }));
const faculty = ['F1', 'F2', 'F3', 'F4'].map((id) => ({ id, name: id }));
// Section S with two lab batches S-B1 and S-B2, and an unrelated group T.
const groups = [
  { id: 'S', name: 'S', size: 40 },
  { id: 'S-B1', name: 'S-B1', size: 20, parent: 'S' },
  { id: 'S-B2', name: 'S-B2', size: 20, parent: 'S' },
  { id: 'T', name: 'T', size: 30 },
];
/** A (S, 2 periods), B (S-B1), C (S-B2), D (T): 3 sessions each, own faculty. */
const courses: CollegeInput['courses'] = [
  ['A', 'S', 2],
  ['B', 'S-B1', 1],
  ['C', 'S-B2', 1],
  ['D', 'T', 1],
].map(([id, group, length], i) => ({
  id: String(id),
  name: String(id),
  faculty: [faculty[i].id],
  groups: [String(group)],
  sessions: 3,
  length: Number(length),
  minDays: 0,
}));

function cost(kind: RuleKind, list: string[], places: Place[], value?: number): number {
  const college = testCollege({ rooms, faculty, groups, courses, rules: [{ kind, courses: list, value }] });
  return evaluateCollege(college, places).hard.rule;
}

describe('max_days_apart', () => {
  it('counts each pair of sessions (also two of one course) more than value days apart', () => {
    const spread: Place[] = [
      ['B', 1, 0, 0, 'R1'],
      ['B', 2, 2, 0, 'R1'],
      ['D', 1, 1, 0, 'R1'],
    ];
    expect(cost('max_days_apart', ['B', 'D'], spread, 2)).toBe(0);
    // Mon and Wed are 2 days apart: one pair too far with value 1.
    expect(cost('max_days_apart', ['B', 'D'], spread, 1)).toBe(1);
    // Value 0: all on one day; the three pairs are on different days.
    expect(cost('max_days_apart', ['B', 'D'], spread, 0)).toBe(3);
    // Within one course only: B's two sessions.
    expect(cost('max_days_apart', ['B'], spread, 1)).toBe(1);
    // Single sessions: B#1 and D#1 are 1 day apart.
    expect(cost('max_days_apart', ['B#1', 'D#1'], spread, 0)).toBe(1);
    expect(cost('max_days_apart', ['B#1', 'D#1'], spread, 1)).toBe(0);
  });
});

describe('ends_day', () => {
  it('a session of the listed course is the last of its students that day (groups, parents, batches)', () => {
    // A (S, periods 1-2) on Mon; batch B1 at period 3 is later: A does not end S-B1's day.
    expect(
      cost(
        'ends_day',
        ['A'],
        [
          ['A', 1, 0, 0, 'R1'],
          ['B', 1, 0, 2, 'R2'],
        ],
      ),
    ).toBe(1);
    // Earlier sessions, other days and other students do not count.
    expect(
      cost(
        'ends_day',
        ['A'],
        [
          ['A', 1, 0, 2, 'R1'],
          ['B', 1, 0, 0, 'R2'],
          ['C', 1, 1, 5, 'R2'],
          ['D', 1, 0, 5, 'R2'],
        ],
      ),
    ).toBe(0);
    // A batch's session is not the end of the day when its parent section has a later one, but a
    // sibling batch's later session does not concern it.
    expect(
      cost(
        'ends_day',
        ['B'],
        [
          ['B', 1, 0, 1, 'R1'],
          ['C', 1, 0, 4, 'R2'],
        ],
      ),
    ).toBe(0);
    expect(
      cost(
        'ends_day',
        ['B'],
        [
          ['B', 1, 0, 1, 'R1'],
          ['A', 1, 0, 3, 'R2'],
        ],
      ),
    ).toBe(1);
  });

  it('compares where sessions end: one overlapping and ending later breaks it, ending together does not', () => {
    // A covers periods 1-2 (indices 0-1); B at index 1 ends with it (a clash, but not later).
    expect(
      cost(
        'ends_day',
        ['A'],
        [
          ['A', 1, 0, 0, 'R1'],
          ['B', 1, 0, 1, 'R2'],
        ],
      ),
    ).toBe(0);
    // B at index 0 ends before A: B does not end the day, A does.
    expect(
      cost(
        'ends_day',
        ['A', 'B'],
        [
          ['A', 1, 0, 0, 'R1'],
          ['B', 1, 0, 0, 'R2'],
        ],
      ),
    ).toBe(1);
    // After lunch counts as later too (the day, not a block).
    expect(
      cost(
        'ends_day',
        ['B'],
        [
          ['B', 1, 0, 2, 'R1'],
          ['A', 1, 0, 3, 'R2'],
        ],
      ),
    ).toBe(1);
  });

  it('counts 1 per session, however many come later; two sessions of one listed course on one day count', () => {
    expect(
      cost(
        'ends_day',
        ['B'],
        [
          ['B', 1, 0, 0, 'R1'],
          ['A', 1, 0, 1, 'R2'],
          ['B', 2, 0, 3, 'R1'],
          ['A', 2, 0, 4, 'R2'],
        ],
      ),
    ).toBe(2);
    expect(
      cost(
        'ends_day',
        ['B#1'],
        [
          ['B', 1, 0, 0, 'R1'],
          ['B', 2, 0, 3, 'R1'],
        ],
      ),
    ).toBe(1);
    expect(
      cost(
        'ends_day',
        ['B#2'],
        [
          ['B', 1, 0, 0, 'R1'],
          ['B', 2, 0, 3, 'R1'],
        ],
      ),
    ).toBe(0);
  });
});

describe('same_room_if_consecutive', () => {
  it('two sessions back to back (no break between, either order) share a room', () => {
    const at = (roomB: string, periodB: number, periodD = 2): Place[] => [
      ['B', 1, 0, periodB, roomB],
      ['D', 1, 0, periodD, 'R1'],
    ];
    expect(cost('same_room_if_consecutive', ['B', 'D'], at('R1', 1))).toBe(0);
    expect(cost('same_room_if_consecutive', ['B', 'D'], at('R2', 1))).toBe(1);
    // D before B (either order).
    expect(cost('same_room_if_consecutive', ['B', 'D'], at('R2', 3, 2))).toBe(0); // lunch between
    expect(cost('same_room_if_consecutive', ['B', 'D'], at('R2', 5, 4))).toBe(1);
    // A free period between, or another day: no matter which rooms.
    expect(cost('same_room_if_consecutive', ['B', 'D'], at('R2', 0))).toBe(0);
    expect(
      cost(
        'same_room_if_consecutive',
        ['B', 'D'],
        [
          ['B', 1, 1, 1, 'R2'],
          ['D', 1, 0, 2, 'R1'],
        ],
      ),
    ).toBe(0);
  });

  it('pairs sessions of one course too, and a 2-period session ends at its second period', () => {
    expect(
      cost(
        'same_room_if_consecutive',
        ['B'],
        [
          ['B', 1, 0, 0, 'R1'],
          ['B', 2, 0, 1, 'R2'],
        ],
      ),
    ).toBe(1);
    expect(
      cost(
        'same_room_if_consecutive',
        ['A', 'D'],
        [
          ['A', 1, 0, 0, 'R1'],
          ['D', 1, 0, 2, 'R2'],
          ['D', 2, 0, 1, 'R2'],
        ],
      ),
    ).toBe(1);
  });
});

describe('adjacent_if_same_day', () => {
  it('two sessions on one day are back to back (either order, no break between); other days are free', () => {
    const at = (periodB: number, dayB = 0): Place[] => [
      ['B', 1, dayB, periodB, 'R1'],
      ['D', 1, 0, 1, 'R2'],
    ];
    expect(cost('adjacent_if_same_day', ['B', 'D'], at(0))).toBe(0); // B then D
    expect(cost('adjacent_if_same_day', ['B', 'D'], at(2))).toBe(0); // D then B
    expect(cost('adjacent_if_same_day', ['B', 'D'], at(3))).toBe(1); // a free period between
    expect(cost('adjacent_if_same_day', ['B', 'D'], at(1))).toBe(1); // at the same time
    expect(cost('adjacent_if_same_day', ['B', 'D'], at(5, 1))).toBe(0); // another day
    // Periods 3 and 4 (indices 2 and 3) have lunch between them: not back to back.
    expect(
      cost(
        'adjacent_if_same_day',
        ['B', 'D'],
        [
          ['B', 1, 0, 2, 'R1'],
          ['D', 1, 0, 3, 'R2'],
        ],
      ),
    ).toBe(1);
  });

  it('pairs sessions of one course too: three on one day break at least one pair', () => {
    const three: Place[] = [
      ['B', 1, 0, 0, 'R1'],
      ['B', 2, 0, 1, 'R1'],
      ['B', 3, 1, 0, 'R1'],
    ];
    expect(cost('adjacent_if_same_day', ['B'], three)).toBe(0);
    three[2] = ['B', 3, 0, 2, 'R1'];
    // 1-2 and 2-3 are back to back, 1-3 is not.
    expect(cost('adjacent_if_same_day', ['B'], three)).toBe(1);
    // A 2-period session ends at its second period: D#1 right after A (periods 1-2, then 3).
    expect(
      cost(
        'adjacent_if_same_day',
        ['A', 'D'],
        [
          ['A', 1, 0, 0, 'R1'],
          ['D', 1, 0, 2, 'R2'],
          ['D', 2, 0, 1, 'R2'],
        ],
      ),
    ).toBe(1); // A then D#1 and D#2 then D#1 are back to back; D#2 overlaps A, which is not
    // Single sessions: only the named ones pair.
    expect(cost('adjacent_if_same_day', ['B#1', 'B#3'], three)).toBe(1);
    expect(cost('adjacent_if_same_day', ['B#1', 'B#2'], three)).toBe(0);
  });
});
