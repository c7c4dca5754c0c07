// A compact search state for problems whose sessions are all one period long with no rules,
// limits, gap costs or enrolment clashes (ITC-2007 CB-CTT and colleges like it). Every movable
// session always holds a cell (slot, room) of its own, so room clashes and unplaced sessions
// cannot occur; the only hard cost is resource overlap (a student set, faculty member or course
// busy twice in a slot), counted as the occupancy beyond one. Soft costs are exactly the
// evaluator's: room capacity, min working days, isolated sessions, room stability.
//
// The counts and `add` / `remove` are FlatCounts'; here the state is built from a placement and
// trials are priced without being applied (moves and exchanges here, Kempe chains in
// flatChainDelta). No allocation after construction.
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { SearchModel } from '../../SearchModel.ts';
import { FlatCounts } from './FlatCounts.ts';
import { chainDelta } from './flatChainDelta.ts';
import { isolated } from '../../../shared/eval/incremental/isolated.ts';

export class FlatState extends FlatCounts {
  /** The flat state for `st`'s placement, or null when the problem or the placement does not fit it. */
  static from(st: IncrementalState, m: SearchModel): FlatState | null {
    if (!FlatState.fits(st)) return null;
    const fs = new FlatState(st, m);
    return fs.seat(st) ? fs : null;
  }

  /** Does the problem fit the flat state (one-period sessions, no rules, limits, gaps or enrolment clashes)? */
  static fits(st: IncrementalState): boolean {
    const p = st.problem;
    if (p.nPeriods > 30 || p.nSessions === 0) return false;
    for (let c = 0; c < p.nCourses; c++) if (st.fast.fastCourse[c] === 0) return false;
    return true;
  }

  private constructor(st: IncrementalState, m: SearchModel) {
    super(st, m);
  }

  /**
   * Take over st's placement. Locked sessions keep their place (they may share a cell); a movable
   * session without a usable cell of its own gets a free allowed one. False when none is left.
   */
  private seat(st: IncrementalState): boolean {
    const nR = this.nRooms;
    const homeless: number[] = [];
    const order = [...Array.from({ length: this.nSessions }, (_, s) => s)].sort(
      (a, b) => this.isMovable[a] - this.isMovable[b],
    );
    for (const s of order) {
      const t = st.active[s] === 1 ? st.slot[s] : -1;
      const r = st.room[s];
      if (this.isMovable[s] === 0) {
        if (t >= 0 && r >= 0) this.add(s, t, r);
        continue;
      }
      const c = this.sessionCourse[s];
      if (t < 0 || r < 0 || !this.usable(c, t, r) || this.cell[t * nR + r] >= 0) homeless.push(s);
      else this.add(s, t, r);
    }
    // The most constrained first; when no cell is free, one occupant moves on to a free cell of its own.
    const options = (s: number): number => {
      const c = this.sessionCourse[s];
      return (
        (this.courseStarts.offsets[c + 1] - this.courseStarts.offsets[c]) *
        (this.courseRooms.offsets[c + 1] - this.courseRooms.offsets[c])
      );
    };
    homeless.sort((a, b) => options(a) - options(b));
    for (const s of homeless) {
      if (this.seatFree(s)) continue;
      if (!this.seatByEjection(s)) return false;
    }
    this.hard += this.dHard;
    this.soft += this.dSoft;
    this.dHard = 0;
    this.dSoft = 0;
    return true;
  }

  /** Put s into a free usable cell of its course; false when there is none. */
  private seatFree(s: number): boolean {
    const c = this.sessionCourse[s];
    const so = this.courseStarts.offsets;
    const ro = this.courseRooms.offsets;
    for (let i = so[c]; i < so[c + 1]; i++)
      for (let j = ro[c]; j < ro[c + 1]; j++) {
        const t = this.courseStarts.items[i];
        const r = this.courseRooms.items[j];
        if (this.cell[t * this.nRooms + r] < 0 && this.roomUnavailable[r * this.nSlots + t] === 0) {
          this.add(s, t, r);
          return true;
        }
      }
    return false;
  }

