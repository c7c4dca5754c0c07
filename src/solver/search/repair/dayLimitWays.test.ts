import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import { placementAt, testCollege, type Place } from '../../../shared/eval/testing/testCollege.ts';
import type { RuleKind } from '../../../shared/model/types.ts';
import { DayLimitWays } from './dayLimitWays.ts';

/**
 * A (four one-period sessions), B (one of two periods) and X (one period, unplaced) under one hard
 * rule; the names of the sessions collect puts in X's way at Monday's period index q (periods 0-2,
 * lunch, 3-5).
 */
function inWay(kind: RuleKind, value: number, places: Place[], q: number): string[] {
  const course = (id: string, sessions: number, length = 1) => ({
    id,
    name: id,
    faculty: ['F1'],
    groups: ['G1'],
    sessions,
    length,
    minDays: 0,
  });
  const p = compile(
    testCollege({
      courses: [course('A', 4), course('B', 1, 2), course('X', 1)],
      rules: [{ kind, courses: ['A', 'B', 'X'], hard: true, value }],
    }),
  );
  const st = new IncrementalState(p, placementAt(p, places));
  const ways = new DayLimitWays(st);
  const x = p.courseFirstSession[p.courseIds.indexOf('X')];
  const way = new Int32Array(p.nSessions);
  const mark = new Uint8Array(p.nSessions);
  const n = ways.collect(x, q, 1, mark, new Uint8Array(p.nSessions).fill(1), way, 0);
  const name = (s: number) =>
    `${p.courseIds[p.sessionCourse[s]]}#${s - p.courseFirstSession[p.sessionCourse[s]] + 1}`;
  expect([...mark].filter((v) => v === 1).length).toBe(n);
  return [...way.subarray(0, n)].map(name).sort();
}

describe('DayLimitWays', () => {
  // Monday: A#1 at 0, B at 1-2, A#2 at 3: four periods covered.
  const day: Place[] = [
    ['A', 1, 0, 0, 'R1'],
    ['B', 1, 0, 1, 'R1'],
    ['A', 2, 0, 3, 'R1'],
    ['A', 3, 1, 4, 'R1'],
  ];

  it('max_per_day: the session freeing the most periods, only when the day would go over', () => {
    expect(inWay('max_per_day', 4, day, 5)).toEqual(['B#1']);
    // Two over: B alone frees both.
    expect(inWay('max_per_day', 3, day, 5)).toEqual(['B#1']);
    // Three over: B and one of A's.
    expect(inWay('max_per_day', 2, day, 5)).toHaveLength(2);
    // At a covered period, or within the limit, or on another day: nothing.
    expect(inWay('max_per_day', 4, day, 3)).toEqual([]);
    expect(inWay('max_per_day', 5, day, 5)).toEqual([]);
    expect(inWay('max_per_day', 2, day, 6 + 5)).toEqual([]);
    expect(inWay('max_per_day', 1, day, 6 + 5)).toEqual(['A#3']);
  });

  it('max_continuous: the sessions next to it in its run, a break ending the run', () => {
    // A#1 at 0, A#2 at 2: X at 1 makes a run of 3.
    const two: Place[] = [
      ['A', 1, 0, 0, 'R1'],
      ['A', 2, 0, 2, 'R1'],
    ];
    expect(inWay('max_continuous', 1, two, 1)).toEqual(['A#1', 'A#2']);
    expect(inWay('max_continuous', 2, two, 1)).toHaveLength(1);
    expect(inWay('max_continuous', 3, two, 1)).toEqual([]);
    // Period index 3 follows lunch: A#2 at 2 is not in its run.
    expect(inWay('max_continuous', 1, two, 3)).toEqual([]);
    // B covers 1-2: X at 3 is after lunch, at 0 it joins B.
    expect(inWay('max_continuous', 2, day, 0)).toEqual(['B#1']);
  });
});
