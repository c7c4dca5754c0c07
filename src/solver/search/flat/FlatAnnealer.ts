// Simulated annealing on a FlatState: the fast search for one-period problems (see FlatState).
// Moves: a session to a random allowed start and room (keeping its room, or its start, part of
// the time), exchanging places with the session in the target cell when there is one; and the
// exchange of two random sessions' places. Cost = hardWeight·hard + soft, or hard first in the
// repair phase; the temperature falls geometrically over the phase's time (or its iteration
// budget, for exact replays), and a long stall goes back to the best and reheats. Random choices
// come from the seeded Rng only; no allocation per move.
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
  /** Called when hard first reaches 0. */
  onFeasible?: () => void;
}

/** Defaults, chosen on the ITC-2007 instances (see tests/bench/itc.ts). */
export const FLAT_DEFAULTS = {
  hardWeight: 1000,
  startTemperature: 4,
  endTemperature: 0.15,
  swapRate: 0.4,
  roomOnlyRate: 0.25,
  timeOnlyRate: 0.25,
  kempeRate: 0.05,
  courseRoomRate: 0,
};

export class FlatAnnealer {
  readonly bestSlot: Int32Array;
  readonly bestRoom: Int32Array;
  bestHard: number;
  bestSoft: number;
  iterations = 0;
  accepted = 0;
  reheats = 0;
  private readonly fs: FlatState;
  private readonly kempe: FlatKempe;
  private readonly courseRoom: FlatCourseRoom;
  private readonly rng: Rng;
  private readonly o: FlatAnnealOptions;
  private temperature: number;
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
    this.temperature = this.startTemperature();
    if (fs.movable.length < 2 || (opts.hardOnly === true && fs.hard === 0)) this.done = true;
  }

  get finished(): boolean {
    return this.done;
  }

  private startTemperature(): number {
    return this.o.startTemperature ?? (this.o.hardOnly ? 0.3 : FLAT_DEFAULTS.startTemperature);
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
    const T0 = this.startTemperature();
    const T1 = o.endTemperature ?? (hardOnly ? 0.1 : FLAT_DEFAULTS.endTemperature);
    const swapRate = o.swapRate ?? FLAT_DEFAULTS.swapRate;
    const roomOnly = o.roomOnlyRate ?? FLAT_DEFAULTS.roomOnlyRate;
    const timeOnly = roomOnly + (o.timeOnlyRate ?? FLAT_DEFAULTS.timeOnlyRate);
    const kempeRate = o.kempeRate ?? FLAT_DEFAULTS.kempeRate;
    const courseRoomRate = kempeRate + (o.courseRoomRate ?? FLAT_DEFAULTS.courseRoomRate);
    const span = Math.max(1, o.deadline - o.start);
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
    const stall = 2_000_000 + 500 * fs.nSessions;
    let T = this.temperature;
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
        const fraction = Number.isFinite(maxIter) ? this.iterations / maxIter : (now - o.start) / span;
        T = T0 * Math.pow(T1 / T0, Math.min(1, fraction)) * this.reheatFactor;
        this.reheatFactor = Math.max(1, this.reheatFactor * 0.99);
        if (!hardOnly && this.iterations - this.lastImprovement > stall) {
          this.restoreBest();
          this.reheatFactor = 2;
          this.reheats++;
          this.lastImprovement = this.iterations;
        }
        if (now >= sliceEnd) break;
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
      if (pick < courseRoomRate) {
        // Compound moves, priced by applying them.
        const kempe = pick < kempeRate;
        if (kempe) {
          t1 = starts.items[starts.offsets[c] + rng.int(starts.offsets[c + 1] - starts.offsets[c])];
          if (!this.kempe.tryMove(rng, s, t1)) continue;
        } else if (!this.courseRoom.tryMove(rng, s)) continue;
        const delta = W * fs.dHard + softScale * fs.dSoft;
        if (delta <= 0 || rng.float() < Math.exp(-delta / T)) {
          fs.commit();
          this.onAccepted();
        } else {
          if (kempe) this.kempe.undo();
          else this.courseRoom.undo();
          fs.discard();
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
    this.temperature = T;
    return this.done;
  }

  private onAccepted(): void {
    const fs = this.fs;
    this.accepted++;
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
