// Hard rules in the course-level MIP (WORKBOOK.md "Rules", counted as in src/shared/eval/rules.ts).
// A course's free sessions take its chosen starts in time order (applyStarts), so "session k with
// session k" becomes a relation between sorted start sets:
// - same_time: equal start sets; consecutive (and consecutive_across_break): B's starts are A's
//   shifted by A's length, same day, no break between (followsFor: a break allowed for _across_break);
// - same_day: as many sessions of A as of B on each day;
// - ordered: for every slot t, B's starts up to t never outnumber A's sessions ended by t;
// - same_period: as many starts of A as of B in each period (summed over the days); adjacent (and
//   adjacent_across_break): as many on each day, every start of A next to a start of B and the
//   reverse. For these the time order need not pair the sessions, so alignPairs re-pairs them after
//   the solve.
// Paired rules get these rows when all their courses are in this community with every session still
// free and equal session counts (a hard rule's courses form one community). A rule of two courses,
// one placed already (fixed sessions) and the other free, limits the free one's starts to those that
// pair with the placed sessions (alignPairs re-numbers them after the solve). Every other pairing
// rule, the rules naming single sessions (`course_id#k`) and min_gap get rows per session
// (sessionRows.ts), and so do the course-level rules of a course whose sessions those name. Day rules
// (different_days, min_days_apart, min_days_between) are in dayRuleRows.ts, same_room in
// sameRoomRows.ts, max_days_apart and ends_day in fetRuleRows.ts, adjacent_if_same_day in
// adjacentIfSameDayRows.ts, max_terms and max_per_term in maxTermsRows.ts and maxPerTermRows.ts.
import type { CompiledRule } from '../../shared/compiled/types.ts';
import { followsFor } from '../../shared/eval/followsDirectly.ts';
import { pairFits, pairingRulesOf } from './alignPairs.ts';
import { addAdjacentIfSameDayRows } from './adjacentIfSameDayRows.ts';
import { addDayRuleRows } from './dayRuleRows.ts';
import { addFetRuleRows } from './fetRuleRows.ts';
import { addMaxPerTermRows } from './maxPerTermRows.ts';
import { addMaxTermsRows } from './maxTermsRows.ts';
import { addMaxPerDayRows } from './maxPerDayRows.ts';
import { COL_AUX, ROW_PACK, ROW_PAIR } from './mipModel.ts';
import { RULE_SLACK_COST, type RuleContext, type RuleKindFilter } from './ruleContext.ts';
import { addSlotRuleRows } from './slotRuleRows.ts';
import { addSameRoomRows, type SameRoomChoice } from './sameRoomRows.ts';
import {
  addMemberRows,
  addSessionPairRows,
  namedSessions,
  PAIRED_KINDS,
  sessionRowKind,
} from './sessionRows.ts';
import { addSessionVars, type SessionVars } from './sessionVars.ts';

/** What the rule rows leave to apply after the solve: same_room choices and per-session starts. */
export interface RuleRowsResult {
  rooms: SameRoomChoice[];
  sessions: SessionVars;
}

/**
 * Adds the rows of every hard rule `wanted` accepts; with `slotRows`, the slot-list kinds too
 * (slotRuleRows.ts; otherwise left to local search).
 */
