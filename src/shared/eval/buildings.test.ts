import { describe, expect, it } from 'vitest';
import { compile } from '../compiled/compile.ts';
import { IncrementalState } from './incremental/IncrementalState.ts';
import { HARD_KINDS } from './types.ts';
import { placementAt, testCollege, type Place } from './testing/testCollege.ts';
import { agreedHard, ones } from './testing/dayLimitCase.ts';
import type { College } from '../model/types.ts';

// testCollege: Mon-Fri; periods 1-3 (09-12), lunch, 4-6 (13-16). Rooms A1, A2 in building A, B1 in
// B, C1 in C, N1 in none.
const rooms = [
  { id: 'A1', name: 'A1', capacity: 100, building: 'A' },
  { id: 'B1', name: 'B1', capacity: 100, building: 'B' },
  { id: 'A2', name: 'A2', capacity: 100, building: 'A' },
  { id: 'C1', name: 'C1', capacity: 100, building: 'C' },
  { id: 'N1', name: 'N1', capacity: 100 },
];
const KINDS = [
  'faculty_max_building_changes',
  'faculty_max_building_changes_per_week',
  'faculty_min_building_gaps',
  'group_max_building_changes',
  'group_max_building_changes_per_week',
  'group_min_building_gaps',
] as const;

interface Limits {
  maxBuildingChangesPerDay?: number;
  maxBuildingChangesPerWeek?: number;
  minGapsBetweenBuildingChanges?: number;
}
const college = (limits: Limits, n: number): College =>
  testCollege({
    rooms,
    faculty: [{ id: 'F1', name: 'F1', ...limits }],
    groups: [{ id: 'G1', name: 'G1', size: 30, ...limits }],
    courses: [ones('X', n)],
  });
/** Session k of X at (day, period index, room). */
const at = (slots: Array<[number, number, string]>): Place[] =>
  slots.map(([d, p, r], k): Place => ['X', k + 1, d, p, r]);
const counts = (c: College, places: Place[]): number[] => agreedHard(c, places, [...KINDS]);

describe('building changes: moves between buildings in a day, and the free periods before them', () => {
  it('counts a change at each session in another building than the last one; rooms without one are skipped', () => {
    // Mon: A, B, N (none), A -> changes A->B, B->A: 2. Tue: A, A2 (same building): 0.
    const places = at([
      [0, 0, 'A1'],
      [0, 1, 'B1'],
      [0, 2, 'N1'],
      [0, 3, 'A2'],
      [1, 0, 'A1'],
      [1, 4, 'A2'],
    ]);
    expect(counts(college({ maxBuildingChangesPerDay: 1 }, 6), places)).toEqual([1, 0, 0, 1, 0, 0]);
    expect(counts(college({ maxBuildingChangesPerDay: 2 }, 6), places)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(counts(college({ maxBuildingChangesPerDay: 0 }, 6), places)).toEqual([2, 0, 0, 2, 0, 0]);
    // The week sums the days: Mon 2 + Wed 1 = 3 over a limit of 1 counts 2, once.
    const week = [...places, ...at([[2, 0, 'B1']]).map((p): Place => [p[0], 7, 2, 0, 'B1'])];
    const week2 = [...week, ['X', 8, 2, 2, 'C1'] as Place];
    expect(counts(college({ maxBuildingChangesPerWeek: 1 }, 8), week2)).toEqual([0, 2, 0, 0, 2, 0]);
  });

  it('a change with fewer free periods before it than the minimum counts 1; a lunch break is no period', () => {
    // Mon: A at 1, B at 2 (no free period), C at 4 after lunch (period 3 free, lunch is none: 1).
    const places = at([
      [0, 0, 'A1'],
      [0, 1, 'B1'],
      [0, 3, 'C1'],
    ]);
    expect(counts(college({ minGapsBetweenBuildingChanges: 1 }, 3), places)).toEqual([0, 0, 1, 0, 0, 1]);
    expect(counts(college({ minGapsBetweenBuildingChanges: 2 }, 3), places)).toEqual([0, 0, 2, 0, 0, 2]);
    // A session in a room without a building between them is busy time, not a free period.
    const between = at([
      [0, 0, 'A1'],
      [0, 1, 'N1'],
      [0, 2, 'B1'],
    ]);
    expect(counts(college({ minGapsBetweenBuildingChanges: 1 }, 3), between)).toEqual([0, 0, 1, 0, 0, 1]);
  });

  it('a group counts the worst of its sub-batches; sibling batches move on their own', () => {
    const c = testCollege({
      rooms,
      faculty: [{ id: 'F1', name: 'F1' }],
      groups: [
        { id: 'G1', name: 'G1', size: 30, maxBuildingChangesPerDay: 0 },
        { id: 'B1', name: 'B1', size: 15, parent: 'G1' },
        { id: 'B2', name: 'B2', size: 15, parent: 'G1' },
      ],
      courses: [
        { id: 'L1', name: 'L1', faculty: ['F1'], groups: ['B1'], sessions: 2, minDays: 0 },
        { id: 'L2', name: 'L2', groups: ['B2'], sessions: 1, minDays: 0 },
      ],
    });
    const places: Place[] = [
      ['L1', 1, 0, 0, 'A1'],
      ['L1', 2, 0, 2, 'B1'],
      ['L2', 1, 0, 0, 'C1'],
    ];
    expect(counts(c, places)).toEqual([0, 0, 0, 1, 0, 0]);
  });

  it('a room move alone changes the count in the incremental state as in the full evaluator', () => {
    const c = college({ maxBuildingChangesPerDay: 0, minGapsBetweenBuildingChanges: 1 }, 2);
    const p = compile(c);
    const st = new IncrementalState(
      p,
      placementAt(
        p,
        at([
          [0, 0, 'A1'],
          [0, 1, 'A2'],
        ]),
      ),
    );
    const hard = (): number[] => KINDS.map((k) => st.hard[HARD_KINDS.indexOf(k)]);
    expect(hard()).toEqual([0, 0, 0, 0, 0, 0]);
    st.move(1, st.slot[1], p.roomIds.indexOf('B1'));
    expect(hard()).toEqual([1, 0, 1, 1, 0, 1]);
    const out = new Float64Array(2);
    st.deltaMove(1, st.slot[1], p.roomIds.indexOf('A2'), out);
    expect(out[0]).toBe(-4);
    expect(hard()).toEqual([1, 0, 1, 1, 0, 1]);
  });
});
