// The incremental cost state: occupancy tables over a CompiledProblem and a Placement, kept up to
// date move by move, with totals per cost kind that always equal what `evaluate` reports for the
// same placement (see ../evaluate.ts for THE definition). A move touches only its own cells
// (room, faculty, student sets × periods), the sessions sharing its periods, its course's day and
// room counts, the (student set | faculty, day) rows it leaves and enters (recomputed locally) and
// the rules naming its course (the counted ones by their own periods: RuleCounters.ts). No
// allocation per move.
//
// As in the evaluator, a session is active (placed) when it has a slot and a room and no earlier
// session of its course starts in the same slot; the others count as unplaced and occupy nothing.
import type { CompiledProblem } from '../../compiled/types.ts';
import type { Placement } from '../types.ts';
import { H, N_HARD, N_SOFT, S } from './kinds.ts';
import { DayCosts } from './DayCosts.ts';
import { RuleCosts } from './RuleCosts.ts';
import { CourseRelation, addPlaceCost } from './placeCost.ts';
import { FastMoveDelta } from './FastMoveDelta.ts';
import { BuildingCosts } from './BuildingCosts.ts';

export class IncrementalState {
  readonly problem: CompiledProblem;
  /** Start slot per session, -1 = none. Read-only for callers: change it through move(). */
  readonly slot: Int32Array;
  /** Room per session, -1 = none. */
  readonly room: Int32Array;
  /** 1 when the session counts as placed. */
  readonly active: Uint8Array;
  /** Periods an active session occupies (cut at the day's end), 0 otherwise. */
  readonly span: Int32Array;
  /** Totals per kind, indexed like HARD_KINDS / SOFT_KINDS. */
  readonly hard = new Float64Array(N_HARD);
  readonly soft = new Float64Array(N_SOFT);
  hardTotal = 0;
  softTotal = 0;

  /** Active sessions occupying each (room | faculty | student set | course, slot). */
  readonly roomOcc: Int32Array;
  readonly facultyOcc: Int32Array;
  readonly setOcc: Int32Array;
  readonly courseOcc: Int32Array;
  /** Active sessions per slot: slotList[t * slotCap .. + slotCount[t]). */
  readonly slotCount: Int32Array;
  readonly slotList: Int32Array;
  /** The course of each slotList entry (for the clash count, without a lookup per entry). */
  readonly slotCourse: Int32Array;
  readonly slotCap: number;
  /** Where session s sits in the list of the k-th period it spans: slotPos[s * maxSpan + k]. */
  private readonly slotPos: Int32Array;
  private readonly maxSpan: number;
  /** Active sessions of course c starting on day d; distinct days per course. */
  readonly courseDayCount: Int32Array;
  readonly courseDays: Int32Array;
  /** Active sessions of course c in room r; distinct rooms per course. */
  readonly courseRoomCount: Int32Array;
  readonly courseRoomsUsed: Int32Array;

  readonly days: DayCosts;
  readonly buildings: BuildingCosts;
  /** Moves made so far that changed a session's place (for caches that a move invalidates). */
  moves = 0;
  readonly rules: RuleCosts;
  readonly relation: CourseRelation;
  /** Cost change of a one-session move without applying it (simple cases; see FastMoveDelta). */
  readonly fast: FastMoveDelta;
  /** roomListed[c * nRooms + r] = 1 when r is in the course's room list. */
  private readonly roomListed: Uint8Array;
  private nActive = 0;
  /** Per course: sessions with a slot and a room that wait behind another session (duplicates). */
  private readonly waiting: Int32Array;
  private readonly savedHard = new Float64Array(N_HARD);
  private readonly savedSoft = new Float64Array(N_SOFT);
  /** (course, day) rows touched by the current move, recomputed once at its end. */
  private readonly dirtyDays = new Int32Array(16);
  private nDirty = 0;

