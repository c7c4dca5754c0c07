// Hard slot-list rules in the course-level MIP (src/shared/eval/slotRules.ts counts them), for the
// neighbourhood re-solves (BuildOptions.slotRuleRows; the stage's MIPs leave them to local search,
// since a rule's other courses are often placed later there). With cover(t) = the starts of the
// rule's free courses that cover slot t and placed(t) = the placed sessions of its courses covering
// t, each with a penalised slack (one unit per unit the evaluator counts), per listed slot t:
// - min_simultaneous: cover(t) + slack >= value - placed(t);
// - min_simultaneous_or_none: with a binary y(t) (the slot is used): cover(t) + slack >= value·y(t)
//   - placed(t) and cover(t) + placed(t) - M·y(t) - slack' <= 0 (empty, or at least value);
// - max_simultaneous: cover(t) - slack <= value - placed(t);
// and once per rule:
// - max_sessions_in_slots: Σ starts touching a listed slot - slack <= value - placed sessions touching one;
// - preferred_starts / preferred_slots: Σ starts not at a listed slot (not only covering listed
//   slots) - slack <= 0, per course.
// max_slots and max_days_in_slots are left to local search.
import type { CompiledRule } from '../../shared/compiled/types.ts';
import { COL_AUX, COL_INDICATOR, ROW_FREE, ROW_PACK } from './mipModel.ts';
import { RULE_SLACK_COST, type RuleContext } from './ruleContext.ts';

/** The rule kinds this file adds rows for. */
export const SLOT_ROW_KINDS: ReadonlySet<CompiledRule['kind']> = new Set([
  'min_simultaneous',
  'min_simultaneous_or_none',
  'max_simultaneous',
  'max_sessions_in_slots',
  'preferred_starts',
  'preferred_slots',
]);

/** Returns the rows added. */
export function addSlotRuleRows(ctx: RuleContext, rule: CompiledRule): number {
  const { p, b, placement } = ctx;
  const listed = rule.slots;
  if (!listed || !SLOT_ROW_KINDS.has(rule.kind)) return 0;
  const cs = [...new Set(rule.courses)];
  const mine = cs.filter((c) => ctx.inCommunity.has(c) && ctx.freeOf.has(c));
  if (mine.length === 0) return 0;
  const { nSlots, nPeriods } = p;
  const len = (c: number): number => p.courseLength[c];
  const covers = (t0: number, c: number, t: number): boolean => t0 <= t && t < t0 + len(c);
  const touches = (t0: number, c: number): boolean => {
    for (let q = 0; q < len(c); q++) if (listed[t0 + q] === 1) return true;
    return false;
  };
  // Placed sessions of the rule's courses: per slot covered, and those touching a listed slot.
  const placed = new Int32Array(nSlots);
  let placedTouching = 0;
  for (const c of cs)
    for (let s = p.courseFirstSession[c]; s < p.courseFirstSession[c] + p.courseSessionCount[c]; s++) {
      const t0 = placement.slot[s];
      if (t0 < 0) continue;
      for (let q = 0; q < len(c); q++) placed[t0 + q]++;
      if (touches(t0, c)) placedTouching++;
    }
  const slack = (): number => b.addCol(RULE_SLACK_COST, 0, Infinity, false, COL_AUX);
  /** Start variables of the free courses covering slot t. */
  const coverCols = (t: number): number[] => {
    const out: number[] = [];
    const day = Math.floor(t / nPeriods);
    for (const c of mine)
      for (let t0 = Math.max(day * nPeriods, t - len(c) + 1); t0 <= t; t0++) {
        const j = ctx.x(c, t0);
        if (j !== undefined && covers(t0, c, t)) out.push(j);
      }
    return out;
  };
  let added = 0;
  if (rule.kind === 'preferred_starts' || rule.kind === 'preferred_slots') {
    for (const c of mine) {
      const cols: number[] = [];
      for (let t0 = 0; t0 < nSlots; t0++) {
        const j = ctx.x(c, t0);
        if (j === undefined) continue;
        let off = listed[t0] !== 1;
        if (rule.kind === 'preferred_slots') for (let q = 1; q < len(c); q++) off ||= listed[t0 + q] !== 1;
        if (off) cols.push(j);
      }
      if (cols.length === 0) continue;
      b.addRow([...cols, slack()], [...cols.map(() => 1), -1], -Infinity, 0, ROW_PACK);
      added++;
    }
    return added;
  }
  if (rule.kind === 'max_sessions_in_slots') {
    const cols: number[] = [];
    for (const c of mine)
      for (let t0 = 0; t0 < nSlots; t0++) {
        const j = ctx.x(c, t0);
        if (j !== undefined && touches(t0, c)) cols.push(j);
      }
    const room = rule.value - placedTouching;
    if (cols.length === 0) return 0;
    b.addRow([...cols, slack()], [...cols.map(() => 1), -1], -Infinity, room, ROW_PACK);
    return 1;
  }
  // Most sessions that could cover one slot: every free session of the courses.
  let most = 0;
  for (const c of mine) most += ctx.freeOf.get(c) ?? 0;
  for (let t = 0; t < nSlots; t++) {
    if (listed[t] !== 1) continue;
    const cols = coverCols(t);
    const ones = cols.map(() => 1);
    const v = rule.value;
    if (rule.kind === 'max_simultaneous') {
      if (Math.min(cols.length, most) <= v - placed[t]) continue;
      b.addRow([...cols, slack()], [...ones, -1], -Infinity, v - placed[t], ROW_PACK);
      added++;
    } else if (rule.kind === 'min_simultaneous') {
      if (placed[t] >= v) continue;
      b.addRow([...cols, slack()], [...ones, 1], v - placed[t], Infinity, ROW_FREE);
      added++;
    } else if (placed[t] < v) {
      // min_simultaneous_or_none: y = 1 when the slot is used.
      const y = b.addCol(0, 0, 1, true, COL_INDICATOR);
      b.addRow([...cols, slack(), y], [...ones, 1, -v], -placed[t], Infinity, ROW_FREE);
      const big = most + placed[t];
      b.addRow([...cols, slack(), y], [...ones, -1, -big], -Infinity, -placed[t], ROW_FREE);
      added += 2;
    }
  }
  return added;
}
