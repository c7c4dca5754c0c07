// The student side of `compile`: group tree -> student sets (leaf groups), each course's sets, head
// counts, and the course pairs that share individually enrolled students.
import type { College } from '../model/types.ts';
import { csrFromRows, csrInvert } from './csr.ts';
import type { Csr } from './types.ts';

export interface StudentSide {
  groupParent: Int32Array;
  nStudentSets: number;
  setGroup: Int32Array;
  courseGroups: Csr;
  courseStudentSets: Csr;
  setCourses: Csr;
  courseStudents: Int32Array;
  courseStudentConflicts: Csr;
  courseConflictWeight: Int32Array;
}

/** ids.get(id), or an Error naming `what()` (built only on failure). */
function lookup(ids: Map<string, number>, id: string, what: () => string): number {
  const i = ids.get(id);
  if (i === undefined) throw new Error(`compile: ${what()} refers to unknown id "${id}"`);
  return i;
}

/** Ancestors-or-self of each group, nearest first. Throws on a parent cycle. */
function ancestorChains(groupParent: Int32Array, groupIds: string[]): number[][] {
  return groupIds.map((_, g) => {
    const chain: number[] = [];
    for (let x = g; x >= 0; x = groupParent[x]) {
      if (chain.length > groupIds.length)
        throw new Error(`compile: group "${groupIds[g]}" is its own ancestor`);
      chain.push(x);
    }
    return chain;
  });
}

export function compileStudents(college: College, courseIndex: Map<string, number>): StudentSide {
  const groups = college.groups;
  const nGroups = groups.length;
  const groupIndex = new Map(groups.map((g, i) => [g.id, i]));
  const groupParent = new Int32Array(nGroups).fill(-1);
  groups.forEach((g, i) => {
    if (g.parent !== undefined) groupParent[i] = lookup(groupIndex, g.parent, () => `group "${g.id}" parent`);
  });
  const chains = ancestorChains(
    groupParent,
    groups.map((g) => g.id),
  );

  // Student sets are the leaf groups; a session of group G is attended by every leaf at or below G.
  const hasChild = new Uint8Array(nGroups);
  for (let g = 0; g < nGroups; g++) if (groupParent[g] >= 0) hasChild[groupParent[g]] = 1;
  const setGroupList: number[] = [];
  const leavesBelow: number[][] = groups.map(() => []);
  for (let g = 0; g < nGroups; g++) {
    if (hasChild[g]) continue;
    const set = setGroupList.length;
    setGroupList.push(g);
    for (const a of chains[g]) leavesBelow[a].push(set);
  }
  const nStudentSets = setGroupList.length;

  const courses = college.courses;
  const nCourses = courses.length;
  const courseGroupRows = courses.map((c) =>
    c.groups.map((id) => lookup(groupIndex, id, () => `course "${c.id}" groups`)),
  );
  const courseGroups = csrFromRows(courseGroupRows);
  const setStamp = new Int32Array(nStudentSets).fill(-1);
  const courseSetRows = courseGroupRows.map((gs, c) => {
    const row: number[] = [];
    for (const g of gs) {
      for (const k of leavesBelow[g]) {
        if (setStamp[k] !== c) {
          setStamp[k] = c;
          row.push(k);
        }
      }
    }
    return row.sort((a, b) => a - b);
  });
  const courseStudentSets = csrFromRows(courseSetRows);
  const setCourses = csrInvert(courseStudentSets, nStudentSets);

  // Students: the closure (ancestors-or-self) of their groups, their enrolled courses.
  const studentIndex = new Map(college.students.map((s, i) => [s.id, i]));
  const groupStamp = new Int32Array(nGroups).fill(-1);
  const studentClosure: number[][] = college.students.map((s, si) => {
    const out: number[] = [];
    for (const id of s.groups) {
      for (const a of chains[lookup(groupIndex, id, () => `student "${s.id}" groups`)]) {
        if (groupStamp[a] !== si) {
          groupStamp[a] = si;
          out.push(a);
        }
      }
    }
    return out;
  });
  const enrolledRows: number[][] = college.students.map(() => []);
  const enrolledByCourse: number[][] = courses.map(() => []);
  const seenEnrollment = new Set<number>();
  for (const e of college.enrollments) {
    const s = lookup(studentIndex, e.studentId, () => 'enrollment student');
    const c = lookup(courseIndex, e.courseId, () => `enrollment of student "${e.studentId}"`);
    if (seenEnrollment.has(s * nCourses + c)) continue;
    seenEnrollment.add(s * nCourses + c);
    enrolledRows[s].push(c);
    enrolledByCourse[c].push(s);
  }

  // Head count: explicit, else listed groups (not nested in another listed group) + enrolled
  // students not already counted through those groups.
  const courseStudents = new Int32Array(nCourses);
  courses.forEach((course, c) => {
    if (course.students !== undefined) {
      courseStudents[c] = course.students;
      return;
    }
    const listed = new Set(courseGroupRows[c]);
    let n = 0;
    for (const g of listed) if (!chains[g].slice(1).some((a) => listed.has(a))) n += groups[g].size;
    for (const s of enrolledByCourse[c])
      if (!courseGroupRows[c].some((g) => studentClosure[s].includes(g))) n++;
    courseStudents[c] = n;
  });

  const conflicts = enrollmentConflicts(college, courseGroups, enrolledRows, studentClosure, courseSetRows);
  return {
    groupParent,
    nStudentSets,
    setGroup: Int32Array.from(setGroupList),
    courseGroups,
    courseStudentSets,
    setCourses,
    courseStudents,
    ...conflicts,
  };
}

