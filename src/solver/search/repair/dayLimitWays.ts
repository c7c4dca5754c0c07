// The sessions a hard max_per_day or max_continuous rule (../../../shared/eval/dayLimitRules.ts)
// puts in the way of one of its sessions at a start, for the conflict search (ConflictWays.ts): the
// rule's other sessions of that day to take out so that the day keeps the limit with s there.
// - max_per_day: while the day covers more than `value` periods, the session covering the most
//   periods no other one covers (the fewest taken out);
// - max_continuous: while the run of covered periods through s is longer than `value`, the sessions
//   next to s on the longer side of the run.
// Sessions already in the way count as gone. Without these, every start where a teacher's or a
// student set's tagged hours are full prices a rule violation the search never takes apart
// (Eng_College: 119 max_continuous of 1 period and 95 max_per_day).
import {
  distinctMembers,
  everyRule,
  memberCount,
  memberFirst,
} from '../../../shared/compiled/ruleMembers.ts';
import type { CompiledProblem, CompiledRule } from '../../../shared/compiled/types.ts';
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';

export class DayLimitWays {
  /** Set by collect when a session in the way may not move. */
  blocked = false;
  private readonly st: IncrementalState;
  private readonly p: CompiledProblem;
  private readonly rules: CompiledRule[];
  /** Per course (CSR): its hard day-limit rules (indices into everyRule) with a member of it. */
  private readonly offsets: Int32Array;
  private readonly items: Int32Array;
  /** Per rule: the members' session ranges. */
  private readonly first: Int32Array[];
  private readonly count: Int32Array[];
  /** Sessions covering each period of the day being looked at, and the rule's sessions there. */
  private readonly cnt: Int32Array;
  private readonly cand: Int32Array;

  constructor(st: IncrementalState) {
    const p = st.problem;
    this.st = st;
    this.p = p;
    this.rules = everyRule(p);
    const lists: number[][] = Array.from({ length: p.nCourses }, () => []);
    this.first = [];
    this.count = [];
    this.rules.forEach((rule, i) => {
      const members =
        rule.hard && (rule.kind === 'max_per_day' || rule.kind === 'max_continuous')
          ? distinctMembers(p, rule)
          : [];
      this.first.push(Int32Array.from(members, (m) => memberFirst(p, rule, m)));
      this.count.push(Int32Array.from(members, (m) => memberCount(p, rule, m)));
      for (const m of members) if (!lists[rule.courses[m]].includes(i)) lists[rule.courses[m]].push(i);
    });
    this.offsets = new Int32Array(p.nCourses + 1);
    for (let c = 0; c < p.nCourses; c++) this.offsets[c + 1] = this.offsets[c] + lists[c].length;
    this.items = Int32Array.from(lists.flat());
    this.cnt = new Int32Array(p.nPeriods);
    let largest = 0;
    for (const c of this.count)
      largest = Math.max(
        largest,
        c.reduce((a, b) => a + b, 0),
      );
    this.cand = new Int32Array(largest);
  }

  /** Does course c have a session in a hard day-limit rule? */
  has(c: number): boolean {
    return this.offsets[c + 1] > this.offsets[c];
  }

  /**
   * Adds to way[n ..] (and marks) the sessions the hard day-limit rules of s put in its way at start
   * t over len periods; returns the new n. Marked sessions count as gone.
   */
  collect(
    s: number,
    t: number,
    len: number,
    mark: Uint8Array,
    free: Uint8Array,
    way: Int32Array,
    n: number,
  ): number {
    const p = this.p;
    const c = p.sessionCourse[s];
    this.blocked = false;
    for (let j = this.offsets[c]; j < this.offsets[c + 1]; j++) {
      const i = this.items[j];
      if (this.keeps(i, t, len)) continue;
      const k = this.dayOf(i, s, t, len, mark);
      if (k < 0) continue;
      const took =
        this.rules[i].kind === 'max_per_day' ? this.perDay(i, k, t) : this.continuous(i, k, t, len);
      for (let x = 0; x < took; x++) {
        const y = this.cand[x];
        mark[y] = 1;
        way[n++] = y;
        if (free[y] === 0) this.blocked = true;
      }
    }
    return n;
  }