  /** Take a usable cell of s's course whose movable occupant can move on to a free cell of its own. */
  private seatByEjection(s: number): boolean {
    const c = this.sessionCourse[s];
    const so = this.courseStarts.offsets;
    const ro = this.courseRooms.offsets;
    for (let i = so[c]; i < so[c + 1]; i++)
      for (let j = ro[c]; j < ro[c + 1]; j++) {
        const t = this.courseStarts.items[i];
        const r = this.courseRooms.items[j];
        const y = this.cell[t * this.nRooms + r];
        if (y < 0 || this.isMovable[y] === 0 || this.roomUnavailable[r * this.nSlots + t] === 1) continue;
        this.remove(y);
        this.cell[t * this.nRooms + r] = s;
        const moved = this.seatFree(y);
        this.cell[t * this.nRooms + r] = -1;
        if (moved) {
          this.add(s, t, r);
          return true;
        }
        this.add(y, t, r);
      }
    return false;
  }

  /**
   * Add to dHard / dSoft the change of moving session s from its cell to (t1, r1), without
   * changing anything. With `other` >= 0 the student sets and faculty shared with course `other`
   * are left out: for an exchange of places, moveDelta(a, …, course b) + moveDelta(b, …, course a)
   * is the exact change, since a shared set or faculty member stays busy in both slots.
   */
  moveDelta(s: number, t1: number, r1: number, other: number): void {
    this.dHard += this.hardDelta(s, t1, r1, other);
    this.dSoft += this.softDelta(s, t1, r1, other);
  }

  /** The hard part of moveDelta (cheap: occupancy counts only), returned. */
  hardDelta(s: number, t1: number, r1: number, other: number): number {
    const c = this.sessionCourse[s];
    const t0 = this.slot[s];
    const nS = this.nSlots;
    const nR = this.nRooms;
    let dh = this.roomHard[c * nR + r1] - this.roomHard[c * nR + this.room[s]];
    if (t0 === t1) return dh;
    if (this.courseOcc[c * nS + t0] >= 2) dh--;
    if (this.courseOcc[c * nS + t1] >= 1) dh++;
    const tick = this.stampOther(c, other);
    for (let i = this.facOff[c], e = this.facOff[c + 1]; i < e; i++) {
      const f = this.facItems[i];
      if (this.facStamp[f] === tick) continue;
      if (this.facOcc[f * nS + t0] >= 2) dh--;
      if (this.facOcc[f * nS + t1] >= 1) dh++;
    }
    const occ = this.setOcc;
    for (let i = this.setOff[c], e = this.setOff[c + 1]; i < e; i++) {
      const k = this.setItems[i];
      if (this.setStamp[k] === tick) continue;
      if (occ[k * nS + t0] >= 2) dh--;
      if (occ[k * nS + t1] >= 1) dh++;
    }
    return dh;
  }

  /**
   * The hard part of an exchange (x >= 0) or move (x = -1) of s to (t1, r1) when there are no
   * clashes (hard = 0): what the two sessions add in their new slots, O(1).
   */
  feasibleHardDelta(s: number, t1: number, r1: number, x: number): number {
    const c = this.sessionCourse[s];
    const t0 = this.slot[s];
    const nR = this.nRooms;
    let dh = this.roomHard[c * nR + r1] - this.roomHard[c * nR + this.room[s]];
    if (x >= 0) {
      const cx = this.sessionCourse[x];
      dh += this.roomHard[cx * nR + this.room[s]] - this.roomHard[cx * nR + r1];
      if (t0 === t1) return dh;
      const nS = this.nSlots;
      const sh = this.shared[c * this.nCourses + cx];
      return dh + this.busy[c * nS + t1] + this.busy[cx * nS + t0] - 2 * sh;
    }
    if (t0 === t1) return dh;
    return dh + this.busy[c * this.nSlots + t1];
  }

