// Targeted hard repair: take the sessions in some hard violation (see violatingSessions.ts) in a
// random order and move each to the start (in a free room when there is one) that lowers the hard
// cost most; a move that keeps it equal is taken too (a plateau step: an unplaced session placed
// over a clash moves the clash on to the session in its way, a bounded ejection chain), and one that
// raises it now and then (noise). A short tabu on the start a session just left stops it going
// straight back. Soft cost breaks ties. When the list is used up it is collected again. Runs in
// time slices like the annealer; the best timetable by (hard, soft) is kept and can be restored.
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { Rng } from '../../Rng.ts';
import type { SearchModel } from '../../SearchModel.ts';
import { repairRoom } from './repairRoom.ts';
import { bestEjection } from './ejection.ts';
import { EjectionChains } from './ejectionChain.ts';
import { BlockerEjection } from './blockerEjection.ts';
import { ruinAround } from './ruin.ts';
import { ViolatingSessions } from './violatingSessions.ts';
import type { TieGroups } from './tieGroups.ts';
import { GroupMove } from './groupMove.ts';
import { bestExchange } from './exchange.ts';
import { bestGroupRoom, moveGroupToRoom } from '../roomGroups.ts';
import { SOFT_TIE } from './softTie.ts';
import { restorePlacement } from '../restorePlacement.ts';

export interface HardRepairOptions {
  /** performance.now() after which the repair stops. */
  deadline: number;
  /** Stop after this many steps (tests; replays exactly). */
  maxSteps?: number;
  /** Stop when the best hard cost has not fallen for this long (ms). */
  stallMs?: number;
  /** Called when hard first reaches 0. */
  onFeasible?: () => void;
  /** Try ejection chains whenever no single move helps, not only once stalled (smaller colleges). */
  eagerChains?: boolean;
}

/** Chance of taking the best move when it raises the hard cost. */
const NOISE = 0.15;
/** Steps a session may not go back to the start it left: TABU_MIN + a random part up to TABU_SPREAD. */
const TABU_MIN = 300;
const TABU_SPREAD = 300;
/** Steps without a new best after which room-clash helpers and two-step moves join in. */
const HELPER_STALL_STEPS = 200;
/** Most of the repair's time the blocker searches (blockerEjection.ts) may take. */
const BLOCKER_SHARE = 0.25;
/** Steps without a new best (and since the last ruin) after which the repair ruins and rebuilds. */
const RUIN_STALL_STEPS = 800;

export class HardRepair {
  readonly bestSlot: Int32Array;
  readonly bestRoom: Int32Array;
  bestHard: number;
  bestSoft: number;
  steps = 0;
  moves = 0;
  scans = 0;
  ruins = 0;
  private readonly st: IncrementalState;
  private readonly m: SearchModel;
  private readonly rng: Rng;
  private readonly o: HardRepairOptions;
  private readonly queue: Int32Array;
  private readonly violating: ViolatingSessions;
  private qLen = 0;
  private qPos = 0;
  /** tabuUntil[s * nSlots + t]: the step until which s may not start at t again. */
  private readonly tabuUntil: Int32Array;
  private readonly d = new Float64Array(2);
  private readonly group: GroupMove;
  private readonly ties: TieGroups;
  /** The pass (scan number) in which each tie group last moved. */
  private readonly groupPass: Int32Array;
  private done = false;
  /** Undo log of a rooms-group room change: [session, slot, room] per change. */
  private readonly roomLog: Int32Array;
  /** A two-step move found by bestEjection: [t, r, x, tx, rx]. */
  private readonly chain = new Int32Array(5);
  /** Deeper ejection chains, for when no single move, exchange or two-step move lowers the hard cost. */
  readonly chains: EjectionChains;
  /** A session in violation and one session in its way, moved together (blockerEjection.ts). */
  readonly blockers: BlockerEjection;
  /** May x start at t (not tabu)? May x move alone (not locked, in no tie group)? */
  private readonly allowed = (x: number, t: number): boolean =>
    this.tabuUntil[x * this.st.problem.nSlots + t] <= this.steps;
  private readonly alone = (x: number): boolean =>
    this.m.slotLocked[x] === 0 && this.m.roomLocked[x] === 0 && this.ties.groupOf[x] < 0;
  private lastBestAt = performance.now();
  private lastBestStep = 0;
  private lastRuin = 0;
  private readonly startedAt = performance.now();
  /** Time spent in blocker searches (ms). */
  private blockerMs = 0;
  /** Moves priced by the repair's own steps (the starts of the session each step takes). */
  private stepPriced = 0;

  constructor(st: IncrementalState, m: SearchModel, rng: Rng, opts: HardRepairOptions) {
    const p = st.problem;
    this.st = st;
    this.m = m;
    this.rng = rng;
    this.o = opts;
    this.queue = new Int32Array(p.nSessions);
    this.violating = new ViolatingSessions(st, m);
    this.group = new GroupMove(st);
    this.ties = this.group.ties;
    this.groupPass = new Int32Array(this.ties.offsets.length - 1);
    this.tabuUntil = new Int32Array(p.nSessions * p.nSlots);
    this.roomLog = new Int32Array(3 * largestRoomGroup(p, m) + 3);
    this.chains = new EjectionChains(st, m);
    this.blockers = new BlockerEjection(st, m, this.group, rng);
    this.bestSlot = st.slot.slice();
    this.bestRoom = st.room.slice();
    this.bestHard = st.hardTotal;
    this.bestSoft = st.softTotal;
    if (st.hardTotal === 0) this.done = true;
  }

