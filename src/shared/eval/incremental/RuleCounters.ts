// Rules counted from counters kept session by session, so that a move prices them in O(its own
// periods) (or O(the rule's sessions) for a pair rule) instead of recounting the rule whole:
// - max_per_day, max_continuous (../dayLimitRules.ts): per rule and slot, the member sessions
//   covering it; per day, the covered periods (max_per_day) or the day's excess (max_continuous,
//   recounted over that one day);
// - the slot-list kinds (../slotRules.ts): per rule and slot the sessions covering it, the listed
//   slots or days covered, the sessions in listed slots, or the sessions starting or running outside;
// - the pair rules (pairRules.ts): the broken pairs a session forms with the other active ones,
//   added when it becomes active and taken away when it stops;
// - not_overlapping_parts: per rule, part and slot, the member sessions covering the slot and those
//   starting there (and the totals over the parts), so a session's overlapping partners in other
//   parts are read off its own periods: those covering its first period, plus those starting in
//   one of its later periods (each overlapping pair is found once, from the later-starting session).
// A session is in one member of a rule at most (distinct members; compile refuses a course listed
// whole and by session). RuleCosts.ts recounts every other rule whole and owns the totals; the
// counts here equal what ../rules.ts counts (tests/solver/ruleCounters.test.ts, incrementalAgreement.test.ts).
import type { CompiledProblem, CompiledRule } from '../../compiled/types.ts';
import { runExcess } from '../continuous.ts';
import { PAIR_KIND, PK, pairBroken, pairsAcross, pairsWithin } from './pairRules.ts';

/** How a rule is counted here (none: recounted whole by RuleCosts). */
export const LK = {
  none: 0,
  perDay: 1,
  continuous: 2,
  maxSlots: 3,
  daysInSlots: 4,
  sessionsInSlots: 5,
  maxSimultaneous: 6,
  minSimultaneous: 7,
  minOrNone: 8,
  preferredStarts: 9,
  preferredSlots: 10,
  pair: 11,
  parts: 12,
} as const;

const SLOT_LK: Partial<Record<CompiledRule['kind'], number>> = {
  max_slots: LK.maxSlots,
  max_days_in_slots: LK.daysInSlots,
  max_sessions_in_slots: LK.sessionsInSlots,
  max_simultaneous: LK.maxSimultaneous,
  min_simultaneous: LK.minSimultaneous,
  min_simultaneous_or_none: LK.minOrNone,
  preferred_starts: LK.preferredStarts,
  preferred_slots: LK.preferredSlots,
};

/** The incremental state's arrays the counters read (a session's slot and span while it is active). */
export interface CounterView {
  readonly slot: Int32Array;
  readonly span: Int32Array;
  readonly room: Int32Array;
  readonly active: Uint8Array;
}

/** Where a counted rule's new count goes (RuleCosts: into the totals). */
export interface CountSink {
  setCount(i: number, n: number): void;
}

export class RuleCounters {
  /** Per rule (index into everyRule): how it is counted (LK). */
  readonly kind: Uint8Array;
  /** Per counted rule: its count now (violations, before weights). */
  readonly raw: Int32Array;
  private readonly p: CompiledProblem;
  private readonly st: CounterView;
  private readonly rules: CompiledRule[];
  private readonly first: Int32Array[];
  private readonly count: Int32Array[];
  private readonly distinct: Int32Array[];
  /** Per rule: its start in slotCnt (nSlots cells) and in dayVal (nDays cells), -1 when unused. */
  private readonly slotBase: Int32Array;
  private readonly dayBase: Int32Array;
  private readonly slotCnt: Int32Array;
  /** max_per_day: covered periods; max_continuous: the day's excess; max_days_in_slots: listed hits. */
  private readonly dayVal: Int32Array;
  /** max_slots: listed slots covered; max_days_in_slots: days covered; max_sessions_in_slots: sessions. */
  private readonly scalar: Int32Array;
  /** Per course (CSR): the counted rules' members of that course: rule, session range, member. */
  private readonly entryOffsets: Int32Array;
  private readonly entryRule: Int32Array;
  private readonly entryFirst: Int32Array;
  private readonly entryEnd: Int32Array;
  private readonly entryMember: Int32Array;

