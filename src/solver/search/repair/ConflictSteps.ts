// The steps of the conflict search (ConflictSearch.ts), on the pricing of ConflictWays.ts: a step
// takes one session (an unplaced one, or one in violation, taken out first) and puts it at the
// start that is best once every session in its way is taken out (those then weigh more and may not
// go straight back); an unplaced session is first tried by a day rebuild (dayRebuild.ts, for the
// last one left on colleges with hard ends_day rules), a hole chain (holeChain.ts) and, with the
// alignHoles option, aligned holes (alignHoles.ts), then a day exchange (dayExchange.ts: a block in
// its way moved to another day, what it displaces there put where it was). A session of a tie group moves with its whole
// group as a block (stepGroup).
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { Rng } from '../../Rng.ts';
import type { SearchModel } from '../../SearchModel.ts';
import { SOFT_TIE } from './softTie.ts';
import { anchoredStart, groupFits, groupWhole } from './tieGroups.ts';
import { DayRebuild } from './dayRebuild.ts';
import { HoleChains } from './holeChain.ts';
import { AlignHoles } from './alignHoles.ts';
import { DayExchange, EXCHANGE_HARD, EXCHANGE_SHARE } from './dayExchange.ts';
import { ConflictWays, TABU_PENALTY, WEIGHT, type ConflictSearchOptions } from './ConflictWays.ts';

/** Each take-out adds 1 to the session's weight; all weights fade by this factor per step. */
const FADE = 0.999;
/**
 * Day rebuilds (dayRebuild.ts) are tried at this hard cost or below: for the last unplaced session.
 * Tried earlier, a rebuild that places one session tends to use up the free periods the others
 * need (a listed session ending a day early, its day's last periods then closed to the others).
 */
export const REBUILD_HARD = 1;
/** Day rebuilds may spend this many search nodes per step on average. */
const REBUILD_SHARE = 2;

export abstract class ConflictSteps extends ConflictWays {
  /** Steps that found no start for their session (it stayed where it was). */
  stuck = 0;
  /** Day rebuilds that placed a session (see rebuildDay()). */
  rebuilds = 0;
  /** Hole chains for unplaced sessions (holeChain.ts). */
  readonly holes: HoleChains;
  /** Aligned-holes moves for unplaced sessions (alignHoles.ts). */
  readonly aligns: AlignHoles;
  /** Day exchanges for unplaced sessions (dayExchange.ts; null with the dayExchange option off). */
  readonly exchanges: DayExchange | null;
  /** The slot and room each session in the way had while a start is priced. */
  private readonly waySlot: Int32Array;
  private readonly wayRoom: Int32Array;
  /** Sessions a group step took out or placed, with the slot and room each had, to undo it. */
  private readonly undoS: Int32Array;
  private readonly undoSlot: Int32Array;
  private readonly undoRoom: Int32Array;
  /** The rooms the members of the group being moved had (its first member at 0). */
  private readonly memberRoom: Int32Array;
  private readonly memberSlot: Int32Array;
  /** Conflict weight and take-out price (replacePrice) of what the last group placement took out. */
  private groupWeight = 0;
  private groupPrice = 0;
  /** Day rebuilds for unplaced sessions, on colleges with hard ends_day rules (else null). */
  protected readonly rebuild: DayRebuild | null;

