// Where the constructor puts a tie group (sessions tied by hard same_time / consecutive rules,
// search/repair/tieGroups.ts): all its members at one start, each at its offset, instead of one by
// one (which placed the first member where the others could not follow, and left the rule to the
// repair). A start is taken only when every member fits there at once, clash-free (faculty, student
// sets, the course, a free allowed room, availability and break rules), with no other hard cost; the
// cheapest by soft cost wins. A group with a pinned (fixed or locked) member has the one start the
// pin gives. No such start: the group is left as it was, never split; `ejectGroup` then makes room.
import type { IncrementalState } from '../../shared/eval/incremental/IncrementalState.ts';
import type { Rng } from '../Rng.ts';
import type { SearchModel } from '../SearchModel.ts';
import { anchoredStart, groupFits } from '../search/repair/tieGroups.ts';
import { anyRoomFree, fittingRoom, timeFree } from './placeChoice.ts';

/** Most starts priced in full (members moved in and out) per group. */
const PRICED_STARTS = 24;

/** Members of group g: the offsets into the tie groups' member list. */
function memberRange(m: SearchModel, g: number): [number, number] {
  return [m.ties.offsets[g], m.ties.offsets[g + 1]];
}

/** The starts to try for group g: its pinned start, or the starts of its offset-0 member's course. */
function starts(
  m: SearchModel,
  g: number,
  pinned: number,
): { from: number; to: number; at: (j: number) => number } {
  if (pinned >= 0) return { from: 0, to: 1, at: () => pinned };
  const T = m.ties;
  let lead = T.offsets[g];
  while (T.memberOffset[lead] !== 0) lead++;
  const c = m.problem.sessionCourse[T.members[lead]];
  const o = m.courseStarts.offsets;
  return { from: o[c], to: o[c + 1], at: (j) => m.courseStarts.items[j] };
}

/**
 * Does member x move with its group, `old` being its start before? All but a pinned member that is
 * placed: one not placed yet (a fixed time with no room) goes to its pinned start with the rest.
 */
function moves(m: SearchModel, x: number, old: number): boolean {
  return m.slotLocked[x] === 0 || old < 0;
}

/** Take out the members of g that may move, recording every member's place. */
function liftMembers(
  st: IncrementalState,
  m: SearchModel,
  g: number,
  oldSlot: Int32Array,
  oldRoom: Int32Array,
): void {
  const [a, b] = memberRange(m, g);
  for (let i = a; i < b; i++) {
    const x = m.ties.members[i];
    oldSlot[i - a] = st.slot[x];
    oldRoom[i - a] = st.room[x];
    if (moves(m, x, oldSlot[i - a])) st.move(x, -1, -1);
  }
}

function putBack(
  st: IncrementalState,
  m: SearchModel,
  g: number,
  oldSlot: Int32Array,
  oldRoom: Int32Array,
): void {
  const [a, b] = memberRange(m, g);
  for (let i = a; i < b; i++) {
    const x = m.ties.members[i];
    if (moves(m, x, oldSlot[i - a])) st.move(x, oldSlot[i - a], oldRoom[i - a]);
  }
}

/**
 * Put the (lifted) members of g at start t, each clash-free in a free fitting room (its pinned room
 * when it has one). Returns false, with the members it placed taken out again, when one does not fit.
 */
function putAt(st: IncrementalState, m: SearchModel, g: number, t: number, oldSlot: Int32Array): boolean {
  const p = st.problem;
  const [a, b] = memberRange(m, g);
  for (let i = a; i < b; i++) {
    const x = m.ties.members[i];
    if (!moves(m, x, oldSlot[i - a])) continue;
    const c = p.sessionCourse[x];
    const ts = t + m.ties.memberOffset[i];
    const r = m.fixedRoom[x] >= 0 ? m.fixedRoom[x] : timeFree(st, c, ts) ? fittingRoom(st, m, x, ts) : -1;
    if (r < 0 || !timeFree(st, c, ts)) {
      for (let j = a; j < i; j++)
        if (moves(m, m.ties.members[j], oldSlot[j - a])) st.move(m.ties.members[j], -1, -1);
      return false;
    }
    st.move(x, ts, r);
  }
  return true;
}

export interface GroupScratch {
  oldSlot: Int32Array;
  oldRoom: Int32Array;
}

export function groupScratch(m: SearchModel): GroupScratch {
  let largest = 0;
  for (let g = 0; g + 1 < m.ties.offsets.length; g++)
    largest = Math.max(largest, m.ties.offsets[g + 1] - m.ties.offsets[g]);
  return { oldSlot: new Int32Array(largest), oldRoom: new Int32Array(largest) };
}

