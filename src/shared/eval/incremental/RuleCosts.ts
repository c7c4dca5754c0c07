// Costs of the college's rules, counted as ../rules.ts counts them. Each rule's count is cached and
// recomputed from its courses' active sessions when one of them moves (rules are small).
import type { CompiledProblem, CompiledRule } from '../../compiled/types.ts';
import { H, S } from './kinds.ts';
import { followsDirectly } from '../followsDirectly.ts';

export interface RuleView {
  readonly problem: CompiledProblem;
  readonly slot: Int32Array;
  readonly room: Int32Array;
  readonly active: Uint8Array;
  readonly span: Int32Array;
  readonly hard: Float64Array;
  readonly soft: Float64Array;
}

export class RuleCosts {
  private readonly st: RuleView;
  private readonly p: CompiledProblem;
  /** Rules touching each course (CSR). */
  private readonly courseRuleOffsets: Int32Array;
  private readonly courseRuleItems: Int32Array;
  /** Each rule's courses without repeats. */
  private readonly distinct: Int32Array[];
  private readonly cost: Float64Array;
  private readonly roomSeen: Int32Array;
  private stamp = 0;

  constructor(st: RuleView) {
    this.st = st;
    const p = st.problem;
    this.p = p;
    const lists: number[][] = Array.from({ length: p.nCourses }, () => []);
    p.rules.forEach((rule, i) => {
      for (const c of rule.courses) if (!lists[c].includes(i)) lists[c].push(i);
    });
    this.courseRuleOffsets = new Int32Array(p.nCourses + 1);
    for (let c = 0; c < p.nCourses; c++)
      this.courseRuleOffsets[c + 1] = this.courseRuleOffsets[c] + lists[c].length;
    this.courseRuleItems = Int32Array.from(lists.flat());
    this.distinct = p.rules.map((r) => Int32Array.from(new Set(r.courses)));
    this.cost = new Float64Array(p.rules.length);
    this.roomSeen = new Int32Array(p.nRooms).fill(-1);
  }

  initAll(): void {
    for (let i = 0; i < this.p.rules.length; i++) this.recompute(i);
  }

  /** Rules naming course c (indices into problem.rules). */
  rulesOf(c: number): Int32Array {
    return this.courseRuleItems.subarray(this.courseRuleOffsets[c], this.courseRuleOffsets[c + 1]);
  }

  /** The current cost of rule i (hard: violations; soft: weighted), as ../rules.ts counts it. */
  costOf(i: number): number {
    return this.cost[i];
  }

  hasRules(c: number): boolean {
    return this.courseRuleOffsets[c + 1] > this.courseRuleOffsets[c];
  }

  courseChanged(c: number): void {
    const o = this.courseRuleOffsets;
    for (let j = o[c]; j < o[c + 1]; j++) this.recompute(this.courseRuleItems[j]);
  }

  private recompute(i: number): void {
    const rule = this.p.rules[i];
    const p = this.p;
    if (!rule.hard && (rule.weight <= 0 || p.weights.soft_rule <= 0)) return;
    const n = this.count(rule, this.distinct[i]);
    if (rule.hard) {
      this.st.hard[H.rule] += n - this.cost[i];
      this.cost[i] = n;
    } else {
      const v = n * rule.weight * p.weights.soft_rule;
      this.st.soft[S.softRule] += v - this.cost[i];
      this.cost[i] = v;
    }
  }

