// Conflict search for tightly packed colleges, where every student set is busy in nearly every
// period and the hard repair's single moves, exchanges and one-in-the-way ejection chains stall at
// a few clashes: an iterated forward search with conflict weighting. Each step takes one session
// that is unplaced (or, when none is, one in some hard violation, taken out first) and puts it at
// the start that is best once every session in its way is taken out: the sessions sharing a
// faculty member, a student set or its room over its periods, and a session of its own course at
// that start. A start is priced by the hard cost it leaves (the ones taken out count as unplaced)
// plus WEIGHT x the conflict weights of the sessions it takes out; each time a session is taken
// out its weight grows (and all weights fade), so sessions that keep being pushed around are left
// alone in time and the search goes elsewhere (breakout). A short tabu stops the session taken
// out going straight back to where it was. Sessions fewer days away than a hard min_days_apart,
// min_days_between or different_days rule allows (dayPartners.ts) count as in the way too. The best timetable by (hard, soft) is kept. Locked
// sessions and members of tie groups never move: a start that would take one out is not tried.
// Runs in time slices like the other phases; ends at hard 0, the deadline or the step budget.
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { Rng } from '../../Rng.ts';
import type { SearchModel } from '../../SearchModel.ts';
import { repairRoom } from './repairRoom.ts';
import { sharedRoom } from '../roomGroups.ts';
import { SOFT_TIE } from './softTie.ts';
import { tieGroups } from './tieGroups.ts';
import { dayPartners, type DayPartners } from './dayPartners.ts';
import { ViolatingSessions } from './violatingSessions.ts';
import type { SearchPhase } from './searchPhase.ts';
import { restorePlacement } from '../restorePlacement.ts';

export interface ConflictSearchOptions {
  /** performance.now() after which the search stops. */
  deadline: number;
  /** Stop after this many steps (tests; replays exactly). */
  maxSteps?: number;
  /** Stop when the best hard cost has not fallen for this long (ms). */
  stallMs?: number;
  /** Called when hard first reaches 0. */
  onFeasible?: () => void;
}

/** Price of one unit of conflict weight, in hard-cost units. */
const WEIGHT = 0.3;
/** Each take-out adds 1 to the session's weight; all weights fade by this factor per step. */
const FADE = 0.999;
/** Steps a session may not go back to the start it was taken out of: TABU_MIN + up to TABU_SPREAD. */
const TABU_MIN = 7;
const TABU_SPREAD = 10;
/** While sessions are unplaced, the chance that a step takes any session in violation instead. */
const OTHERS = 0.1;

export class ConflictSearch implements SearchPhase {
  readonly bestSlot: Int32Array;
  readonly bestRoom: Int32Array;
  bestHard: number;
  bestSoft: number;
  steps = 0;
  /** Steps that found no start for their session (it stayed where it was). */
  stuck = 0;
  private readonly st: IncrementalState;
  private readonly m: SearchModel;
  private readonly rng: Rng;
  private readonly o: ConflictSearchOptions;
  private readonly violating: ViolatingSessions;
  /** 1 for sessions that may be taken out (not locked, in no tie group). */
  private readonly free: Uint8Array;
  /** Conflict weight per session, kept as weight / scale so fading is one multiplication. */
  private readonly weight: Float64Array;
  private scale = 1;
  private readonly tabuUntil: Int32Array;
  /** Sessions in the way of a trial start, and the slot and room each had while it is priced. */
  private readonly way: Int32Array;
  private readonly waySlot: Int32Array;
  private readonly wayRoom: Int32Array;
  private readonly mark: Uint8Array;
  private readonly queue: Int32Array;
  /** Per session, the sessions hard rules keep it days away from (dayPartners.ts). */
  private readonly partners: DayPartners;
  private lastBestAt = performance.now();
  private done = false;
  private started = false;

  constructor(st: IncrementalState, m: SearchModel, rng: Rng, opts: ConflictSearchOptions) {
    const p = st.problem;
    this.st = st;
    this.m = m;
    this.rng = rng;
    this.o = opts;
    this.violating = new ViolatingSessions(st, m);
    const ties = tieGroups(p);
    this.free = new Uint8Array(p.nSessions);
    for (let s = 0; s < p.nSessions; s++)
      this.free[s] = m.slotLocked[s] === 0 && m.roomLocked[s] === 0 && ties.groupOf[s] < 0 ? 1 : 0;
    this.weight = new Float64Array(p.nSessions);
    this.tabuUntil = new Int32Array(p.nSessions * p.nSlots);
    this.way = new Int32Array(p.nSessions);
    this.waySlot = new Int32Array(p.nSessions);
    this.wayRoom = new Int32Array(p.nSessions);
    this.mark = new Uint8Array(p.nSessions);
    this.queue = new Int32Array(p.nSessions);
    this.partners = dayPartners(p);
    this.bestSlot = st.slot.slice();
    this.bestRoom = st.room.slice();
    this.bestHard = st.hardTotal;
    this.bestSoft = st.softTotal;
    if (st.hardTotal === 0) this.done = true;
  }

  get finished(): boolean {
    return this.done;
  }

