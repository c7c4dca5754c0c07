// Ejection chains for the hard repair, for when single moves, exchanges and the two-step ejection
// are stuck: a session in violation goes to a start where it displaces exactly one other session
// (a faculty, student set or room clash); that session is taken out and re-placed the same way,
// and so on, at most `depth` sessions deep. At each step only the `breadth` best starts (by the
// hard cost they leave, soft breaking ties) are followed, and the whole search is capped at
// `maxTrials` priced moves. A chain is applied only when it ends with a strictly lower hard cost
// than before it began; otherwise the state is left exactly as it was. Depth first: the first
// improving chain found is taken.
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { SearchModel } from '../../SearchModel.ts';
import { onlyClash } from './ejection.ts';
import { repairRoom } from './repairRoom.ts';
import { insertBest } from './bestRows.ts';
import { SOFT_TIE } from './softTie.ts';

export interface EjectionChainOptions {
  /** Most sessions displaced in one chain (0: only the session itself moves). */
  depth: number;
  /** Starts followed at each step, best first. */
  breadth: number;
  /** Most moves priced in one search. */
  maxTrials: number;
}

export const DEFAULT_CHAIN: EjectionChainOptions = { depth: 6, breadth: 4, maxTrials: 30_000 };

export class EjectionChains {
  /** Chains applied, and the sessions they displaced in all. */
  applied = 0;
  displaced = 0;
  /** Moves priced over all searches. */
  trials = 0;
  private readonly st: IncrementalState;
  private readonly m: SearchModel;
  private readonly o: EjectionChainOptions;
  /** 1 for the sessions in the chain being built. */
  private readonly inChain: Uint8Array;
  /** Moves of the chain being built: [session, slot, room, slot before, room before] each, in order. */
  private readonly path: Int32Array;
  private pathLen = 0;
  /** Per depth: the candidate starts [t, r] and their scores, best first. */
  private readonly candT: Int32Array[];
  private readonly candR: Int32Array[];
  private readonly candScore: Float64Array[];
  private h0 = 0;
  private budget = 0;
  private allowed: (x: number, t: number) => boolean = () => true;
  private movable: (x: number) => boolean = () => true;

  constructor(st: IncrementalState, m: SearchModel, opts: EjectionChainOptions = DEFAULT_CHAIN) {
    this.st = st;
    this.m = m;
    this.o = opts;
    this.inChain = new Uint8Array(st.problem.nSessions);
    this.path = new Int32Array(5 * (2 * opts.depth + 3));
    this.candT = Array.from({ length: opts.depth + 1 }, () => new Int32Array(opts.breadth));
    this.candR = Array.from({ length: opts.depth + 1 }, () => new Int32Array(opts.breadth));
    this.candScore = Array.from({ length: opts.depth + 1 }, () => new Float64Array(opts.breadth));
  }

  /**
   * Look for an improving chain that starts by moving s (placed or not; it must be movable on its
   * own) and apply it. Returns the sessions it moved (s first) with the start each left (-1 for
   * none), or null when none was found, in which case the state is unchanged. `allowed(x, t)`: may x start at t (tabu); `movable(x)`: may
   * x be displaced (not locked, not tied to other sessions).
   */
  tryFrom(
    s: number,
    allowed: (x: number, t: number) => boolean,
    movable: (x: number) => boolean,
  ): Array<{ session: number; from: number }> | null {
    const st = this.st;
    if (this.m.slotLocked[s] === 1 || this.m.roomLocked[s] === 1) return null;
    this.allowed = allowed;
    this.movable = movable;
    this.h0 = st.hardTotal;
    this.budget = this.o.maxTrials;
    const f0 = st.softTotal;
    const t0 = st.slot[s];
    const r0 = st.room[s];
    st.save();
    this.pathLen = 0;
    this.inChain[s] = 1;
    this.record(s, -1, -1);
    st.move(s, -1, -1);
    const found = this.search(s, t0, r0, 0);
    this.inChain[s] = 0;
    if (!found) {
      st.move(s, t0, r0);
      st.restore(this.h0, f0);
      return null;
    }
    // Undo the chain back to the start, then replay it, so the totals are those of a clean apply.
    const moves = this.path.slice(0, 5 * this.pathLen);
    for (let i = this.pathLen - 1; i >= 0; i--) st.move(moves[5 * i], moves[5 * i + 3], moves[5 * i + 4]);
    st.restore(this.h0, f0);
    const sessions: Array<{ session: number; from: number }> = [];
    for (let i = 0; i < moves.length; i += 5) {
      if (moves[i + 1] < 0) sessions.push({ session: moves[i], from: moves[i + 3] });
      st.move(moves[i], moves[i + 1], moves[i + 2]);
    }
    this.applied++;
    this.displaced += sessions.length - 1;
    return sessions;
  }

  /** Append the move of x to (t, r) to the chain, with where x was before it. */
  private record(x: number, t: number, r: number): void {
    const i = 5 * this.pathLen++;
    this.path[i] = x;
    this.path[i + 1] = t;
    this.path[i + 2] = r;
    this.path[i + 3] = this.st.slot[x];
    this.path[i + 4] = this.st.room[x];
  }

  /**
   * x is out (unplaced) and was at (tFrom, rFrom): place it at one of its best starts; if that
   * does not yet lower the hard cost below the chain's start, displace the one session in the way
   * and go on with it. True when an improving chain was found (the state is then at its end).
   */
  private search(x: number, tFrom: number, rFrom: number, level: number): boolean {
    const st = this.st;
    const m = this.m;
    const p = st.problem;
    const c = p.sessionCourse[x];
    const cT = this.candT[level];
    const cR = this.candR[level];
    const cS = this.candScore[level];
    let n = 0;
    const f0 = st.softTotal;
    const o = m.courseStarts.offsets;
    for (let i = o[c]; i < o[c + 1] && this.budget > 0; i++) {
      const t = m.courseStarts.items[i];
      if (t === tFrom || !this.allowed(x, t)) continue;
      const r = repairRoom(st, m, x, t, rFrom);
      if (r < 0) continue;
      this.budget--;
      this.trials++;
      st.move(x, t, r);
      const score = st.hardTotal + SOFT_TIE * (st.softTotal - f0);
      st.move(x, -1, -1);
      // Keep the `breadth` best, sorted by score.
      n = insertBest(cT, cR, cS, n, t, r, score);
    }
    // Each level has its own rows, so the recursion below leaves these as they are.
    for (let k = 0; k < n; k++) {
      const t = cT[k];
      const r = cR[k];
      this.record(x, t, r);
      st.move(x, t, r);
      if (st.hardTotal < this.h0 - 1e-9) return true;
      if (level < this.o.depth && this.budget > 0 && st.active[x] === 1) {
        const y = onlyClash(st, m, x);
        if (y >= 0 && this.inChain[y] === 0 && this.movable(y)) {
          const ty = st.slot[y];
          const ry = st.room[y];
          const mark = this.pathLen;
          this.record(y, -1, -1);
          this.inChain[y] = 1;
          st.move(y, -1, -1);
          const found = this.search(y, ty, ry, level + 1);
          this.inChain[y] = 0;
          if (found) return true;
          st.move(y, ty, ry);
          this.pathLen = mark;
        }
      }
      this.pathLen--;
      st.move(x, -1, -1);
    }
    return false;
  }
}
