// max_slots and max_days_in_slots (docs/WORKBOOK.md "Rules"): rules over a list of slots (the
// rule's `slots`). Over the placed sessions of a rule's members, each counted once, a session
// covering the periods slot .. slot + span - 1 of its day:
// - max_slots: together they cover at most `value` of the listed slots (a slot covered by several
//   counts once; FET's activities occupy max time slots from selection); 1 per slot beyond;
// - max_days_in_slots: they cover a listed slot on at most `value` days (FET's interval max days
//   per week, the interval listed on every day); 1 per day beyond.
// The sessions to blame are those covering a listed slot. The full evaluator (rules.ts), the
// incremental one (incremental/RuleCosts.ts), the repair's rule check and the pre-check all count
// through slotBreak.
import type { CompiledProblem, CompiledRule } from '../compiled/types.ts';
import type { RuleKind } from '../model/types.ts';

export interface SlotBreak {
  cost: number;
  sessions: number[];
}

export function isSlotKind(kind: RuleKind): kind is 'max_slots' | 'max_days_in_slots' {
  return kind === 'max_slots' || kind === 'max_days_in_slots';
}

/**
 * What the rule breaks, given the placed sessions of its members (each once), their slots and
 * spans (periods covered); undefined when it holds.
 */
export function slotBreak(
  p: CompiledProblem,
  rule: CompiledRule,
  sessions: readonly number[],
  slot: Int32Array,
  span: Int32Array,
): SlotBreak | undefined {
  const listed = rule.slots;
  if (!listed) return undefined;
  const covered = new Set<number>();
  const blamed: number[] = [];
  const byDays = rule.kind === 'max_days_in_slots';
  for (const s of sessions) {
    let hit = false;
    for (let q = 0; q < span[s]; q++) {
      const t = slot[s] + q;
      if (listed[t] !== 1) continue;
      hit = true;
      covered.add(byDays ? (t / p.nPeriods) | 0 : t);
    }
    if (hit) blamed.push(s);
  }
  const extra = covered.size - rule.value;
  return extra > 0 ? { cost: extra, sessions: blamed } : undefined;
}

/** The rule's count: slotBreak's cost, 0 when it holds. */
export function slotCost(
  p: CompiledProblem,
  rule: CompiledRule,
  sessions: readonly number[],
  slot: Int32Array,
  span: Int32Array,
): number {
  return slotBreak(p, rule, sessions, slot, span)?.cost ?? 0;
}