  run(sliceEnd: number): boolean {
    const maxSteps = this.o.maxSteps ?? Infinity;
    if (!this.started) {
      this.started = true;
      this.takeOutClashes();
    }
    while (!this.done) {
      const now = performance.now();
      if (
        now >= this.o.deadline ||
        this.steps >= maxSteps ||
        now - this.lastBestAt >= (this.o.stallMs ?? Infinity)
      ) {
        this.done = true;
        break;
      }
      if (now >= sliceEnd) break;
      const s = this.pick();
      if (s < 0) {
        this.done = true;
        break;
      }
      this.steps++;
      this.step(s);
      if (this.st.hardTotal === 0) this.done = true;
    }
    return this.done;
  }

  /** Put the state back at the best placement found. */
  restoreBest(): void {
    restorePlacement(this.st, this.bestSlot, this.bestRoom);
  }

  /**
   * Start from a timetable without clashes: a free session with a session in its way where it is
   * (a clash, a duplicate, a day-apart rule broken) is taken out, so that what is left to do
   * is placing the unplaced ones.
   */
  private takeOutClashes(): void {
    const st = this.st;
    const n = this.violating.collect(this.queue, false);
    for (let i = 0; i < n; i++) {
      const s = this.queue[i];
      if (this.free[s] === 0 || st.active[s] === 0) continue;
      const t = st.slot[s];
      const r = st.room[s];
      st.move(s, -1, -1);
      if (this.inTheWay(s, t, r) !== 0) {
        this.tabu(s, t);
        continue;
      }
      st.move(s, t, r);
    }
    this.keepBest();
  }

  /**
   * A random free session in a hard violation, mostly an unplaced one while there are any (the
   * others, e.g. over a gap limit, now and then); -1 when there is none.
   */
  private pick(): number {
    const st = this.st;
    const n = this.violating.collect(this.queue, false);
    let k = 0;
    let unplaced = 0;
    for (let i = 0; i < n; i++) {
      const s = this.queue[i];
      if (this.free[s] === 0) continue;
      this.queue[k++] = s;
      if (st.active[s] === 0) unplaced++;
    }
    if (k === 0) return -1;
    const onlyUnplaced = unplaced > 0 && (unplaced === k || this.rng.float() >= OTHERS);
    if (!onlyUnplaced) return this.queue[this.rng.int(k)];
    let j = this.rng.int(unplaced);
    for (let i = 0; i < k; i++) if (st.active[this.queue[i]] === 0 && j-- === 0) return this.queue[i];
    return -1;
  }

  /** The free sessions in the way of s at (t, r) into `way`; -1 when a session that may not move is. */
  private inTheWay(s: number, t: number, r: number): number {
    const st = this.st;
    const p = st.problem;
    const c = p.sessionCourse[s];
    const len = Math.min(p.courseLength[c], p.nPeriods - (t % p.nPeriods));
    let n = 0;
    let blocked = false;
    // A room that is unavailable then: the start is not tried (the room would be a violation anyway).
    // Checked before any session is marked, so no mark outlives this call.
    for (let q = t; q < t + len; q++) if (p.roomUnavailable[r * p.nSlots + q] === 1) return -1;
    for (let q = t; q < t + len; q++) {
      const base = q * st.slotCap;
      for (let i = 0; i < st.slotCount[q]; i++) {
        const y = st.slotList[base + i];
        if (y === s || this.mark[y] === 1) continue;
        if (this.m.courseConflict[c * p.nCourses + p.sessionCourse[y]] === 0 && st.room[y] !== r) continue;
        if (this.free[y] === 0) blocked = true;
        this.mark[y] = 1;
        this.way[n++] = y;
      }
    }
    // A session of the course at that very start (it would count as a duplicate).
    const first = p.courseFirstSession[c];
    for (let y = first; y < first + p.courseSessionCount[c]; y++) {
      if (y === s || this.mark[y] === 1 || st.slot[y] !== t || st.room[y] < 0) continue;
      if (this.free[y] === 0) blocked = true;
      this.mark[y] = 1;
      this.way[n++] = y;
    }
    // A session fewer days away than a hard rule allows (min_days_apart, min_days_between,
    // different_days, on whole courses or single sessions).
    const day = (t / p.nPeriods) | 0;
    const P = this.partners;
    for (let i = P.offsets[s]; i < P.offsets[s + 1]; i++) {
      const y = P.items[i];
      if (this.mark[y] === 1 || st.slot[y] < 0 || st.room[y] < 0) continue;
      if (Math.abs(((st.slot[y] / p.nPeriods) | 0) - day) >= P.days[i]) continue;
      if (this.free[y] === 0) blocked = true;
      this.mark[y] = 1;
      this.way[n++] = y;
    }
    for (let i = 0; i < n; i++) this.mark[this.way[i]] = 0;
    return blocked ? -1 : n;
  }