  private count(rule: CompiledRule, distinct: Int32Array): number {
    const p = this.p;
    const { slot, active, span } = this.st;
    const nP = p.nPeriods;
    const cs = rule.courses;
    let n = 0;
    switch (rule.kind) {
      case 'same_time':
      case 'same_day':
      case 'consecutive':
      case 'ordered':
        for (let i = 1; i < cs.length; i++) {
          const a: number = cs[rule.kind === 'same_time' || rule.kind === 'same_day' ? 0 : i - 1];
          const b = cs[i];
          const m = Math.min(p.courseSessionCount[a], p.courseSessionCount[b]);
          for (let k = 0; k < m; k++) {
            const sa = p.courseFirstSession[a] + k;
            const sb = p.courseFirstSession[b] + k;
            if (active[sa] === 0 || active[sb] === 0) continue;
            const da = (slot[sa] / nP) | 0;
            const db = (slot[sb] / nP) | 0;
            if (rule.kind === 'same_time') n += slot[sa] !== slot[sb] ? 1 : 0;
            else if (rule.kind === 'same_day') n += da !== db ? 1 : 0;
            else if (rule.kind === 'consecutive')
              n += followsDirectly(p, slot[sa], p.courseLength[a], slot[sb]) ? 0 : 1;
            else n += slot[sa] + span[sa] > slot[sb] ? 1 : 0;
          }
        }
        return n;
      case 'same_period':
      case 'adjacent':
        for (let i = 1; i < cs.length; i++) {
          const a: number = cs[rule.kind === 'same_period' ? 0 : i - 1];
          const b = cs[i];
          const m = Math.min(p.courseSessionCount[a], p.courseSessionCount[b]);
          for (let k = 0; k < m; k++) {
            const sa = p.courseFirstSession[a] + k;
            const sb = p.courseFirstSession[b] + k;
            if (active[sa] === 0 || active[sb] === 0) continue;
            if (rule.kind === 'same_period') n += slot[sa] % nP !== slot[sb] % nP ? 1 : 0;
            else
              n +=
                followsDirectly(p, slot[sa], p.courseLength[a], slot[sb]) ||
                followsDirectly(p, slot[sb], p.courseLength[b], slot[sa])
                  ? 0
                  : 1;
          }
        }
        return n;
      case 'min_days_between':
        for (let i = 0; i < distinct.length; i++)
          for (let j = i + 1; j < distinct.length; j++)
            this.eachPair(distinct[i], distinct[j], (a, b) => {
              if (Math.abs(((slot[a] / nP) | 0) - ((slot[b] / nP) | 0)) < rule.value) n++;
            });
        return n;
      case 'not_overlapping':
        for (let i = 0; i < distinct.length; i++)
          for (let j = i + 1; j < distinct.length; j++)
            this.eachPair(distinct[i], distinct[j], (a, b) => {
              if (slot[a] < slot[b] + span[b] && slot[b] < slot[a] + span[a]) n++;
            });
        return n;
      case 'different_days':
        for (let i = 0; i < distinct.length; i++) {
          this.eachPair(distinct[i], distinct[i], (a, b) => {
            if (((slot[a] / nP) | 0) === ((slot[b] / nP) | 0)) n++;
          });
          for (let j = i + 1; j < distinct.length; j++)
            this.eachPair(distinct[i], distinct[j], (a, b) => {
              if (((slot[a] / nP) | 0) === ((slot[b] / nP) | 0)) n++;
            });
        }
        return n;
      case 'min_days_apart':
        for (let i = 0; i < distinct.length; i++)
          this.eachPair(distinct[i], distinct[i], (a, b) => {
            if (Math.abs(((slot[a] / nP) | 0) - ((slot[b] / nP) | 0)) < rule.value) n++;
          });
        return n;
      case 'same_room': {
        const tick = ++this.stamp;
        let rooms = 0;
        for (let i = 0; i < distinct.length; i++) {
          const c = distinct[i];
          for (let s = p.courseFirstSession[c]; s < p.courseFirstSession[c] + p.courseSessionCount[c]; s++) {
            if (active[s] === 0) continue;
            const r = this.st.room[s];
            if (this.roomSeen[r] !== tick) {
              this.roomSeen[r] = tick;
              rooms++;
            }
          }
        }
        return rooms > 1 ? rooms - 1 : 0;
      }
    }
  }

  /** Calls f for each pair of active sessions (a of course ca, b of course cb); ca = cb: each unordered pair once. */
  private eachPair(ca: number, cb: number, f: (a: number, b: number) => void): void {
    const p = this.p;
    const active = this.st.active;
    const a0 = p.courseFirstSession[ca];
    const a1 = a0 + p.courseSessionCount[ca];
    const b0 = p.courseFirstSession[cb];
    const b1 = b0 + p.courseSessionCount[cb];
    for (let a = a0; a < a1; a++) {
      if (active[a] === 0) continue;
      for (let b = ca === cb ? a + 1 : b0; b < b1; b++) if (active[b] === 1) f(a, b);
    }
  }
}
