// The counts under the flat search state (see FlatState): where each session is, the occupancy of
// every student set, faculty member and course per slot, the busy periods and isolated sessions of
// each (set, day), the days and rooms each course uses, and the running hard and soft totals.
//
// Changes are made by `remove` and `add`, each O(sets + faculty of the course) and each adding
// its cost change to `dHard` / `dSoft`; a rejected trial is undone by the inverse calls. No
// allocation after construction. The fields are read by the move pricing (FlatState,
// flatChainDelta) and must be changed through `add` / `remove` only.
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { SearchModel } from '../../SearchModel.ts';
import { neighbours, sharedResources } from './flatTables.ts';

export class FlatCounts {
  readonly nSessions: number;
  readonly nSlots: number;
  readonly nRooms: number;
  readonly slot: Int32Array;
  readonly room: Int32Array;
  /** Session in (slot, room) at cell[t * nRooms + r], or -1. */
  readonly cell: Int32Array;
  /** Sessions that may move: neither slot nor room locked. */
  readonly movable: Int32Array;
  readonly isMovable: Uint8Array;
  hard = 0;
  soft = 0;
  /** Accumulated change of the current trial (reset by the caller). */
  dHard = 0;
  dSoft = 0;

  readonly sessionCourse: Int32Array;
  readonly allowedStart: Uint8Array;
  readonly allowedRoom: Uint8Array;
  readonly roomUnavailable: Uint8Array;
  readonly courseStarts: { offsets: Int32Array; items: Int32Array };
  readonly courseRooms: { offsets: Int32Array; items: Int32Array };
  readonly nCourses: number;
  /** Sessions of course c: courseFirst[c] .. courseFirst[c] + courseCount[c] - 1. */
  readonly courseFirst: Int32Array;
  readonly courseCount: Int32Array;
  /** courseConflict[a * nCourses + b] = 1 when courses a and b may not share a slot. */
  readonly courseConflict: Uint8Array;

  readonly nPeriods: number;
  readonly nDays: number;
  readonly setOff: Int32Array;
  readonly setItems: Int32Array;
  readonly facOff: Int32Array;
  readonly facItems: Int32Array;
  readonly setOcc: Int32Array;
  readonly facOcc: Int32Array;
  readonly courseOcc: Int32Array;
  /** Busy periods of (set, day) as a bit mask, and its isolated-session count. */
  readonly setMask: Int32Array;
  readonly setIso: Int32Array;
  readonly courseDayCount: Int32Array;
  readonly courseDays: Int32Array;
  readonly courseMinDays: Int32Array;
  readonly courseRoomCount: Int32Array;
  readonly courseRoomsUsed: Int32Array;
  /** Cost of course c in room r on its own: capacity (soft, or hard when capacity is hard). */
  readonly roomSoft: Float64Array;
  readonly roomHard: Int32Array;
  readonly wIso: number;
  readonly wMinDays: number;
  readonly wStability: number;
  /** Marks of the sets and faculty of the other course in an exchange (moveDelta). */
  readonly setStamp: Int32Array;
  readonly facStamp: Int32Array;
  /** Per course: a mark, and its rooms used and days held before a priced chain (chainDelta). */
  readonly courseStamp: Int32Array;
  readonly usedBefore: Int32Array;
  readonly daysBefore: Int32Array;
  tick = 0;
  /**
   * busy[c * nSlots + t]: the sessions in slot t summed over c's resources (the course itself, its
   * faculty, its student sets). With no clashes, a session of c moving into t adds exactly that
   * many clashes, so the feasible-state hard delta is O(1).
   */
  readonly busy: Int32Array;
  /** shared[a * nCourses + b]: resources courses a and b have in common (|R(a)| when a = b). */
  readonly shared: Int32Array;
  /** Per course c', the courses c sharing a resource with it and how many (CSR), for `busy`. */
  readonly nbrOff: Int32Array;
  readonly nbrCourse: Int32Array;
  readonly nbrWeight: Int32Array;

