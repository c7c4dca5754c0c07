// min_gap_counting_breaks: as min_gap, with each break between two periods counted as one free
// period (FET's min gaps, where a break hour is a gap); the incremental evaluator counts the same.
import { describe, expect, it } from 'vitest';
import { compile } from '../compiled/compile.ts';
import type { RuleKind } from '../model/types.ts';
import { IncrementalState } from './incremental/IncrementalState.ts';
import { H, S } from './incremental/kinds.ts';
import { evaluateAt, placementAt, testCollege, type Place } from './testing/testCollege.ts';

/** A (2 one-period sessions) and L (one 2-period session); lunch after period 3. */
function cost(kind: RuleKind, list: string[], places: Place[], value: number, hard = true) {
  const p = compile(
    testCollege({
      rooms: ['R1', 'R2'].map((id) => ({ id, name: id, capacity: 60 })),
      faculty: ['F1', 'F2'].map((id) => ({ id, name: id })),
      groups: ['G1', 'G2'].map((id) => ({ id, name: id, size: 30 })),
      courses: [
        { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 2, minDays: 0 },
        { id: 'L', name: 'L', faculty: ['F2'], groups: ['G2'], sessions: 1, length: 2, minDays: 0 },
      ],
      rules: [{ kind, courses: list, value, hard, weight: 3 }],
    }),
  );
  const full = evaluateAt(p, places);
  const inc = new IncrementalState(p, placementAt(p, places));
  expect(inc.hard[H.rule]).toBe(full.hard.rule);
  expect(inc.soft[S.softRule]).toBe(full.soft.soft_rule ?? 0);
  return { hard: full.hard.rule, soft: full.soft.soft_rule ?? 0, messages: full.violations ?? [] };
}

const a = (p1: [number, number], p2: [number, number]): Place[] => [
  ['A', 1, ...p1, 'R1'],
  ['A', 2, ...p2, 'R1'],
];

describe('min_gap_counting_breaks', () => {
  it('counts the lunch break between two periods as one free period, where min_gap counts none', () => {
    // Periods 3 (index 2, ends 12:00) and 4 (index 3, starts 13:00): the lunch between.
    expect(cost('min_gap', ['A'], a([0, 2], [0, 3]), 1).hard).toBe(1);
    expect(cost('min_gap_counting_breaks', ['A'], a([0, 2], [0, 3]), 1).hard).toBe(0);
    expect(cost('min_gap_counting_breaks', ['A'], a([0, 2], [0, 3]), 2).hard).toBe(1);
    // Periods 2 and 4: period 3 and the lunch, two free periods.
    expect(cost('min_gap_counting_breaks', ['A'], a([0, 1], [0, 3]), 2).hard).toBe(0);
    expect(cost('min_gap', ['A'], a([0, 1], [0, 3]), 2).hard).toBe(1);
    // No break between: as min_gap; back to back, overlapping, or on two days.
    expect(cost('min_gap_counting_breaks', ['A'], a([0, 3], [0, 4]), 1).hard).toBe(1);
    expect(cost('min_gap_counting_breaks', ['A'], a([0, 3], [0, 5]), 1).hard).toBe(0);
    const overlap: Place[] = [
      ['A', 1, 0, 4, 'R1'],
      ['L', 1, 0, 3, 'R2'],
    ];
    expect(cost('min_gap_counting_breaks', ['A', 'L'], overlap, 1).hard).toBe(1);
    expect(cost('min_gap_counting_breaks', ['A'], a([0, 2], [1, 3]), 3).hard).toBe(0);
  });

  it("measures from a long session's last period, either order; soft, weighted and named", () => {
    // L at periods 1-2 (indices 0, 1), A#1 at period 4 (index 3): period 3 and the lunch between.
    const places: Place[] = [
      ['L', 1, 2, 0, 'R2'],
      ['A', 1, 2, 3, 'R1'],
    ];
    expect(cost('min_gap_counting_breaks', ['A#1', 'L'], places, 2).hard).toBe(0);
    expect(cost('min_gap_counting_breaks', ['L', 'A'], places, 3).hard).toBe(1);
    const soft = cost('min_gap_counting_breaks', ['A', 'L'], places, 3, false);
    expect(soft.soft).toBe(3);
    expect(soft.messages.filter((v) => v.kind === 'soft_rule').map((v) => v.message)).toEqual([
      'rule 1 (min_gap_counting_breaks, soft): A (session 1) and L (session 1) should have more free periods between them (a break counts as one)',
    ]);
  });
});
