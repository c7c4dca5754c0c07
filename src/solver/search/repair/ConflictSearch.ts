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
// min_days_between or different_days rule allows (dayPartners.ts) count as in the way too, and so
// do, for a start on a new day of a faculty member at their teaching-day limit (max_days), their
// sessions on their least-loaded other day, and for a start that opens gaps past a student set's
// max_gaps_per_week, its sessions of that day across the gaps (dayLimits.ts). A start's price is
// computed only while a lower bound of it (the sessions it takes out, their weights, its tabu) is
// below the best price found, lowest bound first (startBounds): most starts of a session in a packed
// week take several sessions out and are never priced. The
// best timetable by (hard, soft) is kept; after KICK_STEPS steps without a new best (more while
// the best is far from feasible) the search
// kicks (back to that best, with a day of a stuck session's faculty and student sets cleared, see
// kick()). A session of a tie group (hard same_time / consecutive
// rules, tieGroups.ts) moves with its whole group as a block: every member at its offset from a
// start where the group fits, with what is in any member's way taken out (a member may be taken
// out alone; the group is put back together when its turn comes; a group with a pinned member has
// one start, and its pinned members stay). Locked sessions, and the members of a group whose pinned
// members disagree on its start, never move: a start that would take one out is not tried.
// On a college with hard ends_day rules, a step for an unplaced session first tries to rebuild
// one of its days around it (dayRebuild.ts: the day's sessions of its faculty and student sets
// re-placed together with it, each adding no hard violation), which fills an exactly packed day
// where taking single sessions out only moves the hole; for the last session left (REBUILD_HARD),
// within REBUILD_SHARE search nodes per step. A kick tries the same from the best first. A listed
// session of a student set that is exactly packed (busy in every period it may use) is tried only
// at the starts where it ends that set's day (packedDayEnds, dayLimits.ts): anywhere else it only
// takes the day's later sessions out.
// A step for an unplaced session first looks for a hole chain (holeChain.ts): moves that each
// displace exactly one session, found breadth first, ending at a start where nothing is in the way;
// in a school whose classes are busy all week this places what single take-outs only move around.
// With the alignHoles option, failing that, it tries aligned holes (alignHoles.ts): the session takes
// a start with two or three sessions in its way, and each of those is re-placed by its own hole
// chain (off by default: it makes a step about 5x slower, and on Eng_College at 30 s it reached
// hard 0 on 2 of 5 seeds against 0 of 5, but ended worse on 2 of them).
// Runs in time slices like the other phases; ends at hard 0, the deadline or the step budget.
// The pricing (what is in the way, rooms, start bounds) is in ConflictWays.ts, the steps in
// ConflictSteps.ts; here the search: which session a step takes, the best kept, the kicks.
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { Rng } from '../../Rng.ts';
import type { SearchModel } from '../../SearchModel.ts';
import type { SearchPhase } from './searchPhase.ts';
import { restorePlacement } from '../restorePlacement.ts';
import { forDayMates } from './ruin.ts';
import { H } from '../../../shared/eval/incremental/kinds.ts';
import type { ConflictSearchOptions } from './ConflictWays.ts';
import { ConflictSteps, REBUILD_HARD } from './ConflictSteps.ts';

export type { ConflictSearchOptions } from './ConflictWays.ts';

/** While sessions are unplaced, the chance that a step takes any session in violation instead. */
const OTHERS = 0.1;
/**
 * Steps without a new best (and since the last kick) after which the search kicks (see kick()):
 * KICK_STEPS, times 1 + (best hard) / KICK_HARD rounded down, so that a search still far from
 * feasible, where new bests come slowly, is left to go on.
 */
const KICK_STEPS = 1000;
const KICK_HARD = 5;
/** The best hard cost at or below which a stall counts steps too (the stallSteps option). */
export const NEAR_HARD = 5;

export class ConflictSearch extends ConflictSteps implements SearchPhase {
  readonly bestSlot: Int32Array;
  readonly bestRoom: Int32Array;
  bestHard: number;
  bestSoft: number;
  /** Kicks so far (see kick()). */
  kicks = 0;
  private readonly queue: Int32Array;
  private lastBestAt = performance.now();
  /** The step of the last new best, and of the last kick. */
  private lastBestStep = 0;
  private lastKick = 0;
  private done = false;
  private started = false;