/**
 * Place tie group g at the cheapest start where all its members fit (see the file comment) and
 * return that start (the offset-0 members' start), or -1 when there is none (the state is then as
 * it was), or -2 when pinned members disagree on the group's start (it cannot be kept whole).
 * Members placed before (unpinned) are taken up and placed with the rest.
 */
export function placeGroup(
  st: IncrementalState,
  m: SearchModel,
  g: number,
  rng: Rng,
  scratch: GroupScratch,
): number {
  const T = m.ties;
  const p = st.problem;
  const pinned = anchoredStart(T, m, g);
  if (pinned === -2) return -2;
  const [a, b] = memberRange(m, g);
  const { oldSlot, oldRoom } = scratch;
  const h0 = st.hardTotal;
  const f0 = st.softTotal;
  st.save();
  liftMembers(st, m, g, oldSlot, oldRoom);
  const h1 = st.hardTotal;
  const f1 = st.softTotal;
  let moving = 0;
  for (let i = a; i < b; i++) if (moves(m, T.members[i], oldSlot[i - a])) moving++;
  const range = starts(m, g, pinned);
  const n = range.to - range.from;
  const off = n > 1 ? rng.int(n) : 0;
  let priced = 0;
  let bestT = -1;
  let bestCost = Infinity;
  for (let k = 0; k < n && priced < PRICED_STARTS; k++) {
    const t = range.at(range.from + ((off + k) % n));
    if (!groupFits(T, m, g, t)) continue;
    // Cheap test first: each member clash-free with a free room there (ignoring the other members).
    let free = true;
    for (let i = a; i < b && free; i++) {
      const x = T.members[i];
      if (!moves(m, x, oldSlot[i - a])) continue;
      const c = p.sessionCourse[x];
      const ts = t + T.memberOffset[i];
      free = timeFree(st, c, ts) && anyRoomFree(st, m, c, ts);
    }
    if (!free) continue;
    priced++;
    if (!putAt(st, m, g, t, oldSlot)) continue;
    // No hard cost but the unplaced members it takes away.
    const dh = st.hardTotal - h1 + moving;
    const cost = st.softTotal - f1;
    for (let i = a; i < b; i++) if (moves(m, T.members[i], oldSlot[i - a])) st.move(T.members[i], -1, -1);
    if (dh > 0) continue;
    if (cost < bestCost) {
      bestCost = cost;
      bestT = t;
    }
  }
  if (bestT >= 0 && putAt(st, m, g, bestT, oldSlot)) return bestT;
  putBack(st, m, g, oldSlot, oldRoom);
  st.restore(h0, f0);
  return -1;
}

/** Take s out, with its whole tie group when it has one, adding those placed before to `pending`. */
function ejectOne(
  st: IncrementalState,
  m: SearchModel,
  s: number,
  lastStart: Int32Array,
  pending: number[],
): void {
  const T = m.ties;
  const g = T.groupOf[s];
  const a = g >= 0 ? T.offsets[g] : 0;
  const b = g >= 0 ? T.offsets[g + 1] : 1;
  for (let i = a; i < b; i++) {
    const x = g >= 0 ? T.members[i] : s;
    if (st.slot[x] < 0 || m.slotLocked[x] === 1 || m.roomLocked[x] === 1) continue;
    lastStart[x] = st.slot[x];
    st.move(x, -1, -1);
    pending.push(x);
  }
}

/**
 * Sessions in the way of member x of group g at ts (sharing its faculty, student sets or course),
 * counted into the return value; -1 when a pinned one is among them. With `eject`, they are taken
 * out (see ejectOne).
 */
function inTheWay(
  st: IncrementalState,
  m: SearchModel,
  g: number,
  x: number,
  ts: number,
  eject: { lastStart: Int32Array; pending: number[] } | null,
): number {
  const p = st.problem;
  const c = p.sessionCourse[x];
  let n = 0;
  for (let q = ts; q < ts + p.courseLength[c]; q++) {
    const base = q * st.slotCap;
    for (let i = 0; i < st.slotCount[q]; i++) {
      const y = st.slotList[base + i];
      if (m.ties.groupOf[y] === g && g >= 0) continue;
      if (m.courseConflict[c * p.nCourses + p.sessionCourse[y]] === 0) continue;
      if (m.slotLocked[y] === 1 || m.roomLocked[y] === 1) return -1;
      n +=
        m.ties.groupOf[y] >= 0
          ? m.ties.offsets[m.ties.groupOf[y] + 1] - m.ties.offsets[m.ties.groupOf[y]]
          : 1;
      if (eject) {
        ejectOne(st, m, y, eject.lastStart, eject.pending);
        if (st.slot[y] < 0) i = -1; // the list changed: scan it again
      }
    }
  }
  return n;
}

