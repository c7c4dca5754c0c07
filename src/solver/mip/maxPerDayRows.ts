// Hard max_per_day over whole courses in the course-level MIP (src/shared/eval/dayLimitRules.ts),
// when no two sessions of the listed courses may overlap (every two of the courses, and each course
// with itself, share a faculty member or a student set: a hard clash): the periods they cover on a
// day are then the sum of their lengths. Per day:
//   Σ length × starts of the listed courses that day - slack <= value - periods already covered
// with a penalised slack (one unit per period beyond, as the evaluator counts), so the model stays
// feasible when a community cannot keep the rule. Other max_per_day rules are left to local search.
import type { CompiledProblem, CompiledRule, Csr } from '../../shared/compiled/types.ts';
import { COL_AUX, ROW_PACK } from './mipModel.ts';
import { RULE_SLACK_COST, type RuleContext } from './ruleContext.ts';

function shares(m: Csr, a: number, b: number): boolean {
  for (let i = m.offsets[a]; i < m.offsets[a + 1]; i++)
    for (let j = m.offsets[b]; j < m.offsets[b + 1]; j++) if (m.items[i] === m.items[j]) return true;
  return false;
}

/** Every two sessions of the courses (also two of one course) clash when they overlap. */
function neverOverlap(p: CompiledProblem, cs: number[]): boolean {
  for (let i = 0; i < cs.length; i++)
    for (let j = i; j < cs.length; j++)
      if (!shares(p.courseFaculty, cs[i], cs[j]) && !shares(p.courseStudentSets, cs[i], cs[j])) return false;
  return true;
}

/** Returns the rows added. */
export function addMaxPerDayRows(ctx: RuleContext, rule: CompiledRule): number {
  const { p, b, placement } = ctx;
  const cs = [...new Set(rule.courses)];
  const mine = cs.filter((c) => ctx.inCommunity.has(c) && ctx.freeOf.has(c));
  if (mine.length === 0 || !neverOverlap(p, cs)) return 0;
  const nP = p.nPeriods;
  let added = 0;
  for (let d = 0; d < p.nDays; d++) {
    // Periods of the day already covered by placed sessions of the listed courses.
    const covered = new Uint8Array(nP);
    for (const c of cs)
      for (let s = p.courseFirstSession[c]; s < p.courseFirstSession[c] + p.courseSessionCount[c]; s++) {
        const t = placement.slot[s];
        if (t < d * nP || t >= (d + 1) * nP) continue;
        for (let q = t - d * nP; q < Math.min(nP, t - d * nP + p.courseLength[c]); q++) covered[q] = 1;
      }
    const room = Math.max(0, rule.value - covered.reduce((n, v) => n + v, 0));
    const cols: number[] = [];
    const coefs: number[] = [];
    let most = 0;
    for (const c of mine) {
      const day = ctx.dayCols(c, d);
      for (const j of day) {
        cols.push(j);
        coefs.push(p.courseLength[c]);
      }
      if (day.length > 0) most += p.courseLength[c] * (ctx.freeOf.get(c) ?? 0);
    }
    if (most <= room) continue;
    const slack = b.addCol(RULE_SLACK_COST, 0, Infinity, false, COL_AUX);
    b.addRow([...cols, slack], [...coefs, -1], -Infinity, room, ROW_PACK);
    added++;
  }
  return added;
}
