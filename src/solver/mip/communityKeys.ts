// What a community's sessions hold (faculty, student sets, hard rules), for running two communities'
// MIPs side by side: two that hold nothing in common cannot contradict each other but on rooms.
import type { CompiledProblem } from '../../shared/compiled/types.ts';

/** What a community's sessions hold: faculty, student sets and hard rules, as one integer space. */
export function communityKeys(
  p: CompiledProblem,
  courses: Int32Array,
  rulesOf: Map<number, number[]>,
): Set<number> {
  const keys = new Set<number>();
  const nFS = p.nFaculty + p.nStudentSets;
  for (const c of courses) {
    for (let i = p.courseFaculty.offsets[c]; i < p.courseFaculty.offsets[c + 1]; i++)
      keys.add(p.courseFaculty.items[i]);
    for (let i = p.courseStudentSets.offsets[c]; i < p.courseStudentSets.offsets[c + 1]; i++)
      keys.add(p.nFaculty + p.courseStudentSets.items[i]);
    for (const r of rulesOf.get(c) ?? []) keys.add(nFS + r);
  }
  return keys;
}

/** Hard rules (whole-course and session rules, numbered in that order) of each course. */
export function hardRulesOf(p: CompiledProblem): Map<number, number[]> {
  const out = new Map<number, number[]>();
  [...p.rules, ...(p.sessionRules ?? [])].forEach((rule, i) => {
    if (!rule.hard) return;
    for (const c of rule.courses) out.set(c, [...(out.get(c) ?? []), i]);
  });
  return out;
}

export function disjoint(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const k of small) if (large.has(k)) return false;
  return true;
}
