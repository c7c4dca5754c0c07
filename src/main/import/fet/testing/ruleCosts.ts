// Scoring an imported FET college's rules on a hand-given timetable, for the import tests.
import { expect } from 'vitest';
import { compile } from '../../../../shared/compiled/compile.ts';
import { timetableToPlacement } from '../../../../shared/compiled/placement.ts';
import { evaluate } from '../../../../shared/eval/evaluate.ts';
import type { Evaluation } from '../../../../shared/eval/types.ts';
import type { College } from '../../../../shared/model/index.ts';

/** [course, session (1-based), day, period]; day and period 0-based. */
export type FetPlace = [string, number, number, number];

/** The evaluation of a timetable given as places, each course in its own room. */
function evaluatePlaces(c: College, places: FetPlace[]): Evaluation {
  const problem = compile(c);
  const assignments = places.map(([courseId, session, day, period]) => ({
    courseId,
    session,
    day,
    period,
    roomId: `no-room:${courseId}`,
    locked: false,
  }));
  return evaluate(problem, timetableToPlacement(problem, { assignments }));
}

/**
 * Hard rule count and soft rule cost of a timetable given as places, each course in its own room.
 * Asserts that nothing but the rules costs hard, so a count cannot hide a clash.
 */
export function ruleCosts(c: College, places: FetPlace[]): { hard: number; soft: number } {
  const e = evaluatePlaces(c, places);
  expect(e.hardTotal - e.hard.rule).toBe(0);
  return { hard: e.hard.rule, soft: e.soft.soft_rule };
}

/** The hard rule count alone, where the other courses of the college stay unplaced. */
export function hardRuleCount(c: College, places: FetPlace[]): number {
  return evaluatePlaces(c, places).hard.rule;
}
