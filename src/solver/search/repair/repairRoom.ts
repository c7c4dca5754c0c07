// The room a repair move gives a session at a start: the room its rooms group is in (hard same_room,
// free or not: the group changes room only as a whole), else the room of a partner in a hard
// same_room rule naming single sessions (roomPartners.ts, free or not), else one its course already uses when free
// there, else the free allowed room that fits it best, else (none free) the least busy allowed room,
// so the move still counts (the room clash it makes becomes the next thing to repair). Where the
// room's building matters to a building-change limit of the course's faculty or student sets
// (buildingRooms.ts), the rooms are ranked by how busy they are, then by the building changes they
// add, then in the order above (its own room, one its course uses, the best fit).
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { SearchModel } from '../../SearchModel.ts';
import { sharedRoom } from '../roomGroups.ts';
import { partnerRoom } from './roomPartners.ts';
import { buildingPenalties } from '../buildingRooms.ts';

/** Busy periods of room r over [t, t + len) not counting session s itself; unavailable counts 100. */
function roomBusy(st: IncrementalState, s: number, r: number, t: number, len: number): number {
  const p = st.problem;
  const nS = p.nSlots;
  const own = st.active[s] === 1 && st.room[s] === r ? st.slot[s] : -1;
  let busy = 0;
  for (let q = t; q < t + len && q < nS; q++) {
    const mine = own >= 0 && q >= own && q < own + st.span[s] ? 1 : 0;
    busy += st.roomOcc[r * nS + q] - mine + 100 * p.roomUnavailable[r * nS + q];
  }
  return busy;
}

/** `cur` is the room s has (or had before it was taken out for pricing), -1 for none. */
export function repairRoom(st: IncrementalState, m: SearchModel, s: number, t: number, cur: number): number {
  const p = st.problem;
  if (m.roomLocked[s] === 1) return m.fixedRoom[s] >= 0 ? m.fixedRoom[s] : cur;
  const c = p.sessionCourse[s];
  const len = p.courseLength[c];
  const shared = sharedRoom(st, m, s);
  if (shared >= 0) return shared;
  const partner = partnerRoom(st, m.allowedRoom, s);
  if (partner >= 0) return partner;
  const pen = buildingPenalties(st, m, s, t);
  if (pen !== null) return byBuilding(st, m, s, t, cur, pen);
  if (cur >= 0 && m.allowedRoom[c * p.nRooms + cur] === 1 && roomBusy(st, s, cur, t, len) === 0) return cur;
  const first = p.courseFirstSession[c];
  for (let x = first; x < first + p.courseSessionCount[c]; x++) {
    const r = st.room[x];
    if (x !== s && r >= 0 && r !== cur && m.allowedRoom[c * p.nRooms + r] === 1)
      if (roomBusy(st, s, r, t, len) === 0) return r;
  }
  const need = p.courseStudents[c];
  let best = -1;
  let bestKey = Infinity;
  const o = m.courseRooms.offsets;
  for (let i = o[c]; i < o[c + 1]; i++) {
    const r = m.courseRooms.items[i];
    const cap = p.roomCapacity[r];
    const fit = cap >= need ? cap - need : 1e6 - cap;
    const key = roomBusy(st, s, r, t, len) * 1e7 + fit;
    if (key < bestKey) {
      bestKey = key;
      best = r;
    }
  }
  return best;
}

/** repairRoom's ranking where buildings matter: busy, then building penalty, then as repairRoom. */
function byBuilding(
  st: IncrementalState,
  m: SearchModel,
  s: number,
  t: number,
  cur: number,
  pen: Float64Array,
): number {
  const p = st.problem;
  const c = p.sessionCourse[s];
  const len = p.courseLength[c];
  const need = p.courseStudents[c];
  const first = p.courseFirstSession[c];
  let best = -1;
  let bestKey = Infinity;
  const o = m.courseRooms.offsets;
  for (let i = o[c]; i < o[c + 1]; i++) {
    const r = m.courseRooms.items[i];
    let rank: number;
    if (r === cur) rank = 0;
    else {
      const cap = p.roomCapacity[r];
      rank = 2 + (cap >= need ? cap - need : 1e6 - cap);
      for (let x = first; x < first + p.courseSessionCount[c]; x++) if (x !== s && st.room[x] === r) rank = 1;
    }
    const key = roomBusy(st, s, r, t, len) * 1e12 + pen[p.roomBuilding[r] + 1] * 1e7 + rank;
    if (key < bestKey) {
      bestKey = key;
      best = r;
    }
  }
  return best;
}
