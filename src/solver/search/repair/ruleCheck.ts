// Does session s take part in a broken hard rule? Checked from the slots and rooms directly, with
// the pairing and counting of ../../../shared/eval/rules.ts (which defines them), so the repair
// finds the sessions to move without pricing a move for each.
import type { CompiledProblem, CompiledRule } from '../../../shared/compiled/types.ts';
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import { followsDirectly } from '../../../shared/eval/followsDirectly.ts';

/** The hard rules naming each course, as a list of lists (CSR). */
export function hardRulesByCourse(p: CompiledProblem): { offsets: Int32Array; items: Int32Array } {
  const lists: number[][] = Array.from({ length: p.nCourses }, () => []);
  p.rules.forEach((rule, i) => {
    if (rule.hard) for (const c of rule.courses) if (!lists[c].includes(i)) lists[c].push(i);
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
  if (kind === 'consecutive') return !followsDirectly(st.problem, slot[a], lenA, slot[b]);
  return slot[a] + span[a] > slot[b];
}

/** Is active session s one of a broken pair (or group) of the hard rule? */
export function breaksRule(st: IncrementalState, rule: CompiledRule, s: number): boolean {
  const p = st.problem;
  const { slot, span, active, room } = st;
  const c = p.sessionCourse[s];
  const k = s - p.courseFirstSession[c];
  const nP = p.nPeriods;
  const cs = rule.courses;
  switch (rule.kind) {
    case 'same_time':
    case 'same_day':
    case 'same_period':
    case 'consecutive':
    case 'adjacent':
    case 'ordered': {
      const fromFirst = rule.kind === 'same_time' || rule.kind === 'same_day' || rule.kind === 'same_period';
      for (let i = 1; i < cs.length; i++) {
        const a = cs[fromFirst ? 0 : i - 1];
        const b = cs[i];
        if ((a !== c && b !== c) || k >= Math.min(p.courseSessionCount[a], p.courseSessionCount[b])) continue;
        const sa = p.courseFirstSession[a] + k;
        const sb = p.courseFirstSession[b] + k;
        if (active[sa] === 0 || active[sb] === 0) continue;
        if (pairBroken(st, rule.kind, sa, sb, p.courseLength[a])) return true;
      }
      return false;
    }
    case 'not_overlapping':
    case 'different_days':
    case 'min_days_apart':
    case 'min_days_between':
    case 'same_room': {
      const day = (slot[s] / nP) | 0;
      for (let i = 0; i < cs.length; i++) {
        const c2 = cs[i];
        if (rule.kind === 'min_days_apart' && c2 !== c) continue;
        if ((rule.kind === 'not_overlapping' || rule.kind === 'min_days_between') && c2 === c) continue;
        for (let x = p.courseFirstSession[c2]; x < p.courseFirstSession[c2] + p.courseSessionCount[c2]; x++) {
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
        }
      }
      return false;
    }
  }
}
