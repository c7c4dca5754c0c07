// Hard same_room_if_consecutive in the room stage: rooms are chosen after the MIP fixed the starts,
// so the rule is kept where rooms are matched (assignRooms.ts), not by rows. A session back to back
// (either order, no break between) with a session of a listed course prefers that session's room
// when it has one, else a room free over that session's span too, so that it can follow.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { Placement } from '../../shared/eval/types.ts';
import { backToBack } from '../../shared/eval/rules.ts';
import { distinctMembers, everyRule, memberCount, memberFirst } from '../../shared/compiled/ruleMembers.ts';
import { spanAt } from '../../shared/compiled/span.ts';
import type { Occupancy } from './occupancy.ts';
import type { RoomClasses } from './roomClasses.ts';

const cache = new WeakMap<CompiledProblem, Map<number, number[]>>();

/** The other sessions of each session's hard same_room_if_consecutive rules (sessions in none are absent). */
export function consecutiveRoomPartners(p: CompiledProblem): Map<number, number[]> {
  let partners = cache.get(p);
  if (partners) return partners;
  partners = new Map();
  for (const rule of everyRule(p)) {
    if (!rule.hard || rule.kind !== 'same_room_if_consecutive') continue;
    const ss: number[] = [];
    for (const i of distinctMembers(p, rule))
      for (let s = memberFirst(p, rule, i); s < memberFirst(p, rule, i) + memberCount(p, rule, i); s++)
        ss.push(s);
    for (const s of ss) {
      const list = partners.get(s) ?? [];
      for (const x of ss) if (x !== s && !list.includes(x)) list.push(x);
      partners.set(s, list);
    }
  }
  cache.set(p, partners);
  return partners;
}

/**
 * How much session s (at its slot) wants room r: 2 for the room of a back-to-back partner, 1 for a
 * room a back-to-back partner without a room yet may use and finds free over its span, else 0.
 */
export function consecutiveRoomWish(
  p: CompiledProblem,
  partners: Map<number, number[]>,
  s: number,
  placement: Placement,
  occ: Occupancy,
  classes: RoomClasses,
): (r: number) => number {
  const list = partners.get(s);
  if (!list) return () => 0;
  const taken = new Set<number>();
  const waiting: number[] = [];
  for (const x of list) {
    if (placement.slot[x] < 0 || !backToBack(p, placement.slot, s, x)) continue;
    if (placement.room[x] >= 0) taken.add(placement.room[x]);
    else waiting.push(x);
  }
  if (taken.size === 0 && waiting.length === 0) return () => 0;
  return (r) => {
    if (taken.has(r)) return 2;
    for (const x of waiting) {
      const c = p.sessionCourse[x];
      const t = placement.slot[x];
      if (!classes.rooms[classes.classOfCourse[c]].includes(r)) continue;
      let free = true;
      for (let q = 0; free && q < spanAt(p, c, t); q++) if (occ.rooms[r * p.nSlots + t + q]) free = false;
      if (free) return 1;
    }
    return 0;
  };
}
