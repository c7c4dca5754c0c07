// The student side of `compile`: group tree -> student sets (leaf groups), each course's sets, head
// counts, and the course pairs that share individually enrolled students.
import type { College } from '../model/types.ts';
import { csrFromRows, csrInvert } from './csr.ts';
import type { Csr, StudentCourses } from './types.ts';

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
  students: StudentCourses;
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

  const conflicts = enrollmentConflicts(
    nCourses,
    csrInvert(courseGroups, nGroups),
    enrolledRows,
    enrolledByCourse,
    studentClosure,
    courseSetRows,
  );
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
 * Counting runs course by course over dense typed arrays (SIH scale: 60k enrollments).
 */
function enrollmentConflicts(
  nCourses: number,
  groupCourses: Csr,
  enrolledRows: number[][],
  enrolledByCourse: number[][],
  studentClosure: number[][],
  courseSetRows: number[][],
): { courseStudentConflicts: Csr; courseConflictWeight: Int32Array; students: StudentCourses } {
  // Courses each enrolled student attends: enrolled ones and those of their groups (and ancestors).
  const stamp = new Int32Array(nCourses).fill(-1);
  const attended: number[][] = enrolledRows.map((enrolled, s) => {
    if (enrolled.length === 0) return [];
    const out: number[] = [];
    const add = (c: number): void => {
      if (stamp[c] !== s) {
        stamp[c] = s;
        out.push(c);
      }
    };
    for (const c of enrolled) add(c);
    for (const g of studentClosure[s]) {
      for (let k = groupCourses.offsets[g]; k < groupCourses.offsets[g + 1]; k++) add(groupCourses.items[k]);
    }
    return out;
  });

  // Directed counts (e, a, n): n students enrolled in e attend a. A pair of two enrolled courses
  // is counted from its smaller course only.
  const acc = new Int32Array(nCourses);
  const touched = new Int32Array(nCourses);
  const enrolledMark = new Int32Array(nCourses).fill(-1);
  let from = new Int32Array(1024);
  let to = new Int32Array(1024);
  let count = new Int32Array(1024);
  let n = 0;
  const degree = new Int32Array(nCourses + 1);
  for (let e = 0; e < nCourses; e++) {
    let nt = 0;
    for (const s of enrolledByCourse[e]) {
      for (const c of enrolledRows[s]) enrolledMark[c] = s;
      for (const a of attended[s]) {
        if (a === e || (enrolledMark[a] === s && a < e)) continue;
        if (acc[a] === 0) touched[nt++] = a;
        acc[a]++;
      }
    }
    if (n + nt > from.length) {
      const grow = (x: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
        const y = new Int32Array(Math.max(2 * x.length, n + nt));
        y.set(x.subarray(0, n));
        return y;
      };
      from = grow(from);
      to = grow(to);
      count = grow(count);
    }
    for (let t = 0; t < nt; t++) {
      const a = touched[t];
      from[n] = e;
      to[n] = a;
      count[n++] = acc[a];
      degree[e + 1]++;
      degree[a + 1]++;
      acc[a] = 0;
    }
  }

  // Both directions into rows, then merge repeated neighbours and drop pairs sharing a set.
  for (let c = 0; c < nCourses; c++) degree[c + 1] += degree[c];
  const fill = degree.slice(0, nCourses);
  const nbr = new Int32Array(degree[nCourses]);
  const wt = new Int32Array(degree[nCourses]);
  for (let k = 0; k < n; k++) {
    nbr[fill[from[k]]] = to[k];
    wt[fill[from[k]]++] = count[k];
    nbr[fill[to[k]]] = from[k];
    wt[fill[to[k]]++] = count[k];
  }
  const offsets = new Int32Array(nCourses + 1);
  const items = new Int32Array(degree[nCourses]);
  const weights = new Int32Array(degree[nCourses]);
  let m = 0;
  for (let c = 0; c < nCourses; c++) {
    let nt = 0;
    for (let k = degree[c]; k < degree[c + 1]; k++) {
      if (acc[nbr[k]] === 0) touched[nt++] = nbr[k];
      acc[nbr[k]] += wt[k];
    }
    for (let t = 0; t < nt; t++) {
      const a = touched[t];
      if (!shareAny(courseSetRows[c], courseSetRows[a])) {
        items[m] = a;
        weights[m++] = acc[a];
      }
      acc[a] = 0;
    }
    offsets[c + 1] = m;
  }
  return {
    courseStudentConflicts: { offsets, items: items.slice(0, m) },
    courseConflictWeight: weights.slice(0, m),
    students: {
      courses: csrFromRows(attended),
      enrolledCount: Int32Array.from(enrolledRows, (r) => r.length),
    },
  };
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
