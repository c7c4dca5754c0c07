// The local-search moves on the incremental state (each applies itself and returns true, or
// returns false without changing anything when it does not apply).
import type { IncrementalState } from '../../shared/eval/incremental/IncrementalState.ts';
import type { Rng } from '../Rng.ts';
import type { SearchModel } from '../SearchModel.ts';
import { sharedRoom } from './roomGroups.ts';

/**
 * Choose a random allowed start for s into to[0], to[1], with a room that is free there: its own
 * room when free (three times in four), else a free allowed room found from a random offset.
 */
export function pickTimeMove(
  st: IncrementalState,
  m: SearchModel,
  rng: Rng,
  s: number,
  to: Int32Array,
): boolean {
  if (m.slotLocked[s] === 1) return pickRoomMove(st, m, rng, s, to);
  const c = st.problem.sessionCourse[s];
  const so = m.courseStarts.offsets;
  const n = so[c + 1] - so[c];
  if (n === 0) return false;
  const t = m.courseStarts.items[so[c] + rng.int(n)];
  let r = st.room[s];
  // A rooms group's session goes where its group is (the group changes room only as a whole).
  const shared = m.roomLocked[s] === 0 ? sharedRoom(st, m, s) : -1;
  if (shared >= 0) r = shared;
  else if (m.roomLocked[s] === 0 && (r < 0 || !roomFreeFor(st, s, r, t) || rng.int(4) === 0)) {
    const free = freeRoom(st, m, rng, s, t);
    if (free >= 0) r = free;
    else if (r < 0) {
      const ro = m.courseRooms.offsets;
      if (ro[c + 1] === ro[c]) return false;
      r = m.courseRooms.items[ro[c] + rng.int(ro[c + 1] - ro[c])];
    }
  }
  if (t === st.slot[s] && r === st.room[s]) return false;
  to[0] = t;
  to[1] = r;
  return true;
}

/**
 * Choose another allowed room for s in its slot into to[0], to[1]: a free one when there is one,
 * else any (the caller then swaps with the session there).
 */
export function pickRoomMove(
  st: IncrementalState,
  m: SearchModel,
  rng: Rng,
  s: number,
  to: Int32Array,
): boolean {
  if (m.roomLocked[s] === 1 || st.slot[s] < 0) return false;
  // Rooms groups change room as a whole (CourseRoomMover), unless s is away from its group.
  const shared = sharedRoom(st, m, s);
  if (shared >= 0) {
    if (shared === st.room[s]) return false;
    to[0] = st.slot[s];
    to[1] = shared;
    return true;
  }
  let r = freeRoom(st, m, rng, s, st.slot[s]);
  if (r < 0 || rng.int(2) === 0) {
    const c = st.problem.sessionCourse[s];
    const ro = m.courseRooms.offsets;
    if (ro[c + 1] - ro[c] < 2) return false;
    r = m.courseRooms.items[ro[c] + rng.int(ro[c + 1] - ro[c])];
  }
  if (r === st.room[s]) return false;
  to[0] = st.slot[s];
  to[1] = r;
  return true;
}

/** The active session other than s starting at slot t in room r, or -1. */
export function occupant(st: IncrementalState, r: number, t: number, s: number): number {
  const base = t * st.slotCap;
  const n = st.slotCount[t];
  for (let i = 0; i < n; i++) {
    const x = st.slotList[base + i];
    if (x !== s && st.room[x] === r && st.slot[x] === t) return x;
  }
  return -1;
}

/** Is room r free for session s over its periods from slot t (ignoring s itself)? */
function roomFreeFor(st: IncrementalState, s: number, r: number, t: number): boolean {
  const p = st.problem;
  const len = p.courseLength[p.sessionCourse[s]];
  const own = st.active[s] === 1 && st.room[s] === r ? st.slot[s] : -1;
  for (let q = t; q < t + len && q < p.nSlots; q++) {
    const mine = own >= 0 && q >= own && q < own + st.span[s] ? 1 : 0;
    if (st.roomOcc[r * p.nSlots + q] - mine > 0 || p.roomUnavailable[r * p.nSlots + q] === 1) return false;
  }
  return true;
}

/**
 * A free allowed room for s at t, scanning from a random offset: one its course already uses when
 * there is such (room stability), else the first free one; -1 when none.
 */
