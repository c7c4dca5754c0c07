// Hard same_room rules that name single sessions (`course_id#k`, problem.sessionRules): the
// sessions each session must share a room with. Whole-course same_room rules are the rooms groups
// of the search model (roomGroups.ts); these pairs are not, so the repair's room choice asks here.
import type { CompiledProblem } from '../../../shared/compiled/types.ts';
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import { memberCount, memberFirst } from '../../../shared/compiled/ruleMembers.ts';

export interface RoomPartners {
  /** Partners of session s: items[offsets[s] .. offsets[s + 1]). */
  offsets: Int32Array;
  items: Int32Array;
}

const cache = new WeakMap<CompiledProblem, RoomPartners>();

export function roomPartners(p: CompiledProblem): RoomPartners {
  let out = cache.get(p);
  if (out) return out;
  const lists = new Map<number, number[]>();
  for (const rule of p.sessionRules ?? []) {
    if (!rule.hard || rule.kind !== 'same_room') continue;
    const sessions: number[] = [];
    for (let i = 0; i < rule.courses.length; i++)
      for (let x = memberFirst(p, rule, i); x < memberFirst(p, rule, i) + memberCount(p, rule, i); x++)
        if (!sessions.includes(x)) sessions.push(x);
    for (const s of sessions) {
      const list = lists.get(s) ?? [];
      for (const x of sessions) if (x !== s && !list.includes(x)) list.push(x);
      lists.set(s, list);
    }
  }
  const offsets = new Int32Array(p.nSessions + 1);
  for (let s = 0; s < p.nSessions; s++) offsets[s + 1] = offsets[s] + (lists.get(s)?.length ?? 0);
  const items = new Int32Array(offsets[p.nSessions]);
  for (const [s, list] of lists) items.set(list, offsets[s]);
  cache.set(p, (out = { offsets, items }));
  return out;
}

/** The room of a placed same_room partner of s that course c of s may use, or -1. */
export function partnerRoom(st: IncrementalState, allowedRoom: Uint8Array, s: number): number {
  const p = st.problem;
  const P = roomPartners(p);
  const c = p.sessionCourse[s];
  for (let i = P.offsets[s]; i < P.offsets[s + 1]; i++) {
    const r = st.room[P.items[i]];
    if (r >= 0 && allowedRoom[c * p.nRooms + r] === 1) return r;
  }
  return -1;
}
