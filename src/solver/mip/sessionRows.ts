// Hard rules that the course-level rows (ruleRows.ts) cannot state, stated per session: rules naming
// single sessions (`course_id#k`), pairing rules whose courses are not all free here (partly fixed
// courses, a course placed before, courses of other communities, three or more courses with some
// placed), and min_gap.
// A session named by such a rule and still free gets start variables of its own, y[s, t]
// (sessionVars.ts).
// Rows, each rule with one penalised slack σ (so the community stays feasible when it cannot keep it):
// - pairing kinds, per pair (session k of A, session k of B): for every start of B, B there needs A at
//   a start that pairs with it (pairStarts), and the reverse; a placed session is a constant;
// - different_days: per day at most one session of the members; not_overlapping: per period at most
//   one session of the members covering it; min_days_between v: per window of v days at most one
//   member with a session in it (an indicator per member);
// - min_gap v: a start at t of a session of length ℓ leaves free every other start of the members on
//   that day in [t, t + ℓ + v - 1] (one row per start, its count as coefficient).
import type { CompiledRule } from '../../shared/compiled/types.ts';
import { memberCount, memberFirst } from '../../shared/compiled/ruleMembers.ts';
import { followsFor } from '../../shared/eval/followsDirectly.ts';
import { COL_AUX, COL_INDICATOR, ROW_PACK } from './mipModel.ts';
import { RULE_SLACK_COST, type RuleContext } from './ruleContext.ts';
import type { SessionVars } from './sessionVars.ts';

/** Kinds that pair session k with session k. */
export const PAIRED_KINDS: ReadonlySet<CompiledRule['kind']> = new Set([
  'same_time',
  'same_day',
  'same_period',
  'consecutive',
  'ordered',
  'adjacent',
  'consecutive_across_break',
  'adjacent_across_break',
]);
/** Kinds of session rules that get rows here besides the paired ones. */
const MEMBER_KINDS: ReadonlySet<CompiledRule['kind']> = new Set([
  'different_days',
  'not_overlapping',
  'min_days_between',
  'min_gap',
]);

/** Does a session of course a at slot ta pair with one of course c at tc under the rule kind? */
export function pairStarts(
  ctx: RuleContext,
  kind: CompiledRule['kind'],
  a: number,
  c: number,
): (ta: number, tc: number) => boolean {
  const { p } = ctx;
  const la = p.courseLength[a];
  const lc = p.courseLength[c];
  const day = (t: number): number => Math.floor(t / p.nPeriods);
  switch (kind) {
    case 'same_time':
      return (ta, tc) => ta === tc;
    case 'same_day':
      return (ta, tc) => day(ta) === day(tc);
    case 'same_period':
      return (ta, tc) => ta % p.nPeriods === tc % p.nPeriods;
    case 'ordered':
      return (ta, tc) => ta + la <= tc;
    case 'consecutive':
    case 'consecutive_across_break':
      return (ta, tc) => followsFor(kind, p, ta, la, tc);
    case 'adjacent':
    case 'adjacent_across_break':
      return (ta, tc) => followsFor(kind, p, ta, la, tc) || followsFor(kind, p, tc, lc, ta);
    default:
      return () => true;
  }
}

/** Where a session can start: its own variables, a constant slot (placed), or nothing known (null). */
type Starts = { kind: 'vars'; cols: Map<number, number> } | { kind: 'placed'; slot: number } | null;

/** Session pairs (session k of member a, session k of member i) of a paired rule. */
function sessionPairs(ctx: RuleContext, rule: CompiledRule): Array<[number, number, number, number]> {
  const { p } = ctx;
  const fromFirst = rule.kind === 'same_time' || rule.kind === 'same_day' || rule.kind === 'same_period';
  const out: Array<[number, number, number, number]> = [];
  for (let i = 1; i < rule.courses.length; i++) {
    const a = fromFirst ? 0 : i - 1;
    const n = Math.min(memberCount(p, rule, a), memberCount(p, rule, i));
    for (let k = 0; k < n; k++)
      out.push([memberFirst(p, rule, a) + k, memberFirst(p, rule, i) + k, rule.courses[a], rule.courses[i]]);
  }
  return out;
}