export function addRuleRows(
  ctx: RuleContext,
  wanted: RuleKindFilter = () => true,
  slotRows = false,
): RuleRowsResult {
  const { p } = ctx;
  const rooms: SameRoomChoice[] = [];
  const coursePairs: CompiledRule[] = [];
  const placedPartner: CompiledRule[] = [];
  const perSession: CompiledRule[] = [];
  for (const rule of p.rules) {
    if (!rule.hard || !wanted(rule.kind)) continue;
    const cs = Array.from(rule.courses);
    switch (rule.kind) {
      case 'different_days':
      case 'min_days_apart':
      case 'min_days_between':
        addDayRuleRows(ctx, rule);
        break;
      case 'same_room': {
        const choice = addSameRoomRows(ctx, cs);
        if (choice) rooms.push(choice);
        break;
      }
      case 'not_overlapping':
        break; // a resource of its own in the packing rows (buildModel.ts)
      case 'min_gap':
        perSession.push(rule);
        break;
      case 'max_days_apart':
      case 'ends_day':
        addFetRuleRows(ctx, rule);
        break;
      case 'same_room_if_consecutive':
        break; // rooms are chosen after this model: the room matching keeps it (consecutiveRooms.ts)
      case 'adjacent_if_same_day':
        addAdjacentIfSameDayRows(ctx, rule);
        break;
      case 'max_terms':
        addMaxTermsRows(ctx, rule);
        break;
      case 'max_per_term':
        addMaxPerTermRows(ctx, rule);
        break;
      case 'max_per_day':
        addMaxPerDayRows(ctx, rule);
        break;
      case 'max_slots':
      case 'max_days_in_slots':
      case 'max_continuous':
      case 'max_simultaneous':
      case 'min_simultaneous':
      case 'min_simultaneous_or_none':
      case 'max_sessions_in_slots':
      case 'preferred_starts':
      case 'preferred_slots':
        if (slotRows) addSlotRuleRows(ctx, rule);
        break; // else local search and the repair keep them
      case 'min_slots':
      case 'min_gap_counting_breaks':
      case 'ordered_if_same_day':
      case 'grouped':
      case 'not_overlapping_parts':
        break; // local search and the repair keep them
      default:
        if (pairable(ctx, cs)) coursePairs.push(rule);
        else if (cs.length === 2 && placedPartnerOf(ctx, rule.kind, cs[0], cs[1])) placedPartner.push(rule);
        else perSession.push(rule);
    }
  }
  for (const rule of p.sessionRules ?? [])
    if (rule.hard && wanted(rule.kind) && sessionRowKind(rule)) perSession.push(rule);
  // A course whose sessions are named one by one is numbered by its own variables, not by time
  // order: the course-level rows of its other pairing rules would not hold, so they go per session too.
  let named = namedSessions(ctx, perSession);
  for (let changed = true; changed;) {
    changed = false;
    const courses = new Set([...named].map((s) => p.sessionCourse[s]));
    for (const list of [coursePairs, placedPartner])
      for (let i = list.length - 1; i >= 0; i--)
        if (list[i].courses.some((c) => courses.has(c))) {
          perSession.push(...list.splice(i, 1));
          changed = true;
        }
    if (changed) named = namedSessions(ctx, perSession);
  }
  const sessions = addSessionVars(ctx, named);
  for (const rule of coursePairs) addPairRows(ctx, rule.kind, Array.from(rule.courses));
  for (const rule of placedPartner) addPlacedPartnerRows(ctx, rule.kind, rule.courses[0], rule.courses[1]);
  for (const rule of perSession)
    if (PAIRED_KINDS.has(rule.kind)) addSessionPairRows(ctx, sessions, rule);
    else addMemberRows(ctx, sessions, rule);
  return { rooms, sessions };
}

/** All courses in the community, every session free, equal session counts. */
function pairable(ctx: RuleContext, cs: readonly number[]): boolean {
  const { p } = ctx;
  return cs.every(
    (c) =>
      ctx.inCommunity.has(c) &&
      ctx.freeOf.get(c) === p.courseSessionCount[c] &&
      p.courseSessionCount[c] === p.courseSessionCount[cs[0]],
  );
}

function addPairRows(ctx: RuleContext, kind: CompiledRule['kind'], cs: readonly number[]): void {
  const fromFirst = kind === 'same_time' || kind === 'same_day' || kind === 'same_period';
  for (let i = 1; i < cs.length; i++) {
    const a = fromFirst ? cs[0] : cs[i - 1];
    const c = cs[i];
    if (a === c) continue;
    switch (kind) {
      case 'same_time':
      case 'consecutive':
      case 'consecutive_across_break':
        addShifted(ctx, kind, a, c, kind === 'same_time' ? 0 : ctx.p.courseLength[a]);
        break;
      case 'same_day':
        addEqualCounts(ctx, a, c, ctx.p.nDays, (s) => Math.floor(s / ctx.p.nPeriods));
        break;
      case 'same_period':
        addEqualCounts(ctx, a, c, ctx.p.nPeriods, (s) => s % ctx.p.nPeriods);
        break;
      case 'adjacent':
      case 'adjacent_across_break':
        addAdjacent(ctx, kind, a, c);
        break;
      case 'ordered':
        addOrdered(ctx, a, c);
        break;
      default:
        break;
    }
  }
}

