// max_per_day and max_continuous over the periods a rule's sessions cover in a day, kept and
// broken, as WORKBOOK.md counts them; the incremental evaluator counts the same.
import { describe, expect, it } from 'vitest';
import { compile } from '../compiled/compile.ts';
import type { RuleKind } from '../model/types.ts';
import { IncrementalState } from './incremental/IncrementalState.ts';
import { H, S } from './incremental/kinds.ts';
import { evaluateAt, placementAt, testCollege, type Place } from './testing/testCollege.ts';

/**
 * Periods 1-3, lunch, 4-6 (testCollege). A (4 one-period sessions, F1), L (a 2-period session, F1),
 * B (2 one-period sessions, F2).
 */
function counts(
  kind: RuleKind,
  list: string[],
  places: Place[],
  value: number,
  hard = true,
): { hard: number; soft: number; messages: string[] } {
  const p = compile(
    testCollege({
      rooms: ['R1', 'R2'].map((id) => ({ id, name: id, capacity: 60 })),
      faculty: ['F1', 'F2'].map((id) => ({ id, name: id })),
      groups: ['G1', 'G2'].map((id) => ({ id, name: id, size: 30 })),
      courses: [
        { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 4, minDays: 0 },
        { id: 'L', name: 'L', faculty: ['F1'], groups: ['G1'], sessions: 1, length: 2, minDays: 0 },
        { id: 'B', name: 'B', faculty: ['F2'], groups: ['G2'], sessions: 2, minDays: 0 },
      ],
      rules: [{ kind, courses: list, value, hard, weight: 2 }],
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

// Mon: A 1, L 2-3, B 2; Tue: A 4, A 6; Wed: A 1, B 5 (places are 0-based: 0-2 before lunch, 3-5 after).
const week: Place[] = [
  ['A', 1, 0, 0, 'R1'],
  ['L', 1, 0, 1, 'R1'],
  ['B', 1, 0, 1, 'R2'],
  ['A', 2, 1, 3, 'R1'],
  ['A', 3, 1, 5, 'R1'],
  ['A', 4, 2, 0, 'R1'],
  ['B', 2, 2, 4, 'R2'],
];

describe('max_per_day', () => {
  it('counts, per day, each period the sessions cover beyond value, a period once', () => {
    // A and L: Mon 3 periods, Tue 2, Wed 1.
    expect(counts('max_per_day', ['A', 'L'], week, 3).hard).toBe(0);
    expect(counts('max_per_day', ['A', 'L'], week, 2).hard).toBe(1);
    expect(counts('max_per_day', ['A', 'L'], week, 1).hard).toBe(2 + 1);
    expect(counts('max_per_day', ['A', 'L'], week, 0).hard).toBe(3 + 2 + 1);
    // B shares Mon 2 with L: one period for the rule (Wed: A 1 and B 5, 2).
    expect(counts('max_per_day', ['A', 'L', 'B'], week, 3).hard).toBe(0);
    expect(counts('max_per_day', ['A', 'L', 'B'], week, 2).hard).toBe(1);
    // Single sessions as members: A#1 and A#2 on two days, A#2 and A#3 on one.
    expect(counts('max_per_day', ['A#1', 'A#2'], week, 1).hard).toBe(0);
    expect(counts('max_per_day', ['A#2', 'A#3'], week, 1).hard).toBe(1);
  });

  it('counts every period of a long session, and a listed course once', () => {
    const lab: Place[] = [['L', 1, 2, 3, 'R1']];
    expect(counts('max_per_day', ['L'], lab, 1).hard).toBe(1);
    expect(counts('max_per_day', ['L', 'L'], lab, 2).hard).toBe(0);
  });

  it('soft: weighted, and named with its day in the violation', () => {
    const r = counts('max_per_day', ['A', 'L'], week, 2, false);
    expect(r.hard).toBe(0);
    expect(r.soft).toBe(2 * 1);
    expect(r.messages).toEqual([
      'rule 1 (max_per_day, soft): A (session 1), L (session 1) cover too many periods of one day on Mon (at most 2)',
    ]);
  });
});

describe('max_continuous', () => {
  it('counts, per day, the periods of each run beyond value', () => {
    // A and L: Mon periods 1-3 in a row; Tue periods 4 and 6 (a free period between); Wed 1.
    expect(counts('max_continuous', ['A', 'L'], week, 3).hard).toBe(0);
    expect(counts('max_continuous', ['A', 'L'], week, 2).hard).toBe(1);
    expect(counts('max_continuous', ['A', 'L'], week, 1).hard).toBe(2);
    // Without L, no two of A's periods are in a row.
    expect(counts('max_continuous', ['A'], week, 1).hard).toBe(0);
    // L alone: one run of 2.
    expect(counts('max_continuous', ['L'], week, 1).hard).toBe(1);
  });

  it('a session of another course ends the run; a lunch break does too', () => {
    // B sits between A#1 and A#2 here: the rule over A alone sees two runs of 1.
    const split: Place[] = [
      ['A', 1, 0, 0, 'R1'],
      ['B', 1, 0, 1, 'R1'],
      ['A', 2, 0, 2, 'R1'],
    ];
    expect(counts('max_continuous', ['A'], split, 1).hard).toBe(0);
    expect(counts('max_continuous', ['A', 'B'], split, 2).hard).toBe(1);
    // A on periods 3 and 4: lunch between, two runs of 1.
    const lunch: Place[] = [
      ['A', 1, 0, 2, 'R1'],
      ['A', 2, 0, 3, 'R1'],
    ];
    expect(counts('max_continuous', ['A'], lunch, 1).hard).toBe(0);
    // A on 4, 5, 6 after lunch: one run of 3.
    const after: Place[] = [
      ['A', 1, 0, 3, 'R1'],
      ['A', 2, 0, 4, 'R1'],
      ['A', 3, 0, 5, 'R1'],
    ];
    expect(counts('max_continuous', ['A'], after, 1).hard).toBe(2);
  });
});
