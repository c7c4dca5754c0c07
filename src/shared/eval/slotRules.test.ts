// max_slots, min_slots, max_days_in_slots and the other kinds over a rule's slot list, kept and broken, as WORKBOOK.md counts
// them; the incremental evaluator counts the same.
import { describe, expect, it } from 'vitest';
import { compile } from '../compiled/compile.ts';
import type { RuleKind, SlotRef } from '../model/types.ts';
import { IncrementalState } from './incremental/IncrementalState.ts';
import { H, S } from './incremental/kinds.ts';
import { evaluateAt, placementAt, testCollege, type Place } from './testing/testCollege.ts';

/** A (3 one-period sessions, G1), L (a 2-period session, G2); five days of four periods. */
function counts(
  kind: RuleKind,
  list: string[],
  places: Place[],
  value: number,
  slots: SlotRef[],
  hard = true,
): { hard: number; soft: number; messages: string[] } {
  const p = compile(
    testCollege({
      periods: ['1', '2', '3', '4'].map((label, i) => ({
        label,
        start: `${String(9 + i).padStart(2, '0')}:00`,
        end: `${String(10 + i).padStart(2, '0')}:00`,
      })),
      rooms: [{ id: 'R1', name: 'R1', capacity: 60 }],
      faculty: ['F1', 'F2'].map((id) => ({ id, name: id })),
      groups: ['G1', 'G2'].map((id) => ({ id, name: id, size: 30 })),
      courses: [
        { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 3, minDays: 0 },
        { id: 'L', name: 'L', faculty: ['F2'], groups: ['G2'], sessions: 1, length: 2, minDays: 0 },
      ],
      rules: [{ kind, courses: list, value, slots, hard, weight: 2 }],
    }),
  );
  const full = evaluateAt(p, places);
  const inc = new IncrementalState(p, placementAt(p, places));
  expect(inc.hard[H.rule]).toBe(full.hard.rule);
  expect(inc.soft[S.softRule]).toBe(full.soft.soft_rule ?? 0);
  return {
    hard: full.hard.rule,
    soft: full.soft.soft_rule ?? 0,
    messages: (full.violations ?? [])
      .filter((v) => v.kind === 'rule' || v.kind === 'soft_rule')
      .map((v) => v.message),
  };
}

const at = (day: number, period: number): SlotRef => ({ day, period });
/** Periods from..to (0-based) on every one of the five days: FET's interval. */
const everyDay = (from: number, to: number): SlotRef[] =>
  [0, 1, 2, 3, 4].flatMap((d) => Array.from({ length: to - from + 1 }, (_, k) => at(d, from + k)));

// A on Mon 1, Mon 2 and Wed 1; L on Tue 2-3 (covering periods 2 and 3).
const week: Place[] = [
  ['A', 1, 0, 0, 'R1'],
  ['A', 2, 0, 1, 'R1'],
  ['A', 3, 2, 0, 'R1'],
  ['L', 1, 1, 1, 'R1'],
];

describe('max_slots', () => {
  it('counts each listed slot the sessions cover beyond value, a slot once', () => {
    const listed = [at(0, 0), at(0, 1), at(1, 2), at(2, 0), at(4, 3)];
    // A covers Mon 1, Mon 2, Wed 1 of the list; L covers Tue 3 (its second period) too.
    expect(counts('max_slots', ['A'], week, 3, listed).hard).toBe(0);
    expect(counts('max_slots', ['A'], week, 1, listed).hard).toBe(2);
    expect(counts('max_slots', ['A', 'L'], week, 3, listed).hard).toBe(1);
    expect(counts('max_slots', ['A', 'L'], week, 0, listed).hard).toBe(4);
    // Slots off the list are free; a single session as a member.
    expect(counts('max_slots', ['A#3', 'L'], week, 1, [at(2, 0), at(3, 0)]).hard).toBe(0);
    expect(counts('max_slots', ['A#3', 'L'], week, 1, [at(2, 0), at(1, 1)]).hard).toBe(1);
  });

  it('counts one slot once when two sessions cover it, and a listed course once', () => {
    const twice: Place[] = [
      ['A', 1, 0, 1, 'R1'],
      ['L', 1, 0, 1, 'R1'],
    ];
    // A#1 and L both on Mon 2 (a clash, but one listed slot for this rule); L also Mon 3.
    expect(counts('max_slots', ['A', 'L'], twice, 1, [at(0, 1)]).hard).toBe(0);
    expect(counts('max_slots', ['A', 'L', 'A'], twice, 1, [at(0, 1), at(0, 2)]).hard).toBe(1);
  });

  it('soft: weighted, and named in the violation', () => {
    const r = counts('max_slots', ['A'], week, 1, [at(0, 0), at(0, 1), at(2, 0)], false);
    expect(r.hard).toBe(0);
    expect(r.soft).toBe(2 * 2);
    expect(r.messages).toEqual([
      "rule 1 (max_slots, soft): A (session 1), A (session 2), A (session 3) cover too many of the rule's slots (at most 1)",
    ]);
  });
});

