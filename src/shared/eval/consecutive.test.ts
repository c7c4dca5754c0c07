// `consecutive` as WORKBOOK.md defines it: B's session k starts right after A's session k ends, on
// the same day, with no break between the two periods. The evaluator, the incremental state and
// the editor's move check must all say so.
import { describe, expect, it } from 'vitest';
import { compile } from '../compiled/compile.ts';
import { timetableToPlacement } from '../compiled/placement.ts';
import { checkSlot } from '../editor/moveCheck.ts';
import { evaluate } from './evaluate.ts';
import { IncrementalState } from './incremental/IncrementalState.ts';
import type { CompiledProblem } from '../compiled/types.ts';
import { H } from './incremental/kinds.ts';
import type { Placement } from './types.ts';
import type { CollegeInput, Place } from './testing/testCollege.ts';
import { testCollege } from './testing/testCollege.ts';

/** Periods 1 08-09, 2 09-10, (break) 3 11-12, 4 12-13; Mon-Tue; theory A then lab B. */
function college(over: Partial<CollegeInput> = {}, lengthA = 1, hard = true): CollegeInput {
  return {
    calendar: { days: ['Mon', 'Tue'] },
    periods: [
      { label: '1', start: '08:00', end: '09:00' },
      { label: '2', start: '09:00', end: '10:00' },
      { label: '3', start: '11:00', end: '12:00' },
      { label: '4', start: '12:00', end: '13:00' },
    ],
    rooms: [
      { id: 'R1', name: 'R1', capacity: 60 },
      { id: 'R2', name: 'R2', capacity: 60 },
    ],
    faculty: [
      { id: 'F1', name: 'F1' },
      { id: 'F2', name: 'F2' },
    ],
    groups: [{ id: 'G1', name: 'G1', size: 30 }],
    courses: [
      { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 1, length: lengthA, minDays: 0 },
      { id: 'B', name: 'B', faculty: ['F2'], groups: ['G1'], sessions: 1, minDays: 0 },
    ],
    rules: [{ kind: 'consecutive', courses: ['A', 'B'], hard }],
    ...over,
  };
}

function placementOf(p: CompiledProblem, places: Place[]): Placement {
  return timetableToPlacement(p, {
    assignments: places.map(([courseId, session, day, period, roomId]) => ({
      courseId,
      session,
      day,
      period,
      roomId,
      locked: false,
    })),
  });
}

/** Hard and soft rule cost by the evaluator, and the incremental state's hard rule cost (totals must agree). */
function costs(input: CollegeInput, places: Place[]): { full: number; soft: number; incremental: number } {
  const p = compile(testCollege(input));
  const placement = placementOf(p, places);
  const ev = evaluate(p, placement);
  const st = new IncrementalState(p, placement);
  expect(st.hardTotal).toBe(ev.hardTotal);
  expect(st.softTotal).toBeCloseTo(ev.softTotal, 9);
  return { full: ev.hard.rule, soft: ev.soft.soft_rule, incremental: st.hard[H.rule] };
}

const pair = (a: [number, number], b: [number, number]): Place[] => [
  ['A', 1, a[0], a[1], 'R1'],
  ['B', 1, b[0], b[1], 'R2'],
];

describe('consecutive', () => {
  it('is broken by a break between A and B (the minimal case: A fixed at 2, B fixed at 3)', () => {
    const input = college({
      fixed: [
        { courseId: 'A', session: 1, day: 0, period: 1 },
        { courseId: 'B', session: 1, day: 0, period: 2 },
      ],
    });
    expect(costs(input, pair([0, 1], [0, 2]))).toEqual({ full: 1, soft: 0, incremental: 1 });
    const all = evaluate(
      compile(testCollege(input)),
      placementOf(compile(testCollege(input)), pair([0, 1], [0, 2])),
    );
    expect(all.hardTotal).toBe(1);
    expect(all.violations.find((v) => v.kind === 'rule')?.message).toMatch(/no break between/);
  });

  it('holds for adjacent periods on both sides of the break', () => {
    expect(costs(college(), pair([0, 0], [0, 1])).full).toBe(0);
    expect(costs(college(), pair([1, 2], [1, 3])).full).toBe(0);
  });

  it('is broken when B is not right after A, comes first, or is on another day', () => {
    expect(costs(college(), pair([0, 0], [0, 3])).full).toBe(1);
    expect(costs(college(), pair([0, 1], [0, 0])).full).toBe(1);
    expect(costs(college(), pair([0, 0], [1, 1])).full).toBe(1);
    // Monday's last period and Tuesday's first are next to each other in slot numbering only.
    expect(costs(college(), pair([0, 3], [1, 0])).full).toBe(1);
  });

  it("counts from the end of a multi-period A, and the break after A's last period", () => {
    expect(costs(college({}, 2), pair([1, 2], [1, 3])).full).toBe(1);
    expect(costs(college({}, 2), pair([0, 0], [0, 2])).full).toBe(1);
    const noBreak = college(
      {
        periods: [
          { label: '1', start: '08:00', end: '09:00' },
          { label: '2', start: '09:00', end: '10:00' },
          { label: '3', start: '10:00', end: '11:00' },
          { label: '4', start: '11:00', end: '12:00' },
        ],
      },
      2,
    );
    expect(costs(noBreak, pair([0, 0], [0, 2])).full).toBe(0);
  });

  it('counts a soft rule the same way, with its weight', () => {
    const soft = college({ rules: [{ kind: 'consecutive', courses: ['A', 'B'], hard: false, weight: 4 }] });
    expect(costs(soft, pair([0, 1], [0, 2]))).toEqual({ full: 0, soft: 4, incremental: 0 });
    expect(costs(soft, pair([0, 0], [0, 1]))).toEqual({ full: 0, soft: 0, incremental: 0 });
  });

  it("the editor's move check refuses B after the break and names the rule", () => {
    const p = compile(testCollege(college()));
    const st = new IncrementalState(p, placementOf(p, pair([0, 1], [1, 0])));
    const b = p.courseFirstSession[1];
    const acrossBreak = checkSlot(st, b, 2);
    expect(acrossBreak.hardDelta).toBe(0); // still broken, as before the move
    expect(acrossBreak.reasons).toEqual([
      'rule 1 (consecutive): A (session 1) and B (session 1) should follow each other directly (same day, no break between)',
    ]);
    const a = p.courseFirstSession[0];
    // B at (Mon, 2) clashes with A; moving A to period 1 ends the clash and keeps the rule.
    st.move(b, 1, st.room[b]);
    expect(st.hardTotal).toBe(2); // B at (Mon, 2) clashes with A for G1, and the rule is broken
    const fixed = checkSlot(st, a, 0);
    expect(fixed.reasons).toEqual([]);
    expect(fixed.hardDelta).toBe(-2);
  });
});