  constructor(st: IncrementalState, m: SearchModel, rng: Rng, opts: ConflictSearchOptions) {
    super(st, m, rng, opts);
    this.queue = new Int32Array(st.problem.nSessions);
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
      if (now >= this.o.deadline || this.steps >= maxSteps || this.stalled(now)) {
        this.done = true;
        break;
      }
      if (now >= sliceEnd) break;
      const kickAfter = (this.o.kickSteps ?? KICK_STEPS) * (1 + Math.floor(this.bestHard / KICK_HARD));
      if (this.steps - Math.max(this.lastBestStep, this.lastKick) >= kickAfter) this.kick();
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

  /**
   * No new best for stallMs, and near feasibility (best hard at most NEAR_HARD) for stallSteps
   * steps too: on Eng_College a continuous search sat at its best 1 for about 5,000 steps (seed 1)
   * and at 4 for 7,000 (seed 3) before it reached 0, walks a 2 s stall cuts off under load.
   */
  private stalled(now: number): boolean {
    if (now - this.lastBestAt < (this.o.stallMs ?? Infinity)) return false;
    return this.bestHard > NEAR_HARD || this.steps - this.lastBestStep >= (this.o.stallSteps ?? 0);
  }

  /**
   * Go on to `maxSteps` steps in all after a step-budgeted run ended at its budget (a diagnostic
   * that reads the best every so many steps, bench:blockers): the same walk as one longer run.
   */
  extend(maxSteps: number): void {
    this.o.maxSteps = maxSteps;
    if (this.steps < maxSteps && this.st.hardTotal > 0) this.done = false;
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
   * others, e.g. over a gap limit, now and then); -1 when there is none. The full violation scan
   * (violating.collect, which checks every rule of every session: slow on a college with hundreds
   * of rules) runs only for a step that takes any session in violation, not for one that takes an
   * unplaced session (listed directly).
   */
  private pick(): number {
    const st = this.st;
    const q = this.queue;
    let u = 0;
    const n = this.unplacedInto(q);
    for (let i = 0; i < n; i++) if (this.free[q[i]] === 1) q[u++] = q[i];
    // With unplaced sessions the only cost, they are the list collect() would make.
    const onlyUnplaced = u > 0 && (st.hardTotal === st.hard[H.unplaced] || this.rng.float() >= OTHERS);
    if (onlyUnplaced) return q[this.rng.int(u)];
    if (st.hardTotal === st.hard[H.unplaced]) return -1;
    const all = this.violating.collect(q, false);
    let k = 0;
    for (let i = 0; i < all; i++) if (this.free[q[i]] === 1) q[k++] = q[i];
    return k === 0 ? -1 : q[this.rng.int(k)];
  }

  /** The unplaced sessions that may move, in session order, into `out`; returns how many. */
  private unplacedInto(out: Int32Array): number {
    const st = this.st;
    const m = this.m;
    let n = 0;
    for (let s = 0; s < st.problem.nSessions; s++)
      if (st.active[s] === 0 && (m.slotLocked[s] === 0 || m.roomLocked[s] === 0)) out[n++] = s;
    return n;
  }

  protected keepBest(): void {
    const st = this.st;
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
   * Out of a stall: back to the best timetable, and one of its sessions in violation (an unplaced
   * one while there are any) gets a day cleared for it: every free session sharing a faculty
   * member or a student set with it on a random day it may start on is taken out, so that the
   * search places that day's sessions afresh (and the tight sets' free periods line up anew).
   */
  private kick(): void {
    const st = this.st;
    const p = st.problem;
    const m = this.m;
    this.lastKick = this.steps;
    this.kicks++;
    this.restoreBest();
    // The last unplaced session, placed by a day rebuilt around it (from the best, a new best).
    if (this.rebuild !== null && st.hardTotal <= REBUILD_HARD) {
      let placed = false;
      for (let s = 0; s < st.problem.nSessions; s++)
        if (st.active[s] === 0 && this.free[s] === 1 && this.rebuildDay(s)) placed = true;
      if (placed) {
        this.keepBest();
        return;
      }
    }
    const s = this.pick();
    if (s < 0) return;
    const c = p.sessionCourse[s];
    const o = m.courseStarts.offsets;
    if (o[c + 1] === o[c]) return;
    const day = (m.courseStarts.items[o[c] + this.rng.int(o[c + 1] - o[c])] / p.nPeriods) | 0;
    forDayMates(st, c, day, s, (x) => {
      if (this.free[x] === 1) st.move(x, -1, -1);
    });
  }
}
