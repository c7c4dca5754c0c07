// Which room a session takes when it moves to another time: its own when that is free and allowed,
// else a free allowed room that seats the course and is available then (the course's own rooms and
// the tightest fits first).
import type { IncrementalState } from '../eval/incremental/IncrementalState.ts';
import { spanAt } from '../compiled/span.ts';

export function allowedRoom(state: IncrementalState, c: number, r: number): boolean {
  const p = state.problem;
  for (let i = p.courseRooms.offsets[c]; i < p.courseRooms.offsets[c + 1]; i++)
    if (p.courseRooms.items[i] === r) return true;
  return false;
}

/** Is `room` free for [slot, slot + span), not counting session s itself? */
export function roomFree(
  state: IncrementalState,
  s: number,
  room: number,
  slot: number,
  span: number,
): boolean {
  const p = state.problem;
  for (let t = slot; t < slot + span; t++) {
    const own =
      state.active[s] === 1 &&
      state.room[s] === room &&
      t >= state.slot[s] &&
      t < state.slot[s] + state.span[s];
    if (state.roomOcc[room * p.nSlots + t] - (own ? 1 : 0) > 0) return false;
  }
  return true;
}

/** Is room r big enough for course c and available for the whole session? */
export function roomFits(state: IncrementalState, c: number, r: number, slot: number, span: number): boolean {
  const p = state.problem;
  if (p.roomCapacity[r] < p.courseStudents[c]) return false;
  for (let t = slot; t < slot + span; t++) if (p.roomUnavailable[r * p.nSlots + t] === 1) return false;
  return true;
}

/** Free allowed rooms for session s at `slot`: those that fit first (own rooms, tightest), then the rest. */
export function freeRooms(
  state: IncrementalState,
  s: number,
  slot: number,
): { fitting: number[]; other: number[] } {
  const p = state.problem;
  const c = p.sessionCourse[s];
  const span = spanAt(p, c, slot);
  const fitting: number[] = [];
  const other: number[] = [];
  for (let i = p.courseRooms.offsets[c]; i < p.courseRooms.offsets[c + 1]; i++) {
    const r = p.courseRooms.items[i];
    if (!roomFree(state, s, r, slot, span)) continue;
    (roomFits(state, c, r, slot, span) ? fitting : other).push(r);
  }
  const used = (r: number): number => (state.courseRoomCount[c * p.nRooms + r] > 0 ? 0 : 1);
  fitting.sort((a, b) => used(a) - used(b) || p.roomCapacity[a] - p.roomCapacity[b]);
  return { fitting, other };
}

/**
 * A room for session s at `slot` without trying costs: the first of `prefer` that is allowed, free
 * and fits, else the best free fitting room, else any free allowed room, else its current room (the
 * clash is then the reason given), else -1 when the course may use no room at all.
 */
export function chooseRoom(
  state: IncrementalState,
  s: number,
  slot: number,
  prefer: readonly number[],
): number {
  const p = state.problem;
  const c = p.sessionCourse[s];
  const span = spanAt(p, c, slot);
  for (const r of prefer)
    if (
      r >= 0 &&
      allowedRoom(state, c, r) &&
      roomFree(state, s, r, slot, span) &&
      roomFits(state, c, r, slot, span)
    )
      return r;
  const { fitting, other } = freeRooms(state, s, slot);
  if (fitting.length > 0) return fitting[0];
  if (other.length > 0) return other[0];
  for (const r of prefer) if (r >= 0) return r;
  const o = p.courseRooms.offsets;
  return o[c + 1] > o[c] ? p.courseRooms.items[o[c]] : -1;
}
