// The Calendar's terms (days_per_term consecutive days, src/shared/eval/terms.ts) as the term rows
// see them (maxTermsRows.ts, maxPerTermRows.ts): per term, the start variables of a rule's listed
// courses in this community and the distinct sessions of the listed courses already placed there.
import type { CompiledRule } from '../../shared/compiled/types.ts';
import { termOfSlot } from '../../shared/eval/terms.ts';
import type { RuleContext } from './ruleContext.ts';

export interface RuleTerms {
  /** Start columns of the listed free courses, per term. */
  cols: number[][];
  /** Placed sessions of the listed courses, per term. */
  placed: number[];
}

/** Null when no listed course has start variables here. */
export function ruleTerms(ctx: RuleContext, rule: CompiledRule): RuleTerms | null {
  const { p, placement } = ctx;
  const nTerms = Math.ceil(p.nDays / (p.daysPerTerm ?? p.nDays));
  const cs = [...new Set(rule.courses)];
  const mine = cs.filter((c) => ctx.inCommunity.has(c) && ctx.freeOf.has(c));
  if (mine.length === 0) return null;
  const cols: number[][] = Array.from({ length: nTerms }, () => []);
  const placed = new Array<number>(nTerms).fill(0);
  for (const c of cs)
    for (let s = p.courseFirstSession[c]; s < p.courseFirstSession[c] + p.courseSessionCount[c]; s++)
      if (placement.slot[s] >= 0) placed[termOfSlot(p, placement.slot[s])]++;
  for (const c of mine)
    for (let t = 0; t < p.nSlots; t++) {
      const j = ctx.x(c, t);
      if (j !== undefined) cols[termOfSlot(p, t)].push(j);
    }
  return { cols, placed };
}