  protected constructor(st: IncrementalState, m: SearchModel) {
    const p = st.problem;
    const w = p.weights;
    this.nSessions = p.nSessions;
    this.nSlots = p.nSlots;
    this.nRooms = p.nRooms;
    this.nPeriods = p.nPeriods;
    this.nDays = p.nDays;
    this.slot = new Int32Array(p.nSessions).fill(-1);
    this.room = new Int32Array(p.nSessions).fill(-1);
    this.cell = new Int32Array(p.nSlots * p.nRooms).fill(-1);
    this.sessionCourse = p.sessionCourse;
    this.allowedStart = m.allowedStart;
    this.allowedRoom = m.allowedRoom;
    this.roomUnavailable = p.roomUnavailable;
    this.courseStarts = m.courseStarts;
    this.courseRooms = m.courseRooms;
    this.nCourses = p.nCourses;
    this.courseFirst = p.courseFirstSession;
    this.courseCount = p.courseSessionCount;
    this.courseConflict = m.courseConflict;
    this.setOff = p.courseStudentSets.offsets;
    this.setItems = p.courseStudentSets.items;
    this.facOff = p.courseFaculty.offsets;
    this.facItems = p.courseFaculty.items;
    this.setOcc = new Int32Array(p.nStudentSets * p.nSlots);
    this.facOcc = new Int32Array(p.nFaculty * p.nSlots);
    this.courseOcc = new Int32Array(p.nCourses * p.nSlots);
    this.setMask = new Int32Array(p.nStudentSets * p.nDays);
    this.setIso = new Int32Array(p.nStudentSets * p.nDays);
    this.courseDayCount = new Int32Array(p.nCourses * p.nDays);
    this.courseDays = new Int32Array(p.nCourses);
    this.courseMinDays = p.courseMinDays;
    this.courseRoomCount = new Int32Array(p.nCourses * p.nRooms);
    this.courseRoomsUsed = new Int32Array(p.nCourses);
    this.roomSoft = new Float64Array(p.nCourses * p.nRooms);
    this.roomHard = new Int32Array(p.nCourses * p.nRooms);
    for (let c = 0; c < p.nCourses; c++)
      for (let r = 0; r < p.nRooms; r++) {
        const excess = p.courseStudents[c] - p.roomCapacity[r];
        if (excess <= 0) continue;
        if (p.capacityHard) this.roomHard[c * p.nRooms + r] = 1;
        else this.roomSoft[c * p.nRooms + r] = excess * w.room_capacity;
      }
    this.wIso = w.isolated;
    this.wMinDays = w.min_days;
    this.wStability = w.room_stability;
    this.setStamp = new Int32Array(p.nStudentSets);
    this.facStamp = new Int32Array(p.nFaculty);
    this.courseStamp = new Int32Array(p.nCourses);
    this.usedBefore = new Int32Array(p.nCourses);
    this.daysBefore = new Int32Array(p.nCourses);
    this.busy = new Int32Array(p.nCourses * p.nSlots);
    this.shared = sharedResources(
      p.nCourses,
      p.nFaculty,
      this.facOff,
      this.facItems,
      this.setOff,
      this.setItems,
    );
    const nbr = neighbours(p.nCourses, this.shared);
    this.nbrOff = nbr.offsets;
    this.nbrCourse = nbr.course;
    this.nbrWeight = nbr.weight;
    const movable: number[] = [];
    this.isMovable = new Uint8Array(p.nSessions);
    for (let s = 0; s < p.nSessions; s++)
      if (m.slotLocked[s] === 0 && m.roomLocked[s] === 0) {
        movable.push(s);
        this.isMovable[s] = 1;
      }
    this.movable = Int32Array.from(movable);
    // The empty timetable: every course short of all its days.
    for (let c = 0; c < p.nCourses; c++) this.soft += this.courseMinDays[c] * this.wMinDays;
  }

  /** May a session of course c take (t, r) (allowed start and room, room available)? */
  usable(c: number, t: number, r: number): boolean {
    return (
      this.allowedStart[c * this.nSlots + t] === 1 &&
      this.allowedRoom[c * this.nRooms + r] === 1 &&
      this.roomUnavailable[r * this.nSlots + t] === 0
    );
  }

  /** Does session s share its slot with another session of its course, faculty or student sets? */
  conflicted(s: number): boolean {
    const t = this.slot[s];
    const c = this.sessionCourse[s];
    const nS = this.nSlots;
    if (this.courseOcc[c * nS + t] >= 2 || this.roomHard[c * this.nRooms + this.room[s]] === 1) return true;
    for (let i = this.facOff[c], e = this.facOff[c + 1]; i < e; i++)
      if (this.facOcc[this.facItems[i] * nS + t] >= 2) return true;
    for (let i = this.setOff[c], e = this.setOff[c + 1]; i < e; i++)
      if (this.setOcc[this.setItems[i] * nS + t] >= 2) return true;
    return false;
  }

