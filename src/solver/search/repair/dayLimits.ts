// Day questions the conflict search asks before a start (ConflictSearch.ts): which day a faculty
// member at their teaching-day limit would have to give up, whether a start opens gaps that take a
// student set past its weekly gap limit, which sessions end their students' day under a hard
// ends_day rule, and where such a session must end when its students are busy in every period.
// Read from the problem and the incremental state's occupancy, nothing changed.
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

/**
 * Idle periods of student set k on `day` between its first and last busy ones (its unavailable
 * periods not counted), periods q0..q0+len-1 busy too when len > 0.
 */
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
  // A free period the set is unavailable in (setUnavailable.ts) is not idle.
  let off = 0;
  for (let q = first + 1; q < last; q++)
    if (st.setOcc[base + q] === 0 && (q < q0 || q >= q0 + len) && p.setUnavailable[base + q] === 1) off++;
  return first < 0 ? 0 : last - first + 1 - busy - off;
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

/**
 * For the courses a hard ends_day rule lists (`listed` from endsDayMembers, per session), the
 * period each must end in on each day, where that is forced: a student set of the course that is
 * exactly packed (its sessions fill every period some course of it may use, so it is busy in all
 * of them) ends each day in the last such period, and a listed session of it must end there too.
 * end[c * nDays + d] is that period, or -1 when nothing is forced (no such set, or sets that
 * disagree); null when no course has a forced end.
 */
export function packedDayEnds(p: CompiledProblem, listed: Uint8Array): Int16Array | null {
  const nSets = p.setCourses.offsets.length - 1;
  // Per exactly packed set, the last period it may be busy in on each day (-1: none; -2: not packed).
  const last = new Int16Array(nSets * p.nDays).fill(-2);
  const can = new Uint8Array(p.nSlots);
  for (let k = 0; k < nSets; k++) {
    can.fill(0);
    let load = 0;
    for (let i = p.setCourses.offsets[k]; i < p.setCourses.offsets[k + 1]; i++) {
      const c = p.setCourses.items[i];
      load += p.courseSessionCount[c] * p.courseLength[c];
      for (let t = 0; t < p.nSlots; t++) if (p.courseUnavailable[c * p.nSlots + t] === 0) can[t] = 1;
    }
    let cap = 0;
    for (let t = 0; t < p.nSlots; t++) cap += can[t];
    if (load !== cap) continue;
    for (let d = 0; d < p.nDays; d++) {
      last[k * p.nDays + d] = -1;
      for (let q = 0; q < p.nPeriods; q++) if (can[d * p.nPeriods + q] === 1) last[k * p.nDays + d] = q;
    }
  }
  let end: Int16Array | null = null;
  for (let c = 0; c < p.nCourses; c++) {
    const first = p.courseFirstSession[c];
    let all = p.courseSessionCount[c] > 0;
    for (let s = first; s < first + p.courseSessionCount[c]; s++) if (listed[s] === 0) all = false;
    if (!all) continue;
    for (let d = 0; d < p.nDays; d++) {
      let q = -1;
      for (let i = p.courseStudentSets.offsets[c]; i < p.courseStudentSets.offsets[c + 1]; i++) {
        const e = last[p.courseStudentSets.items[i] * p.nDays + d];
        if (e === -2) continue;
        q = q === -1 || q === e ? e : -3;
      }
      if (q < 0) continue;
      end ??= new Int16Array(p.nCourses * p.nDays).fill(-1);
      end[c * p.nDays + d] = q;
    }
  }
  return end;
}
