// Compound room-stability move: put every session of one course in one room, exchanging rooms
// with the session already there in the same slot when the room is taken; a course of a rooms
// group (hard same_room) moves with its whole group to one of the group's rooms instead. Undo
// restores every session it touched.
import type { IncrementalState } from '../../shared/eval/incremental/IncrementalState.ts';
import type { Rng } from '../Rng.ts';
import type { SearchModel } from '../SearchModel.ts';
import { occupant } from './moves.ts';
import { moveGroupToRoom } from './roomGroups.ts';

export class CourseRoomMover {
  private readonly st: IncrementalState;
  private readonly m: SearchModel;
  /** Undo log: session, slot, room of each change, in order. */
  private readonly log: Int32Array;
  private n = 0;

  constructor(st: IncrementalState, m: SearchModel) {
    this.st = st;
    this.m = m;
    this.log = new Int32Array(st.problem.nSessions * 6 + 6);
  }

  /** Try to put a's course in one room (one it uses already, or sometimes another); false if nothing to do. */
  tryMove(rng: Rng, a: number): boolean {
    const st = this.st;
    const m = this.m;
    const p = st.problem;
    const c = p.sessionCourse[a];
    const g = m.roomGroupOf[c];
    if (g >= 0) {
      const go = m.roomGroupRooms.offsets;
      if (go[g + 1] - go[g] < 2) return false;
      const r = m.roomGroupRooms.items[go[g] + rng.int(go[g + 1] - go[g])];
      this.n = moveGroupToRoom(st, m, g, r, this.log, 0);
      return this.n > 0;
    }
    const ro = m.courseRooms.offsets;
    const nr = ro[c + 1] - ro[c];
    if (nr < 2 || st.courseRoomsUsed[c] < 1) return false;
    let r = m.courseRooms.items[ro[c] + rng.int(nr)];
    if (rng.int(4) !== 0) {
      // A room the course already uses, picked from a random offset.
      const off = rng.int(nr);
      for (let i = 0; i < nr; i++) {
        const x = m.courseRooms.items[ro[c] + ((off + i) % nr)];
        if (st.courseRoomCount[c * p.nRooms + x] > 0) {
          r = x;
          break;
        }
      }
    }
    this.n = 0;
    const first = p.courseFirstSession[c];
    for (let x = first; x < first + p.courseSessionCount[c]; x++) {
      if (st.active[x] === 0 || st.room[x] === r || m.roomLocked[x] === 1) continue;
      const t = st.slot[x];
      const own = st.room[x];
      const y = occupant(st, r, t, x);
      if (y >= 0) {
        const cy = p.sessionCourse[y];
        if (
          m.roomLocked[y] === 1 ||
          m.allowedRoom[cy * p.nRooms + own] === 0 ||
          p.courseLength[cy] !== p.courseLength[c]
        )
          continue;
        this.record(x);
        this.record(y);
        st.move(x, t, r);
        st.move(y, t, own);
      } else {
        this.record(x);
        st.move(x, t, r);
      }
    }
    return this.n > 0;
  }

  undo(): void {
    const st = this.st;
    for (let i = this.n - 3; i >= 0; i -= 3) st.move(this.log[i], this.log[i + 1], this.log[i + 2]);
    this.n = 0;
  }

  private record(s: number): void {
    this.log[this.n++] = s;
    this.log[this.n++] = this.st.slot[s];
    this.log[this.n++] = this.st.room[s];
  }
}
