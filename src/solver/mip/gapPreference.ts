// The order in which the greedy start (warmStart.ts) tries a course's starts, for colleges with gap
// limits: the starts that add the fewest idle periods to the faculty and student sets
// of the course that have a gap limit first (busy periods: those placed before the MIP and those the
// greedy start has taken so far), the earlier start among equals. Without it the greedy start fills
// each day from its first free period and leaves the gap limits to HiGHS, which on big communities
// rarely improves on its start before its time is up.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { Occupancy } from './occupancy.ts';

export interface StartPreference {
  /** The columns [from, to) of course c (start variables, in slot order), in the order to try them. */
  order(c: number, from: number, to: number): number[];
  /** The greedy start took start column j. */
  taken(j: number): void;
}

function setHasGapLimit(p: CompiledProblem, k: number): boolean {
  for (let g = p.setGroup[k]; g >= 0; g = p.groupParent[g])
    if (p.groupMaxGapsPerDay[g] >= 0 || p.groupMaxGapsPerWeek[g] >= 0) return true;
  return false;
}

/** Null when no faculty member or student set of these courses has a gap limit. */
export function gapPreference(
  p: CompiledProblem,
  occ: Occupancy,
  xCourse: Int32Array,
  xSlot: Int32Array,
): StartPreference | null {
  const { nSlots, nPeriods: P } = p;
  // Resources with a gap limit: faculty f as f, student set k as nFaculty + k.
  const limited = new Uint8Array(p.nFaculty + p.nStudentSets);
  let any = false;
  for (let f = 0; f < p.nFaculty; f++) {
    if (p.facultyMaxGapsPerDay[f] < 0 && p.facultyMaxGapsPerWeek[f] < 0) continue;
    limited[f] = 1;
    any = true;
  }
  for (let k = 0; k < p.nStudentSets; k++) {
    if (!setHasGapLimit(p, k)) continue;
    limited[p.nFaculty + k] = 1;
    any = true;
  }
  if (!any) return null;
  const busy = new Uint8Array((p.nFaculty + p.nStudentSets) * nSlots);
  for (let i = 0; i < p.nFaculty * nSlots; i++) busy[i] = occ.faculty[i] > 0 ? 1 : 0;
  for (let i = 0; i < p.nStudentSets * nSlots; i++) busy[p.nFaculty * nSlots + i] = occ.sets[i] > 0 ? 1 : 0;
  const resourcesOf = (c: number): number[] => {
    const out: number[] = [];
    for (let i = p.courseFaculty.offsets[c]; i < p.courseFaculty.offsets[c + 1]; i++)
      if (limited[p.courseFaculty.items[i]]) out.push(p.courseFaculty.items[i]);
    for (let i = p.courseStudentSets.offsets[c]; i < p.courseStudentSets.offsets[c + 1]; i++) {
      const r = p.nFaculty + p.courseStudentSets.items[i];
      if (limited[r]) out.push(r);
    }
    return out;
  };
  /** Idle periods of resource r on the day of slot t, with [t, t + len) busy as well when len > 0. */
  const idle = (r: number, t: number, len: number): number => {
    const base = r * nSlots + Math.floor(t / P) * P;
    const q0 = t % P;
    let first = -1;
    let last = -1;
    let count = 0;
    for (let q = 0; q < P; q++) {
      if (!busy[base + q] && !(q >= q0 && q < q0 + len)) continue;
      if (first < 0) first = q;
      last = q;
      count++;
    }
    return first < 0 ? 0 : last - first + 1 - count;
  };
  return {
    order(c, from, to) {
      const rs = resourcesOf(c);
      const cols = Array.from({ length: to - from }, (_, k) => from + k);
      if (rs.length === 0) return cols;
      const len = p.courseLength[c];
      const added = new Map<number, number>();
      for (const j of cols) {
        let a = 0;
        for (const r of rs) a += idle(r, xSlot[j], len) - idle(r, xSlot[j], 0);
        added.set(j, a);
      }
      return cols.sort((x, y) => added.get(x)! - added.get(y)! || x - y);
    },
    taken(j) {
      const c = xCourse[j];
      for (const r of resourcesOf(c))
        for (let q = 0; q < p.courseLength[c]; q++) busy[r * nSlots + xSlot[j] + q] = 1;
    },
  };
}
