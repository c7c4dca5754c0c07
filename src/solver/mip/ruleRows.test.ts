// The MIP's consecutive rows follow WORKBOOK.md: B starts right after A ends, same day, and no break
// lies between them (followsDirectly), so a pair across lunch is never offered to HiGHS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/eval/evaluate.ts';
import type { Placement } from '../../shared/eval/types.ts';
import { ModelBuilder } from './mipModel.ts';
import { MipRunner, mipSchedule } from './index.ts';
import { occupancy } from './occupancy.ts';
import { ruleContext } from './ruleContext.ts';
import { addRuleRows } from './ruleRows.ts';
import { tinyProblem, type TinySpec } from './testing/tinyProblem.ts';

/** One day of periods P1 P2 | break | P3 P4; theory T then lab L, consecutive. */
function spec(lengthT: number, unavailableT: number[] = [], unavailableL: number[] = []): TinySpec {
  return {
    days: 1,
    periods: 4,
    breaksAfter: [1],
    rooms: [{ id: 'R1', capacity: 50 }],
    faculty: [
      { id: 'F1', unavailable: unavailableT },
      { id: 'F2', unavailable: unavailableL },
    ],
    groups: [{ id: 'G', size: 30 }],
    courses: [
      { id: 'T', sessions: 1, length: lengthT, faculty: ['F1'], groups: ['G'] },
      { id: 'L', sessions: 1, faculty: ['F2'], groups: ['G'] },
    ],
    rules: [{ kind: 'consecutive', courses: ['T', 'L'] }],
  };
}

const free = (n: number): Placement => ({
  slot: new Int32Array(n).fill(-1),
  room: new Int32Array(n).fill(-1),
});

/** Upper bounds of the start variables of T and L after the rule rows, by slot (-1: no variable, the start is forbidden). */
function bounds(s: TinySpec): { t: number[]; l: number[] } {
  const p = tinyProblem(s);
  const b = new ModelBuilder();
  const varAt = new Map<number, number>();
  for (let c = 0; c < p.nCourses; c++)
    for (let t = 0; t < p.nSlots; t++)
      if (p.startForbidden[c * p.nSlots + t] === 0) varAt.set(c * p.nSlots + t, b.addCol(0, 0, 1, true));
  const freeOf = new Map([
    [0, 1],
    [1, 1],
  ]);
  const none = free(p.nSessions);
  addRuleRows(ruleContext(p, b, Int32Array.of(0, 1), freeOf, varAt, occupancy(p, none), none));
  const up = (c: number): number[] =>
    Array.from({ length: p.nSlots }, (_, t) => {
      const j = varAt.get(c * p.nSlots + t);
      return j === undefined ? -1 : b.upperOf(j);
    });
  return { t: up(0), l: up(1) };
}

describe('consecutive rows of the MIP', () => {
  it('offer only starts where the pair sits in one block of adjacent periods', () => {
    // T at P2 would put L at P3, after the break; T at P4 has no period after it.
    expect(bounds(spec(1))).toEqual({ t: [1, 0, 1, 0], l: [0, 1, 0, 1] });
    // A two-period T fits at P1-P2 (then L would be after the break) or P3-P4 (nothing follows).
    expect(bounds(spec(2))).toEqual({ t: [0, -1, 0, -1], l: [0, 0, 0, 0] });
  });

  const runner = new MipRunner();
  beforeAll(() => runner.warmUp(), 60_000);
  afterAll(() => runner.close());

  it('places the pair in the one block where it fits, never across the break', async () => {
    // T may start at P2 or P3, L at P3 or P4: across the break (P2, P3) or within (P3, P4).
    const p = tinyProblem(spec(1, [0, 3], [0, 1]));
    const r = await mipSchedule(p, free(p.nSessions), [Int32Array.of(0, 1)], {
      timeLimitMs: 10_000,
      seed: 1,
      runner,
    });
    expect(Array.from(r.placement.slot)).toEqual([2, 3]);
    expect(evaluate(p, r.placement).hardTotal).toBe(0);
  });
});