describe('max_days_in_slots', () => {
  it('counts each day with a covered listed slot beyond value', () => {
    // Periods 1-2 every day: A on Mon and Wed, L (periods 2-3) on Tue.
    expect(counts('max_days_in_slots', ['A', 'L'], week, 3, everyDay(0, 1)).hard).toBe(0);
    expect(counts('max_days_in_slots', ['A', 'L'], week, 2, everyDay(0, 1)).hard).toBe(1);
    expect(counts('max_days_in_slots', ['A', 'L'], week, 1, everyDay(0, 1)).hard).toBe(2);
    // Period 3 only: L covers it with its second period; A never does.
    expect(counts('max_days_in_slots', ['A', 'L'], week, 0, everyDay(2, 2)).hard).toBe(1);
    expect(counts('max_days_in_slots', ['A'], week, 0, everyDay(2, 3)).hard).toBe(0);
    // Two sessions in the list on one day count one day.
    expect(counts('max_days_in_slots', ['A'], week, 1, [at(0, 0), at(0, 1), at(2, 3)]).hard).toBe(0);
  });
});

// A on Mon 1, Mon 2 and Wed 1; L on Tue 2-3; a second A-like pile-up on Mon 1 below.
describe('max_simultaneous', () => {
  it('counts, per listed slot, each session beyond value covering it', () => {
    const pile: Place[] = [
      ['A', 1, 0, 0, 'R1'],
      ['A', 2, 2, 0, 'R1'],
      ['L', 1, 0, 0, 'R1'],
    ];
    // Mon 1 holds A#1 and L (its first period); Mon 2 holds L's second period; Wed 1 holds A#2.
    expect(counts('max_simultaneous', ['A', 'L'], pile, 2, [at(0, 0), at(0, 1)]).hard).toBe(0);
    expect(counts('max_simultaneous', ['A', 'L'], pile, 1, [at(0, 0), at(0, 1)]).hard).toBe(1);
    expect(counts('max_simultaneous', ['A', 'L'], pile, 0, [at(0, 0), at(0, 1), at(2, 0)]).hard).toBe(4);
    // A slot off the list holds as many as it likes.
    expect(counts('max_simultaneous', ['A', 'L'], pile, 0, [at(1, 0)]).hard).toBe(0);
    const r = counts('max_simultaneous', ['A', 'L'], pile, 1, [at(0, 0)], false);
    expect(r.soft).toBe(2);
    expect(r.messages).toEqual([
      "rule 1 (max_simultaneous, soft): A (session 1), L (session 1) are too many at once in one of the rule's slots (at most 1)",
    ]);
  });
});

describe('min_simultaneous and min_simultaneous_or_none', () => {
  it('counts, per listed slot, each session missing below value; _or_none keeps an empty slot and counts the fewer of missing and present', () => {
    // Mon 1: A#1; Mon 2: A#2; Tue 2 and Tue 3: L; Thu 1: none.
    const listed = [at(0, 0), at(1, 1), at(3, 0)];
    expect(counts('min_simultaneous', ['A', 'L'], week, 1, listed).hard).toBe(1);
    expect(counts('min_simultaneous_or_none', ['A', 'L'], week, 1, listed).hard).toBe(0);
    expect(counts('min_simultaneous', ['A', 'L'], week, 2, listed).hard).toBe(1 + 1 + 2);
    expect(counts('min_simultaneous_or_none', ['A', 'L'], week, 2, listed).hard).toBe(1 + 1);
    // One session where 3 are needed: 2 missing, or 1 to take out (_or_none counts the fewer).
    expect(counts('min_simultaneous', ['A', 'L'], week, 3, [at(0, 0)]).hard).toBe(2);
    expect(counts('min_simultaneous_or_none', ['A', 'L'], week, 3, [at(0, 0)]).hard).toBe(1);
    // Only the listed courses fill a slot: L alone leaves Mon 1 empty.
    expect(counts('min_simultaneous', ['L'], week, 1, [at(0, 0), at(1, 2)]).hard).toBe(1);
    const r = counts('min_simultaneous', ['L'], week, 1, [at(0, 0)], false);
    expect(r.soft).toBe(2);
    expect(r.messages[0]).toContain(
      "L (session 1) are too few at once in one of the rule's slots (at least 1)",
    );
  });
});