/** Is session s still free and its course one this model places? */
function freeHere(ctx: RuleContext, s: number): boolean {
  return (
    ctx.placement.slot[s] < 0 &&
    ctx.inCommunity.has(ctx.p.sessionCourse[s]) &&
    ctx.freeOf.has(ctx.p.sessionCourse[s])
  );
}

/** Free sessions of this community that a rule handled here names one by one. */
export function namedSessions(ctx: RuleContext, rules: readonly CompiledRule[]): Set<number> {
  const { p } = ctx;
  const out = new Set<number>();
  for (const rule of rules) {
    if (PAIRED_KINDS.has(rule.kind)) {
      for (const [sa, sb] of sessionPairs(ctx, rule)) {
        if (freeHere(ctx, sa)) out.add(sa);
        if (freeHere(ctx, sb)) out.add(sb);
      }
    } else if (rule.first)
      for (let i = 0; i < rule.courses.length; i++) {
        const whole = memberCount(p, rule, i) === p.courseSessionCount[rule.courses[i]];
        if (whole) continue; // a whole course member starts where its course's x do
        const s = memberFirst(p, rule, i);
        if (freeHere(ctx, s)) out.add(s);
      }
  }
  return out;
}

function startsOf(ctx: RuleContext, vars: SessionVars, s: number): Starts {
  const { p, placement } = ctx;
  if (placement.slot[s] >= 0) return { kind: 'placed', slot: placement.slot[s] };
  if (!vars.named.has(s)) return null;
  const cols = new Map<number, number>();
  for (let t = 0; t < p.nSlots; t++) {
    const j = vars.y.get(s * p.nSlots + t);
    if (j !== undefined) cols.set(t, j);
  }
  return { kind: 'vars', cols };
}

/** Rows of one paired rule, per session pair. */
export function addSessionPairRows(ctx: RuleContext, vars: SessionVars, rule: CompiledRule): void {
  const { b } = ctx;
  for (const [sa, sb, ca, cb] of sessionPairs(ctx, rule)) {
    if (sa === sb) continue;
    const A = startsOf(ctx, vars, sa);
    const B = startsOf(ctx, vars, sb);
    if (!A || !B || (A.kind === 'placed' && B.kind === 'placed')) continue;
    const fits = pairStarts(ctx, rule.kind, ca, cb);
    const slack = b.addCol(RULE_SLACK_COST, 0, 1, false, COL_AUX);
    // Each start of one side needs the other side at a start that pairs with it.
    const support = (
      from: Extract<Starts, { kind: 'vars' }>,
      other: Exclude<Starts, null>,
      ok: (tFrom: number, tOther: number) => boolean,
    ): void => {
      for (const [t, j] of from.cols) {
        if (other.kind === 'placed') {
          if (!ok(t, other.slot)) b.addRow([j, slack], [1, -1], -Infinity, 0, ROW_PACK);
          continue;
        }
        const partners: number[] = [];
        for (const [u, k] of other.cols) if (ok(t, u)) partners.push(k);
        b.addRow([j, ...partners, slack], [1, ...partners.map(() => -1), -1], -Infinity, 0, ROW_PACK);
      }
    };
    if (A.kind === 'vars') support(A, B, (ta, tb) => fits(ta, tb));
    if (B.kind === 'vars') support(B, A, (tb, ta) => fits(ta, tb));
  }
}

/** A member's starts: columns by slot (x of a whole course, y of a named session) and placed slots. */
interface MemberStarts {
  cols: Array<[number, number, number]>; // [slot, column, length]
  placed: Array<[number, number]>; // [slot, length]
}

function memberStarts(ctx: RuleContext, vars: SessionVars, rule: CompiledRule, i: number): MemberStarts {
  const { p, placement } = ctx;
  const c = rule.courses[i];
  const len = p.courseLength[c];
  const first = memberFirst(p, rule, i);
  const count = memberCount(p, rule, i);
  const out: MemberStarts = { cols: [], placed: [] };
  for (let s = first; s < first + count; s++)
    if (placement.slot[s] >= 0) out.placed.push([placement.slot[s], len]);
  if (count === p.courseSessionCount[c]) {
    if (ctx.inCommunity.has(c) && ctx.freeOf.has(c))
      for (let t = 0; t < p.nSlots; t++) {
        const j = ctx.x(c, t);
        if (j !== undefined) out.cols.push([t, j, len]);
      }
  } else if (vars.named.has(first))
    for (let t = 0; t < p.nSlots; t++) {
      const j = vars.y.get(first * p.nSlots + t);
      if (j !== undefined) out.cols.push([t, j, len]);
    }
  return out;
}