/** x[c, s + shift] = x[a, s] (shift > 0: c follows a directly); starts with no partner are closed. */
function addShifted(ctx: RuleContext, kind: CompiledRule['kind'], a: number, c: number, shift: number): void {
  const { p, b, x } = ctx;
  const partnered = new Set<number>();
  for (let s = 0; s < p.nSlots; s++) {
    const ja = x(a, s);
    if (ja === undefined) continue;
    const t = s + shift;
    const jc = shift === 0 || followsFor(kind, p, s, shift, t) ? x(c, t) : undefined;
    if (jc === undefined) {
      b.setUpper(ja, 0);
      continue;
    }
    partnered.add(jc);
    b.addRow([ja, jc], [1, -1], 0, 0, ROW_PAIR);
  }
  for (let t = 0; t < p.nSlots; t++) {
    const jc = x(c, t);
    if (jc !== undefined && !partnered.has(jc)) b.setUpper(jc, 0);
  }
}

/** Per bucket (day or period), Σ x[a] = Σ x[c]. */
function addEqualCounts(
  ctx: RuleContext,
  a: number,
  c: number,
  buckets: number,
  bucketOf: (s: number) => number,
): void {
  const { p, b, x } = ctx;
  const cols: number[][] = Array.from({ length: buckets }, () => []);
  const vals: number[][] = Array.from({ length: buckets }, () => []);
  for (let s = 0; s < p.nSlots; s++) {
    const ja = x(a, s);
    const jc = x(c, s);
    const k = bucketOf(s);
    if (ja !== undefined) {
      cols[k].push(ja);
      vals[k].push(1);
    }
    if (jc !== undefined) {
      cols[k].push(jc);
      vals[k].push(-1);
    }
  }
  for (let k = 0; k < buckets; k++) {
    const hasA = vals[k].some((v) => v > 0);
    const hasC = vals[k].some((v) => v < 0);
    if (hasA && hasC) b.addRow(cols[k], vals[k], 0, 0, ROW_PAIR);
    else for (const j of cols[k]) b.setUpper(j, 0);
  }
}

/** Every start of a next to a start of c (either order, followsDirectly) and the reverse; equal counts per day. */
function addAdjacent(ctx: RuleContext, kind: CompiledRule['kind'], a: number, c: number): void {
  const { p, b, x } = ctx;
  const la = p.courseLength[a];
  const lc = p.courseLength[c];
  const near = (from: number, lenFrom: number, other: number, lenOther: number, s: number): number[] => {
    const out: number[] = [];
    const after = s + lenFrom;
    const ja = followsFor(kind, p, s, lenFrom, after) ? x(other, after) : undefined;
    if (ja !== undefined) out.push(ja);
    const before = s - lenOther;
    const jb = before >= 0 && followsFor(kind, p, before, lenOther, s) ? x(other, before) : undefined;
    if (jb !== undefined) out.push(jb);
    return out;
  };
  for (const [from, lenFrom, other, lenOther] of [
    [a, la, c, lc],
    [c, lc, a, la],
  ]) {
    for (let s = 0; s < p.nSlots; s++) {
      const j = x(from, s);
      if (j === undefined) continue;
      const partners = near(from, lenFrom, other, lenOther, s);
      if (partners.length === 0) b.setUpper(j, 0);
      else b.addRow([j, ...partners], [1, ...partners.map(() => -1)], -Infinity, 0, ROW_PAIR);
    }
  }
  addEqualCounts(ctx, a, c, p.nDays, (s) => Math.floor(s / p.nPeriods));
}