  constructor(st: IncrementalState, m: SearchModel, rng: Rng, opts: ConflictSearchOptions) {
    super(st, m, rng, opts);
    const p = st.problem;
    const T = m.ties;
    let largest = 0;
    for (let g = 0; g < T.offsets.length - 1; g++)
      largest = Math.max(largest, T.offsets[g + 1] - T.offsets[g]);
    this.waySlot = new Int32Array(p.nSessions);
    this.wayRoom = new Int32Array(p.nSessions);
    this.undoS = new Int32Array(p.nSessions);
    this.undoSlot = new Int32Array(p.nSessions);
    this.undoRoom = new Int32Array(p.nSessions);
    this.memberRoom = new Int32Array(largest);
    this.memberSlot = new Int32Array(largest);
    this.rebuild = (opts.dayRebuild ?? this.endsDay !== null) ? new DayRebuild(st, m, this.free) : null;
    const alone = this.free.map((f, x) => (f === 1 && T.groupOf[x] < 0 ? 1 : 0));
    const ways = {
      roomFor: (x: number, t: number) => this.roomFor(x, t, st.room[x]),
      inTheWay: (x: number, t: number, r: number, most?: number) => this.inTheWay(x, t, r, most),
      way: this.way,
    };
    this.holes = new HoleChains(st, m, ways, alone);
    this.aligns = new AlignHoles(st, m, ways, alone);
    this.exchanges = opts.dayExchange === false ? null : new DayExchange(st, m, ways, alone);
  }

  /** Keep the state as the best when it is better (ConflictSearch). */
  protected abstract keepBest(): void;