/** Rows of a different_days, not_overlapping, min_days_between or min_gap rule over its members. */
export function addMemberRows(ctx: RuleContext, vars: SessionVars, rule: CompiledRule): void {
  const { p, b } = ctx;
  const members = Array.from(rule.courses, (_, i) => memberStarts(ctx, vars, rule, i));
  if (members.every((m) => m.cols.length === 0)) return;
  const slack = b.addCol(RULE_SLACK_COST, 0, Infinity, false, COL_AUX);
  const day = (t: number): number => Math.floor(t / p.nPeriods);
  /** Σ cols - slack <= room (room < 0 counts as 0: the slack pays for it). */
  const atMost = (cols: number[], room: number): void => {
    if (cols.length > Math.max(0, room))
      b.addRow([...cols, slack], [...cols.map(() => 1), -1], -Infinity, Math.max(0, room), ROW_PACK);
  };
  switch (rule.kind) {
    case 'different_days':
      for (let d = 0; d < p.nDays; d++) {
        const cols = members.flatMap((m) => m.cols.filter(([t]) => day(t) === d).map(([, j]) => j));
        const placed = members.reduce((n, m) => n + m.placed.filter(([t]) => day(t) === d).length, 0);
        atMost(cols, 1 - placed);
      }
      return;
    case 'not_overlapping':
      for (let q = 0; q < p.nSlots; q++) {
        const covers = ([t, , len]: [number, number, number]): boolean =>
          t <= q && q < t + len && day(t) === day(q);
        const cols = members.flatMap((m) => m.cols.filter(covers).map(([, j]) => j));
        const placed = members.reduce(
          (n, m) => n + (m.placed.some(([t, len]) => covers([t, 0, len])) ? 1 : 0),
          0,
        );
        atMost(cols, 1 - placed);
      }
      return;
    case 'min_days_between': {
      const span = Math.max(1, Math.min(rule.value, p.nDays));
      for (let w = 0; w + span <= p.nDays; w++) {
        const inside = (t: number): boolean => day(t) >= w && day(t) < w + span;
        let placedMembers = 0;
        const zs: number[] = [];
        for (const m of members) {
          if (m.placed.some(([t]) => inside(t))) {
            placedMembers++;
            continue;
          }
          const cols = m.cols.filter(([t]) => inside(t)).map(([, j]) => j);
          if (cols.length === 0) continue;
          const z = b.addCol(0, 0, 1, true, COL_INDICATOR);
          zs.push(z);
          b.addRow([...cols, z], [...cols.map(() => 1), -cols.length], -Infinity, 0, ROW_PACK);
        }
        atMost(zs, 1 - placedMembers);
      }
      return;
    }
    case 'min_gap':
      addMinGapRows(ctx, members, rule.value, slack);
      return;
    default:
      return;
  }
}

function addMinGapRows(ctx: RuleContext, members: MemberStarts[], v: number, slack: number): void {
  const { p, b } = ctx;
  const day = (t: number): number => Math.floor(t / p.nPeriods);
  const cols = members.flatMap((m) => m.cols);
  const placed = members.flatMap((m) => m.placed);
  /** Starts u on t's day with t <= u <= t + len + v - 1. */
  const near = (t: number, len: number, u: number): boolean => day(u) === day(t) && u >= t && u < t + len + v;
  for (const [t, j, len] of cols) {
    // A placed session too close (either one first) rules this start out.
    if (placed.some(([u, lu]) => near(t, len, u) || near(u, lu, t))) {
      b.addRow([j, slack], [1, -1], -Infinity, 0, ROW_PACK);
      continue;
    }
    const others = cols.filter(([u, k]) => k !== j && near(t, len, u)).map(([, k]) => k);
    if (others.length === 0) continue;
    const big = others.length;
    b.addRow([j, ...others, slack], [big, ...others.map(() => 1), -big], -Infinity, big, ROW_PACK);
  }
}

/** Is this a rule these rows state (a kind they know)? */
export function sessionRowKind(rule: CompiledRule): boolean {
  return PAIRED_KINDS.has(rule.kind) || MEMBER_KINDS.has(rule.kind);
}
