// Where may a session go? For every start slot of the week: the cost change of moving the session
// there (keeping its room when that room is free and allowed, otherwise the best allowed free room)
// and, when the move breaks a hard constraint, the reasons in plain words, naming the clashing
// course, teacher, group or room, the limit and whose it is, the rule. Tried on the incremental
// state (moved, read, moved back), so the answer is exactly what `evaluate` would say about the
// moved timetable.
import type { IncrementalState } from '../eval/incremental/IncrementalState.ts';
import { idNaming, type Naming } from './naming.ts';
import { explainMoves } from './reasons.ts';
import { spanAt } from '../compiled/span.ts';
import { allowedRoom, freeRooms, roomFree } from './rooms.ts';
import { tryMoves } from './trial.ts';

export interface SlotCheck {
  /** The room the session would use there (index), -1 when the course has no room at all. */
  room: number;
  hardDelta: number;
  softDelta: number;
  /** Empty when the move breaks no hard constraint. */
  reasons: string[];
}

/** How many of the free rooms that fit are tried per slot. */
const FITTING_TRIED = 4;

/**
 * The check of moving session s to start at `slot` (see SlotCheck), into `room` when given (a drop
 * on a room's week), else into the room chosen as described above. The state is left unchanged.
 */
export function checkSlot(
  state: IncrementalState,
  s: number,
  slot: number,
  room = -1,
  naming: Naming = idNaming(state.problem),
): SlotCheck {
  const p = state.problem;
  const c = p.sessionCourse[s];
  const span = spanAt(p, c, slot);
  const current = state.room[s];
  let best = -1;
  if (room >= 0) best = room;
  else if (current >= 0 && allowedRoom(state, c, current) && roomFree(state, s, current, slot, span))
    best = current;
  else {
    // A college has hundreds of rooms: a few of the free ones that fit are priced.
    const { fitting, other } = freeRooms(state, s, slot);
    let bestCost: [number, number] = [Infinity, Infinity];
    for (const r of fitting.length > 0 ? fitting.slice(0, FITTING_TRIED) : other) {
      const t = tryMoves(state, [{ session: s, slot, room: r }]);
      if (t.hardDelta < bestCost[0] || (t.hardDelta === bestCost[0] && t.softDelta < bestCost[1])) {
        best = r;
        bestCost = [t.hardDelta, t.softDelta];
      }
    }
    // No free allowed room: stay in the current one (the clash is then the reason).
    const o = p.courseRooms.offsets;
    if (best < 0) best = current >= 0 ? current : o[c + 1] > o[c] ? p.courseRooms.items[o[c]] : -1;
  }
  if (best < 0)
    return { room: -1, hardDelta: 0, softDelta: 0, reasons: [`${p.courseIds[c]} has no room it may use`] };
  const moves = [{ session: s, slot, room: best }];
  const trial = tryMoves(state, moves);
  return {
    room: best,
    hardDelta: trial.hardDelta,
    softDelta: trial.softDelta,
    reasons: explainMoves(state, moves, trial.kinds, naming),
  };
}

/** The check of every start slot of the week for session s (into `room` when given), indexed by slot. */
export function checkMoves(
  state: IncrementalState,
  s: number,
  room = -1,
  naming: Naming = idNaming(state.problem),
): SlotCheck[] {
  const out: SlotCheck[] = [];
  for (let t = 0; t < state.problem.nSlots; t++) out.push(checkSlot(state, s, t, room, naming));
  return out;
}