  /**
   * Does rule i keep its limit on t's day with periods t .. t + len - 1 covered too, by the state's
   * own counts (RuleCounters.coverAt; sessions in the way or s elsewhere that day still counted, so
   * true only when it surely does)?
   */
  private keeps(i: number, t: number, len: number): boolean {
    const p = this.p;
    const nP = p.nPeriods;
    const base = t - (t % nP);
    const q0 = t - base;
    const q1 = Math.min(nP, q0 + len) - 1;
    const rules = this.st.rules;
    if (rules.coverAt(i, base) < 0) return false;
    const on = (q: number): boolean => (q >= q0 && q <= q1) || rules.coverAt(i, base + q) > 0;
    const rule = this.rules[i];
    if (rule.kind === 'max_per_day') {
      let covered = 0;
      for (let q = 0; q < nP; q++) if (on(q)) covered++;
      return covered <= rule.value;
    }
    let lo = q0;
    while (lo > 0 && on(lo - 1) && p.adjacentToNext[lo - 1] === 1) lo--;
    let hi = q1;
    while (hi < nP - 1 && on(hi + 1) && p.adjacentToNext[hi] === 1) hi++;
    return hi - lo + 1 <= Math.max(1, rule.value);
  }

  /**
   * The covering counts of t's day (s's periods included) into cnt and the rule's other active
   * sessions of that day into cand; how many, or -1 when s is not one of the rule's sessions.
   */
  private dayOf(i: number, s: number, t: number, len: number, mark: Uint8Array): number {
    const p = this.p;
    const { slot, span, active } = this.st;
    const nP = p.nPeriods;
    const day = (t / nP) | 0;
    const first = this.first[i];
    const count = this.count[i];
    let member = false;
    for (let m = 0; m < first.length && !member; m++) member = s >= first[m] && s < first[m] + count[m];
    if (!member) return -1;
    this.cnt.fill(0);
    let k = 0;
    for (let m = 0; m < first.length; m++)
      for (let x = first[m]; x < first[m] + count[m]; x++) {
        if (x === s || active[x] === 0 || mark[x] === 1 || ((slot[x] / nP) | 0) !== day) continue;
        this.cand[k++] = x;
        for (let q = slot[x] - day * nP; q < slot[x] - day * nP + span[x]; q++) this.cnt[q]++;
      }
    const q0 = t - day * nP;
    for (let q = q0; q < Math.min(nP, q0 + len); q++) this.cnt[q]++;
    return k;
  }

  /** max_per_day: moves the sessions to take out to the front of cand; how many. */
  private perDay(i: number, k: number, t: number): number {
    const nP = this.p.nPeriods;
    const day = (t / nP) | 0;
    const { slot, span } = this.st;
    let covered = 0;
    for (let q = 0; q < nP; q++) if (this.cnt[q] > 0) covered++;
    let excess = covered - this.rules[i].value;
    let took = 0;
    while (excess > 0 && took < k) {
      // The session covering the most periods no other one covers.
      let best = -1;
      let bestFreed = 0;
      for (let a = took; a < k; a++) {
        const x = this.cand[a];
        let freed = 0;
        for (let q = slot[x] - day * nP; q < slot[x] - day * nP + span[x]; q++)
          if (this.cnt[q] === 1) freed++;
        if (freed > bestFreed) {
          bestFreed = freed;
          best = a;
        }
      }
      if (best < 0) break;
      const x = this.cand[best];
      this.cand[best] = this.cand[took];
      this.cand[took++] = x;
      for (let q = slot[x] - day * nP; q < slot[x] - day * nP + span[x]; q++) this.cnt[q]--;
      excess -= bestFreed;
    }
    return took;
  }

  /** max_continuous: moves the sessions to take out to the front of cand; how many. */
  private continuous(i: number, k: number, t: number, len: number): number {
    const p = this.p;
    const nP = p.nPeriods;
    const day = (t / nP) | 0;
    const { slot, span } = this.st;
    const q0 = t - day * nP;
    const q1 = Math.min(nP, q0 + len) - 1;
    const max = Math.max(1, this.rules[i].value);
    let took = 0;
    for (;;) {
      // The run through s's periods.
      let lo = q0;
      while (lo > 0 && this.cnt[lo - 1] > 0 && p.adjacentToNext[lo - 1] === 1) lo--;
      let hi = q1;
      while (hi < nP - 1 && this.cnt[hi + 1] > 0 && p.adjacentToNext[hi] === 1) hi++;
      if (hi - lo + 1 <= max || (lo === q0 && hi === q1)) return took;
      // The period next to s on the longer side: every session covering it goes.
      const q = q0 - lo >= hi - q1 && lo < q0 ? q0 - 1 : q1 + 1;
      const before = took;
      for (let a = took; a < k; a++) {
        const x = this.cand[a];
        const from = slot[x] - day * nP;
        if (q < from || q >= from + span[x]) continue;
        this.cand[a] = this.cand[took];
        this.cand[took++] = x;
        for (let r = from; r < from + span[x]; r++) this.cnt[r]--;
      }
      if (took === before) return took;
    }
  }
}
