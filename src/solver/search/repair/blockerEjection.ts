// A two-step repair move that looks past clashes: session s goes to one of its few best starts (a
// pinned session to its pinned start only), and one session in its way there (or its whole tie
// group) moves on to its best start. "In its way" (inTheWay.ts) is wider than the one clash partner
// of bestEjection (ejection.ts): any session sharing a faculty member, student set or room with s on
// that day or the days next to it (min_rest, daily limits, gaps), a session of s's course at that
// start (a duplicate start), and the sessions of the courses in s's hard rules (a rule partner that
// must move with it). A single session counts as in the way only when taking it out frees more than
// its own placing costs. Applied only when the pair of moves ends with a strictly lower hard cost;
// the state is otherwise left as it was.
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { SearchModel } from '../../SearchModel.ts';
import { InTheWay } from './inTheWay.ts';
import { repairRoom } from './repairRoom.ts';
import { insertBest } from './bestRows.ts';
import { SOFT_TIE } from './softTie.ts';
import { N_HARD, N_SOFT } from '../../../shared/eval/incremental/kinds.ts';
import type { GroupMove } from './groupMove.ts';
import type { Rng } from '../../Rng.ts';

/** Starts of s tried, best first. */
const STARTS = 6;
/** Most moves priced in one search. */
const MAX_TRIALS = 20_000;

export class BlockerEjection {
  /** Searches run, and moves applied. */
  searches = 0;
  /** Moves priced by all searches so far (starts of s, and the budget spent on what is in its way). */
  priced = 0;
  applied = 0;
  /**
   * [t, r, y, ty, ry, y's start before, y's tie group] of the move applied last (a tie group
   * moves as a whole: y is its anchor, ty the anchor's start; -1 when y moved alone).
   */
  readonly found = new Int32Array(7);
  private readonly st: IncrementalState;
  private readonly m: SearchModel;
  /** The sessions in the way of s at a start (inTheWay.ts). */
  private readonly way: InTheWay;
  private readonly candT = new Int32Array(STARTS);
  private readonly candR = new Int32Array(STARTS);
  private readonly candScore = new Float64Array(STARTS);

  /** Moves a tie group in the way as a whole (tieGroups.ts). */
  private readonly group: GroupMove | null;
  private readonly rng: Rng | null;
  private readonly groupTried: Uint8Array;
  /** Per-kind totals before a search, and before a tie group's trial (see putBack). */
  private readonly keptHard = new Float64Array(N_HARD);
  private readonly keptSoft = new Float64Array(N_SOFT);
  private readonly groupHard = new Float64Array(N_HARD);
  private readonly groupSoft = new Float64Array(N_SOFT);
  /** Places of the members of the tie group being priced. */
  private readonly memberSlot: Int32Array;
  private readonly memberRoom: Int32Array;

  /** With `group` (and `rng` for its ties), a tie group in the way moves as a whole too. */
  constructor(st: IncrementalState, m: SearchModel, group: GroupMove | null = null, rng: Rng | null = null) {
    this.st = st;
    this.m = m;
    this.group = group;
    this.rng = rng;
    this.groupTried = new Uint8Array(group ? group.ties.offsets.length - 1 : 0);
    let largest = 0;
    if (group)
      for (let g = 0; g + 1 < group.ties.offsets.length; g++)
        largest = Math.max(largest, group.ties.offsets[g + 1] - group.ties.offsets[g]);
    this.memberSlot = new Int32Array(largest);
    this.memberRoom = new Int32Array(largest);
    this.way = new InTheWay(st);
  }

