// The conflict graph of Stage 0: one node per unit (a course, or courses tied together by a hard
// pairing rule so that one MIP sees them all), edges weighted by what two units share — student
// sets, faculty, enrolled students, soft rules. Heavier edge = stronger reason to solve together.
import Graph from 'graphology';
import type { CompiledProblem } from '../../shared/compiled/types.ts';

export const EDGE_WEIGHTS = { studentSet: 2, faculty: 2, enrolled: 0.1, softRule: 1 } as const;

export interface Units {
  /** unitOf[c] = unit index of course c. */
  unitOf: Int32Array;
  /** Courses of each unit, ascending. */
  courses: Int32Array[];
  /** Sessions of each unit. */
  sessions: Int32Array;
}

/** Courses linked by a hard rule (other than not_overlapping, which the MIP handles across parts) form one unit. */
export function unitsOf(p: CompiledProblem, subset: Int32Array): Units {
  const parent = new Int32Array(p.nCourses).map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const inSubset = new Uint8Array(p.nCourses);
  for (const c of subset) inSubset[c] = 1;
  for (const rule of p.rules) {
    if (!rule.hard || rule.kind === 'not_overlapping') continue;
    const cs = rule.courses.filter((c) => inSubset[c] === 1);
    for (let i = 1; i < cs.length; i++) parent[find(cs[i])] = find(cs[0]);
  }
  const unitOf = new Int32Array(p.nCourses).fill(-1);
  const courses: number[][] = [];
  for (const c of subset) {
    const root = find(c);
    if (unitOf[root] < 0) {
      unitOf[root] = courses.length;
      courses.push([]);
    }
    unitOf[c] = unitOf[root];
    courses[unitOf[c]].push(c);
  }
  const sessions = new Int32Array(courses.length);
  courses.forEach((cs, u) => cs.forEach((c) => (sessions[u] += p.courseSessionCount[c])));
  return { unitOf, courses: courses.map((cs) => Int32Array.from(cs).sort()), sessions };
}

/** Undirected weighted graph over units; node keys are unit indices as strings, attribute `sessions`. */
export function conflictGraph(p: CompiledProblem, units: Units): Graph {
  const g = new Graph({ type: 'undirected', allowSelfLoops: false });
  units.sessions.forEach((n, u) => g.addNode(String(u), { sessions: n }));
  const add = (a: number, b: number, w: number): void => {
    const ua = units.unitOf[a];
    const ub = units.unitOf[b];
    if (ua < 0 || ub < 0 || ua === ub) return;
    const [x, y] = ua < ub ? [String(ua), String(ub)] : [String(ub), String(ua)];
    g.updateEdge(x, y, (attr: { weight?: number }) => ({ weight: (attr.weight ?? 0) + w }));
  };
  const cliques = (lists: { offsets: Int32Array; items: Int32Array }, n: number, w: number): void => {
    for (let r = 0; r < n; r++) {
      const { offsets, items } = lists;
      for (let i = offsets[r]; i < offsets[r + 1]; i++) {
        for (let j = i + 1; j < offsets[r + 1]; j++) add(items[i], items[j], w);
      }
    }
  };
  cliques(p.setCourses, p.nStudentSets, EDGE_WEIGHTS.studentSet);
  cliques(p.facultyCourses, p.nFaculty, EDGE_WEIGHTS.faculty);
  const { offsets, items } = p.courseStudentConflicts;
  for (let c = 0; c < p.nCourses; c++) {
    for (let i = offsets[c]; i < offsets[c + 1]; i++) {
      if (items[i] > c) add(c, items[i], EDGE_WEIGHTS.enrolled * p.courseConflictWeight[i]);
    }
  }
  for (const rule of p.rules) {
    if (rule.hard && rule.kind !== 'not_overlapping') continue;
    for (let i = 1; i < rule.courses.length; i++)
      add(rule.courses[0], rule.courses[i], EDGE_WEIGHTS.softRule);
  }
  return g;
}
