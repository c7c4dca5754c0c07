// Room assignment after the MIP chose start slots: slot by slot in time order, a bipartite matching
// (augmenting paths) of the sessions starting there to rooms free over their whole span. Candidate
// order prefers the room of a back-to-back session under a hard same_room_if_consecutive rule
// (consecutiveRooms.ts), then the room the course already uses (stability), then the best fit by capacity.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { Placement } from '../../shared/eval/types.ts';
import { spanAt } from '../../shared/compiled/span.ts';
import { consecutiveRoomPartners, consecutiveRoomWish } from './consecutiveRooms.ts';
import type { Occupancy } from './occupancy.ts';
import type { RoomClasses } from './roomClasses.ts';

function candidateRooms(
  p: CompiledProblem,
  s: number,
  placement: Placement,
  occ: Occupancy,
  classes: RoomClasses,
): number[] {
  const c = p.sessionCourse[s];
  const slot = placement.slot[s];
  const span = spanAt(p, c, slot);
  const need = p.courseStudents[c];
  const used = new Set<number>();
  for (let x = p.courseFirstSession[c]; x < p.courseFirstSession[c] + p.courseSessionCount[c]; x++) {
    if (placement.room[x] >= 0) used.add(placement.room[x]);
  }
  const fixed = p.sessionFixedRoom[s];
  const pool = fixed >= 0 ? [fixed] : Array.from(classes.rooms[classes.classOfCourse[c]]);
  const free = pool.filter((r) => {
    for (let q = 0; q < span; q++) if (occ.rooms[r * p.nSlots + slot + q]) return false;
    return true;
  });
  const fit = (r: number): number => {
    const cap = p.roomCapacity[r];
    return cap >= need ? cap - need : 1e6 + (need - cap);
  };
  const wish = consecutiveRoomWish(p, consecutiveRoomPartners(p), s, placement, occ, classes);
  return free.sort(
    (a, b) => wish(b) - wish(a) || Number(used.has(b)) - Number(used.has(a)) || fit(a) - fit(b) || a - b,
  );
}

/**
 * Gives rooms to `sessions` (placed, room -1) and marks them in `occ.rooms`. Returns the sessions
 * left without a room (their slot is kept; the evaluator counts them unplaced until repaired).
 */
export function assignRooms(
  p: CompiledProblem,
  sessions: Int32Array,
  placement: Placement,
  occ: Occupancy,
  classes: RoomClasses,
): number[] {
  const byStart = new Map<number, number[]>();
  for (const s of sessions) {
    const t = placement.slot[s];
    if (t < 0 || placement.room[s] >= 0) continue;
    const list = byStart.get(t);
    if (list) list.push(s);
    else byStart.set(t, [s]);
  }
  const roomless: number[] = [];
  for (const t of [...byStart.keys()].sort((a, b) => a - b)) {
    const group = byStart.get(t) ?? [];
    const cands = group.map((s) => candidateRooms(p, s, placement, occ, classes));
    const order = group
      .map((_, i) => i)
      .sort((a, b) => cands[a].length - cands[b].length || group[a] - group[b]);
    const owner = new Map<number, number>(); // room -> index in group
    const matchOf = new Int32Array(group.length).fill(-1);
    const tryAssign = (i: number, seen: Set<number>): boolean => {
      for (const r of cands[i]) {
        if (seen.has(r)) continue;
        seen.add(r);
        const o = owner.get(r);
        if (o === undefined || tryAssign(o, seen)) {
          owner.set(r, i);
          matchOf[i] = r;
          return true;
        }
      }
      return false;
    };
    for (const i of order) if (!tryAssign(i, new Set())) roomless.push(group[i]);
    group.forEach((s, i) => {
      const r = matchOf[i];
      if (r < 0) return;
      placement.room[s] = r;
      const span = spanAt(p, p.sessionCourse[s], t);
      for (let q = 0; q < span; q++) occ.rooms[r * p.nSlots + t + q] = 1;
    });
  }
  return roomless;
}