  constructor(problem: CompiledProblem, placement?: Placement) {
    const p = problem;
    this.problem = p;
    this.slot = new Int32Array(p.nSessions).fill(-1);
    this.room = new Int32Array(p.nSessions).fill(-1);
    this.active = new Uint8Array(p.nSessions);
    this.span = new Int32Array(p.nSessions);
    this.roomOcc = new Int32Array(p.nRooms * p.nSlots);
    this.facultyOcc = new Int32Array(p.nFaculty * p.nSlots);
    this.setOcc = new Int32Array(p.nStudentSets * p.nSlots);
    this.courseOcc = new Int32Array(p.nCourses * p.nSlots);
    this.slotCap = Math.max(1, p.nSessions);
    this.slotCount = new Int32Array(p.nSlots);
    this.slotList = new Int32Array(p.nSlots * this.slotCap);
    this.slotCourse = new Int32Array(p.nSlots * this.slotCap);
    let maxSpan = 1;
    for (let c = 0; c < p.nCourses; c++) maxSpan = Math.max(maxSpan, p.courseLength[c]);
    this.maxSpan = maxSpan;
    this.slotPos = new Int32Array(p.nSessions * maxSpan);
    this.courseDayCount = new Int32Array(p.nCourses * p.nDays);
    this.courseDays = new Int32Array(p.nCourses);
    this.courseRoomCount = new Int32Array(p.nCourses * p.nRooms);
    this.courseRoomsUsed = new Int32Array(p.nCourses);
    this.waiting = new Int32Array(p.nCourses);
    this.roomListed = new Uint8Array(p.nCourses * p.nRooms);
    for (let c = 0; c < p.nCourses; c++)
      for (let i = p.courseRooms.offsets[c]; i < p.courseRooms.offsets[c + 1]; i++)
        this.roomListed[c * p.nRooms + p.courseRooms.items[i]] = 1;
    this.relation = new CourseRelation(p);
    this.days = new DayCosts(this);
    this.buildings = new BuildingCosts(this);
    this.rules = new RuleCosts(this);
    this.fast = new FastMoveDelta(this, this.roomListed, (c) => this.rules.hasRules(c));
    // The empty timetable: everything unplaced, every course short of its days.
    this.hard[H.unplaced] = p.nSessions;
    for (let c = 0; c < p.nCourses; c++) this.soft[S.minDays] += this.minDaysCost(c);
    this.days.initAll();
    this.rules.initAll();
    this.recomputeTotals();
    if (placement) {
      if (placement.slot.length !== p.nSessions || placement.room.length !== p.nSessions)
        throw new Error(`placement has ${placement.slot.length} sessions, the problem has ${p.nSessions}`);
      for (let s = 0; s < p.nSessions; s++) this.move(s, placement.slot[s], placement.room[s]);
    }
  }

  recomputeTotals(): void {
    let h = 0;
    let v = 0;
    for (let i = 0; i < N_HARD; i++) h += this.hard[i];
    for (let i = 0; i < N_SOFT; i++) v += this.soft[i];
    this.hardTotal = h;
    this.softTotal = v;
  }

  /** A copy of the current placement. */
  snapshot(): Placement {
    return { slot: this.slot.slice(), room: this.room.slice() };
  }

  /** Move session s to (slot, room); slot -1 (or room -1) leaves it unplaced. */
  move(s: number, slot: number, room: number): void {
    const p = this.problem;
    if (slot < 0 || slot >= p.nSlots) slot = -1;
    if (room < 0 || room >= p.nRooms) room = -1;
    if (this.slot[s] === slot && this.room[s] === room) return;
    this.moves++;
    const c = p.sessionCourse[s];
    const first = p.courseFirstSession[c];
    const last = first + p.courseSessionCount[c];
    const oldSlot = this.slot[s];
    this.nDirty = 0;
    if (this.active[s] === 1) {
      this.deactivate(s);
      // The next session of the course waiting in the same start takes over.
      if (this.waiting[c] > 0)
        for (let x = first; x < last; x++)
          if (x !== s && this.slot[x] === oldSlot && this.room[x] >= 0) {
            this.waiting[c]--;
            this.activate(x);
            break;
          }
    } else if (oldSlot >= 0 && this.room[s] >= 0) this.waiting[c]--;
    this.slot[s] = slot;
    this.room[s] = room;
    if (slot >= 0 && room >= 0) {
      let holder = -1;
      if (this.courseOcc[c * p.nSlots + slot] > 0)
        for (let x = first; x < last; x++) if (this.active[x] === 1 && this.slot[x] === slot) holder = x;
      if (holder < 0) this.activate(s);
      else if (s < holder) {
        this.deactivate(holder);
        this.waiting[c]++;
        this.activate(s);
      } else this.waiting[c]++;
    }
    this.hard[H.unplaced] = p.nSessions - this.nActive;
    for (let i = 0; i < this.nDirty; i++) {
      this.days.courseChanged(c, this.dirtyDays[i]);
      this.buildings.courseChanged(c, this.dirtyDays[i]);
    }
    this.rules.courseChanged(c);
    this.recomputeTotals();
  }