  /** The soft part of moveDelta, returned. */
  softDelta(s: number, t1: number, r1: number, other: number): number {
    const c = this.sessionCourse[s];
    const t0 = this.slot[s];
    const r0 = this.room[s];
    const nS = this.nSlots;
    const nR = this.nRooms;
    let ds = this.roomSoft[c * nR + r1] - this.roomSoft[c * nR + r0];
    if (r0 !== r1 && this.wStability !== 0) {
      const rc = this.courseRoomCount;
      const used = this.courseRoomsUsed[c];
      const after = used - (rc[c * nR + r0] === 1 ? 1 : 0) + (rc[c * nR + r1] === 0 ? 1 : 0);
      ds += (Math.max(0, after - 1) - Math.max(0, used - 1)) * this.wStability;
    }
    if (t0 === t1) return ds;
    const nP = this.nPeriods;
    const nD = this.nDays;
    const d0 = (t0 / nP) | 0;
    const d1 = (t1 / nP) | 0;
    if (d0 !== d1 && this.wMinDays !== 0) {
      const days = this.courseDays[c];
      const after =
        days -
        (this.courseDayCount[c * nD + d0] === 1 ? 1 : 0) +
        (this.courseDayCount[c * nD + d1] === 0 ? 1 : 0);
      const min = this.courseMinDays[c];
      ds += (Math.max(0, min - after) - Math.max(0, min - days)) * this.wMinDays;
    }
    if (this.wIso === 0) return ds;
    const tick = this.stampOther(c, other);
    const q0 = t0 - d0 * nP;
    const q1 = t1 - d1 * nP;
    const occ = this.setOcc;
    for (let i = this.setOff[c], e = this.setOff[c + 1]; i < e; i++) {
      const k = this.setItems[i];
      if (this.setStamp[k] === tick) continue;
      const o0 = occ[k * nS + t0];
      const o1 = occ[k * nS + t1];
      const kd0 = k * nD + d0;
      const base0 = k * nS + d0 * nP;
      if (d0 === d1) {
        let mask = this.setMask[kd0];
        if (o0 === 1) mask &= ~(1 << q0);
        if (o1 === 0) mask |= 1 << q1;
        ds += (isolated(occ, base0, mask, q0, -1, q1, 1) - this.setIso[kd0]) * this.wIso;
      } else {
        const kd1 = k * nD + d1;
        const mask0 = o0 === 1 ? this.setMask[kd0] & ~(1 << q0) : this.setMask[kd0];
        const mask1 = this.setMask[kd1] | (1 << q1);
        const after =
          isolated(occ, base0, mask0, q0, -1, -1, 0) + isolated(occ, k * nS + d1 * nP, mask1, q1, 1, -1, 0);
        ds += (after - this.setIso[kd0] - this.setIso[kd1]) * this.wIso;
      }
    }
    return ds;
  }

  /**
   * Add to dHard / dSoft the change of exchanging a closed clash chain between slots t0 and t1,
   * without changing anything: members[0..n-1] (each in t0 or t1) go to the other slot, member i
   * into room toRoom[i] (a cell free once the members have left). Exact only when there are no
   * clashes (hard = 0) and the chain is closed (every session in t0 or t1 clashing with a member is
   * one, as FlatKempe collects it): then no clash is made, and each student set a member holds has
   * its occupancy of t0 and t1 exchanged. Costs one pass over the members' sets instead of the
   * four of applying and undoing the exchange.
   */
  chainDelta(members: Int32Array, n: number, t0: number, t1: number, toRoom: Int32Array): void {
    chainDelta(this, members, n, t0, t1, toRoom);
  }

  /**
   * Mark the faculty and sets of course `other` (none when -1, or when it shares nothing with
   * course c) with a new tick, returned.
   */
  private stampOther(c: number, other: number): number {
    const tick = ++this.tick;
    if (other >= 0 && this.shared[c * this.nCourses + other] !== 0) {
      for (let i = this.facOff[other], e = this.facOff[other + 1]; i < e; i++)
        this.facStamp[this.facItems[i]] = tick;
      for (let i = this.setOff[other], e = this.setOff[other + 1]; i < e; i++)
        this.setStamp[this.setItems[i]] = tick;
    }
    return tick;
  }
}

/** Move the incremental state's movable sessions to the flat state's places. */
export function writeFlat(fs: FlatState, st: IncrementalState): void {
  const n = fs.nSessions;
  const differs = (s: number): boolean =>
    fs.isMovable[s] === 1 && (st.slot[s] !== fs.slot[s] || st.room[s] !== fs.room[s]);
  for (let s = 0; s < n; s++) if (differs(s)) st.move(s, -1, -1);
  for (let s = 0; s < n; s++) if (differs(s)) st.move(s, fs.slot[s], fs.room[s]);
}
