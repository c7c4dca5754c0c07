// Hard max_per_term over whole courses in the course-level MIP: at most `value` sessions of the
// listed courses in any one term (src/shared/eval/terms.ts). Per term:
//   Σ starts of the listed courses in the term - slack <= value - sessions already placed there
// with a penalised slack (one unit per session beyond, as the evaluator counts), so the model stays
// feasible when a community cannot keep the rule.
import type { CompiledRule } from '../../shared/compiled/types.ts';
import { COL_AUX, ROW_PACK } from './mipModel.ts';
import { RULE_SLACK_COST, type RuleContext } from './ruleContext.ts';
import { ruleTerms } from './termRows.ts';

/** Returns the rows added. */
export function addMaxPerTermRows(ctx: RuleContext, rule: CompiledRule): number {
  const { b } = ctx;
  const terms = ruleTerms(ctx, rule);
  if (!terms) return 0;
  let added = 0;
  terms.cols.forEach((cols, k) => {
    const room = Math.max(0, rule.value - terms.placed[k]);
    if (cols.length <= room) return;
    const slack = b.addCol(RULE_SLACK_COST, 0, Infinity, false, COL_AUX);
    b.addRow([...cols, slack], [...cols.map(() => 1), -1], -Infinity, room, ROW_PACK);
    added++;
  });
  return added;
}
