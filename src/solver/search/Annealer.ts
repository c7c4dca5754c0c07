// Simulated annealing over the incremental state, run in time slices so that the caller can yield
// to the event loop (progress, cancellation) between them. Moves: time move (keeping the room
// when it can), swap of two sessions' places, room move, Kempe-chain time swap; operator weights
// adapt to how often each improves. Cost = hardWeight·hard + soft, or hard alone in the repair
// phase; the best timetable is kept by (hard, soft). Temperature falls geometrically over the
// phase's time; a long stall reheats from the best. Random choices come from the seeded Rng only.
// A member of a tie group (hard same_time / consecutive) changes start only with its whole group:
// its time and rule moves become tie moves (TieMover.ts), and swaps and Kempe chains leave it be.
import type { IncrementalState } from '../../shared/eval/incremental/IncrementalState.ts';
import type { Rng } from '../Rng.ts';
import type { SearchModel } from '../SearchModel.ts';
import { KempeMover } from './KempeMover.ts';
import { CourseRoomMover } from './CourseRoomMover.ts';
import { TieMover } from './TieMover.ts';
import { inViolation, occupant, pickRoomMove, pickRuleMove, pickTimeMove, swapAllowed } from './moves.ts';
import { restorePlacement } from './restorePlacement.ts';

export interface AnnealOptions {
  /** performance.now() values bounding the phase (the temperature schedule spans them). */
  start: number;
  deadline: number;
  /** Repair phase: minimise hard only, picking sessions in violation; finished at hard = 0. */
  hardOnly?: boolean;
  /** Finished once hard = 0 and soft <= targetSoft. */
  targetSoft?: number;
  /** Finished after this many iterations; the temperature then follows iterations, not time (exact replays). */
  maxIterations?: number;
  hardWeight?: number;
  startTemperature?: number;
  endTemperature?: number;
  /** Called when hard first reaches 0. */
  onFeasible?: () => void;
}

const MOVE = 0;
const SWAP = 1;
const ROOM = 2;
const KEMPE = 3;
const RULE = 4;
const COURSE_ROOM = 5;
const N_MOVES = 6;

export class Annealer {
  readonly bestSlot: Int32Array;
  readonly bestRoom: Int32Array;
  bestHard: number;
  bestSoft: number;
  iterations = 0;
  accepted = 0;
  reheats = 0;
  private readonly st: IncrementalState;
  private readonly m: SearchModel;
  private readonly rng: Rng;
  private readonly o: AnnealOptions;
  private readonly kempe: KempeMover;
  private readonly courseRoom: CourseRoomMover;
  private readonly tie: TieMover;
  private readonly weight = new Float64Array(N_MOVES);
  private readonly reward = new Float64Array(N_MOVES);
  private readonly tried = new Float64Array(N_MOVES);
  private temperature: number;
  private readonly to = new Int32Array(2);
  private readonly d = new Float64Array(2);
  private lastImprovement = 0;
  private reheatFactor = 1;
  private done = false;

  constructor(st: IncrementalState, m: SearchModel, rng: Rng, opts: AnnealOptions) {
    this.st = st;
    this.m = m;
    this.rng = rng;
    this.o = opts;
    this.kempe = new KempeMover(st, m);
    this.courseRoom = new CourseRoomMover(st, m);
    this.tie = new TieMover(st, m);
    this.bestSlot = st.slot.slice();
    this.bestRoom = st.room.slice();
    this.bestHard = st.hardTotal;
    this.bestSoft = st.softTotal;
    this.weight.fill(1);
    this.weight[KEMPE] = 0.3;
    this.weight[RULE] = m.rulePairs.length > 0 ? 0.2 : 0;
    this.weight[COURSE_ROOM] = 0.2;
    this.temperature = opts.startTemperature ?? (opts.hardOnly ? 0.5 : 5);
    if (m.movable.length === 0) this.done = true;
  }

  get finished(): boolean {
    return this.done;
  }