  /**
   * Take session s out of its cell, adding the cost change to dHard / dSoft. With `busyToo` false
   * the `busy` counts are left as they were (a compound trial that is undone, or whose slot changes
   * are then passed on with `moveBusy`).
   */
  remove(s: number, busyToo = true): void {
    const t = this.slot[s];
    const r = this.room[s];
    const c = this.sessionCourse[s];
    const nS = this.nSlots;
    const nR = this.nRooms;
    const nP = this.nPeriods;
    const d = (t / nP) | 0;
    const q = t - d * nP;
    let dh = 0;
    let ds = 0;
    if (this.cell[t * nR + r] === s) this.cell[t * nR + r] = -1;
    if (busyToo) this.moveBusy(c, t, -1);
    if (this.courseOcc[c * nS + t]-- >= 2) dh--;
    for (let i = this.facOff[c], e = this.facOff[c + 1]; i < e; i++)
      if (this.facOcc[this.facItems[i] * nS + t]-- >= 2) dh--;
    for (let i = this.setOff[c], e = this.setOff[c + 1]; i < e; i++) {
      const k = this.setItems[i];
      const kd = k * this.nDays + d;
      if (this.setOcc[k * nS + t]-- >= 2) {
        // Still busy: the isolated count can drop by this one session.
        dh--;
        ds += this.isoChange(k, kd, d, this.setMask[kd]);
      } else {
        const mask = this.setMask[kd] & ~(1 << q);
        this.setMask[kd] = mask;
        ds += this.isoChange(k, kd, d, mask);
      }
    }
    dh -= this.roomHard[c * nR + r];
    ds -= this.roomSoft[c * nR + r];
    if (--this.courseDayCount[c * this.nDays + d] === 0) {
      if (this.courseDays[c]-- <= this.courseMinDays[c]) ds += this.wMinDays;
    }
    if (--this.courseRoomCount[c * nR + r] === 0) {
      if (this.courseRoomsUsed[c]-- >= 2) ds -= this.wStability;
    }
    this.slot[s] = -1;
    this.room[s] = -1;
    this.dHard += dh;
    this.dSoft += ds;
  }

  /** Put session s (out of any cell) into (t, r), adding the cost change to dHard / dSoft (see remove). */
  add(s: number, t: number, r: number, busyToo = true): void {
    const c = this.sessionCourse[s];
    const nS = this.nSlots;
    const nR = this.nRooms;
    const nP = this.nPeriods;
    const d = (t / nP) | 0;
    const q = t - d * nP;
    let dh = 0;
    let ds = 0;
    if (this.cell[t * nR + r] < 0) this.cell[t * nR + r] = s;
    if (busyToo) this.moveBusy(c, -1, t);
    if (this.courseOcc[c * nS + t]++ >= 1) dh++;
    for (let i = this.facOff[c], e = this.facOff[c + 1]; i < e; i++)
      if (this.facOcc[this.facItems[i] * nS + t]++ >= 1) dh++;
    for (let i = this.setOff[c], e = this.setOff[c + 1]; i < e; i++) {
      const k = this.setItems[i];
      const kd = k * this.nDays + d;
      if (this.setOcc[k * nS + t]++ >= 1) {
        dh++;
        ds += this.isoChange(k, kd, d, this.setMask[kd]);
      } else {
        const mask = this.setMask[kd] | (1 << q);
        this.setMask[kd] = mask;
        ds += this.isoChange(k, kd, d, mask);
      }
    }
    dh += this.roomHard[c * nR + r];
    ds += this.roomSoft[c * nR + r];
    if (this.courseDayCount[c * this.nDays + d]++ === 0) {
      if (++this.courseDays[c] <= this.courseMinDays[c]) ds -= this.wMinDays;
    }
    if (this.courseRoomCount[c * nR + r]++ === 0) {
      if (++this.courseRoomsUsed[c] >= 2) ds += this.wStability;
    }
    this.slot[s] = t;
    this.room[s] = r;
    this.dHard += dh;
    this.dSoft += ds;
  }

  /** Update `busy` for a session of course c leaving slot `from` and entering slot `to` (-1: none). */
  moveBusy(c: number, from: number, to: number): void {
    if (from === to) return;
    const nS = this.nSlots;
    const busy = this.busy;
    for (let i = this.nbrOff[c], e = this.nbrOff[c + 1]; i < e; i++) {
      const base = this.nbrCourse[i] * nS;
      const w = this.nbrWeight[i];
      if (from >= 0) busy[base + from] -= w;
      if (to >= 0) busy[base + to] += w;
    }
  }

  /** Recount (set, day)'s isolated sessions for its busy mask; returns the weighted change. */
  private isoChange(k: number, kd: number, d: number, mask: number): number {
    let iso = mask & ~(mask >>> 1) & ~(mask << 1);
    let n = 0;
    const base = k * this.nSlots + d * this.nPeriods;
    while (iso !== 0) {
      n += this.setOcc[base + 31 - Math.clz32(iso & -iso)];
      iso &= iso - 1;
    }
    const old = this.setIso[kd];
    if (n === old) return 0;
    this.setIso[kd] = n;
    return (n - old) * this.wIso;
  }

  /** Make the current trial permanent (totals += the accumulated change) and reset it. */
  commit(): void {
    this.hard += this.dHard;
    this.soft += this.dSoft;
    this.dHard = 0;
    this.dSoft = 0;
  }

  /** Forget the accumulated change (after the trial was undone). */
  discard(): void {
    this.dHard = 0;
    this.dSoft = 0;
  }
}