function freeRoom(st: IncrementalState, m: SearchModel, rng: Rng, s: number, t: number): number {
  const p = st.problem;
  const c = p.sessionCourse[s];
  const ro = m.courseRooms.offsets;
  const nr = ro[c + 1] - ro[c];
  if (nr === 0) return -1;
  const off = rng.int(nr);
  let first = -1;
  for (let i = 0; i < nr; i++) {
    const r = m.courseRooms.items[ro[c] + ((off + i) % nr)];
    if (r === st.room[s] || !roomFreeFor(st, s, r, t)) continue;
    if (st.courseRoomCount[c * p.nRooms + r] > 0) return r;
    if (first < 0) first = r;
  }
  return first;
}

/**
 * May a and b exchange places (both placed, movable, allowed in each other's start and room)? A
 * tie group's member only exchanges rooms within its start (across starts it would leave its group;
 * the tie move carries the group). Only asks: the state is left as it is.
 */
export function swapAllowed(st: IncrementalState, m: SearchModel, a: number, b: number): boolean {
  const p = st.problem;
  const ca = p.sessionCourse[a];
  const cb = p.sessionCourse[b];
  const sa = st.slot[a];
  const sb = st.slot[b];
  if (ca === cb || sa < 0 || sb < 0) return false;
  if (m.slotLocked[a] + m.roomLocked[a] + m.slotLocked[b] + m.roomLocked[b] > 0) return false;
  if (sa !== sb && (m.ties.groupOf[a] >= 0 || m.ties.groupOf[b] >= 0)) return false;
  if (m.allowedStart[ca * p.nSlots + sb] === 0 || m.allowedStart[cb * p.nSlots + sa] === 0) return false;
  if (m.allowedRoom[ca * p.nRooms + st.room[b]] === 0 || m.allowedRoom[cb * p.nRooms + st.room[a]] === 0)
    return false;
  return true;
}

/** Is session s unplaced or in a clash (room, faculty or student set)? */
export function inViolation(st: IncrementalState, s: number): boolean {
  if (st.active[s] === 0) return true;
  const p = st.problem;
  const t = st.slot[s];
  const c = p.sessionCourse[s];
  const nS = p.nSlots;
  const end = t + st.span[s];
  for (let q = t; q < end; q++) {
    if (st.roomOcc[st.room[s] * nS + q] > 1) return true;
    for (let i = p.courseFaculty.offsets[c]; i < p.courseFaculty.offsets[c + 1]; i++)
      if (st.facultyOcc[p.courseFaculty.items[i] * nS + q] > 1) return true;
    for (let i = p.courseStudentSets.offsets[c]; i < p.courseStudentSets.offsets[c + 1]; i++)
      if (st.setOcc[p.courseStudentSets.items[i] * nS + q] > 1) return true;
  }
  return false;
}

/**
 * Align one session of a rule-tied pair with the other (same start, right after it, or the same
 * day), into to[0], to[1]; the moved session is returned (or -1 when the move does not apply).
 */
export function pickRuleMove(st: IncrementalState, m: SearchModel, rng: Rng, to: Int32Array): number {
  const pairs = m.rulePairs;
  const n = pairs.length / 3;
  if (n === 0) return -1;
  const i = rng.int(n) * 3;
  const a = pairs[i];
  const b = pairs[i + 1];
  const kind = pairs[i + 2];
  const p = st.problem;
  if (st.slot[a] < 0 || st.slot[b] < 0) return -1;
  const moveB = rng.int(2) === 0;
  const s = moveB ? b : a;
  const other = moveB ? a : b;
  if (m.slotLocked[s] === 1) return -1;
  const c = p.sessionCourse[s];
  let t: number;
  if (kind === 0) t = st.slot[other];
  else if (kind === 1)
    t = moveB
      ? st.slot[a] + p.courseLength[p.sessionCourse[a]]
      : st.slot[b] - p.courseLength[p.sessionCourse[a]];
  else t = Math.floor(st.slot[other] / p.nPeriods) * p.nPeriods + rng.int(p.nPeriods);
  if (t < 0 || t >= p.nSlots || m.allowedStart[c * p.nSlots + t] === 0) return -1;
  if (kind === 1 && Math.floor(t / p.nPeriods) !== Math.floor(st.slot[other] / p.nPeriods)) return -1;
  let r = st.room[s];
  const ro = m.courseRooms.offsets;
  const nr = ro[c + 1] - ro[c];
  const shared = m.roomLocked[s] === 0 ? sharedRoom(st, m, s) : -1;
  if (shared >= 0) r = shared;
  else if (m.roomLocked[s] === 0 && nr > 0 && (r < 0 || st.roomOcc[r * p.nSlots + t] > 0))
    r = m.courseRooms.items[ro[c] + rng.int(nr)];
  if (t === st.slot[s] && r === st.room[s]) return -1;
  to[0] = t;
  to[1] = r;
  return s;
}