  protected step(s: number): void {
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
    if (m.ties.groupOf[s] >= 0) {
      this.stepGroup(m.ties.groupOf[s]);
      return;
    }
    if (
      this.rebuild !== null &&
      st.active[s] === 0 &&
      st.hardTotal <= REBUILD_HARD &&
      this.rebuild.nodes < REBUILD_SHARE * this.steps &&
      this.rebuildDay(s)
    ) {
      this.keepBest();
      return;
    }
    if (st.slot[s] < 0 && this.o.holeChains !== false && this.holes.place(s, () => true)) {
      this.keepBest();
      return;
    }
    if (st.slot[s] < 0 && this.o.alignHoles === true && this.aligns.place(s)) {
      this.keepBest();
      return;
    }
    const ex = this.exchanges;
    if (
      st.slot[s] < 0 &&
      ex !== null &&
      st.hardTotal <= EXCHANGE_HARD &&
      ex.spent < EXCHANGE_SHARE * this.steps &&
      ex.place(s)
    ) {
      this.keepBest();
      return;
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
    // Each start's lower bound first (startBounds), then the full price, lowest bound first, while
    // a bound is below the best price so far.
    const nc = this.startBounds(s, o[c], o[c + 1], r0);
    const list = this.starts;
    for (let j = 0; j < nc; j++) {
      if (list.low[j] >= bestScore) break;
      const t = list.slot[j];
      const r = list.room[j];
      const penalty = this.tabuUntil[s * nS + t] > this.steps ? TABU_PENALTY : 0;
      const n = this.inTheWay(s, t, r);
      // Price it: take the ones in the way out, place s, read the cost, put everything back.
      let w = 0;
      let price = 0;
      for (let k = 0; k < n; k++) {
        const y = this.way[k];
        w += this.weight[y];
        price += this.replacePrice[y];
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
        price +
        penalty +
        list.noise[j];
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

  /**
   * The step for a session of tie group g: the whole group is taken out and put at the start (its
   * members each at their offset, groupFits) that is best once everything in any member's way is
   * taken out, priced like a single session's start.
   */
  private stepGroup(g: number): void {
    const st = this.st;
    const m = this.m;
    const T = m.ties;
    const p = st.problem;
    const a = T.offsets[g];
    let lead = a;
    while (T.memberOffset[lead] !== 0) lead++;
    const leadS = T.members[lead];
    // A whole group may not go straight back; a broken one may be put back together where it is.
    // With a pinned member it has one start, and its pinned members stay.
    const pinned = anchoredStart(T, m, g);
    const whole = groupWhole(T, st.slot, g);
    for (let i = a; i < T.offsets[g + 1]; i++) {
      const x = T.members[i];
      this.memberSlot[i - a] = st.slot[x];
      this.memberRoom[i - a] = st.room[x];
      if (st.slot[x] >= 0 && this.free[x] === 1) st.move(x, -1, -1);
    }
    if (whole && pinned < 0) this.tabu(leadS, this.memberSlot[lead - a]);
    const h0 = st.hardTotal;
    const f0 = st.softTotal;
    let bestT = -1;
    let bestScore = Infinity;
    const o = m.courseStarts.offsets;
    const c = p.sessionCourse[leadS];
    st.save();
    const from = pinned >= 0 ? 0 : o[c];
    const to = pinned >= 0 ? 1 : o[c + 1];
    for (let i = from; i < to; i++) {
      const t = pinned >= 0 ? pinned : m.courseStarts.items[i];
      const penalty = pinned < 0 && this.tabuUntil[leadS * p.nSlots + t] > this.steps ? TABU_PENALTY : 0;
      if (!groupFits(T, m, g, t)) continue;
      const n = this.placeGroup(g, t, false);
      if (n < 0) continue;
      const score =
        st.hardTotal -
        h0 +
        SOFT_TIE * (st.softTotal - f0) +
        (WEIGHT * this.groupWeight) / this.scale +
        this.groupPrice +
        penalty +
        1e-6 * this.rng.float();
      this.undo(n);
      if (score < bestScore) {
        bestScore = score;
        bestT = t;
      }
    }
    st.restore(h0, f0);
    if (bestT < 0 || this.placeGroup(g, bestT, true) < 0) {
      this.stuck++;
      for (let i = a; i < T.offsets[g + 1]; i++)
        if (this.memberSlot[i - a] >= 0 && this.free[T.members[i]] === 1)
          st.move(T.members[i], this.memberSlot[i - a], this.memberRoom[i - a]);
      return;
    }
    this.keepBest();
  }

  /**
   * Put every member of group g at start t plus its offset, taking out what is in each one's way
   * (`apply`: for good, raising their weights and making their starts tabu). Returns the number of
   * entries to undo it with, or -1 (nothing changed) when a member has no room or a pinned session
   * or another member of the group is in its way.
   */
  private placeGroup(g: number, t: number, apply: boolean): number {
    const st = this.st;
    const T = this.m.ties;
    const a = T.offsets[g];
    let n = 0;
    this.groupWeight = 0;
    this.groupPrice = 0;
    for (let i = a; i < T.offsets[g + 1]; i++) {
      const x = T.members[i];
      if (this.free[x] === 0) continue;
      const ts = t + T.memberOffset[i];
      const r = this.roomFor(x, ts, this.memberRoom[i - a]);
      const k = r < 0 ? -1 : this.inTheWay(x, ts, r);
      let ok = k >= 0;
      for (let j = 0; j < k && ok; j++) if (T.groupOf[this.way[j]] === g) ok = false;
      if (!ok) {
        this.undo(n);
        return -1;
      }
      for (let j = 0; j < k; j++) {
        const y = this.way[j];
        this.groupWeight += this.weight[y];
        this.groupPrice += this.replacePrice[y];
        this.undoS[n] = y;
        this.undoSlot[n] = st.slot[y];
        this.undoRoom[n++] = st.room[y];
        if (apply) {
          this.weight[y] += this.scale;
          this.tabu(y, st.slot[y]);
        }
        st.move(y, -1, -1);
      }
      this.undoS[n] = x;
      this.undoSlot[n] = -1;
      this.undoRoom[n++] = -1;
      st.move(x, ts, r);
    }
    return n;
  }

  /** Undo the first n entries of a group placement, last first. */
  private undo(n: number): void {
    for (let k = n - 1; k >= 0; k--) this.st.move(this.undoS[k], this.undoSlot[k], this.undoRoom[k]);
  }

  /**
   * Place unplaced session s by rebuilding one of its days (dayRebuild.ts), the days tried from a
   * random one on; true when one was (the state has lower hard cost).
   */
  protected rebuildDay(s: number): boolean {
    const rb = this.rebuild;
    if (rb === null) return false;
    const nDays = this.st.problem.nDays;
    const d0 = this.rng.int(nDays);
    for (let i = 0; i < nDays; i++)
      if (rb.tryDay(s, (d0 + i) % nDays)) {
        this.rebuilds++;
        return true;
      }
    return false;
  }
}
