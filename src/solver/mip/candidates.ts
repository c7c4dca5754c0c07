// Start slots worth a variable: allowed for the course, not already a start of one of its placed
// sessions, every faculty member / student set / not_overlapping rule free over the whole span,
// within the faculty's per-day limit, and some usable room free over the span.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { Placement } from '../../shared/eval/types.ts';
import type { Occupancy } from './occupancy.ts';
import type { RoomClasses } from './roomClasses.ts';

export function notOverlappingRulesOf(p: CompiledProblem): number[][] {
  const out: number[][] = Array.from({ length: p.nCourses }, () => []);
  p.rules.forEach((rule, i) => {
    if (rule.hard && rule.kind === 'not_overlapping') for (const c of rule.courses) out[c].push(i);
  });
  return out;
}

export function candidateStarts(
  p: CompiledProblem,
  c: number,
  occ: Occupancy,
  placement: Placement,
  classes: RoomClasses,
  rulesOfCourse: readonly number[],
): number[] {
  const { nSlots, nPeriods, nDays } = p;
  const len = p.courseLength[c];
  const own = new Set<number>();
  for (let s = p.courseFirstSession[c]; s < p.courseFirstSession[c] + p.courseSessionCount[c]; s++) {
    if (placement.slot[s] >= 0) own.add(placement.slot[s]);
  }
  const fac = p.courseFaculty.items.subarray(p.courseFaculty.offsets[c], p.courseFaculty.offsets[c + 1]);
  const sets = p.courseStudentSets.items.subarray(
    p.courseStudentSets.offsets[c],
    p.courseStudentSets.offsets[c + 1],
  );
  const rooms = classes.rooms[classes.classOfCourse[c]];
  const out: number[] = [];
  for (let s = 0; s < nSlots; s++) {
    if (p.startForbidden[c * nSlots + s] || own.has(s)) continue;
    const day = Math.floor(s / nPeriods);
    if ((s % nPeriods) + len > nPeriods) continue;
    let ok = true;
    for (let q = 0; ok && q < len; q++) {
      const t = s + q;
      for (const f of fac) if (occ.faculty[f * nSlots + t]) ok = false;
      for (const k of sets) if (occ.sets[k * nSlots + t]) ok = false;
      for (const i of rulesOfCourse) if (occ.rules[i * nSlots + t]) ok = false;
    }
    for (const f of fac) {
      const max = p.facultyMaxPerDay[f];
      if (max > 0 && occ.facultyDayLoad[f * nDays + day] + len > max) ok = false;
    }
    if (!ok) continue;
    let roomOk = false;
    for (let i = 0; !roomOk && i < rooms.length; i++) {
      let free = true;
      for (let q = 0; free && q < len; q++) if (occ.rooms[rooms[i] * nSlots + s + q]) free = false;
      roomOk = free;
    }
    if (roomOk) out.push(s);
  }
  return out;
}
