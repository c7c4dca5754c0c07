// max_terms and max_per_term (docs/WORKBOOK.md "Rules"): the Calendar's days fall into terms of
// days_per_term consecutive days (FET's Terms mode; none given = the whole week is one term). Over
// the placed sessions of a rule's members, each counted once:
// - max_terms: they occupy at most `value` terms; 1 per term beyond, every session to blame;
// - max_per_term: at most `value` of them in any one term; 1 per session beyond, per term, that
//   term's sessions to blame.
// The full evaluator (rules.ts), the incremental one (incremental/RuleCosts.ts) and the repair's rule
// check (solver/search/repair/ruleCheck.ts) all count through termBreaks.
import type { CompiledProblem, CompiledRule } from '../compiled/types.ts';
import type { RuleKind } from '../model/types.ts';

export interface TermBreak {
  cost: number;
  sessions: number[];
}

export function isTermKind(kind: RuleKind): kind is 'max_terms' | 'max_per_term' {
  return kind === 'max_terms' || kind === 'max_per_term';
}

/** The term (0-based) of a slot. */
export function termOfSlot(p: CompiledProblem, slot: number): number {
  return Math.floor(Math.floor(slot / p.nPeriods) / (p.daysPerTerm ?? p.nDays));
}

/** What the rule breaks, given the placed sessions of its members (each once) and their slots. */
export function termBreaks(
  p: CompiledProblem,
  rule: CompiledRule,
  sessions: readonly number[],
  slot: Int32Array,
): TermBreak[] {
  const byTerm = new Map<number, number[]>();
  for (const s of sessions) {
    const t = termOfSlot(p, slot[s]);
    const list = byTerm.get(t);
    if (list) list.push(s);
    else byTerm.set(t, [s]);
  }
  if (rule.kind === 'max_terms') {
    const extra = byTerm.size - rule.value;
    return extra > 0 ? [{ cost: extra, sessions: [...sessions] }] : [];
  }
  const out: TermBreak[] = [];
  for (const t of [...byTerm.keys()].sort((a, b) => a - b)) {
    const list = byTerm.get(t)!;
    if (list.length > rule.value) out.push({ cost: list.length - rule.value, sessions: list });
  }
  return out;
}

/** The rule's count: the sum of termBreaks' costs. */
export function termCost(
  p: CompiledProblem,
  rule: CompiledRule,
  sessions: readonly number[],
  slot: Int32Array,
): number {
  let n = 0;
  for (const b of termBreaks(p, rule, sessions, slot)) n += b.cost;
  return n;
}
