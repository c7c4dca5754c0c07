// The pieces the tests of one faculty/group day limit (max_continuous, max_span, min_rest,
// max_late_starts) share: a course of F1 and G1, its sessions placed by (day, period), and the
// limit's hard counts read by the full evaluator and checked against the incremental state.
import { expect } from 'vitest';
import type { College } from '../../model/types.ts';
import { compile } from '../../compiled/compile.ts';
import { evaluate } from '../evaluate.ts';
import { IncrementalState } from '../incremental/IncrementalState.ts';
import { HARD_KINDS, type HardKind } from '../types.ts';
import { placementAt, type CourseInput, type Place } from './testCollege.ts';

/** Two rooms of 100 seats, R1 and R2. */
export const TWO_ROOMS = ['R1', 'R2'].map((id) => ({ id, name: id, capacity: 100 }));

/** Course `id` of n one-period sessions, taught by F1 to G1, no spread asked. */
export const ones = (id: string, n: number, extra: Partial<CourseInput> = {}): CourseInput => ({
  id,
  name: id,
  faculty: ['F1'],
  groups: ['G1'],
  sessions: n,
  minDays: 0,
  ...extra,
});

/** Session k of `id` at (day, period index) in R1. */
export const at = (id: string, slots: Array<[number, number]>): Place[] =>
  slots.map(([d, p], k): Place => [id, k + 1, d, p, 'R1']);

/** The hard counts of these kinds by the full evaluator; the incremental state must agree. */
export function agreedHard(college: College, places: Place[], kinds: HardKind[]): number[] {
  const p = compile(college);
  const placement = placementAt(p, places);
  const full = evaluate(p, placement);
  const inc = new IncrementalState(p, placement);
  const counts = kinds.map((k) => full.hard[k]);
  expect(kinds.map((k) => inc.hard[HARD_KINDS.indexOf(k)])).toEqual(counts);
  return counts;
}
