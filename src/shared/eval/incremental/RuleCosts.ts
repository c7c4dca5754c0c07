// Costs of the college's rules, counted as ../rules.ts counts them. Each rule's count is cached and
// recomputed from its courses' active sessions when one of them moves (rules are small). A rule's
// members are session ranges (a whole course, or one session of it: ../../compiled/ruleMembers.ts).
// A rule is recomputed when a session of any course it reads moves (../../compiled/ruleWatch.ts).
import type { CompiledProblem, CompiledRule } from '../../compiled/types.ts';
import { distinctMembers, everyRule } from '../../compiled/ruleMembers.ts';
import { H, S } from './kinds.ts';
import { followsAcrossBreak, followsDirectly } from '../followsDirectly.ts';
import { ruleWatches } from '../../compiled/ruleWatch.ts';
import { laterSession } from '../endsDay.ts';
import { termCost } from '../terms.ts';

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
  /** Rules reading each course's sessions (CSR). */
  private readonly courseRuleOffsets: Int32Array;
  private readonly courseRuleItems: Int32Array;
  /** Every rule the evaluator counts (problem.rules, then problem.sessionRules). */
  private readonly rules: CompiledRule[];
  /** Per rule: each member's first session and session count. */
  private readonly first: Int32Array[];
  private readonly count: Int32Array[];
  /** Each rule's member indices without repeats. */
  private readonly distinct: Int32Array[];
  private readonly cost: Float64Array;
  private readonly roomSeen: Int32Array;
  private stamp = 0;

  constructor(st: RuleView) {
    this.st = st;
    const p = st.problem;
    this.p = p;
    this.rules = everyRule(p);
    const lists: number[][] = Array.from({ length: p.nCourses }, () => []);
    this.rules.forEach((rule, i) => {
      for (const c of ruleWatches(p, rule)) if (!lists[c].includes(i)) lists[c].push(i);
    });
    this.courseRuleOffsets = new Int32Array(p.nCourses + 1);
    for (let c = 0; c < p.nCourses; c++)
      this.courseRuleOffsets[c + 1] = this.courseRuleOffsets[c] + lists[c].length;
    this.courseRuleItems = Int32Array.from(lists.flat());
    this.first = this.rules.map((r) =>
      r.first ? r.first : Int32Array.from(r.courses, (c) => p.courseFirstSession[c]),
    );
    this.count = this.rules.map((r) =>
      r.count ? r.count : Int32Array.from(r.courses, (c) => p.courseSessionCount[c]),
    );
    this.distinct = this.rules.map((r) => Int32Array.from(distinctMembers(p, r)));
    this.cost = new Float64Array(this.rules.length);
    this.roomSeen = new Int32Array(p.nRooms).fill(-1);
  }

  initAll(): void {
    for (let i = 0; i < this.rules.length; i++) this.recompute(i);
  }

  /** Rules reading course c's sessions (indices into everyRule(problem)). */
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
    const rule = this.rules[i];
    const p = this.p;
    if (!rule.hard && (rule.weight <= 0 || p.weights.soft_rule <= 0)) return;
    const n = this.violations(rule, this.first[i], this.count[i], this.distinct[i]);
    if (rule.hard) {
      this.st.hard[H.rule] += n - this.cost[i];
      this.cost[i] = n;
    } else {
      const v = n * rule.weight * p.weights.soft_rule;
      this.st.soft[S.softRule] += v - this.cost[i];
      this.cost[i] = v;
    }
  }

  private violations(rule: CompiledRule, first: Int32Array, count: Int32Array, distinct: Int32Array): number {
    const p = this.p;
    const { slot, active, span } = this.st;
    const nP = p.nPeriods;
    const cs = rule.courses;
    const len = (s: number): number => p.courseLength[p.sessionCourse[s]];
    let n = 0;
    switch (rule.kind) {
      case 'same_time':
      case 'same_day':
      case 'consecutive':
      case 'ordered':
        for (let i = 1; i < cs.length; i++) {
          const a: number = rule.kind === 'same_time' || rule.kind === 'same_day' ? 0 : i - 1;
          const m = Math.min(count[a], count[i]);
          for (let k = 0; k < m; k++) {
            const sa = first[a] + k;
            const sb = first[i] + k;
            if (active[sa] === 0 || active[sb] === 0) continue;
            const da = (slot[sa] / nP) | 0;
            const db = (slot[sb] / nP) | 0;
            if (rule.kind === 'same_time') n += slot[sa] !== slot[sb] ? 1 : 0;
            else if (rule.kind === 'same_day') n += da !== db ? 1 : 0;
            else if (rule.kind === 'consecutive')
              n += followsDirectly(p, slot[sa], len(sa), slot[sb]) ? 0 : 1;
            else n += slot[sa] + span[sa] > slot[sb] ? 1 : 0;
          }
        }
        return n;
      case 'consecutive_across_break':
      case 'adjacent_across_break':
        for (let i = 1; i < cs.length; i++) {
          const m = Math.min(count[i - 1], count[i]);
          for (let k = 0; k < m; k++) {
            const sa = first[i - 1] + k;
            const sb = first[i] + k;
            if (active[sa] === 0 || active[sb] === 0) continue;
            const ok =
              followsAcrossBreak(p, slot[sa], len(sa), slot[sb]) ||
              (rule.kind === 'adjacent_across_break' && followsAcrossBreak(p, slot[sb], len(sb), slot[sa]));
            n += ok ? 0 : 1;
          }
        }
        return n;
      case 'same_period':
      case 'adjacent':
        for (let i = 1; i < cs.length; i++) {
          const a: number = rule.kind === 'same_period' ? 0 : i - 1;
          const m = Math.min(count[a], count[i]);
          for (let k = 0; k < m; k++) {
            const sa = first[a] + k;
            const sb = first[i] + k;
            if (active[sa] === 0 || active[sb] === 0) continue;
            if (rule.kind === 'same_period') n += slot[sa] % nP !== slot[sb] % nP ? 1 : 0;
            else
              n +=
                followsDirectly(p, slot[sa], len(sa), slot[sb]) ||
                followsDirectly(p, slot[sb], len(sb), slot[sa])
                  ? 0
                  : 1;
          }
        }
        return n;
      case 'min_days_between':
        for (let i = 0; i < distinct.length; i++)
          for (let j = i + 1; j < distinct.length; j++)
            this.eachPair(first, count, distinct[i], distinct[j], (a, b) => {
              if (Math.abs(((slot[a] / nP) | 0) - ((slot[b] / nP) | 0)) < rule.value) n++;
            });
        return n;
      case 'not_overlapping':
        for (let i = 0; i < distinct.length; i++)
          for (let j = i + 1; j < distinct.length; j++)
            this.eachPair(first, count, distinct[i], distinct[j], (a, b) => {
              if (slot[a] < slot[b] + span[b] && slot[b] < slot[a] + span[a]) n++;
            });
        return n;
      case 'different_days':
        for (let i = 0; i < distinct.length; i++) {
          this.eachPair(first, count, distinct[i], distinct[i], (a, b) => {
            if (((slot[a] / nP) | 0) === ((slot[b] / nP) | 0)) n++;
          });
          for (let j = i + 1; j < distinct.length; j++)
            this.eachPair(first, count, distinct[i], distinct[j], (a, b) => {
              if (((slot[a] / nP) | 0) === ((slot[b] / nP) | 0)) n++;
            });
        }
        return n;
      case 'min_gap': {
        const gap = rule.value;
        const close = (a: number, b: number): void => {
          if (((slot[a] / nP) | 0) !== ((slot[b] / nP) | 0)) return;
          const [x, y] = slot[a] <= slot[b] ? [a, b] : [b, a];
          if (slot[x] + len(x) + gap > slot[y]) n++;
        };
        for (let i = 0; i < distinct.length; i++) {
          this.eachPair(first, count, distinct[i], distinct[i], close);
          for (let j = i + 1; j < distinct.length; j++)
            this.eachPair(first, count, distinct[i], distinct[j], close);
        }
        return n;
      }
      case 'min_days_apart':
        for (let i = 0; i < distinct.length; i++)
          this.eachPair(first, count, distinct[i], distinct[i], (a, b) => {
            if (Math.abs(((slot[a] / nP) | 0) - ((slot[b] / nP) | 0)) < rule.value) n++;
          });
        return n;
      case 'max_days_apart':
      case 'same_room_if_consecutive':
      case 'adjacent_if_same_day': {
        const far = rule.kind === 'max_days_apart';
        const sameDay = rule.kind === 'adjacent_if_same_day';
        const check = (a: number, b: number): void => {
          if (far) {
            if (Math.abs(((slot[a] / nP) | 0) - ((slot[b] / nP) | 0)) > rule.value) n++;
          } else if (sameDay) {
            if (
              ((slot[a] / nP) | 0) === ((slot[b] / nP) | 0) &&
              !followsDirectly(p, slot[a], len(a), slot[b]) &&
              !followsDirectly(p, slot[b], len(b), slot[a])
            )
              n++;
          } else if (
            this.st.room[a] !== this.st.room[b] &&
            (followsDirectly(p, slot[a], len(a), slot[b]) || followsDirectly(p, slot[b], len(b), slot[a]))
          )
            n++;
        };
        for (let i = 0; i < distinct.length; i++) {
          this.eachPair(first, count, distinct[i], distinct[i], check);
          for (let j = i + 1; j < distinct.length; j++)
            this.eachPair(first, count, distinct[i], distinct[j], check);
        }
        return n;
      }
      case 'ends_day':
        for (let i = 0; i < distinct.length; i++) {
          const m = distinct[i];
          for (let s = first[m]; s < first[m] + count[m]; s++)
            if (laterSession(p, slot, span, active, s) >= 0) n++;
        }
        return n;
      case 'same_room': {
        const tick = ++this.stamp;
        let rooms = 0;
        for (let i = 0; i < distinct.length; i++) {
          const m = distinct[i];
          for (let s = first[m]; s < first[m] + count[m]; s++) {
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
      case 'max_terms':
      case 'max_per_term': {
        const sessions: number[] = [];
        for (let i = 0; i < distinct.length; i++) {
          const m = distinct[i];
          for (let s = first[m]; s < first[m] + count[m]; s++) if (active[s] !== 0) sessions.push(s);
        }
        return termCost(p, rule, sessions, slot);
      }
    }
  }

  /** Calls f for each pair of active sessions (a of member ma, b of member mb); ma = mb: each unordered pair once. */
  private eachPair(
    first: Int32Array,
    count: Int32Array,
    ma: number,
    mb: number,
    f: (a: number, b: number) => void,
  ): void {
    const active = this.st.active;
    const a0 = first[ma];
    const a1 = a0 + count[ma];
    const b0 = first[mb];
    const b1 = b0 + count[mb];
    for (let a = a0; a < a1; a++) {
      if (active[a] === 0) continue;
      for (let b = ma === mb ? a + 1 : b0; b < b1; b++) if (active[b] === 1) f(a, b);
    }
  }
}
