// What one week grid shows: the sessions of a group, a faculty member or a room, and the rows of
// the grid (periods, with a break row wherever two periods are not adjacent).
import type { CompiledProblem } from '../compiled/types.ts';

export type ViewKind = 'group' | 'faculty' | 'room';

export interface GridRow {
  /** A period index, or -1 for a break between two non-adjacent periods. */
  period: number;
}

export function gridRows(problem: CompiledProblem): GridRow[] {
  const rows: GridRow[] = [];
  for (let p = 0; p < problem.nPeriods; p++) {
    rows.push({ period: p });
    if (p + 1 < problem.nPeriods && problem.adjacentToNext[p] === 0) rows.push({ period: -1 });
  }
  return rows;
}

function csrHasAny(offsets: Int32Array, items: Int32Array, row: number, wanted: Uint8Array): boolean {
  for (let i = offsets[row]; i < offsets[row + 1]; i++) if (wanted[items[i]] === 1) return true;
  return false;
}

/** Courses a group's students attend: through the group itself, its parents or its sub-groups. */
function groupCourses(problem: CompiledProblem, group: number): Uint8Array {
  const sets = new Uint8Array(problem.nStudentSets);
  for (let k = 0; k < problem.nStudentSets; k++) {
    for (let g = problem.setGroup[k]; g >= 0; g = problem.groupParent[g]) {
      if (g === group) {
        sets[k] = 1;
        break;
      }
    }
  }
  const courses = new Uint8Array(problem.nCourses);
  for (let c = 0; c < problem.nCourses; c++)
    if (csrHasAny(problem.courseStudentSets.offsets, problem.courseStudentSets.items, c, sets))
      courses[c] = 1;
  return courses;
}

/**
 * Sessions shown in the view of one entity (index into groupIds / facultyIds / roomIds): a group's
 * or a faculty member's sessions whether placed or not; a room's placed sessions.
 */
export function sessionsInView(
  problem: CompiledProblem,
  room: Int32Array,
  kind: ViewKind,
  index: number,
): number[] {
  const out: number[] = [];
  if (index < 0) return out;
  if (kind === 'room') {
    for (let s = 0; s < problem.nSessions; s++) if (room[s] === index) out.push(s);
    return out;
  }
  let courses: Uint8Array;
  if (kind === 'group') courses = groupCourses(problem, index);
  else {
    courses = new Uint8Array(problem.nCourses);
    const fc = problem.facultyCourses;
    for (let i = fc.offsets[index]; i < fc.offsets[index + 1]; i++) courses[fc.items[i]] = 1;
  }
  for (let s = 0; s < problem.nSessions; s++) if (courses[problem.sessionCourse[s]] === 1) out.push(s);
  return out;
}

/** A view that shows session s: its course's first group, else its first faculty, else its room. */
export function viewOf(
  problem: CompiledProblem,
  room: Int32Array,
  s: number,
): { kind: ViewKind; index: number } | null {
  const c = problem.sessionCourse[s];
  const g = problem.courseGroups;
  if (g.offsets[c + 1] > g.offsets[c]) return { kind: 'group', index: g.items[g.offsets[c]] };
  const f = problem.courseFaculty;
  if (f.offsets[c + 1] > f.offsets[c]) return { kind: 'faculty', index: f.items[f.offsets[c]] };
  return room[s] >= 0 ? { kind: 'room', index: room[s] } : null;
}