  /** Does course c have a session with a slot and a room that waits behind another (a duplicate)? */
  waitingDuplicates(c: number): boolean {
    return this.waiting[c] > 0;
  }

  /** Exchange the places (slot and room) of sessions a and b. */
  swap(a: number, b: number): void {
    const sa = this.slot[a];
    const ra = this.room[a];
    this.move(a, this.slot[b], this.room[b]);
    this.move(b, sa, ra);
  }

  /** Hard and soft change of moving s to (slot, room), into out[0], out[1]; the state is unchanged. */
  deltaMove(s: number, slot: number, room: number, out: Float64Array): void {
    const s0 = this.slot[s];
    const r0 = this.room[s];
    const h0 = this.hardTotal;
    const f0 = this.softTotal;
    this.save();
    this.move(s, slot, room);
    out[0] = this.hardTotal - h0;
    out[1] = this.softTotal - f0;
    this.move(s, s0, r0);
    this.restore(h0, f0);
  }

  /** Hard and soft change of exchanging the places of a and b; the state is unchanged. */
  deltaSwap(a: number, b: number, out: Float64Array): void {
    const sa = this.slot[a];
    const ra = this.room[a];
    const sb = this.slot[b];
    const rb = this.room[b];
    const h0 = this.hardTotal;
    const f0 = this.softTotal;
    this.save();
    this.swap(a, b);
    out[0] = this.hardTotal - h0;
    out[1] = this.softTotal - f0;
    this.move(b, -1, -1);
    this.move(a, sa, ra);
    this.move(b, sb, rb);
    this.restore(h0, f0);
  }

  /** Remember per-kind totals before a trial, so that undoing it restores them exactly. */
  save(): void {
    this.savedHard.set(this.hard);
    this.savedSoft.set(this.soft);
  }

  restore(hardTotal: number, softTotal: number): void {
    this.hard.set(this.savedHard);
    this.soft.set(this.savedSoft);
    this.hardTotal = hardTotal;
    this.softTotal = softTotal;
  }

  private minDaysCost(c: number): number {
    const miss = this.problem.courseMinDays[c] - this.courseDays[c];
    return miss > 0 ? miss * this.problem.weights.min_days : 0;
  }

  private stabilityCost(c: number): number {
    const used = this.courseRoomsUsed[c];
    return used > 1 ? (used - 1) * this.problem.weights.room_stability : 0;
  }

  /**
   * Is course c's session the only one of its faculty and student sets in period t? `own` is what
   * it adds to their occupancy itself (1 while it is counted, 0 before it is).
   */
  private aloneAt(c: number, t: number, own: number): boolean {
    const p = this.problem;
    const nS = p.nSlots;
    const fo = p.courseFaculty.offsets;
    for (let i = fo[c]; i < fo[c + 1]; i++)
      if (this.facultyOcc[p.courseFaculty.items[i] * nS + t] !== own) return false;
    const so = p.courseStudentSets.offsets;
    for (let i = so[c]; i < so[c + 1]; i++)
      if (this.setOcc[p.courseStudentSets.items[i] * nS + t] !== own) return false;
    return true;
  }

  private activate(s: number): void {
    const p = this.problem;
    const slot = this.slot[s];
    const period = slot % p.nPeriods;
    this.span[s] = Math.min(p.courseLength[p.sessionCourse[s]], p.nPeriods - period);
    this.active[s] = 1;
    this.nActive++;
    this.change(s, 1);
  }

  private deactivate(s: number): void {
    this.change(s, -1);
    this.active[s] = 0;
    this.span[s] = 0;
    this.nActive--;
  }

