// What the hard-rule rows (ruleRows.ts, dayRuleRows.ts, sameRoomRows.ts) need of a community's model:
// the builder, the community, what is already placed, and the start variables by course and slot.
import type { CompiledProblem, CompiledRule } from '../../shared/compiled/types.ts';
import type { Placement } from '../../shared/eval/types.ts';
import type { ModelBuilder } from './mipModel.ts';
import type { Occupancy } from './occupancy.ts';

/** Cost per unit of slack in a hard rule's row: above every soft cost, below a missed session. */
export const RULE_SLACK_COST = 400;

/** What the rule rows need of the community's model. */
export interface RuleContext {
  p: CompiledProblem;
  b: ModelBuilder;
  inCommunity: ReadonlySet<number>;
  freeOf: ReadonlyMap<number, number>;
  occ: Occupancy;
  /** Sessions already placed (slot and room), -1 = free. */
  placement: Placement;
  /** The start variable of course c at slot s, if any. */
  x: (c: number, s: number) => number | undefined;
  /** Start variables of course c on day d. */
  dayCols: (c: number, d: number) => number[];
}

/** Which kinds of hard rules get rows (all by default; tests switch kinds off to show what they do). */
export type RuleKindFilter = (kind: CompiledRule['kind']) => boolean;

export function ruleContext(
  p: CompiledProblem,
  b: ModelBuilder,
  courses: Int32Array,
  freeOf: ReadonlyMap<number, number>,
  varAt: ReadonlyMap<number, number>,
  occ: Occupancy,
  placement: Placement,
): RuleContext {
  const { nSlots, nPeriods } = p;
  const x = (c: number, s: number): number | undefined => varAt.get(c * nSlots + s);
  return {
    p,
    b,
    inCommunity: new Set(courses),
    freeOf,
    occ,
    placement,
    x,
    dayCols: (c, d) => {
      const out: number[] = [];
      for (let s = d * nPeriods; s < (d + 1) * nPeriods; s++) {
        const j = x(c, s);
        if (j !== undefined) out.push(j);
      }
      return out;
    },
  };
}