/**
 * Session k of a ends no later than session k of c starts, for every k: with both in time order,
 * for every start t of c, c's starts up to t are at most a's sessions ended by t. One slack (shared
 * by the rows, penalised) lets c place a session a could not.
 */
function addOrdered(ctx: RuleContext, a: number, c: number): void {
  const { p, b, x } = ctx;
  const la = p.courseLength[a];
  const slack = b.addCol(RULE_SLACK_COST, 0, Infinity, false, COL_AUX);
  const cStarts: number[] = [];
  const aEnded: number[] = [];
  let aNext = 0;
  for (let t = 0; t < p.nSlots; t++) {
    // a's sessions starting at s <= t - la have ended by t.
    for (; aNext + la <= t; aNext++) {
      const ja = x(a, aNext);
      if (ja !== undefined) aEnded.push(ja);
    }
    const jc = x(c, t);
    if (jc === undefined) continue;
    cStarts.push(jc);
    b.addRow(
      [...cStarts, ...aEnded, slack],
      [...cStarts.map(() => 1), ...aEnded.map(() => -1), -1],
      -Infinity,
      0,
      ROW_PACK,
    );
  }
}

/**
 * A two-course pairing rule with one course placed already and the other free here (and named by no
 * other pairing rule): the free course may start only where it pairs with a placed session, and for
 * same_day / same_period has no more starts on a day / in a period than the placed course.
 */
/** The (placed, free) courses of a two-course pairing rule that addPlacedPartnerRows states, or null. */
function placedPartnerOf(
  ctx: RuleContext,
  kind: CompiledRule['kind'],
  a: number,
  c: number,
): [number, number] | null {
  const { p, placement } = ctx;
  if (a === c || p.courseSessionCount[a] !== p.courseSessionCount[c] || !pairFits(p, kind, a, c)) return null;
  const placedAll = (k: number): boolean => {
    for (let s = p.courseFirstSession[k]; s < p.courseFirstSession[k] + p.courseSessionCount[k]; s++)
      if (placement.slot[s] < 0) return false;
    return true;
  };
  const freeHere = (k: number): boolean =>
    ctx.inCommunity.has(k) && ctx.freeOf.get(k) === p.courseSessionCount[k] && pairingRulesOf(p).get(k) === 1;
  if (placedAll(a) && freeHere(c)) return [a, c];
  if (placedAll(c) && freeHere(a)) return [c, a];
  return null;
}

function addPlacedPartnerRows(ctx: RuleContext, kind: CompiledRule['kind'], a: number, c: number): void {
  const { p, b, placement } = ctx;
  const pair = placedPartnerOf(ctx, kind, a, c);
  if (!pair) return;
  const [fixed, free] = pair;
  const fits = pairFits(p, kind, a, c);
  if (!fits) return;
  const slots: number[] = [];
  for (
    let s = p.courseFirstSession[fixed];
    s < p.courseFirstSession[fixed] + p.courseSessionCount[fixed];
    s++
  )
    slots.push(placement.slot[s]);
  const pairs = (t: number): boolean => slots.some((f) => (fixed === a ? fits(f, t) : fits(t, f)));
  const bucket =
    kind === 'same_day'
      ? (t: number): number => Math.floor(t / p.nPeriods)
      : kind === 'same_period'
        ? (t: number): number => t % p.nPeriods
        : null;
  const byBucket = new Map<number, number[]>();
  for (let t = 0; t < p.nSlots; t++) {
    const j = ctx.x(free, t);
    if (j === undefined) continue;
    if (!pairs(t)) b.setUpper(j, 0);
    else if (bucket) byBucket.set(bucket(t), [...(byBucket.get(bucket(t)) ?? []), j]);
  }
  if (!bucket) return;
  for (const [k, cols] of byBucket) {
    const room = slots.filter((f) => bucket(f) === k).length;
    if (cols.length > room) b.addRow(cols, null, -Infinity, room, ROW_PACK);
  }
}
