// Lower the soft cost of a hard-feasible timetable where the annealer alone cannot: on big college
// instances a move that lowers the soft cost a lot (student clashes) often breaks a hard rule, so
// the annealer's walk leaves hard = 0 behind and its best stays the feasible start. Here rounds
// alternate: a short annealing round on hard + soft from the best feasible timetable, then the hard
// repair from where that round ended; a feasible result better than the best is kept, any other is
// dropped (back to the best). While no feasible timetable is known the rounds anneal on the hard
// cost alone, as a shake-up for a repair that stalled, each round without a new best shaking harder
// (a hotter, longer round), and every other round is a conflict search (ConflictSearch.ts) from
// the best instead; and the polish does not end while hard > 0 and time remains
// (`feasibleBy` only ends it once a feasible timetable is known). Runs in time slices like the
// other phases.
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { Rng } from '../../Rng.ts';
import type { SearchModel } from '../../SearchModel.ts';
import { Annealer } from '../Annealer.ts';
import { HardRepair } from './HardRepair.ts';
import { ConflictSearch } from './ConflictSearch.ts';
import type { SearchPhase } from './searchPhase.ts';
import { restorePlacement } from '../restorePlacement.ts';

/** Longest conflict-search round (ms) that rounds without a new best grow to. */
const CONFLICT_ROUND_MAX_MS = 8000;

export interface PolishOptions {
  /** performance.now() after which the polish stops, feasible or not. */
  deadline: number;
  /**
   * performance.now() after which the polish stops once its best is feasible (default: deadline).
   * While hard > 0 the rounds go on until `deadline`.
   */
  feasibleBy?: number;
  /** Length of one annealing round in ms (and most of the repair after it). */
  roundMs: number;
  /** Called when hard first reaches 0 (when the start is not feasible yet). */
  onFeasible?: () => void;
}

export class FeasiblePolish implements SearchPhase {
  readonly bestSlot: Int32Array;
  readonly bestRoom: Int32Array;
  bestHard: number;
  bestSoft: number;
  rounds = 0;
  /** Rounds whose result was kept. */
  kept = 0;
  /** Infeasible rounds in a row without a new best (each shakes harder). */
  private failures = 0;
  private readonly st: IncrementalState;
  private readonly m: SearchModel;
  private readonly rng: Rng;
  private readonly o: PolishOptions;
  private annealer: Annealer | null = null;
  private repair: HardRepair | null = null;
  private conflict: ConflictSearch | null = null;
  private done = false;

  constructor(st: IncrementalState, m: SearchModel, rng: Rng, opts: PolishOptions) {
    this.st = st;
    this.m = m;
    this.rng = rng;
    this.o = opts;
    this.bestSlot = st.slot.slice();
    this.bestRoom = st.room.slice();
    this.bestHard = st.hardTotal;
    this.bestSoft = st.softTotal;
    if (m.movable.length === 0) this.done = true;
  }

  get finished(): boolean {
    return this.done;
  }

  run(sliceEnd: number): boolean {
    while (!this.done) {
      const now = performance.now();
      if (now >= this.o.deadline) {
        // The round under way ends here; its result is kept when it beats the best.
        const round = this.repair ?? this.conflict ?? this.annealer;
        if (round) {
          round.restoreBest();
          this.endRound();
        }
        this.repair = null;
        this.conflict = null;
        this.annealer = null;
        this.done = true;
        break;
      }
      if (now >= sliceEnd) break;
      if (this.conflict) {
        if (!this.conflict.run(sliceEnd)) break;
        this.conflict.restoreBest();
        this.conflict = null;
        this.endRound();
      } else if (this.repair) {
        if (!this.repair.run(sliceEnd)) break;
        this.repair.restoreBest();
        this.repair = null;
        this.endRound();
      } else if (this.annealer) {
        if (!this.annealer.run(sliceEnd)) break;
        // Repair from where the round ended (not from its best, which is mostly the start).
        this.annealer = null;
        this.repair = new HardRepair(this.st, this.m, this.rng, {
          deadline: Math.min(this.o.deadline, performance.now() + this.o.roundMs),
          // Infeasible: a stalled repair gives way to the next, harder shake sooner.
          stallMs: this.bestHard > 0 ? this.o.roundMs / 2 : undefined,
          onFeasible: this.bestHard > 0 ? this.o.onFeasible : undefined,
        });
      } else if (this.bestHard === 0 && now + this.o.roundMs / 2 > (this.o.feasibleBy ?? this.o.deadline))
        this.done = true;
      else if (now >= this.o.deadline) this.done = true;
      else if (this.bestHard > 0 && this.rounds++ % 2 === 0) {
        // Not feasible yet: every other round (the first too) is a conflict search from the best,
        // twice as long as an annealing round (longer after failed rounds, see below).
        // Longer after rounds that found no new best (its conflict weights need time to build
        // up), up to CONFLICT_ROUND_MAX_MS.
        const length = Math.max(
          2 * this.o.roundMs,
          Math.min(CONFLICT_ROUND_MAX_MS, 2 * (1 + this.failures) * this.o.roundMs),
        );
        this.conflict = new ConflictSearch(this.st, this.m, this.rng, {
          deadline: Math.min(this.o.deadline, now + length),
          stallMs: length / 2,
          onFeasible: this.o.onFeasible,
        });
      } else {
        if (this.bestHard === 0) this.rounds++;
        // Not feasible yet: rounds on the hard cost only (they stop at hard = 0), hotter and longer
        // after each round that found no new best, up to four times.
        const infeasible = this.bestHard > 0;
        const shake = infeasible ? 1 + Math.min(3, this.failures) : 1;
        this.annealer = new Annealer(this.st, this.m, this.rng, {
          start: now,
          deadline: Math.min(
            this.o.deadline,
            now + (infeasible ? this.o.roundMs * (0.25 * shake) : this.o.roundMs),
          ),
          hardOnly: infeasible,
          startTemperature: infeasible ? 0.5 * shake : undefined,
        });
      }
    }
    return this.done;
  }

  private endRound(): void {
    const st = this.st;
    if (this.bestHard > 0) this.failures = st.hardTotal < this.bestHard ? 0 : this.failures + 1;
    if (st.hardTotal < this.bestHard || (st.hardTotal === this.bestHard && st.softTotal < this.bestSoft)) {
      this.kept++;
      this.bestHard = st.hardTotal;
      this.bestSoft = st.softTotal;
      this.bestSlot.set(st.slot);
      this.bestRoom.set(st.room);
    } else this.restoreBest();
  }

  restoreBest(): void {
    restorePlacement(this.st, this.bestSlot, this.bestRoom);
  }
}
