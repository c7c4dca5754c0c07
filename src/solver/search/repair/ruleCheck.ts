// Does session s take part in a broken hard rule? Checked from the slots and rooms directly, with
// the pairing and counting of ../../../shared/eval/rules.ts (which defines them), so the repair
// finds the sessions to move without pricing a move for each.
import type { CompiledProblem, CompiledRule } from '../../../shared/compiled/types.ts';
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import { followsAcrossBreak, followsDirectly } from '../../../shared/eval/followsDirectly.ts';
import { everyRule, memberCount, memberFirst } from '../../../shared/compiled/ruleMembers.ts';
import { ruleWatches } from '../../../shared/compiled/ruleWatch.ts';
import { laterSession } from '../../../shared/eval/endsDay.ts';
import { termBreaks } from '../../../shared/eval/terms.ts';
import { dayLimitOver } from '../../../shared/eval/dayLimitRules.ts';
import { isSlotKind, slotBreak } from '../../../shared/eval/slotRules.ts';
import { minGapBroken } from '../../../shared/eval/minGap.ts';
import { groupBroken } from '../../../shared/eval/grouped.ts';

/** The hard rules reading each course (ruleWatch.ts), as a list of lists (CSR) of indices into everyRule(p). */
export function hardRulesByCourse(p: CompiledProblem): { offsets: Int32Array; items: Int32Array } {
  let out = byCourse.get(p);
  if (!out) byCourse.set(p, (out = buildHardRulesByCourse(p)));
  return out;
}

/** hardRulesByCourse of each problem, built once (every repair round asks for it). */
const byCourse = new WeakMap<CompiledProblem, { offsets: Int32Array; items: Int32Array }>();

function buildHardRulesByCourse(p: CompiledProblem): { offsets: Int32Array; items: Int32Array } {
  const lists: number[][] = Array.from({ length: p.nCourses }, () => []);
  everyRule(p).forEach((rule, i) => {
    if (rule.hard) for (const c of ruleWatches(p, rule)) if (!lists[c].includes(i)) lists[c].push(i);
  });
  const offsets = new Int32Array(p.nCourses + 1);
  for (let c = 0; c < p.nCourses; c++) offsets[c + 1] = offsets[c] + lists[c].length;
  return { offsets, items: Int32Array.from(lists.flat()) };
}

function pairBroken(
  st: IncrementalState,
  kind: CompiledRule['kind'],
  a: number,
  b: number,
  lenA: number,
): boolean {
  const nP = st.problem.nPeriods;
  const { slot, span } = st;
  const da = (slot[a] / nP) | 0;
  const db = (slot[b] / nP) | 0;
  if (kind === 'same_time') return slot[a] !== slot[b];
  if (kind === 'same_day') return da !== db;
  if (kind === 'same_period') return slot[a] % nP !== slot[b] % nP;
  if (kind === 'adjacent')
    return (
      !followsDirectly(st.problem, slot[a], lenA, slot[b]) &&
      !followsDirectly(st.problem, slot[b], st.problem.courseLength[st.problem.sessionCourse[b]], slot[a])
    );
  if (kind === 'ordered_if_same_day') return da === db && slot[a] + span[a] > slot[b];
  if (kind === 'consecutive') return !followsDirectly(st.problem, slot[a], lenA, slot[b]);
  if (kind === 'consecutive_across_break') return !followsAcrossBreak(st.problem, slot[a], lenA, slot[b]);
  if (kind === 'adjacent_across_break')
    return (
      !followsAcrossBreak(st.problem, slot[a], lenA, slot[b]) &&
      !followsAcrossBreak(st.problem, slot[b], st.problem.courseLength[st.problem.sessionCourse[b]], slot[a])
    );
  return slot[a] + span[a] > slot[b];
}

