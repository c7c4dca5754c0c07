// Hard day rules in the course-level MIP, aggregated per day window rather than per session pair:
// - different_days: at most one session of the listed courses per day (sessions already placed count);
// - min_days_apart v: per listed course, at most one session in any v consecutive days (two sessions
//   fewer than v days apart always share such a window, and two in one window are fewer than v apart);
// - min_days_between v: in any v consecutive days, sessions of at most one of the listed courses,
//   through an indicator per course and window ("has a session in it").
// The window rows of the last two carry a penalised slack, so the model stays feasible when a
// community cannot keep them (local search and the repair take over).
import type { CompiledRule } from '../../shared/compiled/types.ts';
import { COL_AUX, COL_INDICATOR } from './mipModel.ts';
import { RULE_SLACK_COST, type RuleContext } from './ruleContext.ts';

/** Windows of v consecutive days: [first, last] day pairs (one window of all days when v >= nDays). */
function windows(nDays: number, v: number): Array<[number, number]> {
  const span = Math.max(1, Math.min(v, nDays));
  const out: Array<[number, number]> = [];
  for (let w = 0; w + span <= nDays; w++) out.push([w, w + span - 1]);
  return out;
}

export function addDayRuleRows(ctx: RuleContext, rule: CompiledRule): void {
  const cs = [...new Set(rule.courses)];
  const mine = cs.filter((c) => ctx.inCommunity.has(c) && ctx.freeOf.has(c));
  if (mine.length === 0) return;
  if (rule.kind === 'different_days') differentDays(ctx, cs, mine);
  else if (rule.kind === 'min_days_apart') minDaysApart(ctx, mine, rule.value);
  else minDaysBetween(ctx, cs, mine, rule.value);
}

function differentDays(ctx: RuleContext, cs: readonly number[], mine: readonly number[]): void {
  const { p, b, occ } = ctx;
  for (let d = 0; d < p.nDays; d++) {
    const cols = mine.flatMap((c) => ctx.dayCols(c, d));
    let placed = 0;
    for (const c of cs) placed += occ.courseDay[c * p.nDays + d];
    const room = Math.max(0, 1 - placed);
    if (cols.length > room) b.addRow(cols, null, -Infinity, room);
  }
}

function minDaysApart(ctx: RuleContext, mine: readonly number[], v: number): void {
  const { p, b, occ } = ctx;
  for (const c of mine) {
    for (const [from, to] of windows(p.nDays, v)) {
      const cols: number[] = [];
      let placed = 0;
      for (let d = from; d <= to; d++) {
        cols.push(...ctx.dayCols(c, d));
        placed += occ.courseDay[c * p.nDays + d];
      }
      const room = Math.max(0, 1 - placed);
      if (cols.length <= room) continue;
      cols.push(b.addCol(RULE_SLACK_COST, 0, Infinity, false, COL_AUX));
      b.addRow(cols, [...cols.slice(0, -1).map(() => 1), -1], -Infinity, room);
    }
  }
}

function minDaysBetween(ctx: RuleContext, cs: readonly number[], mine: readonly number[], v: number): void {
  const { p, b, occ } = ctx;
  for (const [from, to] of windows(p.nDays, v)) {
    let placedCourses = 0;
    for (const c of cs) {
      let n = 0;
      for (let d = from; d <= to; d++) n += occ.courseDay[c * p.nDays + d];
      placedCourses += n > 0 ? 1 : 0;
    }
    const room = Math.max(0, 1 - placedCourses);
    const zs: number[] = [];
    const parts: number[][] = [];
    for (const c of mine) {
      let placedHere = false;
      const cols: number[] = [];
      for (let d = from; d <= to; d++) {
        cols.push(...ctx.dayCols(c, d));
        if (occ.courseDay[c * p.nDays + d] > 0) placedHere = true;
      }
      // A course already in the window is counted in placedCourses; its new sessions add nothing.
      if (cols.length > 0 && !placedHere) parts.push(cols);
    }
    if (parts.length <= room) continue;
    for (const cols of parts) {
      const z = b.addCol(0, 0, 1, true, COL_INDICATOR);
      zs.push(z);
      const big = Math.min(cols.length, p.nPeriods * (to - from + 1));
      b.addRow([...cols, z], [...cols.map(() => 1), -big], -Infinity, 0);
    }
    const slack = b.addCol(RULE_SLACK_COST, 0, Infinity, false, COL_AUX);
    b.addRow([...zs, slack], [...zs.map(() => 1), -1], -Infinity, room);
  }
}