  get finished(): boolean {
    return this.done;
  }

  /** Run until `sliceEnd` (performance.now()) or the repair ends; returns true when it has ended. */
  run(sliceEnd: number): boolean {
    const st = this.st;
    const maxSteps = this.o.maxSteps ?? Infinity;
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
      if (this.qPos >= this.qLen) {
        this.collect();
        if (this.qLen === 0) {
          this.done = true;
          break;
        }
      }
      const s = this.queue[this.qPos++];
      const helper = this.violating.helper[s] === 1;
      if (!helper && !this.violating.isViolating(s)) continue;
      const g = this.ties.groupOf[s];
      // A tie group moves once per pass over the list, however many of its members are in it.
      if (g >= 0 && this.groupPass[g] === this.scans) continue;
      if (g >= 0) this.groupPass[g] = this.scans;
      if (g < 0 || !this.stepGroup(g, helper)) this.step(s, helper);
      if (st.hardTotal === 0) this.done = true;
    }
    return this.done;
  }

  /** No new best for HELPER_STALL_STEPS steps: room helpers and two-step moves join in. */
  private stalled(): boolean {
    return this.steps - this.lastBestStep > HELPER_STALL_STEPS;
  }

  /** Put the state back at the best placement found. */
  restoreBest(): void {
    restorePlacement(this.st, this.bestSlot, this.bestRoom);
  }

  private collect(): void {
    this.scans++;
    // Helpers only once the repair stalls: early on they would crowd out the sessions in violation.
    let n = this.violating.collect(this.queue, this.stalled());
    // Long stalled: ruin around what is in violation and place it afresh (the best is kept).
    if (this.steps - this.lastBestStep > RUIN_STALL_STEPS && this.steps - this.lastRuin > RUIN_STALL_STEPS) {
      this.lastRuin = this.steps;
      this.ruins++;
      ruinAround(this.st, this.m, this.ties, this.queue, n, this.violating.helper);
      n = this.violating.collect(this.queue, false);
    }
    const q = this.queue;
    for (let i = n - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      const x = q[i];
      q[i] = q[j];
      q[j] = x;
    }
    this.qLen = n;
    this.qPos = 0;
  }

  /**
   * Move s to its best start (see the file comment); returns whether it moved. A helper (not in
   * violation itself, see ViolatingSessions.helper) moves only when that adds no hard cost.
   */
  private step(s: number, helper: boolean): boolean {
    const st = this.st;
    const m = this.m;
    const p = st.problem;
    const nS = p.nSlots;
    const c = p.sessionCourse[s];
    const t0 = st.slot[s];
    const r0 = st.room[s];
    this.steps++;
    let bestT = -1;
    let bestR = -1;
    let bestScore = Infinity;
    let bestDh = 0;
    const o = m.courseStarts.offsets;
    const locked = m.slotLocked[s] === 1;
    const from = locked ? 0 : o[c];
    const to = locked ? 1 : o[c + 1];
    this.stepPriced += to - from;
    // Price every start with s taken out once (each trial is then one move in and one out).
    const h0 = st.hardTotal;
    const f0 = st.softTotal;
    st.save();
    st.move(s, -1, -1);
    for (let i = from; i < to; i++) {
      const t = locked ? m.fixedStart[s] : m.courseStarts.items[i];
      const r = repairRoom(st, m, s, t, r0);
      if (r < 0 || (t === t0 && r === r0)) continue;
      st.move(s, t, r);
      const dh = st.hardTotal - h0;
      const ds = st.softTotal - f0;
      st.move(s, -1, -1);
      if (this.tabuUntil[s * nS + t] > this.steps && h0 + dh >= this.bestHard) continue;
      const score = dh + SOFT_TIE * ds + 1e-9 * this.rng.float();
      if (score < bestScore) {
        bestScore = score;
        bestDh = dh;
        bestT = t;
        bestR = r;
      }
    }
    st.move(s, t0, r0);
    st.restore(h0, f0);
    // A session of a rooms group (hard same_room) changes room only with its whole group.
    if ((bestT < 0 || bestDh >= 0) && t0 >= 0 && m.roomGroupOf[c] >= 0) {
      const r = bestGroupRoom(st, m, s, this.roomLog, SOFT_TIE);
      if (r >= 0) {
        moveGroupToRoom(st, m, m.roomGroupOf[c], r, this.roomLog, 0);
        this.moved();
        return true;
      }
    }
    if ((bestT < 0 || bestDh >= 0) && t0 >= 0 && m.slotLocked[s] === 0 && m.roomLocked[s] === 0) {
      const than = bestT < 0 ? Infinity : bestDh;
      const x = bestExchange(st, m, this.rng, s, than, this.allowed, this.bestHard, this.d);
      if (x >= 0) {
        const tx = st.slot[x];
        this.tabu(s, t0);
        this.tabu(x, tx);
        st.swap(s, x);
        this.moved();
        return true;
      }
    }
    // Stalled: try moving s over one other session that then moves on.
    if (!helper && (bestT < 0 || bestDh >= 0) && t0 >= 0 && this.stalled() && m.slotLocked[s] === 0) {
      const e = this.chain;
      if (bestEjection(st, m, s, this.allowed, this.alone, e) < 0) {
        const x = e[2];
        this.tabu(s, t0);
        this.tabu(x, st.slot[x]);
        st.move(x, -1, -1);
        st.move(s, e[0], e[1]);
        st.move(x, e[3], e[4]);
        this.moved();
        return true;
      }
    }
    if (!helper && (bestT < 0 || bestDh >= 0) && this.alone(s) && (this.o.eagerChains || this.stalled())) {
      const moved = this.chains.tryFrom(s, this.allowed, this.alone);
      if (moved) {
        for (const x of moved) if (x.from >= 0) this.tabu(x.session, x.from);
        this.moved();
        return true;
      }
    }
    // Stalled: move s and one session in its way (not only a clash: rest, day limits, a rule partner),
    // within BLOCKER_SHARE of the repair's time (each search prices thousands of moves).
    if (
      !helper &&
      (bestT < 0 || bestDh >= 0) &&
      this.stalled() &&
      this.blockerTurn() &&
      this.tryBlockers(s)
    ) {
      const f = this.blockers.found;
      if (t0 >= 0) this.tabu(s, t0);
      if (f[5] >= 0) this.tabu(f[2], f[5]);
      this.moved();
      return true;
    }
    if (bestT < 0 || (bestDh > 0 && (helper || this.rng.float() >= NOISE))) return false;
    if (t0 >= 0) this.tabu(s, t0);
    st.move(s, bestT, bestR);
    this.moved();
    return true;
  }

  /**
   * Is there time left in the blocker searches' share? A repair on a step budget (no deadline:
   * tests, trial benchmarks) counts moves priced instead of milliseconds, so that a seeded run
   * repeats exactly whatever the machine's load.
   */
  private blockerTurn(): boolean {
    if (this.o.deadline === Infinity)
      return this.blockers.priced <= BLOCKER_SHARE * (this.blockers.priced + this.stepPriced);
    return this.blockerMs <= BLOCKER_SHARE * (performance.now() - this.startedAt);
  }

  private tryBlockers(s: number): boolean {
    const t = performance.now();
    const moved = this.blockers.tryFrom(s, this.allowed, this.alone);
    this.blockerMs += performance.now() - t;
    return moved;
  }

  /** Count a move and keep the best timetable. */
  private moved(): void {
    const st = this.st;
    this.moves++;
    if (st.hardTotal < this.bestHard || (st.hardTotal === this.bestHard && st.softTotal < this.bestSoft)) {
      if (this.bestHard > 0 && st.hardTotal === 0) this.o.onFeasible?.();
      if (st.hardTotal < this.bestHard) {
        this.lastBestAt = performance.now();
        this.lastBestStep = this.steps;
      }
      this.bestHard = st.hardTotal;
      this.bestSoft = st.softTotal;
      this.bestSlot.set(st.slot);
      this.bestRoom.set(st.room);
    }
  }

  /**
   * Move tie group g as a whole to its best start (same acceptance as `step`; a group with a pinned
   * member only to the pinned start). Returns false when the group cannot move as a whole (pinned
   * members that disagree, or no start where every member may be).
   */
  private stepGroup(g: number, helper: boolean): boolean {
    const st = this.st;
    const anchor = this.group.anchor(st, this.m, g);
    if (anchor < 0) return false;
    this.steps++;
    const t0 = st.slot[anchor];
    const bestT = this.group.best(st, this.m, g, anchor, this.allowed, this.bestHard, this.rng);
    const bestDh = this.group.bestDh;
    if (this.group.candidates === 0) return false;
    if (bestT < 0 || (bestDh > 0 && (helper || this.rng.float() >= NOISE))) return true;
    if (t0 >= 0) this.tabu(anchor, t0);
    this.group.place(st, this.m, g, bestT);
    this.moved();
    return true;
  }

  /** Forbid s to start at t again for a while. */
  private tabu(s: number, t: number): void {
    this.tabuUntil[s * this.st.problem.nSlots + t] = this.steps + TABU_MIN + this.rng.int(TABU_SPREAD);
  }
}

/** Sessions in the largest rooms group. */
function largestRoomGroup(p: IncrementalState['problem'], m: SearchModel): number {
  let largest = 0;
  const co = m.roomGroupCourses.offsets;
  for (let g = 0; g + 1 < co.length; g++) {
    let n = 0;
    for (let i = co[g]; i < co[g + 1]; i++) n += p.courseSessionCount[m.roomGroupCourses.items[i]];
    largest = Math.max(largest, n);
  }
  return largest;
}
