// Rooms groups (SearchModel.roomGroupOf): the courses of a hard same_room rule share one room, so a
// session of such a course takes the room the rest of its group is in, and the group changes room
// only as a whole (every placed session at once, each keeping its start).
import type { IncrementalState } from '../../shared/eval/incremental/IncrementalState.ts';
import type { SearchModel } from '../SearchModel.ts';

/**
 * The room most of the other placed sessions of s's rooms group use, or -1 when s is in no group
 * or none of the others is placed.
 */
export function sharedRoom(st: IncrementalState, m: SearchModel, s: number): number {
  const p = st.problem;
  const c = p.sessionCourse[s];
  const g = m.roomGroupOf[c];
  if (g < 0) return -1;
  const co = m.roomGroupCourses.offsets;
  const ro = m.roomGroupRooms.offsets;
  let best = -1;
  let bestCount = 0;
  for (let j = ro[g]; j < ro[g + 1]; j++) {
    const r = m.roomGroupRooms.items[j];
    let n = 0;
    for (let i = co[g]; i < co[g + 1]; i++)
      n += st.courseRoomCount[m.roomGroupCourses.items[i] * p.nRooms + r];
    if (st.active[s] === 1 && st.room[s] === r) n--;
    if (n > bestCount) {
      bestCount = n;
      best = r;
    }
  }
  return best;
}

/**
 * Moves every placed session of rooms group g into room r, each keeping its start (locked rooms
 * stay), recording [session, slot, room] before each change into `log` from `n`; returns the new n.
 */
export function moveGroupToRoom(
  st: IncrementalState,
  m: SearchModel,
  g: number,
  r: number,
  log: Int32Array,
  n: number,
): number {
  const p = st.problem;
  const co = m.roomGroupCourses.offsets;
  for (let i = co[g]; i < co[g + 1]; i++) {
    const c = m.roomGroupCourses.items[i];
    for (let x = p.courseFirstSession[c]; x < p.courseFirstSession[c] + p.courseSessionCount[c]; x++) {
      if (st.active[x] === 0 || st.room[x] === r || m.roomLocked[x] === 1) continue;
      log[n++] = x;
      log[n++] = st.slot[x];
      log[n++] = st.room[x];
      st.move(x, st.slot[x], r);
    }
  }
  return n;
}

/** Undo the changes logged by moveGroupToRoom from `from` to `n`, last first. */
export function undoLog(st: IncrementalState, log: Int32Array, from: number, n: number): void {
  for (let i = n - 3; i >= from; i -= 3) st.move(log[i], log[i + 1], log[i + 2]);
}

/**
 * The room of the group's list that lowers the hard cost most when the whole group of session s
 * moves there (soft breaks ties), or -1 when s is in no group or no room does better than staying.
 * The state is left as it was. `log` needs 3 entries per session of the group.
 */
export function bestGroupRoom(
  st: IncrementalState,
  m: SearchModel,
  s: number,
  log: Int32Array,
  softTie: number,
): number {
  const p = st.problem;
  const g = m.roomGroupOf[p.sessionCourse[s]];
  if (g < 0) return -1;
  const ro = m.roomGroupRooms.offsets;
  const h0 = st.hardTotal;
  const f0 = st.softTotal;
  let best = -1;
  let bestScore = 0;
  st.save();
  for (let j = ro[g]; j < ro[g + 1]; j++) {
    const r = m.roomGroupRooms.items[j];
    const n = moveGroupToRoom(st, m, g, r, log, 0);
    if (n === 0) continue;
    const score = st.hardTotal - h0 + softTie * (st.softTotal - f0);
    undoLog(st, log, 0, n);
    if (score < bestScore) {
      bestScore = score;
      best = r;
    }
  }
  st.restore(h0, f0);
  return best;
}