  /**
   * The room for s at t: the repair's choice (repairRoom.ts) when it is free then; otherwise the
   * allowed room where the fewest sessions would be in the way that are not in it anyway (through
   * a faculty member or a student set), so a full room column costs as few take-outs as it can.
   */
  private roomFor(s: number, t: number, r0: number): number {
    const st = this.st;
    const m = this.m;
    const r = repairRoom(st, m, s, t, r0);
    if (r < 0 || m.roomLocked[s] === 1 || sharedRoom(st, m, s) >= 0) return r;
    let best = r;
    let bestExtra = this.roomExtra(s, t, r);
    if (bestExtra === 0) return r;
    const c = st.problem.sessionCourse[s];
    const o = m.courseRooms.offsets;
    for (let i = o[c]; i < o[c + 1] && bestExtra > 0; i++) {
      const x = m.courseRooms.items[i];
      if (x === r) continue;
      const extra = this.roomExtra(s, t, x);
      if (extra < bestExtra) {
        bestExtra = extra;
        best = x;
      }
    }
    return best;
  }

  /** Sessions in room x over s's periods from t that share no faculty or student set with s (Infinity: unavailable). */
  private roomExtra(s: number, t: number, x: number): number {
    const st = this.st;
    const p = st.problem;
    const c = p.sessionCourse[s];
    const len = Math.min(p.courseLength[c], p.nPeriods - (t % p.nPeriods));
    let extra = 0;
    for (let q = t; q < t + len; q++) {
      if (p.roomUnavailable[x * p.nSlots + q] === 1) return Infinity;
      if (st.roomOcc[x * p.nSlots + q] === 0) continue;
      const base = q * st.slotCap;
      for (let i = 0; i < st.slotCount[q]; i++) {
        const y = st.slotList[base + i];
        if (y !== s && st.room[y] === x && this.m.courseConflict[c * p.nCourses + p.sessionCourse[y]] === 0)
          extra++;
      }
    }
    return extra;
  }

  private step(s: number): void {
    const st = this.st;
    const m = this.m;
    const p = st.problem;
    const nS = p.nSlots;
    const c = p.sessionCourse[s];
    // Fade every weight (by growing the scale new weight is added at).
    this.scale /= FADE;
    if (this.scale > 1e100) {
      for (let i = 0; i < this.weight.length; i++) this.weight[i] /= this.scale;
      this.scale = 1;
    }
    const t0 = st.slot[s];
    const r0 = st.room[s];
    if (t0 >= 0) {
      this.tabu(s, t0);
      st.move(s, -1, -1);
    }
    const h0 = st.hardTotal;
    const f0 = st.softTotal;
    let bestT = -1;
    let bestR = -1;
    let bestScore = Infinity;
    const o = m.courseStarts.offsets;
    st.save();
    for (let i = o[c]; i < o[c + 1]; i++) {
      const t = m.courseStarts.items[i];
      if (this.tabuUntil[s * nS + t] > this.steps) continue;
      const r = this.roomFor(s, t, r0);
      if (r < 0) continue;
      const n = this.inTheWay(s, t, r);
      if (n < 0) continue;
      // Price it: take the ones in the way out, place s, read the cost, put everything back.
      let w = 0;
      for (let k = 0; k < n; k++) {
        const y = this.way[k];
        w += this.weight[y];
        this.waySlot[k] = st.slot[y];
        this.wayRoom[k] = st.room[y];
        st.move(y, -1, -1);
      }
      st.move(s, t, r);
      const score =
        st.hardTotal -
        h0 +
        SOFT_TIE * (st.softTotal - f0) +
        (WEIGHT * w) / this.scale +
        1e-6 * this.rng.float();
      st.move(s, -1, -1);
      for (let k = n - 1; k >= 0; k--) {
        const y = this.way[k];
        st.move(y, this.waySlot[k], this.wayRoom[k]);
      }
      if (score < bestScore) {
        bestScore = score;
        bestT = t;
        bestR = r;
      }
    }
    st.restore(h0, f0);
    if (bestT < 0) {
      this.stuck++;
      if (t0 >= 0) st.move(s, t0, r0);
      return;
    }
    // Apply: recollect who is in the way of the chosen start (pricing left the state as it was).
    const n = this.inTheWay(s, bestT, bestR);
    for (let k = 0; k < n; k++) {
      const y = this.way[k];
      this.weight[y] += this.scale;
      this.tabu(y, st.slot[y]);
      st.move(y, -1, -1);
    }
    st.move(s, bestT, bestR);
    this.keepBest();
  }

  private keepBest(): void {
    const st = this.st;
    if (st.hardTotal < this.bestHard || (st.hardTotal === this.bestHard && st.softTotal < this.bestSoft)) {
      if (this.bestHard > 0 && st.hardTotal === 0) this.o.onFeasible?.();
      if (st.hardTotal < this.bestHard) this.lastBestAt = performance.now();
      this.bestHard = st.hardTotal;
      this.bestSoft = st.softTotal;
      this.bestSlot.set(st.slot);
      this.bestRoom.set(st.room);
    }
  }

  /** Forbid s to start at t again for a while. */
  private tabu(s: number, t: number): void {
    this.tabuUntil[s * this.st.problem.nSlots + t] = this.steps + TABU_MIN + this.rng.int(TABU_SPREAD);
  }
}