/**
 * Course pairs sharing a student through an enrollment (the other course may come through the
 * student's groups). Pairs that already share a student set are left out: they clash hard.
 */
function enrollmentConflicts(
  college: College,
  courseGroups: Csr,
  enrolledRows: number[][],
  studentClosure: number[][],
  courseSetRows: number[][],
): { courseStudentConflicts: Csr; courseConflictWeight: Int32Array } {
  const nCourses = college.courses.length;
  const groupCourses = csrInvert(courseGroups, college.groups.length);
  const pairCount = new Map<number, number>();
  const stamp = new Int32Array(nCourses).fill(-1);
  const enrolledMark = new Int32Array(nCourses).fill(-1);
  const attended: number[] = [];
  enrolledRows.forEach((enrolled, s) => {
    if (enrolled.length === 0) return;
    attended.length = 0;
    for (const c of enrolled) {
      enrolledMark[c] = s;
      if (stamp[c] !== s) {
        stamp[c] = s;
        attended.push(c);
      }
    }
    for (const g of studentClosure[s]) {
      for (let k = groupCourses.offsets[g]; k < groupCourses.offsets[g + 1]; k++) {
        const c = groupCourses.items[k];
        if (stamp[c] !== s) {
          stamp[c] = s;
          attended.push(c);
        }
      }
    }
    for (const e of enrolled) {
      for (const a of attended) {
        if (a === e || (enrolledMark[a] === s && a < e)) continue;
        const key = e < a ? e * nCourses + a : a * nCourses + e;
        pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
      }
    }
  });

  const rows: number[][] = Array.from({ length: nCourses }, () => []);
  const weights: number[][] = Array.from({ length: nCourses }, () => []);
  for (const [key, n] of pairCount) {
    const a = Math.floor(key / nCourses);
    const b = key - a * nCourses;
    if (shareAny(courseSetRows[a], courseSetRows[b])) continue;
    rows[a].push(b);
    weights[a].push(n);
    rows[b].push(a);
    weights[b].push(n);
  }
  const courseStudentConflicts = csrFromRows(rows);
  const courseConflictWeight = new Int32Array(courseStudentConflicts.items.length);
  rows.forEach((_, c) => courseConflictWeight.set(weights[c], courseStudentConflicts.offsets[c]));
  return { courseStudentConflicts, courseConflictWeight };
}

/** Do two sorted index lists share an item? */
function shareAny(a: number[], b: number[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) return true;
    if (a[i] < b[j]) i++;
    else j++;
  }
  return false;
}
