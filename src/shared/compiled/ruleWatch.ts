// The courses whose sessions a rule's count reads. Most rules read only their members' sessions;
// `ends_day` also reads every course sharing a student set with a member (a later session of those
// students on the member's day breaks it). The incremental state, the editor's reasons and the
// repair recompute or inspect a rule when a session of one of these courses moves.
import type { CompiledProblem, CompiledRule } from './types.ts';

/** Courses sharing a student set (through groups, ancestors or sub-batches) with course c (c too, if it has any). */
export function groupMates(p: CompiledProblem, c: number): number[] {
  const out = new Set<number>();
  const so = p.courseStudentSets.offsets;
  for (let i = so[c]; i < so[c + 1]; i++) {
    const set = p.courseStudentSets.items[i];
    for (let k = p.setCourses.offsets[set]; k < p.setCourses.offsets[set + 1]; k++)
      out.add(p.setCourses.items[k]);
  }
  return [...out];
}

const matesCache = new WeakMap<CompiledProblem, number[][]>();

/** groupMates of every course, computed once per problem. */
export function allGroupMates(p: CompiledProblem): number[][] {
  let all = matesCache.get(p);
  if (!all) matesCache.set(p, (all = Array.from({ length: p.nCourses }, (_, c) => groupMates(p, c))));
  return all;
}

/** Do courses a and b share a student set? */
export function shareStudents(p: CompiledProblem, a: number, b: number): boolean {
  const { offsets: o, items } = p.courseStudentSets;
  for (let i = o[a]; i < o[a + 1]; i++)
    for (let j = o[b]; j < o[b + 1]; j++) if (items[i] === items[j]) return true;
  return false;
}

/** The courses whose sessions the rule's count depends on (its members' courses first, no repeats). */
export function ruleWatches(p: CompiledProblem, rule: CompiledRule): number[] {
  const out = new Set<number>(rule.courses);
  if (rule.kind === 'ends_day') for (const c of rule.courses) for (const m of allGroupMates(p)[c]) out.add(m);
  return [...out];
}
