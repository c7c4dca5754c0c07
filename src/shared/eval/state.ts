// The evaluated form of a placement: which sessions count as placed, how many periods each
// occupies, and which sessions occupy each slot.
//
// A session counts as placed when it has a start slot inside the week and a room. A session that
// starts in the same slot as an earlier session of the same course counts as not placed (one
// course cannot hold two sessions at once; the ITC-2007 validator drops such a lecture the same
// way). A session that runs past the end of its day occupies only the periods up to the day's end.
import type { CompiledProblem } from '../compiled/types.ts';
import type { Placement } from './types.ts';
import { spanAt } from '../compiled/span.ts';

export interface EvalState {
  p: CompiledProblem;
  slot: Int32Array;
  room: Int32Array;
  /** 1 = placed, 0 = no time or no room, 2 = same start as an earlier session of its course. */
  status: Uint8Array;
  /** Periods occupied from the start slot (0 when not placed). */
  span: Int32Array;
  /** Sessions occupying each slot: slotItems[slotOffsets[s] .. slotOffsets[s+1]). */
  slotOffsets: Int32Array;
  slotItems: Int32Array;
}

export const PLACED = 1;
export const DUPLICATE = 2;

/**
 * THE rule for which sessions count as placed (header above), per session: PLACED, DUPLICATE, or 0
 * (no time or no room, or one outside the week). Exports and reports use it through
 * ./countedTimetable.ts, so an unplaced session is never shown at a time.
 */
export function sessionStatus(p: CompiledProblem, pl: Placement): Uint8Array {
  const { nSessions, nSlots } = p;
  if (pl.slot.length !== nSessions || pl.room.length !== nSessions) {
    throw new Error(`placement has ${pl.slot.length} sessions, the problem has ${nSessions}`);
  }
  const status = new Uint8Array(nSessions);
  for (let c = 0; c < p.nCourses; c++) {
    const first = p.courseFirstSession[c];
    const end = first + p.courseSessionCount[c];
    for (let s = first; s < end; s++) {
      const slot = pl.slot[s];
      const room = pl.room[s];
      if (slot < 0 || slot >= nSlots || room < 0 || room >= p.nRooms) continue;
      let dup = false;
      for (let t = first; t < s && !dup; t++) dup = status[t] === PLACED && pl.slot[t] === slot;
      status[s] = dup ? DUPLICATE : PLACED;
    }
  }
  return status;
}

export function buildState(p: CompiledProblem, pl: Placement): EvalState {
  const { nSessions, nSlots } = p;
  const status = sessionStatus(p, pl);
  const span = new Int32Array(nSessions);
  const counts = new Int32Array(nSlots + 1);
  for (let s = 0; s < nSessions; s++) {
    if (status[s] !== PLACED) continue;
    const slot = pl.slot[s];
    const n = spanAt(p, p.sessionCourse[s], slot);
    span[s] = n;
    for (let q = 0; q < n; q++) counts[slot + q + 1]++;
  }
  for (let s = 0; s < nSlots; s++) counts[s + 1] += counts[s];
  const slotOffsets = counts.slice();
  const slotItems = new Int32Array(counts[nSlots]);
  for (let s = 0; s < nSessions; s++) {
    for (let q = 0; q < span[s]; q++) slotItems[counts[pl.slot[s] + q]++] = s;
  }
  return { p, slot: pl.slot, room: pl.room, status, span, slotOffsets, slotItems };
}
