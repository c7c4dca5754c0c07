// Stage 0: cut the problem into communities of courses a MIP solves fast.
//
//   decompose(problem, { seed, maxSessions?, minSessions?, courses? }) -> Int32Array[]
//
// Each community is an ascending list of course indices; every course of `courses` (default: all)
// is in exactly one community; courses tied by a hard pairing rule (same_time, consecutive, ...) are
// always together. Communities come from Louvain on the conflict graph (seeded: same seed, same
// result), then large ones are split and small ones merged so that each holds at most `maxSessions`
// sessions (unless one rule-tied unit alone is larger); they are ordered hardest first.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import { conflictGraph, unitsOf, type Units } from './conflictGraph.ts';
import { hardness } from './hardness.ts';
import { louvainParts, seededRng } from './louvain.ts';
import { mergeSmall, splitLarge } from './sizing.ts';

export { seededRng } from './louvain.ts';

export interface DecomposeOptions {
  seed: number;
  /** Upper bound on sessions per community (default 300). */
  maxSessions?: number;
  /** Communities below this many sessions are merged into a neighbour (default maxSessions / 6). */
  minSessions?: number;
  /** Courses to decompose (default every course). */
  courses?: Int32Array;
}

export const DEFAULT_MAX_SESSIONS = 300;

export function decompose(problem: CompiledProblem, opts: DecomposeOptions): Int32Array[] {
  const subset = opts.courses ?? Int32Array.from({ length: problem.nCourses }, (_, c) => c);
  const maxSessions = Math.max(1, opts.maxSessions ?? DEFAULT_MAX_SESSIONS);
  const minSessions = opts.minSessions ?? Math.floor(maxSessions / 6);
  const units: Units = unitsOf(problem, subset);
  const graph = conflictGraph(problem, units);
  const rng = seededRng(opts.seed);
  let parts = louvainParts(graph, rng);
  parts = splitLarge(graph, units, parts, maxSessions, rng);
  parts = mergeSmall(graph, units, parts, minSessions, maxSessions);
  const communities = parts.map((part) => {
    const courses: number[] = [];
    for (const u of part) courses.push(...units.courses[u]);
    return Int32Array.from(courses).sort();
  });
  const score = communities.map((cs) => hardness(problem, cs));
  return communities
    .map((cs, i) => ({ cs, s: score[i], first: cs[0] }))
    .sort((a, b) => b.s - a.s || a.first - b.first)
    .map((x) => x.cs);
}
