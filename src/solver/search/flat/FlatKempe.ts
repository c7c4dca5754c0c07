// Kempe-chain exchange on a FlatState: take a session and another start, collect the chain of
// sessions in the two slots that clash with each other (same course, faculty or student set),
// and exchange the chain's slots in one move, so that a timetable without clashes stays without
// them. Each session keeps its room when that room is free in the new slot, else takes a free
// allowed one. Without clashes the exchange is priced from the state (FlatState.chainDelta) and
// applied only when accepted; otherwise it is applied with remove/add (its cost change
// accumulates in the state's dHard / dSoft; the busy counts wait for `keep`) and undone by `undo`
// when rejected. No allocation per move.
import type { FlatState } from './FlatState.ts';
import type { Rng } from '../../Rng.ts';

/** Longest chain tried; longer ones are skipped (they rarely pay and cost much). */
const MAX_CHAIN = 24;

export class FlatKempe {
  private readonly fs: FlatState;
  private readonly members = new Int32Array(MAX_CHAIN);
  private readonly fromSlot = new Int32Array(MAX_CHAIN);
  private readonly fromRoom = new Int32Array(MAX_CHAIN);
  private readonly toRoom = new Int32Array(MAX_CHAIN);
  private t0 = -1;
  private t1 = -1;
  private readonly mark: Int32Array;
  private tick = 0;
  private size = 0;

  constructor(fs: FlatState) {
    this.fs = fs;
    this.mark = new Int32Array(fs.nSessions);
  }

  /**
   * Collect the chain exchange of s's slot and t1 and choose each member's room, without changing
   * anything; false when it does not apply. Then `price` gives its change (without clashes) and
   * `apply` makes it.
   */
  prepare(rng: Rng, s: number, t1: number): boolean {
    const fs = this.fs;
    const t0 = fs.slot[s];
    if (t0 === t1 || t0 < 0) return false;
    if (!this.collect(s, t0, t1)) return false;
    this.t0 = t0;
    this.t1 = t1;
    const nR = fs.nRooms;
    const n = this.size;
    const cell = fs.cell;
    // The members' cells are freed while the rooms are chosen, then given back.
    for (let i = 0; i < n; i++) cell[this.fromSlot[i] * nR + this.fromRoom[i]] = -1;
    let ok = true;
    let placed = 0;
    for (; placed < n; placed++) {
      const x = this.members[placed];
      const to = this.fromSlot[placed] === t0 ? t1 : t0;
      const c = fs.sessionCourse[x];
      let r = this.fromRoom[placed];
      if (cell[to * nR + r] >= 0 || !fs.usable(c, to, r)) r = this.freeRoom(rng, c, to);
      if (r < 0) {
        ok = false;
        break;
      }
      this.toRoom[placed] = r;
      cell[to * nR + r] = x;
    }
    for (let i = 0; i < placed; i++) cell[(this.fromSlot[i] === t0 ? t1 : t0) * nR + this.toRoom[i]] = -1;
    for (let i = 0; i < n; i++) cell[this.fromSlot[i] * nR + this.fromRoom[i]] = this.members[i];
    return ok;
  }

  /**
   * Add the prepared exchange's change to the state's dHard / dSoft without applying it: priced
   * from the state when there are no clashes, else applied and undone.
   */
  price(): void {
    const fs = this.fs;
    if (fs.hard === 0) {
      fs.chainDelta(this.members, this.size, this.t0, this.t1, this.toRoom);
      return;
    }
    this.apply();
    const dh = fs.dHard;
    const ds = fs.dSoft;
    this.undo();
    fs.dHard = dh;
    fs.dSoft = ds;
  }

  /** Apply the prepared exchange with remove/add (the busy counts wait for `keep`). */
  apply(): void {
    const fs = this.fs;
    const n = this.size;
    for (let i = 0; i < n; i++) fs.remove(this.members[i], false);
    for (let i = 0; i < n; i++)
      fs.add(this.members[i], this.fromSlot[i] === this.t0 ? this.t1 : this.t0, this.toRoom[i], false);
  }

  /** Apply the chain exchange of s's slot and t1; false (nothing changed) when it does not apply. */
  tryMove(rng: Rng, s: number, t1: number): boolean {
    if (!this.prepare(rng, s, t1)) return false;
    this.apply();
    return true;
  }

  /**
   * Keep the last applied chain exchange: the state's busy counts follow it and its change is
   * committed. (A plain fs.commit() would leave the busy counts behind.)
   */
  keep(): void {
    const fs = this.fs;
    for (let i = 0; i < this.size; i++) {
      const x = this.members[i];
      fs.moveBusy(fs.sessionCourse[x], this.fromSlot[i], fs.slot[x]);
    }
    fs.commit();
  }

  /** Undo the last applied chain exchange (its change is then discarded by the caller). */
  undo(): void {
    const fs = this.fs;
    for (let i = 0; i < this.size; i++) fs.remove(this.members[i], false);
    for (let i = 0; i < this.size; i++) fs.add(this.members[i], this.fromSlot[i], this.fromRoom[i], false);
  }

  /** The chain of s between slots t0 and t1 into members; false when too long or not movable. */
  private collect(s: number, t0: number, t1: number): boolean {
    const fs = this.fs;
    const nR = fs.nRooms;
    const nC = fs.nCourses;
    const nS = fs.nSlots;
    const shared = fs.shared;
    const course = fs.sessionCourse;
    const cell = fs.cell;
    const tick = ++this.tick;
    this.size = 0;
    if (!this.push(s, t0, t1)) return false;
    for (let head = 0; head < this.size; head++) {
      const ca = course[this.members[head]];
      const other = this.fromSlot[head] === t0 ? t1 : t0;
      // busy counts the resources of ca in use in the other slot; the scan stops once every
      // session holding one was met (at once when none is).
      let left = fs.busy[ca * nS + other];
      for (let r = 0; r < nR && left > 0; r++) {
        const y = cell[other * nR + r];
        if (y < 0) continue;
        const w = shared[ca * nC + course[y]];
        if (w === 0) continue;
        left -= w;
        if (this.mark[y] !== tick && !this.push(y, t0, t1)) return false;
      }
    }
    return true;
  }

  /** Add x to the chain; false when the chain is full or x cannot go to the other slot. */
  private push(x: number, t0: number, t1: number): boolean {
    const fs = this.fs;
    const n = this.size;
    if (n >= MAX_CHAIN || fs.isMovable[x] === 0) return false;
    const to = fs.slot[x] === t0 ? t1 : t0;
    if (fs.allowedStart[fs.sessionCourse[x] * fs.nSlots + to] === 0) return false;
    this.mark[x] = this.tick;
    this.members[n] = x;
    this.fromSlot[n] = fs.slot[x];
    this.fromRoom[n] = fs.room[x];
    this.size = n + 1;
    return true;
  }

  /** A free allowed room for course c in slot t, from a random offset; -1 when none. */
  private freeRoom(rng: Rng, c: number, t: number): number {
    const fs = this.fs;
    const ro = fs.courseRooms.offsets;
    const k = ro[c + 1] - ro[c];
    if (k === 0) return -1;
    const off = rng.int(k);
    for (let i = 0; i < k; i++) {
      const r = fs.courseRooms.items[ro[c] + ((off + i) % k)];
      if (fs.cell[t * fs.nRooms + r] < 0 && fs.roomUnavailable[r * fs.nSlots + t] === 0) return r;
    }
    return -1;
  }
}
