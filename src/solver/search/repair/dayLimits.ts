// Day questions the conflict search asks before a start (ConflictSearch.ts): which day a faculty
// member at their teaching-day limit would have to give up, whether a start opens gaps that take a
// student set past its weekly gap limit, and which sessions end their students' day under a hard
// ends_day rule. Read from the problem and the incremental state's occupancy, nothing changed.
import { everyRule, memberCount, memberFirst } from '../../../shared/compiled/ruleMembers.ts';
import { ruleWatches } from '../../../shared/compiled/ruleWatch.ts';
import type { CompiledProblem } from '../../../shared/compiled/types.ts';
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';

/** Does student set k attend course c? */
export function attends(p: CompiledProblem, c: number, k: number): boolean {
  const o = p.courseStudentSets;
  for (let i = o.offsets[c]; i < o.offsets[c + 1]; i++) if (o.items[i] === k) return true;
  return false;
}

/** Idle periods of student set k on `day` between its first and last busy ones, periods q0..q0+len-1 busy too when len > 0. */
function dayGaps(st: IncrementalState, k: number, day: number, q0: number, len: number): number {
  const p = st.problem;
  const base = k * p.nSlots + day * p.nPeriods;
  let first = -1;
  let last = -1;
  let busy = 0;
  for (let q = 0; q < p.nPeriods; q++) {
    if (st.setOcc[base + q] === 0 && (q < q0 || q >= q0 + len)) continue;
    busy++;
    if (first < 0) first = q;
    last = q;
  }
  return first < 0 ? 0 : last - first + 1 - busy;
}

/** Would a session at periods q0..q0+len-1 of `day` open gaps that take set k over `limit` idle periods a week? */
export function overWeekGaps(
  st: IncrementalState,
  k: number,
  day: number,
  q0: number,
  len: number,
  limit: number,
): boolean {
  const before = dayGaps(st, k, day, q0, 0);
  const after = dayGaps(st, k, day, q0, len);
  if (after <= before) return false;
  let week = after;
  for (let e = 0; e < st.problem.nDays; e++) if (e !== day) week += dayGaps(st, k, e, 0, 0);
  return week > limit;
}

/**
 * The day to clear for faculty member f to teach on `day` within their teaching-day limit: -1
 * when they teach on `day` already or have days to spare, else their least-loaded other day.
 */
export function dayToFree(st: IncrementalState, f: number, day: number): number {
  const p = st.problem;
  let days = 0;
  let least = -1;
  let leastLoad = Infinity;
  for (let e = 0; e < p.nDays; e++) {
    const base = f * p.nSlots + e * p.nPeriods;
    let load = 0;
    for (let q = 0; q < p.nPeriods; q++) load += st.facultyOcc[base + q];
    if (load === 0) continue;
    if (e === day) return -1;
    days++;
    if (load < leastLoad) {
      leastLoad = load;
      least = e;
    }
  }
  return days >= p.facultyMaxDays[f] ? least : -1;
}

/**
 * Hard ends_day rules as the conflict search reads them, null when the college has none: `listed`
 * 1 for each session a rule lists (it must end its students' day), `course` 1 for each course that
 * has such a session or shares students with one (only those courses' starts can break the rules).
 */
export function endsDayMembers(p: CompiledProblem): { listed: Uint8Array; course: Uint8Array } | null {
  let listed: Uint8Array | null = null;
  const course = new Uint8Array(p.nCourses);
  for (const rule of everyRule(p)) {
    if (!rule.hard || rule.kind !== 'ends_day') continue;
    listed ??= new Uint8Array(p.nSessions);
    for (const c of ruleWatches(p, rule)) course[c] = 1;
    for (let i = 0; i < rule.courses.length; i++) {
      const first = memberFirst(p, rule, i);
      for (let s = first; s < first + memberCount(p, rule, i); s++) listed[s] = 1;
    }
  }
  return listed === null ? null : { listed, course };
}
