// Facts the evaluator derives once per compiled problem (kept in a WeakMap, never on the problem).
import type { CompiledProblem, Csr } from '../compiled/types.ts';
import { csrFromRows } from '../compiled/csr.ts';
import { facultyBuildingLimited, groupBuildingLimited } from './buildings.ts';

export interface ProblemFacts {
  /** Student sets at or below each group. */
  groupSets: Csr;
  /** Groups with at least one limit (max/min per day, max gaps). */
  limitedGroups: Int32Array;
  /** 1 when a course may use every room of its type (no narrower list). */
  courseAnyRoomOfType: Uint8Array;
  /** Faculty with at least one limit. */
  limitedFaculty: Uint8Array;
}

const cache = new WeakMap<CompiledProblem, ProblemFacts>();

export function problemFacts(p: CompiledProblem): ProblemFacts {
  let facts = cache.get(p);
  if (!facts) {
    facts = deriveFacts(p);
    cache.set(p, facts);
  }
  return facts;
}

function deriveFacts(p: CompiledProblem): ProblemFacts {
  const rows: number[][] = Array.from({ length: p.nGroups }, () => []);
  for (let k = 0; k < p.nStudentSets; k++) {
    for (let g = p.setGroup[k]; g >= 0; g = p.groupParent[g]) rows[g].push(k);
  }
  const limited: number[] = [];
  for (let g = 0; g < p.nGroups; g++) {
    if (groupLimited(p, g)) limited.push(g);
  }
  const roomsOfType = new Int32Array(p.roomTypes.length);
  for (let r = 0; r < p.nRooms; r++) roomsOfType[p.roomType[r]]++;
  const courseAnyRoomOfType = new Uint8Array(p.nCourses);
  for (let c = 0; c < p.nCourses; c++) {
    const n = p.courseRooms.offsets[c + 1] - p.courseRooms.offsets[c];
    courseAnyRoomOfType[c] = n === roomsOfType[p.courseRoomType[c]] ? 1 : 0;
  }
  const limitedFaculty = new Uint8Array(p.nFaculty);
  for (let f = 0; f < p.nFaculty; f++) {
    limitedFaculty[f] = facultyLimited(p, f) ? 1 : 0;
  }
  return {
    groupSets: csrFromRows(rows),
    limitedGroups: Int32Array.from(limited),
    courseAnyRoomOfType,
    limitedFaculty,
  };
}

/** Does group g have a hard limit (max/min per day, max gaps per day or week)? */
export function groupLimited(p: CompiledProblem, g: number): boolean {
  return (
    p.groupMaxPerDay[g] > 0 ||
    p.groupMinPerDay[g] > 0 ||
    p.groupMaxGapsPerDay[g] >= 0 ||
    p.groupMaxGapsPerWeek[g] >= 0 ||
    p.groupMaxContinuous[g] > 0 ||
    p.groupMaxLateStarts[g] >= 0 ||
    p.groupMaxSpan[g] > 0 ||
    p.groupMinRest[g] > 0 ||
    groupBuildingLimited(p, g)
  );
}

/** Does faculty member f have a hard limit (Faculty sheet columns)? */
export function facultyLimited(p: CompiledProblem, f: number): boolean {
  return (
    p.facultyMaxPerDay[f] > 0 ||
    p.facultyMaxPerWeek[f] > 0 ||
    p.facultyMaxDays[f] > 0 ||
    p.facultyMaxGapsPerDay[f] >= 0 ||
    p.facultyMaxGapsPerWeek[f] >= 0 ||
    p.facultyMinPerDay[f] > 0 ||
    p.facultyMinDays[f] > 0 ||
    p.facultyMaxContinuous[f] > 0 ||
    p.facultyMaxSpan[f] > 0 ||
    p.facultyMinRest[f] > 0 ||
    facultyBuildingLimited(p, f)
  );
}
