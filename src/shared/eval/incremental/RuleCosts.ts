// Costs of the college's rules, counted as ../rules.ts counts them. Each rule's count is cached. The
// day limits, the slot-list kinds and the pair rules are kept by counters updated as each session
// starts or stops counting (RuleCounters.ts); every other rule is recomputed from its courses'
// active sessions when one of them moves (rules are small). A rule's members are session ranges (a
// whole course, or one session of it: ../../compiled/ruleMembers.ts). Such a rule is recomputed
// when a session of any course it reads moves (../../compiled/ruleWatch.ts).
import type { CompiledProblem, CompiledRule } from '../../compiled/types.ts';
import { distinctMembers, everyRule } from '../../compiled/ruleMembers.ts';
import { H, S } from './kinds.ts';
import { followsAcrossBreak, followsDirectly } from '../followsDirectly.ts';
import type { CountSink } from './RuleCounters.ts';
import { LK, RuleCounters } from './RuleCounters.ts';
import { ruleWatches } from '../../compiled/ruleWatch.ts';
import { termCost } from '../terms.ts';
import { isSlotKind, slotCost } from '../slotRules.ts';
import { brokenGroups } from '../grouped.ts';

export interface RuleView {
  readonly problem: CompiledProblem;
  readonly slot: Int32Array;
  readonly room: Int32Array;
  readonly active: Uint8Array;
  readonly span: Int32Array;
  /** Active sessions per (student set, slot). */
  readonly setOcc: Int32Array;
  readonly hard: Float64Array;
  readonly soft: Float64Array;
}

