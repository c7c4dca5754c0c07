// Sessions tied together by hard same_time and consecutive rules (session k of each course of the
// rule), grouped with each one's start offset from the group's first: same_time ties keep offset 0,
// consecutive ties put B right after A. Such a group only moves as a whole without breaking its
// rule. A tie whose offset contradicts the group's (an impossible rule set) is left out.
import type { CompiledProblem } from '../../../shared/compiled/types.ts';

export interface TieGroups {
  /** Group of each session, or -1 when it is in none (or alone). */
  groupOf: Int32Array;
  /** Members of group g: members[offsets[g] .. offsets[g + 1]), with their start offsets. */
  offsets: Int32Array;
  members: Int32Array;
  memberOffset: Int32Array;
}

export function tieGroups(p: CompiledProblem): TieGroups {
  const n = p.nSessions;
  const parent = Int32Array.from({ length: n }, (_, s) => s);
  /** Start of s minus the start of parent[s]. */
  const rel = new Int32Array(n);
  const find = (s: number): number => {
    let root = s;
    while (parent[root] !== root) root = parent[root];
    return root;
  };
  const offsetToRoot = (s: number): number => {
    let off = 0;
    for (let x = s; parent[x] !== x; x = parent[x]) off += rel[x];
    return off;
  };
  /** Tie b to start `delta` after a. */
  const tie = (a: number, b: number, delta: number): void => {
    const ra = find(a);
    const rb = find(b);
    const oa = offsetToRoot(a);
    const ob = offsetToRoot(b);
    if (ra === rb) return;
    // start(b) = start(a) + delta; start(x) = start(root) + offsetToRoot(x).
    parent[rb] = ra;
    rel[rb] = oa + delta - ob;
  };
  for (const rule of p.rules) {
    if (!rule.hard || (rule.kind !== 'same_time' && rule.kind !== 'consecutive')) continue;
    const cs = rule.courses;
    for (let i = 1; i < cs.length; i++) {
      const a = cs[rule.kind === 'same_time' ? 0 : i - 1];
      const b = cs[i];
      if (a === b) continue;
      const k = Math.min(p.courseSessionCount[a], p.courseSessionCount[b]);
      const delta = rule.kind === 'same_time' ? 0 : p.courseLength[a];
      for (let j = 0; j < k; j++) {
        const sa = p.courseFirstSession[a] + j;
        const sb = p.courseFirstSession[b] + j;
        if (find(sa) === find(sb) && offsetToRoot(sb) - offsetToRoot(sa) !== delta) continue;
        tie(sa, sb, delta);
      }
    }
  }
  const rootSize = new Int32Array(n);
  for (let s = 0; s < n; s++) rootSize[find(s)]++;
  const groupOfRoot = new Int32Array(n).fill(-1);
  let groups = 0;
  for (let s = 0; s < n; s++) if (rootSize[s] > 1 && parent[s] === s) groupOfRoot[s] = groups++;
  const offsets = new Int32Array(groups + 1);
  const groupOf = new Int32Array(n).fill(-1);
  for (let s = 0; s < n; s++) {
    const g = groupOfRoot[find(s)];
    groupOf[s] = g;
    if (g >= 0) offsets[g + 1]++;
  }
  for (let g = 0; g < groups; g++) offsets[g + 1] += offsets[g];
  const fill = offsets.slice(0, groups);
  const members = new Int32Array(offsets[groups]);
  const memberOffset = new Int32Array(offsets[groups]);
  for (let s = 0; s < n; s++) {
    const g = groupOf[s];
    if (g < 0) continue;
    members[fill[g]] = s;
    memberOffset[fill[g]++] = offsetToRoot(s);
  }
  // Offsets from the earliest member.
  for (let g = 0; g < groups; g++) {
    let min = Infinity;
    for (let i = offsets[g]; i < offsets[g + 1]; i++) min = Math.min(min, memberOffset[i]);
    for (let i = offsets[g]; i < offsets[g + 1]; i++) memberOffset[i] -= min;
  }
  return { groupOf, offsets, members, memberOffset };
}
