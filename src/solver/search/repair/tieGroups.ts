// Sessions tied together by hard same_time, consecutive and consecutive_across_break rules (session
// k of each course of the rule), grouped with each one's start offset from the group's first:
// same_time ties keep offset 0, consecutive ties put B right after A (the across-break kind too, by
// period index, with a break between them allowed). Such a group only moves as a whole without breaking its
// rule. A tie whose offset contradicts the group's (an impossible rule set) is left out.
// `groupFits` and `anchoredStart` say where a group may start: the constructor (placeGroup.ts), the
// annealer's tie move (TieMover.ts) and the repair's group move (groupMove.ts) all ask them.
import type { CompiledProblem } from '../../../shared/compiled/types.ts';
import type { SearchModel } from '../../SearchModel.ts';

export interface TieGroups {
  /** Group of each session, or -1 when it is in none (or alone). */
  groupOf: Int32Array;
  /** Members of group g: members[offsets[g] .. offsets[g + 1]), with their start offsets. */
  offsets: Int32Array;
  members: Int32Array;
  memberOffset: Int32Array;
  /**
   * 1 when the member is tied by a consecutive rule to start right after another member ends: the
   * period before its start must then be on its day and adjacent (no break) to it. 0 for the
   * across-break kind, which allows a break there.
   */
  memberFollows: Uint8Array;
}

export function tieGroups(p: CompiledProblem): TieGroups {
  const n = p.nSessions;
  const parent = Int32Array.from({ length: n }, (_, s) => s);
  /** Start of s minus the start of parent[s]. */
  const rel = new Int32Array(n);
  const follows = new Uint8Array(n);
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
    const kind = rule.kind;
    if (!rule.hard || (kind !== 'same_time' && kind !== 'consecutive' && kind !== 'consecutive_across_break'))
      continue;
    const cs = rule.courses;
    for (let i = 1; i < cs.length; i++) {
      const a: number = cs[kind === 'same_time' ? 0 : i - 1];
      const b: number = cs[i];
      if (a === b) continue;
      const k = Math.min(p.courseSessionCount[a], p.courseSessionCount[b]);
      const delta = kind === 'same_time' ? 0 : p.courseLength[a];
      for (let j = 0; j < k; j++) {
        const sa = p.courseFirstSession[a] + j;
        const sb = p.courseFirstSession[b] + j;
        if (find(sa) === find(sb) && offsetToRoot(sb) - offsetToRoot(sa) !== delta) continue;
        tie(sa, sb, delta);
        if (kind === 'consecutive' && delta > 0) follows[sb] = 1;
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
  const memberFollows = new Uint8Array(offsets[groups]);
  for (let s = 0; s < n; s++) {
    const g = groupOf[s];
    if (g < 0) continue;
    members[fill[g]] = s;
    memberFollows[fill[g]] = follows[s];
    memberOffset[fill[g]++] = offsetToRoot(s);
  }
  // Offsets from the earliest member.
  for (let g = 0; g < groups; g++) {
    let min = Infinity;
    for (let i = offsets[g]; i < offsets[g + 1]; i++) min = Math.min(min, memberOffset[i]);
    for (let i = offsets[g]; i < offsets[g + 1]; i++) memberOffset[i] -= min;
  }
  return { groupOf, offsets, members, memberOffset, memberFollows };
}

/**
 * May group g start at t (its offset-0 members at t)? Every member's start is on t's day and
 * allowed for its course, and every member that follows another starts right after a period that
 * runs into it without a break. A slot-locked member counts as fitting where it is pinned.
 */
export function groupFits(T: TieGroups, m: SearchModel, g: number, t: number): boolean {
  const p = m.problem;
  const nS = p.nSlots;
  const nP = p.nPeriods;
  if (t < 0) return false;
  const day = (t / nP) | 0;
  for (let i = T.offsets[g]; i < T.offsets[g + 1]; i++) {
    const x = T.members[i];
    const ts = t + T.memberOffset[i];
    if (ts >= nS || ((ts / nP) | 0) !== day) return false;
    const pinned = m.slotLocked[x] === 1 ? m.fixedStart[x] : -1;
    if (pinned >= 0 ? pinned !== ts : m.allowedStart[p.sessionCourse[x] * nS + ts] === 0) return false;
    if (T.memberFollows[i] === 1 && (ts % nP === 0 || p.adjacentToNext[(ts % nP) - 1] === 0)) return false;
  }
  return true;
}

/**
 * The one start group g can have when a member's start is pinned (fixed or locked): the pinned
 * start less the member's offset. -1 when no member is pinned, -2 when pinned members disagree
 * (the group cannot be kept whole).
 */
export function anchoredStart(T: TieGroups, m: SearchModel, g: number): number {
  let start = -1;
  for (let i = T.offsets[g]; i < T.offsets[g + 1]; i++) {
    const x = T.members[i];
    if (m.slotLocked[x] === 0 || m.fixedStart[x] < 0) continue;
    const t = m.fixedStart[x] - T.memberOffset[i];
    if (start >= 0 && t !== start) return -2;
    start = t;
  }
  return start;
}

/** Is group g whole: every member placed, at the group's start plus its offset? */
export function groupWhole(T: TieGroups, slot: Int32Array, g: number): boolean {
  const a = T.offsets[g];
  const t = slot[T.members[a]] - T.memberOffset[a];
  for (let i = a; i < T.offsets[g + 1]; i++) {
    const ts = slot[T.members[i]];
    if (ts < 0 || ts !== t + T.memberOffset[i]) return false;
  }
  return true;
}
