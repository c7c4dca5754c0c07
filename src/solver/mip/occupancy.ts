// What the sessions already placed (fixed, locked, earlier communities) take up: per faculty member,
// student set and room the busy slots, per day the periods taught, per course the days used. The MIP
// of the next community sees only what is left.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { Placement } from '../../shared/eval/types.ts';
import { spanAt } from '../../shared/compiled/span.ts';

export interface Occupancy {
  /** Sessions occupying [faculty * nSlots + slot]. */
  faculty: Uint16Array;
  /** Sessions occupying [set * nSlots + slot]. */
  sets: Uint16Array;
  /** 1 when room r is unavailable or taken in slot s: [r * nSlots + s]. */
  rooms: Uint8Array;
  /** Periods taught on [faculty * nDays + day]. */
  facultyDayLoad: Int32Array;
  /** Periods attended on [set * nDays + day]. */
  setDayLoad: Int32Array;
  /** Placed sessions of [course * nDays + day]. */
  courseDay: Uint8Array;
  /** Sessions of hard not_overlapping rule i occupying [i * nSlots + slot] (rule order of problem.rules). */
  rules: Uint16Array;
}

export function occupancy(p: CompiledProblem, placement: Placement): Occupancy {
  const { nSlots, nDays, nPeriods } = p;
  const occ: Occupancy = {
    faculty: new Uint16Array(p.nFaculty * nSlots),
    sets: new Uint16Array(p.nStudentSets * nSlots),
    rooms: Uint8Array.from(p.roomUnavailable),
    facultyDayLoad: new Int32Array(p.nFaculty * nDays),
    setDayLoad: new Int32Array(p.nStudentSets * nDays),
    courseDay: new Uint8Array(p.nCourses * nDays),
    rules: new Uint16Array(p.rules.length * nSlots),
  };
  const ruleOf: number[][] = Array.from({ length: p.nCourses }, () => []);
  p.rules.forEach((rule, i) => {
    if (rule.hard && rule.kind === 'not_overlapping') for (const c of rule.courses) ruleOf[c].push(i);
  });
  for (let s = 0; s < p.nSessions; s++) {
    const slot = placement.slot[s];
    if (slot < 0 || slot >= nSlots) continue;
    const c = p.sessionCourse[s];
    const day = Math.floor(slot / nPeriods);
    const span = spanAt(p, c, slot);
    occ.courseDay[c * nDays + day]++;
    const fac = p.courseFaculty;
    for (let i = fac.offsets[c]; i < fac.offsets[c + 1]; i++) {
      const f = fac.items[i];
      occ.facultyDayLoad[f * nDays + day] += span;
      for (let q = 0; q < span; q++) occ.faculty[f * nSlots + slot + q]++;
    }
    const sets = p.courseStudentSets;
    for (let i = sets.offsets[c]; i < sets.offsets[c + 1]; i++) {
      const k = sets.items[i];
      occ.setDayLoad[k * nDays + day] += span;
      for (let q = 0; q < span; q++) occ.sets[k * nSlots + slot + q]++;
    }
    for (const i of ruleOf[c]) for (let q = 0; q < span; q++) occ.rules[i * nSlots + slot + q]++;
    const r = placement.room[s];
    if (r >= 0 && r < p.nRooms) for (let q = 0; q < span; q++) occ.rooms[r * nSlots + slot + q] = 1;
  }
  return occ;
}
