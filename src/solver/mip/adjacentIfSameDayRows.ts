// Hard adjacent_if_same_day over whole courses in the course-level MIP: two sessions of the listed
// courses (also of one course) on the same day must be back to back (followsDirectly.ts, either
// order). So a day holds at most two of them, and a start rules out, on its day, every start of the
// listed courses that is not back to back with it:
//   per day:    Σ starts of the listed courses that day - slack <= 2 - placed that day
//   per start:  M x[c, t] + Σ (starts that day not back to back with (c, t)) - slack <= M
// A start on a day that holds an already placed session it is not back to back with is penalised
// outright. Every row carries a penalised slack, so the model stays feasible when a community cannot
// keep the rule (local search and the repair take over).
import type { CompiledRule } from '../../shared/compiled/types.ts';
import { followsDirectly } from '../../shared/eval/followsDirectly.ts';
import { COL_AUX, ROW_PACK } from './mipModel.ts';
import { RULE_SLACK_COST, type RuleContext } from './ruleContext.ts';

/** Returns the rows added. */
export function addAdjacentIfSameDayRows(ctx: RuleContext, rule: CompiledRule): number {
  const { p, b, placement } = ctx;
  const P = p.nPeriods;
  const cs = [...new Set(rule.courses)];
  const mine = cs.filter((c) => ctx.inCommunity.has(c) && ctx.freeOf.has(c));
  if (mine.length === 0) return 0;
  const backToBack = (c1: number, t1: number, c2: number, t2: number): boolean =>
    followsDirectly(p, t1, p.courseLength[c1], t2) || followsDirectly(p, t2, p.courseLength[c2], t1);
  // Placed sessions of the listed courses, by day: [course, slot].
  const placedOn: Array<Array<[number, number]>> = Array.from({ length: p.nDays }, () => []);
  for (const c of cs)
    for (let s = p.courseFirstSession[c]; s < p.courseFirstSession[c] + p.courseSessionCount[c]; s++) {
      const t = placement.slot[s];
      if (t >= 0) placedOn[Math.floor(t / P)].push([c, t]);
    }
  const slack = (): number => b.addCol(RULE_SLACK_COST, 0, Infinity, false, COL_AUX);
  let added = 0;
  for (let d = 0; d < p.nDays; d++) {
    const starts: Array<[number, number, number]> = []; // course, slot, column
    for (const c of mine)
      for (let t = d * P; t < (d + 1) * P; t++) {
        const j = ctx.x(c, t);
        if (j !== undefined) starts.push([c, t, j]);
      }
    if (starts.length === 0) continue;
    const room = Math.max(0, 2 - placedOn[d].length);
    if (starts.length > room) {
      const cols = starts.map(([, , j]) => j);
      b.addRow([...cols, slack()], [...cols.map(() => 1), -1], -Infinity, room, ROW_PACK);
      added++;
    }
    for (const [c, t, j] of starts) {
      if (placedOn[d].some(([c2, t2]) => !backToBack(c, t, c2, t2))) {
        b.addRow([j, slack()], [1, -1], -Infinity, 0, ROW_PACK);
        added++;
        continue;
      }
      const apart = starts
        .filter(([c2, t2, j2]) => j2 !== j && !backToBack(c, t, c2, t2))
        .map(([, , j2]) => j2);
      if (apart.length === 0) continue;
      const big = apart.length;
      b.addRow([j, ...apart, slack()], [big, ...apart.map(() => 1), -1], -Infinity, big, ROW_PACK);
      added++;
    }
  }
  return added;
}
