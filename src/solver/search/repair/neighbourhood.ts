// The neighbourhood of what is left in hard violation, for an exact re-solve (neighbourhoodMip.ts):
// the courses of the sessions in violation, then the courses tied to those by a hard rule, then
// the blockers: courses with a session at one of their allowed starts that shares a faculty member
// or a student set with them or holds a room they may use (a lab batch with few starts is stuck
// behind those), then courses sharing a faculty member or a student set with what is already in, ring by ring, each
// ring in a seeded random order (so repeated tries free different neighbours), while the
// neighbourhood stays within `maxSessions` sessions. A course always comes with the courses tied
// to it by a hard rule (decompose keeps those together too), or not at all.
import type { CompiledProblem } from '../../../shared/compiled/types.ts';
import type { Rng } from '../../Rng.ts';
import type { SearchModel } from '../../SearchModel.ts';

/** Rings of faculty / student-set neighbours grown around the courses in violation. */
const RINGS = 2;

export interface Neighbourhood {
  /** Ascending course indices (a community for mipSchedule). */
  courses: Int32Array;
  /** Sessions of those courses. */
  sessions: number;
}

/** Per course, the other courses sharing a hard rule with it. */
export function hardRulePartners(p: CompiledProblem): number[][] {
  const out: number[][] = Array.from({ length: p.nCourses }, () => []);
  for (const r of p.rules) {
    if (!r.hard || r.courses.length < 2) continue;
    for (const a of r.courses) for (const b of r.courses) if (a !== b) out[a].push(b);
  }
  return out.map((list) => [...new Set(list)]);
}

/**
 * The courses to free around `violating` (sessions), within `maxSessions` sessions; the courses of
 * the sessions in violation come first, in a seeded random order, so that when they do not all fit
 * a later try frees others.
 */
export function neighbourhood(
  p: CompiledProblem,
  partners: readonly (readonly number[])[],
  violating: ArrayLike<number>,
  maxSessions: number,
  rng: Rng,
  around?: { m: SearchModel; slot: Int32Array; room: Int32Array },
): Neighbourhood {
  const inSet = new Uint8Array(p.nCourses);
  const courses: number[] = [];
  let sessions = 0;
  // A course with its hard-rule partners (transitively), all or none.
  const unit: number[] = [];
  const seen = new Uint8Array(p.nCourses);
  const add = (c: number): void => {
    if (inSet[c] === 1) return;
    unit.length = 0;
    let n = 0;
    const stack = [c];
    seen[c] = 1;
    while (stack.length > 0) {
      const x = stack.pop()!;
      unit.push(x);
      n += p.courseSessionCount[x];
      for (const y of partners[x])
        if (seen[y] === 0 && inSet[y] === 0) {
          seen[y] = 1;
          stack.push(y);
        }
    }
    for (const x of unit) seen[x] = 0;
    if (sessions + n > maxSessions) return;
    for (const x of unit) {
      inSet[x] = 1;
      courses.push(x);
    }
    sessions += n;
  };
  const core = shuffled([...new Set(Array.from(violating, (s) => p.sessionCourse[s]))], rng);
  for (const c of core) add(c);
  if (around)
    for (const c of shuffled(blockers(p, around.m, around.slot, around.room, courses.slice()), rng)) add(c);
  let ring = courses.slice();
  for (let k = 0; k < RINGS && ring.length > 0; k++) {
    const next: number[] = [];
    for (const c of ring) {
      for (let i = p.courseFaculty.offsets[c]; i < p.courseFaculty.offsets[c + 1]; i++) {
        const f = p.courseFaculty.items[i];
        for (let j = p.facultyCourses.offsets[f]; j < p.facultyCourses.offsets[f + 1]; j++)
          next.push(p.facultyCourses.items[j]);
      }
      for (let i = p.courseStudentSets.offsets[c]; i < p.courseStudentSets.offsets[c + 1]; i++) {
        const set = p.courseStudentSets.items[i];
        for (let j = p.setCourses.offsets[set]; j < p.setCourses.offsets[set + 1]; j++)
          next.push(p.setCourses.items[j]);
      }
    }
    const before = courses.length;
    for (const c of shuffled([...new Set(next)], rng)) add(c);
    ring = courses.slice(before);
  }
  return { courses: Int32Array.from(courses).sort(), sessions };
}

/** Courses with a session in the way of one of `core`'s allowed starts (see the file comment). */
function blockers(
  p: CompiledProblem,
  m: SearchModel,
  slot: Int32Array,
  room: Int32Array,
  core: number[],
): number[] {
  const { nSlots, nCourses, nRooms } = p;
  // Sessions covering each slot (CSR).
  const count = new Int32Array(nSlots + 1);
  for (let s = 0; s < p.nSessions; s++)
    if (slot[s] >= 0) for (let q = 0; q < p.courseLength[p.sessionCourse[s]]; q++) count[slot[s] + q + 1]++;
  for (let t = 0; t < nSlots; t++) count[t + 1] += count[t];
  const fill = count.slice(0, nSlots);
  const at = new Int32Array(count[nSlots]);
  for (let s = 0; s < p.nSessions; s++)
    if (slot[s] >= 0)
      for (let q = 0; q < p.courseLength[p.sessionCourse[s]]; q++) at[fill[slot[s] + q]++] = s;
  const out = new Set<number>();
  const o = m.courseStarts.offsets;
  for (const c of core)
    for (let i = o[c]; i < o[c + 1]; i++) {
      const t = m.courseStarts.items[i];
      for (let q = 0; q < p.courseLength[c] && t + q < nSlots; q++)
        for (let k = count[t + q]; k < count[t + q + 1]; k++) {
          const x = at[k];
          const cx = p.sessionCourse[x];
          if (cx === c || out.has(cx)) continue;
          if (
            m.courseConflict[c * nCourses + cx] === 1 ||
            (room[x] >= 0 && m.allowedRoom[c * nRooms + room[x]] === 1)
          )
            out.add(cx);
        }
    }
  return [...out];
}

function shuffled(list: number[], rng: Rng): number[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const x = list[i];
    list[i] = list[j];
    list[j] = x;
  }
  return list;
}