  /** Add (sign +1) or remove (sign -1) the effects of active session s at its slot and room. */
  private change(s: number, sign: number): void {
    const p = this.problem;
    const slot = this.slot[s];
    const room = this.room[s];
    const span = this.span[s];
    const c = p.sessionCourse[s];
    const nS = p.nSlots;
    const end = slot + span;
    addPlaceCost(p, this.roomListed, this.hard, this.soft, s, slot, room, span, sign);
    this.rules.sessionChanged(s, sign);
    const matrix = this.relation.matrix;
    for (let t = slot; t < end; t++) {
      // Pairs with the other sessions of this period.
      const base = t * this.slotCap;
      const n = this.slotCount[t];
      if (sign < 0) {
        // Take s out of the period's list: the last one takes its place.
        const i = this.slotPos[s * this.maxSpan + t - slot];
        const last = this.slotList[base + n - 1];
        this.slotList[base + i] = last;
        this.slotCourse[base + i] = this.slotCourse[base + n - 1];
        this.slotPos[last * this.maxSpan + t - this.slot[last]] = i;
        this.slotCount[t] = n - 1;
      }
      const m = this.slotCount[t];
      let facultyPairs = 0;
      let groupPairs = 0;
      if (this.aloneAt(c, t, sign < 0 ? 1 : 0)) {
        // No other session has its faculty or student sets then: no pair to count.
      } else if (matrix !== null) {
        const row = c * p.nCourses;
        for (let i = 0; i < m; i++) {
          const rel = matrix[row + this.slotCourse[base + i]];
          if (rel === 1) facultyPairs++;
          else if (rel === 2) groupPairs++;
        }
      } else {
        for (let i = 0; i < m; i++) {
          const rel = this.relation.get(c, this.slotCourse[base + i]);
          if (rel === 1) facultyPairs++;
          else if (rel === 2) groupPairs++;
        }
      }
      this.hard[H.facultyClash] += sign * facultyPairs;
      this.hard[H.groupClash] += sign * groupPairs;
      if (sign > 0) {
        this.slotPos[s * this.maxSpan + t - slot] = this.slotCount[t];
        this.slotCourse[base + this.slotCount[t]] = c;
        this.slotList[base + this.slotCount[t]++] = s;
      }
      // Room cells.
      const ri = room * nS + t;
      if (sign > 0) {
        if (this.roomOcc[ri]++ >= 1) this.hard[H.roomClash] += 1;
      } else if (--this.roomOcc[ri] >= 1) this.hard[H.roomClash] -= 1;
    }
    // Faculty and student-set cells (their rows are recomputed at the end of the move).
    const fo = p.courseFaculty.offsets;
    for (let i = fo[c]; i < fo[c + 1]; i++) {
      const f = p.courseFaculty.items[i];
      for (let t = slot; t < end; t++) {
        const k = f * nS + t;
        this.facultyOcc[k] += sign;
        if (this.facultyOcc[k] === (sign > 0 ? 1 : 0)) this.days.toggleFaculty(f, t);
      }
    }
    const so = p.courseStudentSets.offsets;
    for (let i = so[c]; i < so[c + 1]; i++) this.days.addSet(p.courseStudentSets.items[i], slot, span, sign);
    // Students shared through enrollments.
    const co = p.courseStudentConflicts.offsets;
    if (co[c + 1] > co[c] && p.weights.student_clash > 0) {
      let shared = 0;
      for (let i = co[c]; i < co[c + 1]; i++) {
        const c2 = p.courseStudentConflicts.items[i];
        for (let t = slot; t < end; t++) shared += this.courseOcc[c2 * nS + t] * p.courseConflictWeight[i];
      }
      this.soft[S.studentClash] += sign * shared * p.weights.student_clash;
    }
    for (let t = slot; t < end; t++) this.courseOcc[c * nS + t] += sign;
    // Course spread over days and rooms.
    const day = (slot / p.nPeriods) | 0;
    const cd = c * p.nDays + day;
    const md = this.minDaysCost(c);
    if (sign > 0 && this.courseDayCount[cd]++ === 0) this.courseDays[c]++;
    if (sign < 0 && --this.courseDayCount[cd] === 0) this.courseDays[c]--;
    this.soft[S.minDays] += this.minDaysCost(c) - md;
    const rc = c * p.nRooms + room;
    const rs = this.stabilityCost(c);
    if (sign > 0 && this.courseRoomCount[rc]++ === 0) this.courseRoomsUsed[c]++;
    if (sign < 0 && --this.courseRoomCount[rc] === 0) this.courseRoomsUsed[c]--;
    this.soft[S.roomStability] += this.stabilityCost(c) - rs;
    let seen = false;
    for (let i = 0; i < this.nDirty; i++) if (this.dirtyDays[i] === day) seen = true;
    if (!seen) this.dirtyDays[this.nDirty++] = day;
  }
}
