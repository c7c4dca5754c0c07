// The starting point of a solve: fixed sessions (Fixed sheet) at their pinned slot and room, the
// initial timetable's sessions where it has them (locked ones may not move), everything else free.
import type { CompiledProblem } from '../shared/compiled/types.ts';
import { lockedSessions, timetableToPlacement } from '../shared/compiled/placement.ts';
import type { Placement } from '../shared/eval/types.ts';
import type { Timetable } from '../shared/model/types.ts';
import { buildSearchModel, type SearchModel } from './SearchModel.ts';

export interface StartPoint {
  placement: Placement;
  model: SearchModel;
  /** 1 for sessions locked by the initial timetable (kept locked in the result). */
  locked: Uint8Array;
}

export function startPoint(p: CompiledProblem, initial: Timetable | undefined): StartPoint {
  const n = p.nSessions;
  const placement: Placement = initial
    ? timetableToPlacement(p, initial)
    : { slot: new Int32Array(n).fill(-1), room: new Int32Array(n).fill(-1) };
  const locked = initial ? lockedSessions(p, initial) : new Uint8Array(n);
  const slotLocked = new Uint8Array(n);
  const roomLocked = new Uint8Array(n);
  const fixedStart = new Int32Array(n).fill(-1);
  const fixedRoom = new Int32Array(n).fill(-1);
  for (let s = 0; s < n; s++) {
    if (p.sessionFixedSlot[s] >= 0) {
      placement.slot[s] = p.sessionFixedSlot[s];
      slotLocked[s] = 1;
      fixedStart[s] = p.sessionFixedSlot[s];
      if (p.sessionFixedRoom[s] >= 0) {
        placement.room[s] = p.sessionFixedRoom[s];
        roomLocked[s] = 1;
        fixedRoom[s] = p.sessionFixedRoom[s];
      }
    }
    if (locked[s] === 1 && placement.slot[s] >= 0) {
      slotLocked[s] = 1;
      fixedStart[s] = placement.slot[s];
      if (placement.room[s] >= 0) {
        roomLocked[s] = 1;
        fixedRoom[s] = placement.room[s];
      }
    }
    // A session with a time but no room is placed (with a room) by the constructor.
    if (placement.room[s] < 0) placement.slot[s] = -1;
  }
  return { placement, model: buildSearchModel(p, slotLocked, roomLocked, fixedStart, fixedRoom), locked };
}