  /** Built over the empty timetable (no session active). */
  constructor(
    p: CompiledProblem,
    st: CounterView,
    rules: CompiledRule[],
    first: Int32Array[],
    count: Int32Array[],
    distinct: Int32Array[],
  ) {
    this.p = p;
    this.st = st;
    this.rules = rules;
    this.first = first;
    this.count = count;
    this.distinct = distinct;
    const n = rules.length;
    this.kind = new Uint8Array(n);
    this.raw = new Int32Array(n);
    this.slotBase = new Int32Array(n).fill(-1);
    this.dayBase = new Int32Array(n).fill(-1);
    this.scalar = new Int32Array(n);
    let slotCells = 0;
    let dayCells = 0;
    const lists: number[][][] = Array.from({ length: p.nCourses }, () => []);
    rules.forEach((rule, i) => {
      const k = this.counterKind(rule);
      this.kind[i] = k;
      if (k === LK.none) return;
      if (k === LK.parts) {
        this.slotBase[i] = slotCells;
        slotCells += 2 * (partCount(rule) + 1) * p.nSlots;
      } else if (
        k !== LK.pair &&
        k !== LK.sessionsInSlots &&
        k !== LK.preferredStarts &&
        k !== LK.preferredSlots
      ) {
        this.slotBase[i] = slotCells;
        slotCells += p.nSlots;
      }
      if (k === LK.perDay || k === LK.continuous || k === LK.daysInSlots) {
        this.dayBase[i] = dayCells;
        dayCells += p.nDays;
      }
      if ((k === LK.minSimultaneous || k === LK.minOrNone) && rule.slots)
        // No session yet: every listed slot short of value (min_simultaneous_or_none keeps it empty).
        for (let t = 0; t < p.nSlots; t++) this.raw[i] += rule.slots[t] === 1 ? simFn(k, 0, rule.value) : 0;
      for (const m of distinct[i])
        lists[rule.courses[m]].push([i, first[i][m], first[i][m] + count[i][m], m]);
    });
    this.slotCnt = new Int32Array(slotCells);
    this.dayVal = new Int32Array(dayCells);
    this.entryOffsets = new Int32Array(p.nCourses + 1);
    for (let c = 0; c < p.nCourses; c++) this.entryOffsets[c + 1] = this.entryOffsets[c] + lists[c].length;
    const all = lists.flat();
    this.entryRule = Int32Array.from(all, (e) => e[0]);
    this.entryFirst = Int32Array.from(all, (e) => e[1]);
    this.entryEnd = Int32Array.from(all, (e) => e[2]);
    this.entryMember = Int32Array.from(all, (e) => e[3]);
  }

  /**
   * Active member sessions of rule i covering slot t (max_per_day, max_continuous and the slot kinds
   * but max_sessions_in_slots and the preferred ones); -1 when the rule keeps no such count.
   */
  coverAt(i: number, t: number): number {
    const b = this.slotBase[i];
    return b < 0 || this.kind[i] === LK.parts ? -1 : this.slotCnt[b + t];
  }

  /** Does course c have a member of a counted rule? */
  hasEntries(c: number): boolean {
    return this.entryOffsets[c + 1] > this.entryOffsets[c];
  }

  /** Active session s starts (sign +1) or stops (sign -1) counting, at its slot and span. */
  sessionChanged(s: number, sign: number, sink: CountSink): void {
    const c = this.p.sessionCourse[s];
    for (let e = this.entryOffsets[c]; e < this.entryOffsets[c + 1]; e++) {
      if (s < this.entryFirst[e] || s >= this.entryEnd[e]) continue;
      const i = this.entryRule[e];
      const before = this.raw[i];
      const k = this.kind[i];
      if (k === LK.pair) this.raw[i] += sign * this.pairsWith(i, this.entryMember[e], s);
      else if (k === LK.parts) this.parts(i, this.entryMember[e], s, sign);
      else if (k === LK.perDay || k === LK.continuous) this.dayLimit(i, k, s, sign);
      else this.slotList(i, k, s, sign);
      if (this.raw[i] !== before) sink.setCount(i, this.raw[i]);
    }
  }

  private counterKind(rule: CompiledRule): number {
    if (!rule.hard && (rule.weight <= 0 || this.p.weights.soft_rule <= 0)) return LK.none;
    if (rule.kind === 'max_per_day') return LK.perDay;
    if (rule.kind === 'max_continuous') return LK.continuous;
    if (rule.kind === 'not_overlapping_parts') return LK.parts;
    const slotKind = SLOT_LK[rule.kind];
    if (slotKind !== undefined) return rule.slots ? slotKind : LK.none;
    return PAIR_KIND[rule.kind] === PK.other ? LK.none : LK.pair;
  }

  /** max_per_day and max_continuous: the covering counts of s's periods, then its day recounted. */
  private dayLimit(i: number, k: number, s: number, sign: number): void {
    const p = this.p;
    const nP = p.nPeriods;
    const t0 = this.st.slot[s];
    const end = t0 + this.st.span[s];
    const cnt = this.slotCnt;
    const b = this.slotBase[i];
    const d = (t0 / nP) | 0;
    const di = this.dayBase[i] + d;
    const value = this.rules[i].value;
    let covered = 0;
    for (let t = t0; t < end; t++) {
      if (sign > 0) covered += cnt[b + t]++ === 0 ? 1 : 0;
      else covered -= --cnt[b + t] === 0 ? 1 : 0;
    }
    const old = this.dayVal[di];
    if (k === LK.perDay) {
      const now = old + covered;
      this.dayVal[di] = now;
      this.raw[i] += Math.max(0, now - value) - Math.max(0, old - value);
    } else if (covered !== 0) {
      const now = runExcess(p, cnt, b + d * nP, Math.max(1, value));
      this.dayVal[di] = now;
      this.raw[i] += now - old;
    }
  }