describe('max_sessions_in_slots', () => {
  it('counts each session covering a listed slot beyond value, a session once', () => {
    // A#1 (Mon 1) and A#2 (Mon 2) both in the list; L covers Tue 3 with its second period.
    const listed = [at(0, 0), at(0, 1), at(1, 2)];
    expect(counts('max_sessions_in_slots', ['A', 'L'], week, 3, listed).hard).toBe(0);
    expect(counts('max_sessions_in_slots', ['A', 'L'], week, 1, listed).hard).toBe(2);
    expect(counts('max_sessions_in_slots', ['A', 'L'], week, 0, [at(1, 1), at(1, 2)]).hard).toBe(1);
    expect(counts('max_sessions_in_slots', ['A'], week, 0, [at(4, 0)]).hard).toBe(0);
  });
});

describe('preferred_starts and preferred_slots', () => {
  it('counts each session starting, or running, outside the listed slots', () => {
    // Period 1 or 2, every day: A's three start there, L starts at Tue 2 and runs into Tue 3.
    expect(counts('preferred_starts', ['A', 'L'], week, 0, everyDay(0, 1)).hard).toBe(0);
    expect(counts('preferred_slots', ['A', 'L'], week, 0, everyDay(0, 1)).hard).toBe(1);
    expect(counts('preferred_slots', ['A', 'L'], week, 0, everyDay(0, 2)).hard).toBe(0);
    expect(counts('preferred_starts', ['A', 'L'], week, 0, everyDay(0, 0)).hard).toBe(2);
    expect(counts('preferred_starts', ['A#3'], week, 0, [at(0, 0)]).hard).toBe(1);
    const r = counts('preferred_starts', ['A'], week, 0, [at(0, 0), at(2, 0)], false);
    expect(r.soft).toBe(2);
    expect(r.messages).toEqual([
      "rule 1 (preferred_starts, soft): A (session 2) should start at one of the rule's slots",
    ]);
  });
});

describe('min_slots', () => {
  it('counts each listed slot short of value that the sessions leave uncovered, a slot once', () => {
    const listed = [at(0, 0), at(0, 1), at(1, 2), at(2, 0), at(4, 3)];
    // A covers Mon 1, Mon 2, Wed 1 of the list; L covers Tue 3 (its second period) too; Fri 4 nobody.
    expect(counts('min_slots', ['A'], week, 3, listed).hard).toBe(0);
    expect(counts('min_slots', ['A'], week, 5, listed).hard).toBe(2);
    expect(counts('min_slots', ['A', 'L'], week, 4, listed).hard).toBe(0);
    expect(counts('min_slots', ['A', 'L'], week, 5, listed).hard).toBe(1);
    // Two sessions on one listed slot cover it once.
    const twice: Place[] = [
      ['A', 1, 0, 1, 'R1'],
      ['L', 1, 0, 1, 'R1'],
    ];
    expect(counts('min_slots', ['A', 'L'], twice, 2, [at(0, 1), at(0, 3)]).hard).toBe(1);
    expect(counts('min_slots', ['A#3', 'L'], week, 2, [at(2, 0), at(1, 1)]).hard).toBe(0);
  });

  it('soft: weighted, every session of the rule named (any may fill a slot)', () => {
    const r = counts('min_slots', ['A'], week, 3, [at(0, 0), at(3, 0), at(4, 0)], false);
    expect(r.hard).toBe(0);
    expect(r.soft).toBe(2 * 2);
    expect(r.messages).toEqual([
      "rule 1 (min_slots, soft): A (session 1), A (session 2), A (session 3) cover too few of the rule's slots (at least 3)",
    ]);
  });
});
