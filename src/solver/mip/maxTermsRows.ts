// Hard max_terms over whole courses in the course-level MIP: the sessions of the listed courses
// occupy at most `value` terms (src/shared/eval/terms.ts). An indicator per term not occupied yet
// ("a listed course starts a session in it", implied by the starts), and
//   Σ indicators - slack <= value - terms occupied by already placed sessions
// with a penalised slack, so the model stays feasible when a community cannot keep the rule.
import type { CompiledRule } from '../../shared/compiled/types.ts';
import { COL_AUX, COL_INDICATOR, ROW_PACK } from './mipModel.ts';
import { RULE_SLACK_COST, type RuleContext } from './ruleContext.ts';
import { ruleTerms } from './termRows.ts';

/** Returns the rows added. */
export function addMaxTermsRows(ctx: RuleContext, rule: CompiledRule): number {
  const { b } = ctx;
  const terms = ruleTerms(ctx, rule);
  if (!terms) return 0;
  const occupied = terms.placed.filter((n) => n > 0).length;
  const open = terms.cols.filter((cols, k) => terms.placed[k] === 0 && cols.length > 0);
  const room = Math.max(0, rule.value - occupied);
  // Terms the starts could newly occupy: no more than the rule allows, nothing to state.
  if (open.length <= room) return 0;
  const ys = open.map((cols) => {
    const y = b.addCol(0, 0, 1, true, COL_INDICATOR);
    b.addRow([...cols, y], [...cols.map(() => 1), -cols.length], -Infinity, 0, ROW_PACK);
    return y;
  });
  const slack = b.addCol(RULE_SLACK_COST, 0, Infinity, false, COL_AUX);
  b.addRow([...ys, slack], [...ys.map(() => 1), -1], -Infinity, room, ROW_PACK);
  return ys.length + 1;
}
