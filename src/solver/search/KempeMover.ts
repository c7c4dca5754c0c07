// Kempe-chain time swap: take a session in slot t1 and a target slot t2, and grow the chain of
// sessions in t1 and t2 that conflict (share faculty or student sets) with a chain member in the
// other slot; move the whole chain across. Clash-free sessions stay clash-free among themselves.
// Rooms are kept where free, else a free allowed room is taken. Undo puts every session back. A
// chain never carries a tie group's member (hard same_time / consecutive): it would leave its group.
import type { IncrementalState } from '../../shared/eval/incremental/IncrementalState.ts';
import type { Rng } from '../Rng.ts';
import type { SearchModel } from '../SearchModel.ts';

export class KempeMover {
  private readonly st: IncrementalState;
  private readonly m: SearchModel;
  private readonly inSlot1: Int32Array;
  private readonly inSlot2: Int32Array;
  private readonly chain: Int32Array;
  private readonly mark: Uint8Array;
  private readonly oldSlot: Int32Array;
  private readonly oldRoom: Int32Array;
  private chainLength = 0;

  constructor(st: IncrementalState, m: SearchModel) {
    const p = st.problem;
    this.st = st;
    this.m = m;
    this.inSlot1 = new Int32Array(p.nSessions);
    this.inSlot2 = new Int32Array(p.nSessions);
    this.chain = new Int32Array(p.nSessions);
    this.mark = new Uint8Array(p.nSessions);
    this.oldSlot = new Int32Array(p.nSessions);
    this.oldRoom = new Int32Array(p.nSessions);
  }

  /** Try a chain from session a to a random other start; false when no valid chain. */
  tryMove(rng: Rng, a: number): boolean {
    const st = this.st;
    const m = this.m;
    const p = st.problem;
    const t1 = st.slot[a];
    const ca = p.sessionCourse[a];
    if (t1 < 0 || p.courseLength[ca] !== 1 || m.slotLocked[a] === 1 || m.ties.groupOf[a] >= 0) return false;
    const so = m.courseStarts.offsets;
    const n = so[ca + 1] - so[ca];
    if (n < 2) return false;
    const t2 = m.courseStarts.items[so[ca] + rng.int(n)];
    if (t2 === t1) return false;
    // Active sessions in t1 and t2 (a multi-period session covering either would need another rule).
    const cap = st.slotCap;
    const n1 = st.slotCount[t1];
    const n2 = st.slotCount[t2];
    for (let i = 0; i < n1; i++) {
      const x = st.slotList[t1 * cap + i];
      if (st.slot[x] !== t1) return false;
      this.inSlot1[i] = x;
    }
    for (let i = 0; i < n2; i++) {
      const x = st.slotList[t2 * cap + i];
      if (st.slot[x] !== t2) return false;
      this.inSlot2[i] = x;
    }
    // Grow the chain.
    let len = 0;
    this.chain[len++] = a;
    this.mark[a] = 1;
    let ok = true;
    for (let i = 0; i < len && ok; i++) {
      const x = this.chain[i];
      const cx = p.sessionCourse[x];
      const fromFirst = st.slot[x] === t1;
      const other = fromFirst ? this.inSlot2 : this.inSlot1;
      const no = fromFirst ? n2 : n1;
      for (let j = 0; j < no; j++) {
        const y = other[j];
        if (this.mark[y] === 1) continue;
        if (m.courseConflict[cx * p.nCourses + p.sessionCourse[y]] === 0) continue;
        const cy = p.sessionCourse[y];
        const target = fromFirst ? t1 : t2;
        if (
          m.slotLocked[y] === 1 ||
          m.ties.groupOf[y] >= 0 ||
          p.courseLength[cy] !== 1 ||
          this.m.allowedStart[cy * p.nSlots + target] === 0
        ) {
          ok = false;
          break;
        }
        this.mark[y] = 1;
        this.chain[len++] = y;
      }
    }
    for (let i = 0; i < len; i++) this.mark[this.chain[i]] = 0;
    if (!ok || len === 1) return false;
    this.chainLength = len;
    for (let i = 0; i < len; i++) {
      const x = this.chain[i];
      this.oldSlot[i] = st.slot[x];
      this.oldRoom[i] = st.room[x];
      st.move(x, -1, -1);
    }
    for (let i = 0; i < len; i++) {
      const x = this.chain[i];
      const target = this.oldSlot[i] === t1 ? t2 : t1;
      st.move(x, target, this.freeRoom(x, target, this.oldRoom[i]));
    }
    return true;
  }

  undo(): void {
    const st = this.st;
    for (let i = 0; i < this.chainLength; i++) st.move(this.chain[i], -1, -1);
    for (let i = 0; i < this.chainLength; i++) st.move(this.chain[i], this.oldSlot[i], this.oldRoom[i]);
  }

  /** The session's room if free at t, else the free allowed room closest in capacity, else the old one. */
  private freeRoom(s: number, t: number, room: number): number {
    const st = this.st;
    const p = st.problem;
    if (room >= 0 && st.roomOcc[room * p.nSlots + t] === 0) return room;
    if (this.m.roomLocked[s] === 1) return room;
    const c = p.sessionCourse[s];
    const need = p.courseStudents[c];
    let best = room;
    let bestGap = Infinity;
    for (let i = this.m.courseRooms.offsets[c]; i < this.m.courseRooms.offsets[c + 1]; i++) {
      const r = this.m.courseRooms.items[i];
      if (st.roomOcc[r * p.nSlots + t] !== 0 || p.roomUnavailable[r * p.nSlots + t] === 1) continue;
      const cap = p.roomCapacity[r];
      const gap = cap >= need ? cap - need : (need - cap) * 1000;
      if (gap < bestGap) {
        bestGap = gap;
        best = r;
      }
    }
    return best;
  }
}
