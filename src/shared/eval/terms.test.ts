// max_terms and max_per_term over the Calendar's terms (days_per_term), kept and broken, as
// WORKBOOK.md counts them; the incremental evaluator counts the same.
import { describe, expect, it } from 'vitest';
import { compile } from '../compiled/compile.ts';
import type { RuleKind } from '../model/types.ts';
import { IncrementalState } from './incremental/IncrementalState.ts';
import { H } from './incremental/kinds.ts';
import { evaluateAt, placementAt, testCollege, type Place } from './testing/testCollege.ts';

const DAYS = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6'];

/** A (3 sessions, G1) and B (2 sessions, G2); six days in terms of `perTerm` days. */
function cost(kind: RuleKind, list: string[], places: Place[], value: number, perTerm?: number): number {
  const p = compile(
    testCollege({
      calendar: { days: DAYS, ...(perTerm !== undefined ? { daysPerTerm: perTerm } : {}) },
      rooms: [{ id: 'R1', name: 'R1', capacity: 60 }],
      faculty: ['F1', 'F2'].map((id) => ({ id, name: id })),
      groups: ['G1', 'G2'].map((id) => ({ id, name: id, size: 30 })),
      courses: [
        { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 3, minDays: 0 },
        { id: 'B', name: 'B', faculty: ['F2'], groups: ['G2'], sessions: 2, minDays: 0 },
      ],
      rules: [{ kind, courses: list, value }],
    }),
  );
  const full = evaluateAt(p, places);
  const inc = new IncrementalState(p, placementAt(p, places));
  expect(inc.hard[H.rule]).toBe(full.hard.rule);
  return full.hard.rule;
}

// A on D1, D3 and D5; B on D2 and D6 (period 1, one room: no two at once).
const spread: Place[] = [
  ['A', 1, 0, 0, 'R1'],
  ['A', 2, 2, 0, 'R1'],
  ['A', 3, 4, 0, 'R1'],
  ['B', 1, 1, 0, 'R1'],
  ['B', 2, 5, 0, 'R1'],
];

describe('max_terms', () => {
  it('counts each term the sessions occupy beyond value', () => {
    // Terms of 2 days: A in terms 1, 2 and 3.
    expect(cost('max_terms', ['A'], spread, 3, 2)).toBe(0);
    expect(cost('max_terms', ['A'], spread, 2, 2)).toBe(1);
    expect(cost('max_terms', ['A'], spread, 1, 2)).toBe(2);
    // Terms of 3 days: A in terms 1 and 2; with B too, still 2.
    expect(cost('max_terms', ['A', 'B'], spread, 2, 3)).toBe(0);
    expect(cost('max_terms', ['A', 'B'], spread, 1, 3)).toBe(1);
    // Single sessions: A#1 (term 1) and B#1 (term 1) in terms of 2 days.
    expect(cost('max_terms', ['A#1', 'B#1'], spread, 1, 2)).toBe(0);
    expect(cost('max_terms', ['A#1', 'B#2'], spread, 1, 2)).toBe(1);
    // No days_per_term: the week is one term.
    expect(cost('max_terms', ['A', 'B'], spread, 1)).toBe(0);
  });
});

describe('max_per_term', () => {
  it('counts each session beyond value in each term', () => {
    // Terms of 3 days: A, A, B in term 1; A, B in term 2.
    expect(cost('max_per_term', ['A', 'B'], spread, 3, 3)).toBe(0);
    expect(cost('max_per_term', ['A', 'B'], spread, 2, 3)).toBe(1);
    expect(cost('max_per_term', ['A', 'B'], spread, 1, 3)).toBe(3);
    expect(cost('max_per_term', ['A'], spread, 1, 3)).toBe(1);
    // Terms of 1 day: one session a day, nothing beyond 1.
    expect(cost('max_per_term', ['A', 'B'], spread, 1, 1)).toBe(0);
    // No days_per_term: all 5 in one term.
    expect(cost('max_per_term', ['A', 'B'], spread, 4)).toBe(1);
    // Single sessions, and a course listed twice counts once.
    expect(cost('max_per_term', ['A#1', 'A#2', 'B#1'], spread, 2, 3)).toBe(1);
    expect(cost('max_per_term', ['A', 'A'], spread, 1, 3)).toBe(1);
  });
});