  /**
   * Look for such a pair of moves for s and apply it; `allowed(x, t)`: may x start at t (tabu),
   * `movable(x)`: may x move alone. Returns whether it moved (the moves are in `found`).
   */
  tryFrom(s: number, allowed: (x: number, t: number) => boolean, movable: (x: number) => boolean): boolean {
    const st = this.st;
    const m = this.m;
    const p = st.problem;
    if (m.roomLocked[s] === 1 && m.slotLocked[s] === 0) return false;
    this.searches++;
    const c = p.sessionCourse[s];
    const t0 = st.slot[s];
    const r0 = st.room[s];
    const h0 = st.hardTotal;
    const f0 = st.softTotal;
    // A session waiting behind another of its course may stay where it is (the other moves on).
    const waiting = st.active[s] === 0;
    // Own copies of the per-kind totals: GroupMove.best saves and restores the state's own.
    this.keptHard.set(st.hard);
    this.keptSoft.set(st.soft);
    st.move(s, -1, -1);
    // The STARTS best starts of s on their own.
    const locked = m.slotLocked[s] === 1;
    const o = m.courseStarts.offsets;
    const from = locked ? 0 : o[c];
    const to = locked ? 1 : o[c + 1];
    let nc = 0;
    for (let i = from; i < to; i++) {
      const t = locked ? m.fixedStart[s] : m.courseStarts.items[i];
      if (!locked && !allowed(s, t)) continue;
      const r = repairRoom(st, m, s, t, r0);
      if (r < 0 || (t === t0 && r === r0 && !waiting)) continue;
      st.move(s, t, r);
      const score = st.hardTotal + SOFT_TIE * (st.softTotal - f0);
      st.move(s, -1, -1);
      nc = insertBest(this.candT, this.candR, this.candScore, nc, t, r, score);
    }
    let budget = MAX_TRIALS;
    let best = Infinity;
    const out = this.found;
    for (let k = 0; k < nc && budget > 0; k++) {
      const t = this.candT[k];
      const r = this.candR[k];
      st.move(s, t, r);
      const hs = st.hardTotal;
      this.way.collect(s, t);
      for (let j = 0; j < this.way.n && budget > 0; j++) {
        const y = this.way.list[j];
        const g = this.group ? this.group.ties.groupOf[y] : -1;
        if (g >= 0 && this.groupTried[g] === 0) {
          this.groupTried[g] = 1;
          budget -= 50;
          const score = this.priceGroup(g, s, allowed, h0, f0);
          if (score < best) {
            best = score;
            out[0] = t;
            out[1] = r;
            out[3] = this.groupStart;
            out[6] = g;
          }
        }
        if (g >= 0 || !movable(y)) continue;
        const ty0 = st.slot[y];
        const ry0 = st.room[y];
        st.move(y, -1, -1);
        budget--;
        // Taking y out must free more than the one unplaced session it makes.
        if (st.hardTotal - hs < 1) {
          const cy = p.sessionCourse[y];
          for (let i = o[cy]; i < o[cy + 1] && budget > 0; i++) {
            const ty = m.courseStarts.items[i];
            if (ty === ty0 || !allowed(y, ty)) continue;
            const ry = repairRoom(st, m, y, ty, ry0);
            if (ry < 0) continue;
            budget--;
            st.move(y, ty, ry);
            const score = st.hardTotal - h0 + SOFT_TIE * (st.softTotal - f0);
            if (st.hardTotal < h0 && score < best) {
              best = score;
              out[0] = t;
              out[1] = r;
              out[2] = y;
              out[3] = ty;
              out[4] = ry;
              out[6] = -1;
            }
            st.move(y, -1, -1);
          }
        }
        st.move(y, ty0, ry0);
      }
      if (this.group)
        for (let j = 0; j < this.way.n; j++) {
          const g = this.group.ties.groupOf[this.way.list[j]];
          if (g >= 0) this.groupTried[g] = 0;
        }
      st.move(s, -1, -1);
    }
    st.move(s, t0, r0);
    this.putBack(this.keptHard, this.keptSoft, h0, f0);
    this.priced += to - from + MAX_TRIALS - budget;
    if (best === Infinity) return false;
    if (out[6] >= 0 && this.group) {
      const G = this.group;
      const anchor = G.anchor(st, this.m, out[6]);
      out[2] = anchor;
      out[5] = st.slot[anchor];
      st.move(s, out[0], out[1]);
      G.anchor(st, this.m, out[6]);
      G.place(st, this.m, out[6], out[3]);
      this.applied++;
      return true;
    }
    const y = out[2];
    out[5] = st.slot[y];
    st.move(y, -1, -1);
    st.move(s, out[0], out[1]);
    st.move(y, out[3], out[4]);
    this.applied++;
    return true;
  }

  /** Anchor start of the tie group priced best by the last improving priceGroup. */
  private groupStart = -1;

  /**
   * With s where it is now: the score (hard change from h0 + SOFT_TIE x soft) of moving tie group g
   * to its best start, when that ends below h0; else Infinity. The state is left as it was.
   */
  private priceGroup(
    g: number,
    s: number,
    allowed: (x: number, t: number) => boolean,
    h0: number,
    f0: number,
  ): number {
    const G = this.group;
    const st = this.st;
    if (!G || !this.rng) return Infinity;
    const T = G.ties;
    for (let i = T.offsets[g]; i < T.offsets[g + 1]; i++) if (T.members[i] === s) return Infinity;
    const anchor = G.anchor(st, this.m, g);
    if (anchor < 0) return Infinity;
    const t = G.best(st, this.m, g, anchor, allowed, h0, this.rng);
    if (t < 0 || st.hardTotal + G.bestDh >= h0) return Infinity;
    // best() gives the hard change only: price the soft change of that start too.
    const h1 = st.hardTotal;
    const f1 = st.softTotal;
    for (let i = T.offsets[g]; i < T.offsets[g + 1]; i++) {
      this.memberSlot[i - T.offsets[g]] = st.slot[T.members[i]];
      this.memberRoom[i - T.offsets[g]] = st.room[T.members[i]];
    }
    this.groupHard.set(st.hard);
    this.groupSoft.set(st.soft);
    G.place(st, this.m, g, t);
    const score = st.hardTotal - h0 + SOFT_TIE * (st.softTotal - f0);
    const ok = st.hardTotal < h0;
    this.restoreGroup(g);
    this.putBack(this.groupHard, this.groupSoft, h1, f1);
    if (!ok) return Infinity;
    this.groupStart = t;
    return score;
  }

  /** Set the state's per-kind totals and totals back to copies taken before a trial. */
  private putBack(hard: Float64Array, soft: Float64Array, h: number, f: number): void {
    const st = this.st;
    st.hard.set(hard);
    st.soft.set(soft);
    st.hardTotal = h;
    st.softTotal = f;
  }

  /** Put the members of tie group g back where anchor() found them. */
  private restoreGroup(g: number): void {
    const T = this.group!.ties;
    for (let i = T.offsets[g]; i < T.offsets[g + 1]; i++) this.st.move(T.members[i], -1, -1);
    for (let i = T.offsets[g]; i < T.offsets[g + 1]; i++)
      this.st.move(T.members[i], this.memberSlot[i - T.offsets[g]], this.memberRoom[i - T.offsets[g]]);
  }
}