  /**
   * not_overlapping_parts: s's partners in other parts (the sessions covering its first period, and
   * those starting in a later period of it), counted with s left out, then s's own cells. Cells
   * from slotBase, nSlots each: covering per part, covering in all, starting per part, starting in all.
   */
  private parts(i: number, m: number, s: number, sign: number): void {
    const nS = this.p.nSlots;
    const nParts = partCount(this.rules[i]);
    const q = this.rules[i].parts![m];
    const cnt = this.slotCnt;
    const cover = this.slotBase[i];
    const coverQ = cover + q * nS;
    const coverAll = cover + nParts * nS;
    const start = cover + (nParts + 1) * nS;
    const startQ = start + q * nS;
    const startAll = start + nParts * nS;
    const t0 = this.st.slot[s];
    const end = t0 + this.st.span[s];
    if (sign < 0) this.mark(coverQ, coverAll, startQ, startAll, t0, end, -1);
    let n = cnt[coverAll + t0] - cnt[coverQ + t0];
    for (let t = t0 + 1; t < end; t++) n += cnt[startAll + t] - cnt[startQ + t];
    this.raw[i] += sign * n;
    if (sign > 0) this.mark(coverQ, coverAll, startQ, startAll, t0, end, 1);
  }

  private mark(
    coverQ: number,
    coverAll: number,
    startQ: number,
    startAll: number,
    t0: number,
    end: number,
    sign: number,
  ): void {
    const cnt = this.slotCnt;
    for (let t = t0; t < end; t++) {
      cnt[coverQ + t] += sign;
      cnt[coverAll + t] += sign;
    }
    cnt[startQ + t0] += sign;
    cnt[startAll + t0] += sign;
  }

  /** The slot-list kinds. */
  private slotList(i: number, k: number, s: number, sign: number): void {
    const rule = this.rules[i];
    const listed = rule.slots!;
    const v = rule.value;
    const t0 = this.st.slot[s];
    const end = t0 + this.st.span[s];
    const cnt = this.slotCnt;
    const b = this.slotBase[i];
    switch (k) {
      case LK.preferredStarts:
        this.raw[i] += listed[t0] !== 1 ? sign : 0;
        return;
      case LK.preferredSlots:
      case LK.sessionsInSlots: {
        const want = k === LK.preferredSlots ? 0 : 1;
        let hit = false;
        for (let t = t0; t < end && !hit; t++) hit = listed[t] === want;
        if (!hit) return;
        if (k === LK.preferredSlots) this.raw[i] += sign;
        else {
          this.scalar[i] += sign;
          this.raw[i] = Math.max(0, this.scalar[i] - v);
        }
        return;
      }
      case LK.maxSlots:
      case LK.daysInSlots: {
        const byDays = k === LK.daysInSlots;
        const nP = this.p.nPeriods;
        for (let t = t0; t < end; t++) {
          if (listed[t] !== 1) continue;
          const cell = byDays ? this.dayBase[i] + ((t / nP) | 0) : b + t;
          const arr = byDays ? this.dayVal : cnt;
          if (sign > 0) this.scalar[i] += arr[cell]++ === 0 ? 1 : 0;
          else this.scalar[i] -= --arr[cell] === 0 ? 1 : 0;
        }
        this.raw[i] = Math.max(0, this.scalar[i] - v);
        return;
      }
      default:
        for (let t = t0; t < end; t++) {
          const old = cnt[b + t];
          cnt[b + t] = old + sign;
          if (listed[t] === 1) this.raw[i] += simFn(k, old + sign, v) - simFn(k, old, v);
        }
    }
  }

  /** Broken pairs session s (of member m) forms with the rule's other active sessions. */
  private pairsWith(i: number, m: number, s: number): number {
    const p = this.p;
    const kind = PAIR_KIND[this.rules[i].kind];
    const value = this.rules[i].value;
    const within = pairsWithin(kind);
    const across = pairsAcross(kind);
    const first = this.first[i];
    const count = this.count[i];
    const members = this.distinct[i];
    const active = this.st.active;
    let n = 0;
    for (let j = 0; j < members.length; j++) {
      const mj = members[j];
      if (mj === m ? !within : !across) continue;
      const b1 = first[mj] + count[mj];
      for (let b = first[mj]; b < b1; b++)
        if (b !== s && active[b] === 1 && pairBroken(p, this.st, kind, value, s, b)) n++;
    }
    return n;
  }
}

/** not_overlapping_parts: parts are numbered from 0; the cells run to the highest. */
function partCount(rule: CompiledRule): number {
  let n = 0;
  for (const q of rule.parts ?? []) n = Math.max(n, q + 1);
  return n;
}

/** The cost of a listed slot that `n` sessions cover, for the three simultaneous kinds. */
function simFn(k: number, n: number, v: number): number {
  if (k === LK.maxSimultaneous) return n > v ? n - v : 0;
  if (n >= v) return 0;
  return k === LK.minSimultaneous ? v - n : Math.min(v - n, n);
}
