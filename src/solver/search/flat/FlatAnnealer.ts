// Simulated annealing on a FlatState: the fast search for one-period problems (see FlatState).
// Moves: a session to a random allowed start and room (keeping its room, or its start, part of
// the time), exchanging places with the session in the target cell when there is one; and the
// exchange of two random sessions' places. Cost = hardWeight·hard + soft, or hard first in the
// repair phase. The temperature falls geometrically over the phase's time (or its iteration
// budget, for exact replays), and a long stall goes back to the best and reheats. Optionally
// (`steps`) it falls in geometric steps instead: a step ends after its share of the trials left in
// the phase (by the time left at the trial rate so far, or by the iteration budget), or earlier
// once a set share of its trials has been accepted, so the hot steps pass quickly and the end
// temperature is still reached at the deadline; on ITC-2007 at 120 s this measured no better than
// the plain schedule (tests/bench/itc.ts), so it is off by default. Random choices come from the
// seeded Rng only; no allocation per move.
import type { Rng } from '../../Rng.ts';
import type { FlatState } from './FlatState.ts';
import { FlatKempe } from './FlatKempe.ts';
import { FlatCourseRoom } from './FlatCourseRoom.ts';

export interface FlatAnnealOptions {
  /** performance.now() values bounding the phase. */
  start: number;
  deadline: number;
  /** Repair phase: hard first (soft breaks ties); finished at hard = 0. */
  hardOnly?: boolean;
  /** Finished once hard = 0 and soft <= targetSoft. */
  targetSoft?: number;
  /** Finished after this many iterations; the temperature then follows iterations, not time. */
  maxIterations?: number;
  hardWeight?: number;
  startTemperature?: number;
  endTemperature?: number;
  /** Share of trials that exchange two random sessions (the rest move one). */
  swapRate?: number;
  /** Of the moves, the share that keeps the start (room only) and the share that keeps the room. */
  roomOnlyRate?: number;
  timeOnlyRate?: number;
  /** Share of trials that are Kempe-chain exchanges between two slots. */
  kempeRate?: number;
  /** Share of trials that move every session of a course into one room. */
  courseRoomRate?: number;
  /**
   * Geometric temperature steps from the start to the end temperature, each ending early at the
   * acceptance cutoff; 0: the temperature follows the share of the phase's time (or budget) spent.
   */
  steps?: number;
  /** A step ends early once this share of its trials has been accepted. */
  acceptCutoff?: number;
  /** Called when hard first reaches 0. */
  onFeasible?: () => void;
}

/**
 * Defaults, chosen on the ITC-2007 instances (see tests/bench/itc.ts). At 60 s on
 * comp02/05/06/12/18/21, seeds 1 and 2: soft sums 875 / 880 with these. Kempe chains make most of
 * the descent; since they are priced without being applied (FlatState.chainDelta), a Kempe share of
 * 0.5 pays (a share of 0.05 gave 925 / 955, measured before that pricing, also on a shared
 * machine). Measured no better with the share at 0.05: temperatures 1.5 -> 0.1 (1,003 / 1,168: the
 * search in clash-free space needs the hot start), an end temperature of 0.1 (940 / 950), a Kempe
 * share of 0.15 (972 / 946, when each chain cost several plain trials).
 */
export const FLAT_DEFAULTS = {
  hardWeight: 1000,
  startTemperature: 4,
  endTemperature: 0.15,
  swapRate: 0.4,
  roomOnlyRate: 0.25,
  timeOnlyRate: 0.25,
  kempeRate: 0.5,
  courseRoomRate: 0,
  steps: 0,
  acceptCutoff: 0.1,
  /** Trials without a new best before going back to it and reheating: fixed + per session. */
  stallTrials: 2_000_000,
  stallTrialsPerSession: 500,
  /** Steps gone back on a reheat (with steps), or the factor the temperature is raised by (without). */
  reheatSteps: 0,
  reheat: 2,
};

/** Trials of the first step, before the trial rate is known, and the fewest of any step. */
const FIRST_STEP_TRIALS = 20_000;
const MIN_STEP_TRIALS = 1_000;

export class FlatAnnealer {
  readonly bestSlot: Int32Array;
  readonly bestRoom: Int32Array;
  bestHard: number;
  bestSoft: number;
  iterations = 0;
  accepted = 0;
  /** Kempe chains priced (collected, with a room for every member), and of them accepted. */
  kempeTrials = 0;
  kempeAccepted = 0;
  reheats = 0;
  private readonly fs: FlatState;
  private readonly kempe: FlatKempe;
  private readonly courseRoom: FlatCourseRoom;
  private readonly rng: Rng;
  private readonly o: FlatAnnealOptions;
  private T: number;
  /** The temperature step, and what is left of it: trials, and acceptances before it ends early. */
  private step = 0;
  private stepTrials = FIRST_STEP_TRIALS;
  private stepAccepts: number;
  private reheatFactor = 1;
  private lastImprovement = 0;
  private done = false;