  /** Run until `sliceEnd` (performance.now()) or the phase ends; returns true when it has ended. */
  run(sliceEnd: number): boolean {
    if (this.done) return true;
    const st = this.st;
    const m = this.m;
    const rng = this.rng;
    const o = this.o;
    const p = st.problem;
    const hardOnly = o.hardOnly === true;
    const W = o.hardWeight ?? 1000;
    const T0 = o.startTemperature ?? (hardOnly ? 0.5 : 5);
    const T1 = o.endTemperature ?? (hardOnly ? 0.2 : 0.1);
    const span = Math.max(1, o.deadline - o.start);
    const maxIter = o.maxIterations ?? Infinity;
    const movable = m.movable;
    const weight = this.weight;
    let T = this.temperature;
    for (;;) {
      if ((this.iterations & 255) === 0) {
        const now = performance.now();
        if (now >= o.deadline || this.iterations >= maxIter) this.done = true;
        if (
          this.bestHard === 0 &&
          (hardOnly || (o.targetSoft !== undefined && this.bestSoft <= o.targetSoft))
        )
          this.done = true;
        if (this.done) break;
        // With an iteration budget the schedule follows iterations, so that a seed replays exactly.
        const fraction = Number.isFinite(maxIter) ? this.iterations / maxIter : (now - o.start) / span;
        T = T0 * Math.pow(T1 / T0, fraction) * this.reheatFactor;
        this.reheatFactor = Math.max(1, this.reheatFactor * 0.999);
        if ((this.iterations & 16383) === 0) this.adapt();
        if (now >= sliceEnd) break;
      }
      this.iterations++;
      const h0 = st.hardTotal;
      const f0 = st.softTotal;
      let u = rng.float() * (weight[0] + weight[1] + weight[2] + weight[3] + weight[4] + weight[5]);
      let op = 0;
      while (op < N_MOVES - 1 && u >= weight[op]) u -= weight[op++];
      let a = movable[rng.int(movable.length)];
      if (hardOnly && rng.int(4) !== 0)
        for (let k = 0; k < 40 && !inViolation(st, a); k++) a = movable[rng.int(movable.length)];
      let b = -1;
      let sa = st.slot[a];
      let ra = st.room[a];
      let ok: boolean;
      if (op === RULE) {
        const s = pickRuleMove(st, m, rng, this.to);
        if (s < 0) continue;
        a = s;
        sa = st.slot[a];
        ra = st.room[a];
      }
      const tie = (op === MOVE || op === RULE) && m.ties.groupOf[a] >= 0;
      if (!tie && (op === MOVE || op === ROOM)) {
        ok = op === MOVE ? pickTimeMove(st, m, rng, a, this.to) : pickRoomMove(st, m, rng, a, this.to);
        if (!ok) continue;
        // Target room taken: exchange places with the session there instead.
        const x = st.active[a] === 1 ? occupant(st, this.to[1], this.to[0], a) : -1;
        if (x >= 0) {
          b = x;
          op = SWAP;
        }
      }
      if (tie) {
        st.save();
        if (!this.tie.tryMove(rng, a)) continue;
        this.tried[op]++;
      } else if (op === MOVE || op === ROOM || op === RULE) {
        this.tried[op]++;
        const d = this.d;
        if (st.fast.delta(a, this.to[0], this.to[1], d)) {
          // Decided without applying; applied only when accepted.
          const delta = hardOnly ? d[0] + 1e-3 * d[1] : W * d[0] + d[1];
          if (delta <= 0 || rng.float() < Math.exp(-delta / T)) {
            st.move(a, this.to[0], this.to[1]);
            this.onAccepted(op, delta);
          }
          continue;
        }
        st.save();
        st.move(a, this.to[0], this.to[1]);
      } else if (op === SWAP) {
        if (b < 0) b = movable[rng.int(movable.length)];
        if (!swapAllowed(st, m, a, b)) continue;
        this.tried[op]++;
        const d = this.d;
        if (st.fast.swapDelta(a, b, d)) {
          const delta = hardOnly ? d[0] + 1e-3 * d[1] : W * d[0] + d[1];
          if (delta <= 0 || rng.float() < Math.exp(-delta / T)) {
            st.swap(a, b);
            this.onAccepted(op, delta);
          }
          continue;
        }
        st.save();
        st.swap(a, b);
      } else if (op === COURSE_ROOM) {
        st.save();
        if (!this.courseRoom.tryMove(rng, a)) continue;
        this.tried[op]++;
      } else {
        st.save();
        ok = this.kempe.tryMove(rng, a);
        if (!ok) continue;
        this.tried[op]++;
      }
      const dh = st.hardTotal - h0;
      const ds = st.softTotal - f0;
      const delta = hardOnly ? dh + 1e-3 * ds : W * dh + ds;
      if (delta <= 0 || rng.float() < Math.exp(-delta / T)) this.onAccepted(op, delta);
      else {
        if (tie) this.tie.undo();
        else if (op === SWAP) st.swap(a, b);
        else if (op === KEMPE) this.kempe.undo();
        else if (op === COURSE_ROOM) this.courseRoom.undo();
        else st.move(a, sa, ra);
        st.restore(h0, f0);
      }
      // Stalled for long: go back to the best and heat up a little.
      if (!hardOnly && this.iterations - this.lastImprovement > 400_000 + 200 * p.nSessions) {
        this.restoreBest();
        this.reheatFactor = 3;
        this.reheats++;
        this.lastImprovement = this.iterations;
      }
    }
    this.temperature = T;
    return this.done;
  }

  private onAccepted(op: number, delta: number): void {
    const st = this.st;
    this.accepted++;
    if (delta < 0) this.reward[op]++;
    if (st.hardTotal < this.bestHard || (st.hardTotal === this.bestHard && st.softTotal < this.bestSoft)) {
      if (this.bestHard > 0 && st.hardTotal === 0) this.o.onFeasible?.();
      this.bestHard = st.hardTotal;
      this.bestSoft = st.softTotal;
      this.bestSlot.set(st.slot);
      this.bestRoom.set(st.room);
      this.lastImprovement = this.iterations;
    }
  }

  /** Put the state back at the best placement found. */
  restoreBest(): void {
    restorePlacement(this.st, this.bestSlot, this.bestRoom);
  }

  private adapt(): void {
    for (let i = 0; i < N_MOVES; i++) {
      if (this.tried[i] < 50) continue;
      const rate = this.reward[i] / this.tried[i];
      this.weight[i] = 0.8 * this.weight[i] + 0.2 * Math.max(0.05, Math.min(1, rate * 20));
      this.reward[i] = 0;
      this.tried[i] = 0;
    }
  }
}