/** Is active session s one of a broken pair (or group) of the hard rule? */
export function breaksRule(st: IncrementalState, rule: CompiledRule, s: number): boolean {
  const p = st.problem;
  const { slot, span, active, room } = st;
  const nP = p.nPeriods;
  const n = rule.courses.length;
  /** s's position in member i, or -1 when s is not one of its sessions. */
  const at = (i: number): number => {
    const k = s - memberFirst(p, rule, i);
    return k >= 0 && k < memberCount(p, rule, i) ? k : -1;
  };
  switch (rule.kind) {
    case 'same_time':
    case 'same_day':
    case 'same_period':
    case 'consecutive':
    case 'adjacent':
    case 'consecutive_across_break':
    case 'adjacent_across_break':
    case 'ordered':
    case 'ordered_if_same_day': {
      const fromFirst = rule.kind === 'same_time' || rule.kind === 'same_day' || rule.kind === 'same_period';
      for (let i = 1; i < n; i++) {
        const a = fromFirst ? 0 : i - 1;
        const k = Math.max(at(a), at(i));
        if (k < 0 || k >= Math.min(memberCount(p, rule, a), memberCount(p, rule, i))) continue;
        const sa = memberFirst(p, rule, a) + k;
        const sb = memberFirst(p, rule, i) + k;
        if (active[sa] === 0 || active[sb] === 0) continue;
        if (pairBroken(st, rule.kind, sa, sb, p.courseLength[p.sessionCourse[sa]])) return true;
      }
      return false;
    }
    case 'grouped': {
      // s's group k (session k of every member), all placed and not one block (grouped.ts).
      let k = -1;
      for (let i = 0; i < n && k < 0; i++) k = at(i);
      if (k < 0) return false;
      const group: number[] = [];
      for (let i = 0; i < n; i++) {
        if (k >= memberCount(p, rule, i)) return false;
        const x = memberFirst(p, rule, i) + k;
        if (active[x] === 0) return false;
        group.push(x);
      }
      return groupBroken(p, slot, group);
    }
    case 'ends_day': {
      if (active[s] === 0) return false;
      // A member session with a later one of its students that day; or s, of any course reading
      // the rule, is the later session the evaluator names for a member session that day.
      const day = (slot[s] / nP) | 0;
      for (let i = 0; i < n; i++) {
        const first = memberFirst(p, rule, i);
        for (let m = first; m < first + memberCount(p, rule, i); m++) {
          if (m === s) {
            if (laterSession(p, slot, span, active, s) >= 0) return true;
            continue;
          }
          if (active[m] === 0 || ((slot[m] / nP) | 0) !== day) continue;
          if (slot[s] + span[s] > slot[m] + span[m] && laterSession(p, slot, span, active, m) === s)
            return true;
        }
      }
      return false;
    }
    case 'max_days_apart':
    case 'same_room_if_consecutive':
    case 'adjacent_if_same_day': {
      // Any two sessions of the rule's members pair (also two of one member).
      let named = false;
      for (let i = 0; i < n && !named; i++) named = at(i) >= 0;
      if (!named || active[s] === 0) return false;
      const day = (slot[s] / nP) | 0;
      const seen = new Set<number>();
      for (let i = 0; i < n; i++) {
        const first = memberFirst(p, rule, i);
        if (seen.has(first)) continue;
        seen.add(first);
        for (let x = first; x < first + memberCount(p, rule, i); x++) {
          if (x === s || active[x] === 0) continue;
          if (rule.kind === 'max_days_apart') {
            if (Math.abs(((slot[x] / nP) | 0) - day) > rule.value) return true;
          } else if (rule.kind === 'adjacent_if_same_day') {
            if (
              ((slot[x] / nP) | 0) === day &&
              !followsDirectly(p, slot[s], p.courseLength[p.sessionCourse[s]], slot[x]) &&
              !followsDirectly(p, slot[x], p.courseLength[p.sessionCourse[x]], slot[s])
            )
              return true;
          } else if (
            room[x] !== room[s] &&
            (followsDirectly(p, slot[s], p.courseLength[p.sessionCourse[s]], slot[x]) ||
              followsDirectly(p, slot[x], p.courseLength[p.sessionCourse[x]], slot[s]))
          )
            return true;
        }
      }
      return false;
    }
    case 'not_overlapping_parts': {
      // A session of a member in another part than s's that shares a period with s.
      let q = -1;
      for (let i = 0; i < n && q < 0; i++) if (at(i) >= 0) q = rule.parts![i];
      if (q < 0 || active[s] === 0) return false;
      for (let i = 0; i < n; i++) {
        if (rule.parts![i] === q) continue;
        const first = memberFirst(p, rule, i);
        for (let x = first; x < first + memberCount(p, rule, i); x++)
          if (active[x] !== 0 && slot[s] < slot[x] + span[x] && slot[x] < slot[s] + span[s]) return true;
      }
      return false;
    }
    case 'not_overlapping':
    case 'different_days':
    case 'min_days_apart':
    case 'min_days_between':
    case 'min_gap':
    case 'min_gap_counting_breaks':
    case 'same_room': {
      const day = (slot[s] / nP) | 0;
      // Members holding s: their own sessions pair with s only for different_days,
      // min_days_apart and same_room; the other members' only for the rest but min_days_apart.
      const own = new Set<number>();
      for (let i = 0; i < n; i++) if (at(i) >= 0) own.add(memberFirst(p, rule, i));
      if (own.size === 0) return false; // s is a session of a listed course the rule does not name
      const seen = new Set<number>();
      for (let i = 0; i < n; i++) {
        const first = memberFirst(p, rule, i);
        if (seen.has(first)) continue;
        seen.add(first);
        const mine = own.has(first);
        if (rule.kind === 'min_days_apart' && !mine) continue;
        if ((rule.kind === 'not_overlapping' || rule.kind === 'min_days_between') && mine) continue;
        for (let x = first; x < first + memberCount(p, rule, i); x++) {
          if (x === s || active[x] === 0) continue;
          const dx = (slot[x] / nP) | 0;
          if (rule.kind === 'not_overlapping' && slot[s] < slot[x] + span[x] && slot[x] < slot[s] + span[s])
            return true;
          if (rule.kind === 'different_days' && dx === day) return true;
          if (
            (rule.kind === 'min_days_apart' || rule.kind === 'min_days_between') &&
            Math.abs(dx - day) < rule.value
          )
            return true;
          if (rule.kind === 'same_room' && room[x] !== room[s]) return true;
          if (
            (rule.kind === 'min_gap' || rule.kind === 'min_gap_counting_breaks') &&
            minGapBroken(
              p,
              slot[s],
              p.courseLength[p.sessionCourse[s]],
              slot[x],
              p.courseLength[p.sessionCourse[x]],
              rule.value,
              rule.kind === 'min_gap_counting_breaks',
            )
          )
            return true;
        }
      }
      return false;
    }
    case 'max_per_day':
    case 'max_continuous': {
      // s is one of the sessions of a day over the limit (dayLimitRules.ts): the periods of s's day
      // the members' sessions cover.
      if (active[s] === 0) return false;
      let named = false;
      for (let i = 0; i < n && !named; i++) named = at(i) >= 0;
      if (!named) return false;
      const day = (slot[s] / nP) | 0;
      const covered = dayScratch(nP);
      for (let i = 0; i < n; i++) {
        const first = memberFirst(p, rule, i);
        for (let x = first; x < first + memberCount(p, rule, i); x++) {
          if (active[x] === 0 || ((slot[x] / nP) | 0) !== day) continue;
          for (let q = slot[x] - day * nP; q < slot[x] - day * nP + span[x] && q < nP; q++) covered[q] = 1;
        }
      }
      return dayLimitOver(p, rule, covered);
    }
    case 'max_terms':
    case 'max_per_term':
    case 'max_slots':
    case 'max_days_in_slots':
    case 'max_simultaneous':
    case 'min_simultaneous':
    case 'min_simultaneous_or_none':
    case 'max_sessions_in_slots':
    case 'preferred_starts':
    case 'preferred_slots':
    case 'min_slots': {
      // s is one of the sessions a term or slot break blames (terms.ts, slotRules.ts).
      if (active[s] === 0) return false;
      let named = false;
      for (let i = 0; i < n && !named; i++) named = at(i) >= 0;
      if (!named) return false;
      const sessions: number[] = [];
      const seen = new Set<number>();
      for (let i = 0; i < n; i++) {
        const first = memberFirst(p, rule, i);
        if (seen.has(first)) continue;
        seen.add(first);
        for (let x = first; x < first + memberCount(p, rule, i); x++) if (active[x] !== 0) sessions.push(x);
      }
      if (isSlotKind(rule.kind))
        return slotBreak(p, rule, sessions, slot, span)?.sessions.includes(s) ?? false;
      return termBreaks(p, rule, sessions, slot).some((b) => b.sessions.includes(s));
    }
  }
}

/** One day's covered periods for breaksRule, cleared and kept between calls. */
let scratch = new Uint8Array(0);
function dayScratch(nP: number): Uint8Array {
  if (scratch.length < nP) scratch = new Uint8Array(nP);
  scratch.fill(0, 0, nP);
  return scratch;
}