  constructor(fs: FlatState, rng: Rng, opts: FlatAnnealOptions) {
    this.fs = fs;
    this.kempe = new FlatKempe(fs);
    this.courseRoom = new FlatCourseRoom(fs);
    this.rng = rng;
    this.o = opts;
    this.bestSlot = fs.slot.slice();
    this.bestRoom = fs.room.slice();
    this.bestHard = fs.hard;
    this.bestSoft = fs.soft;
    this.T = this.startTemperature();
    this.stepAccepts = Math.ceil(this.cutoff() * FIRST_STEP_TRIALS);
    if (fs.movable.length < 2 || (opts.hardOnly === true && fs.hard === 0)) this.done = true;
  }

  get finished(): boolean {
    return this.done;
  }

  /** The current temperature. */
  get temperature(): number {
    return this.T;
  }

  private startTemperature(): number {
    return this.o.startTemperature ?? (this.o.hardOnly ? 0.3 : FLAT_DEFAULTS.startTemperature);
  }

  private endTemperature(): number {
    return this.o.endTemperature ?? (this.o.hardOnly ? 0.1 : FLAT_DEFAULTS.endTemperature);
  }

  private cutoff(): number {
    return this.o.acceptCutoff ?? FLAT_DEFAULTS.acceptCutoff;
  }

  /**
   * Go to the next temperature step (or `back` steps back, on a reheat). The trials left in the
   * phase (by the iteration budget, or by the time left at the trial rate so far) are shared
   * equally among the steps left, so the end temperature is reached at the deadline however many
   * steps the acceptance cutoff cut short.
   */
  private nextStep(now: number, back = 0): void {
    const K = Math.max(1, this.o.steps ?? FLAT_DEFAULTS.steps);
    this.step = Math.max(0, Math.min(K, this.step + 1 - back));
    const T0 = this.startTemperature();
    this.T = T0 * Math.pow(this.endTemperature() / T0, this.step / K);
    const o = this.o;
    const left =
      o.maxIterations !== undefined
        ? o.maxIterations - this.iterations
        : ((o.deadline - now) * this.iterations) / Math.max(1, now - o.start);
    this.stepTrials = Math.max(MIN_STEP_TRIALS, Math.floor(left / (K - this.step + 1)));
    this.stepAccepts = Math.max(1, Math.ceil(this.cutoff() * this.stepTrials));
  }

