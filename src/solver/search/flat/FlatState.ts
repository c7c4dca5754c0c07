// A compact search state for problems whose sessions are all one period long with no rules,
// limits, gap costs or enrolment clashes (ITC-2007 CB-CTT and colleges like it). Every movable
// session always holds a cell (slot, room) of its own, so room clashes and unplaced sessions
// cannot occur; the only hard cost is resource overlap (a student set, faculty member or course
// busy twice in a slot), counted as the occupancy beyond one. Soft costs are exactly the
// evaluator's: room capacity, min working days, isolated sessions, room stability.
//
// Changes are made by `remove` and `add`, each O(sets + faculty of the course) and each adding
// its cost change to `dHard` / `dSoft`; a rejected trial is undone by the inverse calls. No
// allocation after construction.
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { SearchModel } from '../../SearchModel.ts';

export class FlatState {
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

  private readonly nPeriods: number;
  private readonly nDays: number;
  private readonly setOff: Int32Array;
  private readonly setItems: Int32Array;
  private readonly facOff: Int32Array;
  private readonly facItems: Int32Array;
  private readonly setOcc: Int32Array;
  private readonly facOcc: Int32Array;
  private readonly courseOcc: Int32Array;
  /** Busy periods of (set, day) as a bit mask, and its isolated-session count. */
  private readonly setMask: Int32Array;
  private readonly setIso: Int32Array;
  private readonly courseDayCount: Int32Array;
  private readonly courseDays: Int32Array;
  private readonly courseMinDays: Int32Array;
  private readonly courseRoomCount: Int32Array;
  private readonly courseRoomsUsed: Int32Array;
  /** Cost of course c in room r on its own: capacity (soft, or hard when capacity is hard). */
  private readonly roomSoft: Float64Array;
  private readonly roomHard: Int32Array;
  private readonly wIso: number;
  private readonly wMinDays: number;
  private readonly wStability: number;
  /** Marks of the sets and faculty of the other course in an exchange (moveDelta). */
  private readonly setStamp: Int32Array;
  private readonly facStamp: Int32Array;
  /** Per course: a mark, and its rooms used and days held before a priced chain (chainDelta). */
  private readonly courseStamp: Int32Array;
  private readonly usedBefore: Int32Array;
  private readonly daysBefore: Int32Array;
  private tick = 0;
  /**
   * busy[c * nSlots + t]: the sessions in slot t summed over c's resources (the course itself, its
   * faculty, its student sets). With no clashes, a session of c moving into t adds exactly that
   * many clashes, so the feasible-state hard delta is O(1).
   */
  readonly busy: Int32Array;
  /** shared[a * nCourses + b]: resources courses a and b have in common (|R(a)| when a = b). */
  readonly shared: Int32Array;
  /** Per course c', the courses c sharing a resource with it and how many (CSR), for `busy`. */
  private readonly nbrOff: Int32Array;
  private readonly nbrCourse: Int32Array;
  private readonly nbrWeight: Int32Array;

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
    const nS = this.nSlots;
    const nR = this.nRooms;
    const nP = this.nPeriods;
    const nD = this.nDays;
    const course = this.sessionCourse;
    const rc = this.courseRoomCount;
    const used = this.courseRoomsUsed;
    const dc = this.courseDayCount;
    const days = this.courseDays;
    const d0 = (t0 / nP) | 0;
    const d1 = (t1 / nP) | 0;
    const tick = ++this.tick;
    let dh = 0;
    let ds = 0;
    // Room capacity; the members' courses with their rooms used and days held before.
    for (let i = 0; i < n; i++) {
      const x = members[i];
      const c = course[x];
      dh += this.roomHard[c * nR + toRoom[i]] - this.roomHard[c * nR + this.room[x]];
      ds += this.roomSoft[c * nR + toRoom[i]] - this.roomSoft[c * nR + this.room[x]];
      if (this.courseStamp[c] !== tick) {
        this.courseStamp[c] = tick;
        this.usedBefore[c] = used[c];
        this.daysBefore[c] = days[c];
      }
    }
    // Room stability and min working days: move the counts, price each course once, move them back.
    for (let i = 0; i < n; i++) {
      const x = members[i];
      const c = course[x];
      if (--rc[c * nR + this.room[x]] === 0) used[c]--;
      if (d0 !== d1 && --dc[c * nD + (this.slot[x] === t0 ? d0 : d1)] === 0) days[c]--;
    }
    for (let i = 0; i < n; i++) {
      const x = members[i];
      const c = course[x];
      if (rc[c * nR + toRoom[i]]++ === 0) used[c]++;
      if (d0 !== d1 && dc[c * nD + (this.slot[x] === t0 ? d1 : d0)]++ === 0) days[c]++;
    }
    const wS = this.wStability;
    const wM = this.wMinDays;
    for (let i = 0; i < n; i++) {
      const c = course[members[i]];
      if (this.courseStamp[c] !== tick) continue;
      this.courseStamp[c] = tick - 1;
      const min = this.courseMinDays[c];
      ds += (Math.max(0, used[c] - 1) - Math.max(0, this.usedBefore[c] - 1)) * wS;
      ds += (Math.max(0, min - days[c]) - Math.max(0, min - this.daysBefore[c])) * wM;
      used[c] = this.usedBefore[c];
      days[c] = this.daysBefore[c];
    }
    for (let i = 0; i < n; i++) {
      const x = members[i];
      const c = course[x];
      rc[c * nR + toRoom[i]]--;
      rc[c * nR + this.room[x]]++;
      if (d0 !== d1) {
        const from = this.slot[x] === t0;
        dc[c * nD + (from ? d1 : d0)]--;
        dc[c * nD + (from ? d0 : d1)]++;
      }
    }
    // Isolated sessions: each student set held by a member, once.
    if (this.wIso !== 0) {
      const occ = this.setOcc;
      const q0 = t0 - d0 * nP;
      const q1 = t1 - d1 * nP;
      const stamp = ++this.tick;
      for (let i = 0; i < n; i++) {
        const c = course[members[i]];
        for (let j = this.setOff[c], e = this.setOff[c + 1]; j < e; j++) {
          const k = this.setItems[j];
          if (this.setStamp[k] === stamp) continue;
          this.setStamp[k] = stamp;
          const o0 = occ[k * nS + t0];
          const o1 = occ[k * nS + t1];
          if (o0 === o1) continue;
          const kd0 = k * nD + d0;
          const base0 = k * nS + d0 * nP;
          if (d0 === d1) {
            let mask = this.setMask[kd0] & ~(1 << q0) & ~(1 << q1);
            if (o1 > 0) mask |= 1 << q0;
            if (o0 > 0) mask |= 1 << q1;
            ds += (isolated(occ, base0, mask, q0, o1 - o0, q1, o0 - o1) - this.setIso[kd0]) * this.wIso;
          } else {
            const kd1 = k * nD + d1;
            const mask0 = o1 > 0 ? this.setMask[kd0] | (1 << q0) : this.setMask[kd0] & ~(1 << q0);
            const mask1 = o0 > 0 ? this.setMask[kd1] | (1 << q1) : this.setMask[kd1] & ~(1 << q1);
            const after =
              isolated(occ, base0, mask0, q0, o1 - o0, -1, 0) +
              isolated(occ, k * nS + d1 * nP, mask1, q1, o0 - o1, -1, 0);
            ds += (after - this.setIso[kd0] - this.setIso[kd1]) * this.wIso;
          }
        }
      }
    }
    this.dHard += dh;
    this.dSoft += ds;
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

/** Move the incremental state's movable sessions to the flat state's places. */
export function writeFlat(fs: FlatState, st: IncrementalState): void {
  const n = fs.nSessions;
  const differs = (s: number): boolean =>
    fs.isMovable[s] === 1 && (st.slot[s] !== fs.slot[s] || st.room[s] !== fs.room[s]);
  for (let s = 0; s < n; s++) if (differs(s)) st.move(s, -1, -1);
  for (let s = 0; s < n; s++) if (differs(s)) st.move(s, fs.slot[s], fs.room[s]);
}

/**
 * Isolated sessions of a day row with busy mask `mask`: each busy period with no busy neighbour
 * counts its sessions, occ[base + q] adjusted by `addA` at period qa and `addB` at period qb.
 */
function isolated(
  occ: Int32Array,
  base: number,
  mask: number,
  qa: number,
  addA: number,
  qb: number,
  addB: number,
): number {
  let iso = mask & ~(mask >>> 1) & ~(mask << 1);
  let n = 0;
  while (iso !== 0) {
    const q = 31 - Math.clz32(iso & -iso);
    n += occ[base + q] + (q === qa ? addA : 0) + (q === qb ? addB : 0);
    iso &= iso - 1;
  }
  return n;
}

/** |R(a) ∩ R(b)| for every pair of courses, R(c) = {c} ∪ faculty(c) ∪ student sets(c). */
function sharedResources(
  nC: number,
  nF: number,
  facOff: Int32Array,
  facItems: Int32Array,
  setOff: Int32Array,
  setItems: Int32Array,
): Int32Array {
  const shared = new Int32Array(nC * nC);
  for (let c = 0; c < nC; c++) shared[c * nC + c] = 1;
  const users: number[][] = [];
  for (let c = 0; c < nC; c++) {
    for (let i = facOff[c]; i < facOff[c + 1]; i++) (users[facItems[i]] ??= []).push(c);
    for (let i = setOff[c]; i < setOff[c + 1]; i++) (users[nF + setItems[i]] ??= []).push(c);
  }
  for (const list of users) if (list) for (const a of list) for (const b of list) shared[a * nC + b]++;
  return shared;
}

/** The nonzero entries of `shared` row by row (CSR): course and weight. */
function neighbours(
  nC: number,
  shared: Int32Array,
): { offsets: Int32Array; course: Int32Array; weight: Int32Array } {
  const offsets = new Int32Array(nC + 1);
  const course: number[] = [];
  const weight: number[] = [];
  for (let a = 0; a < nC; a++) {
    for (let b = 0; b < nC; b++)
      if (shared[a * nC + b] !== 0) {
        course.push(b);
        weight.push(shared[a * nC + b]);
      }
    offsets[a + 1] = course.length;
  }
  return { offsets, course: Int32Array.from(course), weight: Int32Array.from(weight) };
}
