// The Rules kinds over a list of slots, the rule's `slots` (docs/WORKBOOK.md "Rules"). Over the
// placed sessions of a rule's members, each counted once, a session covering the periods slot ..
// slot + span - 1 of its day:
// - max_slots: together they cover at most `value` of the listed slots (a slot covered by several
//   counts once; FET's activities occupy max time slots from selection); 1 per slot beyond;
// - min_slots: together they cover at least `value` of the listed slots, counted as for max_slots;
//   1 per slot missing (FET's activities occupy min time slots from selection);
// - max_days_in_slots: they cover a listed slot on at most `value` days (FET's interval max days
//   per week, the interval listed on every day); 1 per day beyond;
// - max_simultaneous: at most `value` of them cover each listed slot; 1 per session beyond, per slot
//   (FET's activities max simultaneous in selected time slots);
// - min_simultaneous: at least `value` of them cover each listed slot; 1 per session missing, per
//   slot; min_simultaneous_or_none keeps a listed slot that none covers, and counts a slot short of
//   value the fewer of the sessions missing and the sessions there (to fill it or to empty it: one
//   session moved into an empty slot counts 1, not value - 1) (FET's activities min simultaneous in
//   selected time slots, without and with "allow empty slots");
// - max_sessions_in_slots: at most `value` of them cover a listed slot; 1 per session beyond (FET's
//   max total activities from set in selected time slots);
// - preferred_starts: each starts at a listed slot; 1 per session starting elsewhere;
// - preferred_slots: each covers listed slots only; 1 per session covering another slot (FET's
//   preferred starting times and preferred time slots, kept soft).
// The sessions to blame are those covering (or starting at) the slots that break the rule; for the
// three minimum kinds, every session of the rule (any of them may fill the slot). The full evaluator
// (rules.ts), the incremental one (incremental/RuleCosts.ts), the repair's rule check and the
// pre-check all count through slotBreak.
import type { CompiledProblem, CompiledRule } from '../compiled/types.ts';
import type { RuleKind } from '../model/types.ts';

export const SLOT_KINDS = [
  'max_slots',
  'max_days_in_slots',
  'max_simultaneous',
  'min_simultaneous',
  'min_simultaneous_or_none',
  'max_sessions_in_slots',
  'preferred_starts',
  'preferred_slots',
  'min_slots',
] as const satisfies readonly RuleKind[];
export type SlotKind = (typeof SLOT_KINDS)[number];

export interface SlotBreak {
  cost: number;
  sessions: number[];
}

export function isSlotKind(kind: RuleKind): kind is SlotKind {
  return (SLOT_KINDS as readonly RuleKind[]).includes(kind);
}

/** Sessions per slot, reused between calls (left all 0 after each). */
let perSlot = new Int32Array(0);

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
  switch (rule.kind) {
    case 'max_simultaneous':
    case 'min_simultaneous':
    case 'min_simultaneous_or_none':
      return simultaneous(p, rule, listed, sessions, slot, span);
    case 'preferred_starts':
    case 'preferred_slots': {
      const blamed = sessions.filter((s) => {
        if (rule.kind === 'preferred_starts') return listed[slot[s]] !== 1;
        for (let q = 0; q < span[s]; q++) if (listed[slot[s] + q] !== 1) return true;
        return false;
      });
      return blamed.length > 0 ? { cost: blamed.length, sessions: blamed } : undefined;
    }
  }
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
  if (rule.kind === 'min_slots') {
    const missing = rule.value - covered.size;
    return missing > 0 ? { cost: missing, sessions: [...sessions] } : undefined;
  }
  const extra = (rule.kind === 'max_sessions_in_slots' ? blamed.length : covered.size) - rule.value;
  return extra > 0 ? { cost: extra, sessions: blamed } : undefined;
}

/** max_simultaneous, min_simultaneous and min_simultaneous_or_none: the sessions in each listed slot. */
function simultaneous(
  p: CompiledProblem,
  rule: CompiledRule,
  listed: Uint8Array,
  sessions: readonly number[],
  slot: Int32Array,
  span: Int32Array,
): SlotBreak | undefined {
  if (perSlot.length < p.nSlots) perSlot = new Int32Array(p.nSlots);
  const n = perSlot;
  for (const s of sessions) for (let q = 0; q < span[s]; q++) n[slot[s] + q]++;
  let cost = 0;
  const v = rule.value;
  for (let t = 0; t < p.nSlots; t++) {
    if (listed[t] !== 1) continue;
    if (rule.kind === 'max_simultaneous') cost += n[t] > v ? n[t] - v : 0;
    else if (n[t] < v && rule.kind === 'min_simultaneous') cost += v - n[t];
    else if (n[t] < v) cost += Math.min(v - n[t], n[t]);
  }
  let blamed: number[] = [];
  if (cost > 0)
    blamed =
      rule.kind === 'max_simultaneous'
        ? sessions.filter((s) => {
            for (let q = 0; q < span[s]; q++)
              if (listed[slot[s] + q] === 1 && n[slot[s] + q] > v) return true;
            return false;
          })
        : [...sessions];
  for (const s of sessions) for (let q = 0; q < span[s]; q++) n[slot[s] + q] = 0;
  return cost > 0 ? { cost, sessions: blamed } : undefined;
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
