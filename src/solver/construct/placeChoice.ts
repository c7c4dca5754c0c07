// Where the constructor puts one session: the clash-free (start, room) that adds the least cost.
// Trying every (start, room) with a full cost delta is O(starts × rooms) applied-and-undone moves per
// session, which at university scale (dozens of rooms per course) dominated the whole solve. Instead
// each clash-free start is priced once, in its best-fitting free room; then only the few cheapest
// starts are priced in every free room.
import type { IncrementalState } from '../../shared/eval/incremental/IncrementalState.ts';
import type { SearchModel } from '../SearchModel.ts';
import { buildingPenalties } from '../search/buildingRooms.ts';

/** How many of the cheapest starts are priced in every free room. */
const TOP_STARTS = 3;

/** Is slot t free of clashes for a session of course c (faculty, student sets, the course itself)? */
export function timeFree(st: IncrementalState, c: number, t: number): boolean {
  const p = st.problem;
  const len = p.courseLength[c];
  const nS = p.nSlots;
  for (let q = t; q < t + len; q++) {
    if (st.courseOcc[c * nS + q] > 0) return false;
    for (let i = p.courseFaculty.offsets[c]; i < p.courseFaculty.offsets[c + 1]; i++)
      if (st.facultyOcc[p.courseFaculty.items[i] * nS + q] > 0) return false;
    for (let i = p.courseStudentSets.offsets[c]; i < p.courseStudentSets.offsets[c + 1]; i++)
      if (st.setOcc[p.courseStudentSets.items[i] * nS + q] > 0) return false;
  }
  return true;
}

export function roomFree(st: IncrementalState, c: number, r: number, t: number): boolean {
  const p = st.problem;
  const nS = p.nSlots;
  for (let q = t; q < t + p.courseLength[c]; q++)
    if (st.roomOcc[r * nS + q] > 0 || p.roomUnavailable[r * nS + q] === 1) return false;
  return true;
}

export function anyRoomFree(st: IncrementalState, m: SearchModel, c: number, t: number): boolean {
  const o = m.courseRooms.offsets;
  for (let i = o[c]; i < o[c + 1]; i++) if (roomFree(st, c, m.courseRooms.items[i], t)) return true;
  return false;
}

/**
 * The free room at t that fits course c best: a room its other sessions already use, else the
 * smallest big enough, else the biggest; where the building matters to a building-change limit
 * (buildingRooms.ts), the free rooms adding the fewest building changes first. -1 when none is free.
 */
export function fittingRoom(st: IncrementalState, m: SearchModel, s: number, t: number): number {
  const p = st.problem;
  const c = p.sessionCourse[s];
  const first = p.courseFirstSession[c];
  const pen = buildingPenalties(st, m, s, t);
  for (let x = first; x < first + p.courseSessionCount[c] && pen === null; x++) {
    const r = st.room[x];
    if (x !== s && r >= 0 && m.allowedRoom[c * p.nRooms + r] === 1 && roomFree(st, c, r, t)) return r;
  }
  const need = p.courseStudents[c];
  let best = -1;
  let bestKey = Infinity;
  for (let i = m.courseRooms.offsets[c]; i < m.courseRooms.offsets[c + 1]; i++) {
    const r = m.courseRooms.items[i];
    if (!roomFree(st, c, r, t)) continue;
    const cap = p.roomCapacity[r];
    let key = cap >= need ? cap - need : 1e9 - cap;
    if (pen !== null) {
      for (let x = first; x < first + p.courseSessionCount[c]; x++) if (x !== s && st.room[x] === r) key = -1;
      key += pen[p.roomBuilding[r] + 1] * 1e10;
    }
    if (key < bestKey) {
      bestKey = key;
      best = r;
    }
  }
  return best;
}

/** Scratch space for cheapestPlace, sized once. */
export interface PlaceScratch {
  topT: Int32Array;
  topCost: Float64Array;
}

export function placeScratch(): PlaceScratch {
  return { topT: new Int32Array(TOP_STARTS), topCost: new Float64Array(TOP_STARTS) };
}

/**
 * The cheapest clash-free place for movable session s (neither time nor room pinned), encoded as
 * start * nRooms + room, or -1 when none exists. `delta` is a 2-element scratch array.
 */
export function cheapestPlace(
  st: IncrementalState,
  m: SearchModel,
  s: number,
  delta: Float64Array,
  scratch: PlaceScratch,
): number {
  const p = st.problem;
  const c = p.sessionCourse[s];
  const { topT, topCost } = scratch;
  topT.fill(-1);
  topCost.fill(Infinity);
  const o = m.courseStarts.offsets;
  for (let i = o[c]; i < o[c + 1]; i++) {
    const t = m.courseStarts.items[i];
    if (!timeFree(st, c, t)) continue;
    const r = fittingRoom(st, m, s, t);
    if (r < 0) continue;
    st.deltaMove(s, t, r, delta);
    if (delta[0] > 0) continue;
    const cost = delta[1];
    // Insert into the short sorted list of the cheapest starts.
    let k = TOP_STARTS - 1;
    if (cost >= topCost[k]) continue;
    while (k > 0 && topCost[k - 1] > cost) {
      topCost[k] = topCost[k - 1];
      topT[k] = topT[k - 1];
      k--;
    }
    topCost[k] = cost;
    topT[k] = t;
  }
  let best = -1;
  let bestCost = Infinity;
  for (let k = 0; k < TOP_STARTS && topT[k] >= 0; k++) {
    const t = topT[k];
    for (let j = m.courseRooms.offsets[c]; j < m.courseRooms.offsets[c + 1]; j++) {
      const r = m.courseRooms.items[j];
      if (!roomFree(st, c, r, t)) continue;
      st.deltaMove(s, t, r, delta);
      if (delta[0] > 0) continue;
      if (delta[1] < bestCost) {
        bestCost = delta[1];
        best = t * p.nRooms + r;
      }
    }
  }
  return best;
}

/**
 * The cheapest place for a session whose start or room is pinned (fixed or locked): the pinned
 * part is kept even when it clashes. Encoded as start * nRooms + room, or -1.
 */
export function cheapestPinned(st: IncrementalState, m: SearchModel, s: number, delta: Float64Array): number {
  const p = st.problem;
  const c = p.sessionCourse[s];
  const o = m.courseStarts.offsets;
  const pinned = m.fixedStart[s];
  const pinnedRoom = m.fixedRoom[s];
  const from = pinned >= 0 ? 0 : o[c];
  const to = pinned >= 0 ? 1 : o[c + 1];
  let best = -1;
  let bestCost = Infinity;
  for (let i = from; i < to; i++) {
    const t = pinned >= 0 ? pinned : m.courseStarts.items[i];
    if (!timeFree(st, c, t) && pinned < 0) continue;
    const rFrom = pinnedRoom >= 0 ? 0 : m.courseRooms.offsets[c];
    const rTo = pinnedRoom >= 0 ? 1 : m.courseRooms.offsets[c + 1];
    for (let j = rFrom; j < rTo; j++) {
      const r = pinnedRoom >= 0 ? pinnedRoom : m.courseRooms.items[j];
      if (!roomFree(st, c, r, t) && pinned < 0 && pinnedRoom < 0) continue;
      st.deltaMove(s, t, r, delta);
      if (delta[0] > 0 && pinned < 0) continue;
      const cost = delta[1] + delta[0] * 1e6;
      if (cost < bestCost) {
        bestCost = cost;
        best = t * p.nRooms + r;
      }
    }
  }
  return best;
}