/** A room for member x at ts after the clashes are gone: a free fitting one, else the least busy allowed one with no pinned session in it, whose sessions are ejected. */
function roomFor(
  st: IncrementalState,
  m: SearchModel,
  g: number,
  x: number,
  ts: number,
  lastStart: Int32Array,
  pending: number[],
): number {
  if (m.fixedRoom[x] >= 0) return m.fixedRoom[x];
  const free = fittingRoom(st, m, x, ts);
  if (free >= 0) return free;
  const p = st.problem;
  const c = p.sessionCourse[x];
  const nS = p.nSlots;
  const len = p.courseLength[c];
  let best = -1;
  let bestBusy = Infinity;
  for (let j = m.courseRooms.offsets[c]; j < m.courseRooms.offsets[c + 1]; j++) {
    const r = m.courseRooms.items[j];
    let busy = 0;
    for (let q = ts; q < ts + len; q++) {
      busy += st.roomOcc[r * nS + q] + 1000 * p.roomUnavailable[r * nS + q];
      const base = q * st.slotCap;
      for (let i = 0; i < st.slotCount[q]; i++) {
        const y = st.slotList[base + i];
        if (st.room[y] === r && (m.slotLocked[y] + m.roomLocked[y] > 0 || m.ties.groupOf[y] === g))
          busy += 1e6;
      }
    }
    if (busy < bestBusy) {
      bestBusy = busy;
      best = r;
    }
  }
  if (best < 0 || bestBusy >= 1e6) return best;
  for (let q = ts; q < ts + len; q++) {
    const base = q * st.slotCap;
    for (let i = 0; i < st.slotCount[q]; i++) {
      const y = st.slotList[base + i];
      if (st.room[y] !== best) continue;
      ejectOne(st, m, y, lastStart, pending);
      if (st.slot[y] < 0) i = -1; // the list changed: scan it again
    }
  }
  return best;
}

/**
 * No start fits group g clash-free: put it at the start (other than `avoid`) with the fewest
 * sessions in its way, taking those out (a tie group's member with its whole group) and adding them
 * to `pending`, then each member in a room (ejecting a free-able room's sessions when none is free).
 * Returns the start, or -1 when every start has a pinned session in the way (nothing changed).
 */
export function ejectGroup(
  st: IncrementalState,
  m: SearchModel,
  g: number,
  rng: Rng,
  avoid: number,
  lastStart: Int32Array,
  pending: number[],
  scratch: GroupScratch,
): number {
  const T = m.ties;
  const pinned = anchoredStart(T, m, g);
  if (pinned === -2) return -1;
  const [a, b] = memberRange(m, g);
  liftMembers(st, m, g, scratch.oldSlot, scratch.oldRoom);
  const range = starts(m, g, pinned);
  let bestT = -1;
  let bestScore = Infinity;
  for (let j = range.from; j < range.to; j++) {
    const t = range.at(j);
    if ((t === avoid && pinned < 0) || !groupFits(T, m, g, t)) continue;
    let score = 0;
    for (let i = a; i < b && score >= 0; i++) {
      const x = T.members[i];
      if (!moves(m, x, scratch.oldSlot[i - a])) continue;
      const n = inTheWay(st, m, g, x, t + T.memberOffset[i], null);
      score = n < 0 ? -1 : score + n;
    }
    if (score < 0) continue;
    const total = score + rng.float() * 1.5;
    if (total < bestScore) {
      bestScore = total;
      bestT = t;
    }
  }
  if (bestT < 0) {
    putBack(st, m, g, scratch.oldSlot, scratch.oldRoom);
    return -1;
  }
  const eject = { lastStart, pending };
  for (let i = a; i < b; i++) {
    const x = T.members[i];
    if (moves(m, x, scratch.oldSlot[i - a])) inTheWay(st, m, g, x, bestT + T.memberOffset[i], eject);
  }
  for (let i = a; i < b; i++) {
    const x = T.members[i];
    if (!moves(m, x, scratch.oldSlot[i - a])) continue;
    const ts = bestT + T.memberOffset[i];
    st.move(x, ts, roomFor(st, m, g, x, ts, lastStart, pending));
  }
  return bestT;
}
