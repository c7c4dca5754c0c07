// Hard max_days_apart and ends_day rules over whole courses in the course-level MIP (rules naming
// single sessions are left to local search and the repair; same_room_if_consecutive, which rooms
// decide after this model, to the room matching, consecutiveRooms.ts):
// - max_days_apart v: an indicator per day "a listed course starts a session that day" (implied by
//   the starts), and for every two days more than v apart at most one of them used; a day holding
//   an already placed session of the listed courses counts as used.
// - ends_day: a start of a listed course excludes, on its day, every start of a course sharing
//   students with it that would end later (one row per start: M x + Σ later ≤ M), and is excluded
//   outright by an already placed session of those students ending later; an already placed session
//   of a listed course excludes the later-ending starts of its students that day.
// Each row carries a penalised slack, so the model stays feasible when a community cannot keep them.
import type { CompiledRule } from '../../shared/compiled/types.ts';
import { allGroupMates } from '../../shared/compiled/ruleWatch.ts';
import { spanAt } from '../../shared/compiled/span.ts';
import { COL_AUX, COL_INDICATOR } from './mipModel.ts';
import { RULE_SLACK_COST, type RuleContext } from './ruleContext.ts';

export function addFetRuleRows(ctx: RuleContext, rule: CompiledRule): void {
  if (rule.kind === 'max_days_apart') maxDaysApart(ctx, rule);
  else if (rule.kind === 'ends_day') endsDay(ctx, rule);
}

function maxDaysApart(ctx: RuleContext, rule: CompiledRule): void {
  const { p, b, placement } = ctx;
  const v = rule.value;
  if (v + 1 >= p.nDays) return;
  const cs = [...new Set(rule.courses)];
  const mine = cs.filter((c) => ctx.inCommunity.has(c) && ctx.freeOf.has(c));
  if (mine.length === 0) return;
  const placedDay = new Uint8Array(p.nDays);
  for (const c of cs)
    for (let s = p.courseFirstSession[c]; s < p.courseFirstSession[c] + p.courseSessionCount[c]; s++)
      if (placement.slot[s] >= 0) placedDay[Math.floor(placement.slot[s] / p.nPeriods)] = 1;
  // used[d]: 1 when placed, else the day's indicator (undefined when no start is possible that day).
  const used: Array<number | 'placed' | undefined> = [];
  for (let d = 0; d < p.nDays; d++) {
    if (placedDay[d]) {
      used.push('placed');
      continue;
    }
    const cols = mine.flatMap((c) => ctx.dayCols(c, d));
    if (cols.length === 0) {
      used.push(undefined);
      continue;
    }
    const y = b.addCol(0, 0, 1, true, COL_INDICATOR);
    b.addRow([...cols, y], [...cols.map(() => 1), -cols.length], -Infinity, 0);
    used.push(y);
  }
  for (let d1 = 0; d1 < p.nDays; d1++)
    for (let d2 = d1 + v + 1; d2 < p.nDays; d2++) {
      const a = used[d1];
      const c = used[d2];
      if (a === undefined || c === undefined || (a === 'placed' && c === 'placed')) continue;
      const cols = [a, c].filter((x): x is number => x !== 'placed');
      const room = a === 'placed' || c === 'placed' ? 0 : 1;
      const slack = b.addCol(RULE_SLACK_COST, 0, Infinity, false, COL_AUX);
      b.addRow([...cols, slack], [...cols.map(() => 1), -1], -Infinity, room);
    }
}

function endsDay(ctx: RuleContext, rule: CompiledRule): void {
  const { p, b, placement } = ctx;
  const nP = p.nPeriods;
  const mates = allGroupMates(p);
  /** Start columns of courses sharing students with c on day d that end after `end`, but (c, t) itself. */
  const laterCols = (c: number, d: number, end: number, t: number): number[] => {
    const out: number[] = [];
    for (const m of mates[c])
      for (let s = d * nP; s < (d + 1) * nP; s++) {
        if (m === c && s === t) continue;
        const j = ctx.x(m, s);
        if (j !== undefined && s + spanAt(p, m, s) > end) out.push(j);
      }
    return out;
  };
  /** A placed session of c's students on day d ending after `end`? */
  const placedLater = (c: number, d: number, end: number): boolean => {
    for (const m of mates[c])
      for (let s = p.courseFirstSession[m]; s < p.courseFirstSession[m] + p.courseSessionCount[m]; s++) {
        const t = placement.slot[s];
        if (t >= 0 && Math.floor(t / nP) === d && t + spanAt(p, m, t) > end) return true;
      }
    return false;
  };
  const slack = (): number => b.addCol(RULE_SLACK_COST, 0, Infinity, false, COL_AUX);
  for (const c of new Set(rule.courses)) {
    if (mates[c].length === 0) continue;
    // Free starts of the listed course.
    if (ctx.inCommunity.has(c) && ctx.freeOf.has(c))
      for (let t = 0; t < p.nSlots; t++) {
        const j = ctx.x(c, t);
        if (j === undefined) continue;
        const d = Math.floor(t / nP);
        const end = t + spanAt(p, c, t);
        if (placedLater(c, d, end)) {
          b.addRow([j, slack()], [1, -1], -Infinity, 0);
          continue;
        }
        const later = laterCols(c, d, end, t);
        if (later.length === 0) continue;
        const big = later.length;
        b.addRow([j, ...later, slack()], [big, ...later.map(() => 1), -1], -Infinity, big);
      }
    // Placed sessions of the listed course: nothing of its students may end later that day.
    for (let s = p.courseFirstSession[c]; s < p.courseFirstSession[c] + p.courseSessionCount[c]; s++) {
      const t = placement.slot[s];
      if (t < 0) continue;
      const later = laterCols(c, Math.floor(t / nP), t + spanAt(p, c, t), -1);
      if (later.length > 0) b.addRow([...later, slack()], [...later.map(() => 1), -1], -Infinity, 0);
    }
  }
}
