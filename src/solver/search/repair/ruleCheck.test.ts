import { isSlotKind } from '../../../shared/eval/slotRules.ts';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { evaluate } from '../../../shared/eval/evaluate.ts';
import { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import { testCollege } from '../../../shared/eval/testing/testCollege.ts';
import type { RuleKind } from '../../../shared/model/types.ts';
import { Rng } from '../../Rng.ts';
import { breaksRule } from './ruleCheck.ts';
import { everyRule } from '../../../shared/compiled/ruleMembers.ts';

const KINDS: RuleKind[] = [
  'same_time',
  'same_day',
  'consecutive',
  'ordered',
  'not_overlapping',
  'different_days',
  'min_days_apart',
  'same_room',
  'min_days_between',
  'same_period',
  'adjacent',
  'min_gap',
  'consecutive_across_break',
  'adjacent_across_break',
  'max_days_apart',
  'ends_day',
  'same_room_if_consecutive',
  'adjacent_if_same_day',
  'max_terms',
  'max_per_term',
  'max_slots',
  'max_days_in_slots',
  'max_per_day',
  'max_continuous',
  'max_simultaneous',
  'min_simultaneous',
  'min_simultaneous_or_none',
  'max_sessions_in_slots',
  'preferred_starts',
  'preferred_slots',
  'min_slots',
  'min_gap_counting_breaks',
  'ordered_if_same_day',
  'grouped',
  'not_overlapping_parts',
];

// max_slots and the other slot kinds: the first two periods of Mon and Tue; max_days_in_slots:
// periods 2 and 3 of every day.
const SLOTS = {
  max_slots: [0, 1].flatMap((day) => [0, 1].map((period) => ({ day, period }))),
  max_days_in_slots: [0, 1, 2, 3, 4].flatMap((day) => [1, 2].map((period) => ({ day, period }))),
} as const;

// Whole courses, and single sessions (`course#k`: two of A, one of B) with a whole course.
const LISTS = [
  ['A', 'B', 'C'],
  ['A#3', 'A#1', 'B#2', 'C'],
];
const CASES = LISTS.flatMap((list) => KINDS.map((kind) => [kind, list] as const));

describe('breaksRule', () => {
  it.each(CASES)('agrees with the evaluator on which sessions break a hard %s rule over %j', (kind, list) => {
    const p = compile(
      testCollege({
        // Terms of one day (max_terms, max_per_term).
        calendar: { days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], daysPerTerm: 1 },
        rooms: ['R1', 'R2', 'R3'].map((id) => ({ id, name: id, capacity: 100 })),
        faculty: ['F1', 'F2', 'F3'].map((id) => ({ id, name: id })),
        groups: ['G1', 'G2', 'G3'].map((id) => ({ id, name: id, size: 30 })),
        courses: ['A', 'B', 'C'].map((id, i) => ({
          id,
          name: id,
          faculty: [`F${i + 1}`],
          groups: [`G${i + 1}`],
          sessions: 3 - (i === 2 ? 1 : 0),
          length: i === 0 ? 2 : 1,
          minDays: 0,
        })),
        rules: [
          {
            kind,
            courses: [...list],
            // At one a slot, max_simultaneous and min_simultaneous hold about as often as they break.
            // min_slots: every one of the four listed slots.
            value:
              kind === 'max_simultaneous' || kind === 'min_simultaneous' ? 1 : kind === 'min_slots' ? 4 : 2,
            ...(isSlotKind(kind)
              ? { slots: [...(kind === 'max_days_in_slots' ? SLOTS[kind] : SLOTS.max_slots)] }
              : {}),
            // not_overlapping_parts: A and B against C; A#3 and C against A#1 and B#2.
            ...(kind === 'not_overlapping_parts'
              ? { parts: list.length === 3 ? [0, 0, 1] : [0, 1, 1, 0] }
              : {}),
          },
        ],
      }),
    );
    const rng = new Rng(11);
    let broken = 0;
    for (let trial = 0; trial < 200; trial++) {
      const slot = new Int32Array(p.nSessions);
      const room = new Int32Array(p.nSessions);
      for (let s = 0; s < p.nSessions; s++) {
        // Few days and periods so that rules hold about as often as they break (different_days:
        // and min_days_between: the whole week and many unplaced); some sessions unplaced.
        // min_gap: the whole week and the whole day.
        // max_days_apart, adjacent_if_same_day, max_terms and max_days_in_slots: the whole week.
        const spread =
          kind === 'max_days_in_slots' ||
          kind === 'different_days' ||
          kind === 'min_days_between' ||
          kind === 'min_gap' ||
          kind === 'min_gap_counting_breaks' ||
          kind === 'max_days_apart' ||
          kind === 'adjacent_if_same_day' ||
          kind === 'max_terms';
        const periods = kind === 'min_gap' || kind === 'min_gap_counting_breaks' ? p.nPeriods : 3;
        slot[s] =
          rng.int(spread ? 2 : 8) === 0 ? -1 : rng.int(spread ? p.nDays : 2) * p.nPeriods + rng.int(periods);
        room[s] = rng.int(kind === 'same_room' ? 2 : 3);
      }
      const st = new IncrementalState(p, { slot, room });
      const ev = evaluate(p, { slot, room });
      const inViolation = new Set<number>();
      for (const v of ev.violations ?? [])
        if (v.kind === 'rule') for (const s of v.sessions) inViolation.add(s);
      const mine = new Set<number>();
      for (let s = 0; s < p.nSessions; s++)
        if (st.active[s] === 1 && breaksRule(st, everyRule(p)[0], s)) mine.add(s);
      if (ev.hard.rule > 0) broken++;
      if (kind === 'same_room') expect(mine.size > 0).toBe(ev.hard.rule > 0);
      else expect([...mine].sort()).toEqual([...inViolation].sort());
    }
    expect(broken).toBeGreaterThan(20);
    expect(broken).toBeLessThan(200);
  });
});