export class RuleCosts implements CountSink {
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
  /** Per slot (or day), the stamp of the last max_slots / max_days_in_slots count that covered it. */
  private readonly slotSeen: Int32Array;
  private stamp = 0;
  /** The rules kept by counters, session by session. */
  private readonly counters: RuleCounters;

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
    this.slotSeen = new Int32Array(p.nSlots).fill(-1);
    this.counters = new RuleCounters(p, st, this.rules, this.first, this.count, this.distinct);
  }

  /** The counts of the empty timetable (the state's constructor calls it before placing anything). */
  initAll(): void {
    const k = this.counters.kind;
    for (let i = 0; i < this.rules.length; i++)
      if (k[i] === LK.none) this.recompute(i);
      else this.setCount(i, this.counters.raw[i]);
  }

  /** Active session s starts (sign +1) or stops (sign -1) counting at its slot: the counted rules. */
  sessionChanged(s: number, sign: number): void {
    if (this.counters.hasEntries(this.p.sessionCourse[s])) this.counters.sessionChanged(s, sign, this);
  }

  /** Rules reading course c's sessions (indices into everyRule(problem)). */
  rulesOf(c: number): Int32Array {
    return this.courseRuleItems.subarray(this.courseRuleOffsets[c], this.courseRuleOffsets[c + 1]);
  }

  /** The current cost of rule i (hard: violations; soft: weighted), as ../rules.ts counts it. */
  costOf(i: number): number {
    return this.cost[i];
  }

  /** How rule i is counted (RuleCounters.ts LK; none: recounted whole when its courses move). */
  countedBy(i: number): number {
    return this.counters.kind[i];
  }

  /** Active member sessions of rule i covering slot t, as RuleCounters.coverAt counts them (-1: not kept). */
  coverAt(i: number, t: number): number {
    return this.counters.coverAt(i, t);
  }

  hasRules(c: number): boolean {
    return this.courseRuleOffsets[c + 1] > this.courseRuleOffsets[c];
  }

  courseChanged(c: number): void {
    const o = this.courseRuleOffsets;
    const k = this.counters.kind;
    for (let j = o[c]; j < o[c + 1]; j++) {
      const i = this.courseRuleItems[j];
      if (k[i] === LK.none) this.recompute(i);
    }
  }

  private recompute(i: number): void {
    const rule = this.rules[i];
    if (!rule.hard && (rule.weight <= 0 || this.p.weights.soft_rule <= 0)) return;
    this.setCount(i, this.violations(rule, this.first[i], this.count[i], this.distinct[i]));
  }

  /** Rule i now counts n violations: its cost and the totals follow. */
  setCount(i: number, n: number): void {
    const rule = this.rules[i];
    const p = this.p;
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
    let n = 0;
    switch (rule.kind) {
      case 'same_time':
      case 'same_day':
      case 'consecutive':
      case 'ordered':
      case 'ordered_if_same_day':
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
              n += followsDirectly(p, slot[sa], lengthOf(p, sa), slot[sb]) ? 0 : 1;
            else if (rule.kind === 'ordered_if_same_day')
              n += da === db && slot[sa] + span[sa] > slot[sb] ? 1 : 0;
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
              followsAcrossBreak(p, slot[sa], lengthOf(p, sa), slot[sb]) ||
              (rule.kind === 'adjacent_across_break' &&
                followsAcrossBreak(p, slot[sb], lengthOf(p, sb), slot[sa]));
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
                followsDirectly(p, slot[sa], lengthOf(p, sa), slot[sb]) ||
                followsDirectly(p, slot[sb], lengthOf(p, sb), slot[sa])
                  ? 0
                  : 1;
          }
        }
        return n;
      case 'grouped':
        return brokenGroups(p, slot, first, count, (s) => active[s] !== 0).length;
      case 'min_days_between':
      case 'not_overlapping':
      case 'not_overlapping_parts':
      case 'different_days':
      case 'min_gap':
      case 'min_gap_counting_breaks':
      case 'min_days_apart':
      case 'max_days_apart':
      case 'same_room_if_consecutive':
      case 'adjacent_if_same_day':
      case 'max_per_day':
      case 'max_continuous':
        // Kept by RuleCounters whenever they cost anything (RuleCounters.counterKind): a rule of
        // these kinds reaches recompute only when it is soft with no weight, and recompute skips it.
        return 0;
      case 'ends_day':
        // laterSession (../endsDay.ts), read off the student sets' occupancy: a session of a course
        // sharing a set with s ends later than s that day when it covers a period after s's last.
        for (let i = 0; i < distinct.length; i++) {
          const m = distinct[i];
          for (let s = first[m]; s < first[m] + count[m]; s++)
            if (active[s] !== 0 && setBusyAfter(p, this.st.setOcc, s, slot[s] + span[s])) n++;
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
      case 'max_slots':
      case 'min_slots':
      case 'max_days_in_slots': {
        // As slotCost (../slotRules.ts) counts it, without building a list and a set on every move
        // (a FET file has hundreds of these rules, each over a teacher's or a set's courses).
        const listed = rule.slots;
        if (!listed) return 0;
        const byDays = rule.kind === 'max_days_in_slots';
        const tick = ++this.stamp;
        let covered = 0;
        for (let i = 0; i < distinct.length; i++) {
          const m = distinct[i];
          for (let s = first[m]; s < first[m] + count[m]; s++) {
            if (active[s] === 0) continue;
            for (let t = slot[s]; t < slot[s] + span[s]; t++) {
              if (listed[t] !== 1) continue;
              const key = byDays ? (t / nP) | 0 : t;
              if (this.slotSeen[key] !== tick) {
                this.slotSeen[key] = tick;
                covered++;
              }
            }
          }
        }
        return Math.max(0, rule.kind === 'min_slots' ? rule.value - covered : covered - rule.value);
      }
      case 'max_terms':
      case 'max_per_term':
      case 'max_simultaneous':
      case 'min_simultaneous':
      case 'min_simultaneous_or_none':
      case 'max_sessions_in_slots':
      case 'preferred_starts':
      case 'preferred_slots': {
        const sessions: number[] = [];
        for (let i = 0; i < distinct.length; i++) {
          const m = distinct[i];
          for (let s = first[m]; s < first[m] + count[m]; s++) if (active[s] !== 0) sessions.push(s);
        }
        return isSlotKind(rule.kind)
          ? slotCost(p, rule, sessions, slot, span)
          : termCost(p, rule, sessions, slot);
      }
    }
  }
}

/** Is a period of the day of slot `end - 1`, from `end` on, busy for a student set of session s's course? */
function setBusyAfter(p: CompiledProblem, setOcc: Int32Array, s: number, end: number): boolean {
  const nP = p.nPeriods;
  const dayEnd = end - 1 - ((end - 1) % nP) + nP;
  const o = p.courseStudentSets.offsets;
  const c = p.sessionCourse[s];
  for (let i = o[c]; i < o[c + 1]; i++) {
    const base = p.courseStudentSets.items[i] * p.nSlots;
    for (let t = end; t < dayEnd; t++) if (setOcc[base + t] > 0) return true;
  }
  return false;
}

/** Periods of session s's course. */
function lengthOf(p: CompiledProblem, s: number): number {
  return p.courseLength[p.sessionCourse[s]];
}