  /** Run until `sliceEnd` (performance.now()) or the phase ends; returns true when it has ended. */
  run(sliceEnd: number): boolean {
    if (this.done) return true;
    const fs = this.fs;
    const rng = this.rng;
    const o = this.o;
    const hardOnly = o.hardOnly === true;
    const W = hardOnly ? 1 : (o.hardWeight ?? FLAT_DEFAULTS.hardWeight);
    const softScale = hardOnly ? 1e-3 : 1;
    const swapRate = o.swapRate ?? FLAT_DEFAULTS.swapRate;
    const roomOnly = o.roomOnlyRate ?? FLAT_DEFAULTS.roomOnlyRate;
    const timeOnly = roomOnly + (o.timeOnlyRate ?? FLAT_DEFAULTS.timeOnlyRate);
    const kempeRate = o.kempeRate ?? FLAT_DEFAULTS.kempeRate;
    const courseRoomRate = kempeRate + (o.courseRoomRate ?? FLAT_DEFAULTS.courseRoomRate);
    const maxIter = o.maxIterations ?? Infinity;
    const movable = fs.movable;
    const nMov = movable.length;
    const course = fs.sessionCourse;
    const slot = fs.slot;
    const room = fs.room;
    const cell = fs.cell;
    const nR = fs.nRooms;
    const nS = fs.nSlots;
    const starts = fs.courseStarts;
    const rooms = fs.courseRooms;
    const stall = FLAT_DEFAULTS.stallTrials + FLAT_DEFAULTS.stallTrialsPerSession * fs.nSessions;
    const stepped = (o.steps ?? FLAT_DEFAULTS.steps) > 0;
    const T0 = this.startTemperature();
    const T1 = this.endTemperature();
    const span = Math.max(1, o.deadline - o.start);
    let T = this.T;
    for (;;) {
      if ((this.iterations & 1023) === 0) {
        const now = performance.now();
        if (now >= o.deadline || this.iterations >= maxIter) this.done = true;
        if (
          this.bestHard === 0 &&
          (hardOnly || (o.targetSoft !== undefined && this.bestSoft <= o.targetSoft))
        )
          this.done = true;
        if (this.done) break;
        if (!stepped) {
          const fraction = Number.isFinite(maxIter) ? this.iterations / maxIter : (now - o.start) / span;
          T = T0 * Math.pow(T1 / T0, Math.min(1, fraction)) * this.reheatFactor;
          this.T = T;
          this.reheatFactor = Math.max(1, this.reheatFactor * 0.99);
        }
        if (!hardOnly && this.iterations - this.lastImprovement > stall) {
          this.restoreBest();
          if (stepped) {
            this.nextStep(now, 1 + FLAT_DEFAULTS.reheatSteps);
            T = this.T;
          } else this.reheatFactor = FLAT_DEFAULTS.reheat;
          this.reheats++;
          this.lastImprovement = this.iterations;
        }
        if (now >= sliceEnd) break;
      }
      if (stepped && (--this.stepTrials < 0 || this.stepAccepts <= 0)) {
        this.nextStep(performance.now());
        T = this.T;
      }
      this.iterations++;
      let s = movable[rng.int(nMov)];
      if (hardOnly && fs.hard > 0 && rng.int(4) !== 0)
        for (let k = 0; k < 30 && !fs.conflicted(s); k++) s = movable[rng.int(nMov)];
      const c = course[s];
      const t0 = slot[s];
      const r0 = room[s];
      let t1: number;
      let r1: number;
      let x: number;
      const pick = rng.float();
      if (pick < kempeRate) {
        // A Kempe chain, priced before it is applied (applied only when accepted).
        t1 = starts.items[starts.offsets[c] + rng.int(starts.offsets[c + 1] - starts.offsets[c])];
        if (!this.kempe.prepare(rng, s, t1)) continue;
        this.kempeTrials++;
        this.kempe.price();
        const delta = W * fs.dHard + softScale * fs.dSoft;
        fs.discard();
        if (delta <= 0 || rng.float() < Math.exp(-delta / T)) {
          this.kempe.apply();
          this.kempe.keep();
          this.kempeAccepted++;
          this.onAccepted();
        }
        continue;
      }
      if (pick < courseRoomRate) {
        // Priced before it is applied (applied only when accepted).
        if (!this.courseRoom.prepare(rng, s)) continue;
        this.courseRoom.price();
        const delta = W * fs.dHard + softScale * fs.dSoft;
        fs.discard();
        if (delta <= 0 || rng.float() < Math.exp(-delta / T)) {
          this.courseRoom.apply();
          fs.commit();
          this.onAccepted();
        }
        continue;
      }
      if (pick < courseRoomRate + swapRate) {
        x = movable[rng.int(nMov)];
        if (course[x] === c) continue;
        t1 = slot[x];
        r1 = room[x];
        if (!fs.usable(c, t1, r1)) continue;
      } else {
        // Room only, start only, or both.
        const kind = rng.float();
        t1 = t0;
        r1 = r0;
        if (kind >= roomOnly)
          t1 = starts.items[starts.offsets[c] + rng.int(starts.offsets[c + 1] - starts.offsets[c])];
        if (kind < roomOnly || kind >= timeOnly)
          r1 = rooms.items[rooms.offsets[c] + rng.int(rooms.offsets[c + 1] - rooms.offsets[c])];
        if ((t1 === t0 && r1 === r0) || fs.roomUnavailable[r1 * nS + t1] === 1) continue;
        x = cell[t1 * nR + r1];
        if (x >= 0 && (fs.isMovable[x] === 0 || course[x] === c)) continue;
      }
      if (x >= 0 && !fs.usable(course[x], t0, r0)) continue;
      // Priced without applying: the clash count first, and a move it makes hopeless (acceptance
      // below e^-40) is dropped before the soft part is computed.
      const cx = x >= 0 ? course[x] : -1;
      const dh =
        fs.hard === 0
          ? fs.feasibleHardDelta(s, t1, r1, x)
          : fs.hardDelta(s, t1, r1, cx) + (x >= 0 ? fs.hardDelta(x, t0, r0, c) : 0);
      if (W * dh > 40 * T) continue;
      const ds = fs.softDelta(s, t1, r1, cx) + (x >= 0 ? fs.softDelta(x, t0, r0, c) : 0);
      const delta = W * dh + softScale * ds;
      if (delta > 0 && rng.float() >= Math.exp(-delta / T)) continue;
      fs.remove(s);
      if (x >= 0) {
        fs.remove(x);
        fs.add(x, t0, r0);
      }
      fs.add(s, t1, r1);
      fs.commit();
      this.onAccepted();
    }
    return this.done;
  }

  private onAccepted(): void {
    const fs = this.fs;
    this.accepted++;
    this.stepAccepts--;
    if (fs.hard < this.bestHard || (fs.hard === this.bestHard && fs.soft < this.bestSoft)) {
      if (this.bestHard > 0 && fs.hard === 0) this.o.onFeasible?.();
      this.bestHard = fs.hard;
      this.bestSoft = fs.soft;
      this.bestSlot.set(fs.slot);
      this.bestRoom.set(fs.room);
      this.lastImprovement = this.iterations;
    }
  }

  /** Put the flat state back at the best placement found. */
  restoreBest(): void {
    const fs = this.fs;
    for (let i = 0; i < fs.movable.length; i++) {
      const s = fs.movable[i];
      if (fs.slot[s] !== this.bestSlot[s] || fs.room[s] !== this.bestRoom[s]) fs.remove(s);
    }
    for (let i = 0; i < fs.movable.length; i++) {
      const s = fs.movable[i];
      if (fs.slot[s] < 0) fs.add(s, this.bestSlot[s], this.bestRoom[s]);
    }
    fs.commit();
  }
}
