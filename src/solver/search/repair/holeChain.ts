// Hole chains: an unplaced session placed by a chain of moves that each displace exactly one
// session, found breadth first like an augmenting path in a matching. In a school whose classes are
// busy in every period of the week, an unplaced lesson has no free start: at most starts exactly one
// session is in its way (a lesson of one of its classes or its teacher then, or a lesson of its own
// course or of a course kept days apart that day), and that one has in turn starts where exactly one
// is in its way, and so on, until one reaches a start where nothing is: the hole. Each session is
// visited at most once, so a search spends at most (sessions visited) x (their starts) look-ups,
// and the shortest chain is found first. The chain is applied from its end (the last session goes
// into the hole, the one before it into the place it left, ...), and kept only when the hard cost
// then is lower than before (moves deeper in the chain may stand in each other's way, which the
// search on the state before does not see); otherwise the state is put back exactly.
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { SearchModel } from '../../SearchModel.ts';

/** What is in the way of a session at a start, as the caller's search sees it. */
export interface WayFinder {
  /** The room for x at start t (see ConflictSearch.roomFor), or -1 when it has none. */
  roomFor(x: number, t: number): number;
  /**
   * The sessions in the way of x at (t, r), written into `way`; -1 when one that may not move is.
   * With `most`, it may stop once more than `most` are found (a partial count above `most`).
   */
  inTheWay(x: number, t: number, r: number, most?: number): number;
  /** The list inTheWay writes. */
  readonly way: Int32Array;
}

/** Most look-ups (a session at a start) one search may spend. */
export const HOLE_LOOKUPS = 20_000;

export class HoleChains {
  /** Chains applied; searches run; look-ups spent over all searches. */
  applied = 0;
  searches = 0;
  lookups = 0;
  private readonly st: IncrementalState;
  private readonly m: SearchModel;
  private readonly w: WayFinder;
  /** 1 for the sessions a chain may move (not locked, in no tie group). */
  private readonly movable: Uint8Array;
  /**
   * Breadth-first queue of sessions to place; per session in it: its parent (the session that
   * displaces it), and the start and room the parent takes when it leaves.
   */
  private readonly queue: Int32Array;
  private readonly parent: Int32Array;
  private readonly viaSlot: Int32Array;
  private readonly viaRoom: Int32Array;
  private qLen = 0;
  /** The hole the last search found: its start and room. */
  private holeSlot = -1;
  private holeRoom = -1;
  private readonly seen: Uint8Array;
  /** The chain being applied: sessions, and the slot and room each had. */
  private readonly chain: Int32Array;
  private readonly chainSlot: Int32Array;
  private readonly chainRoom: Int32Array;

  constructor(st: IncrementalState, m: SearchModel, w: WayFinder, movable: Uint8Array) {
    const n = st.problem.nSessions;
    this.st = st;
    this.m = m;
    this.w = w;
    this.movable = movable;
    this.queue = new Int32Array(n);
    this.parent = new Int32Array(n);
    this.viaSlot = new Int32Array(n);
    this.viaRoom = new Int32Array(n);
    this.seen = new Uint8Array(n);
    this.chain = new Int32Array(n);
    this.chainSlot = new Int32Array(n);
    this.chainRoom = new Int32Array(n);
  }

  /**
   * Place unplaced session s by a hole chain. True when one lowered the hard cost (the state holds
   * it); false with the state as it was. `allowed(x, t)`: may x start at t (tabu).
   */
  place(s: number, allowed: (x: number, t: number) => boolean, maxLookups = HOLE_LOOKUPS): boolean {
    const st = this.st;
    if (st.slot[s] >= 0 || this.movable[s] === 0) return false;
    this.searches++;
    const end = this.search(s, allowed, maxLookups);
    let ok = false;
    if (end >= 0) ok = this.apply(end);
    for (let i = 0; i < this.qLen; i++) this.seen[this.queue[i]] = 0;
    if (ok) this.applied++;
    return ok;
  }

  /** Breadth-first search from s; returns the session whose start is a hole (its chain leads back to s), or -1. */
  private search(s: number, allowed: (x: number, t: number) => boolean, maxLookups: number): number {
    const st = this.st;
    const m = this.m;
    const p = st.problem;
    const w = this.w;
    const o = m.courseStarts.offsets;
    this.queue[0] = s;
    this.parent[s] = -1;
    this.seen[s] = 1;
    this.qLen = 1;
    let budget = maxLookups;
    for (let head = 0; head < this.qLen && budget > 0; head++) {
      const x = this.queue[head];
      const c = p.sessionCourse[x];
      const tx = st.slot[x];
      for (let i = o[c]; i < o[c + 1] && budget > 0; i++) {
        const t = m.courseStarts.items[i];
        if (t === tx || !allowed(x, t)) continue;
        budget--;
        this.lookups++;
        const r = w.roomFor(x, t);
        if (r < 0) continue;
        const n = w.inTheWay(x, t, r, 1);
        if (n < 0 || n > 1) continue;
        if (n === 0) {
          this.holeSlot = t;
          this.holeRoom = r;
          return x;
        }
        const y = w.way[0];
        if (this.seen[y] === 1 || this.movable[y] === 0 || st.active[y] === 0) continue;
        this.seen[y] = 1;
        this.parent[y] = x;
        this.queue[this.qLen++] = y;
        this.viaSlot[y] = t;
        this.viaRoom[y] = r;
      }
    }
    return -1;
  }

  /**
   * Apply the chain ending at `end` (which goes into the hole): from the end back to the unplaced
   * session, each to the start the next one left. Keeps it when the hard cost fell; else undoes it.
   */
  private apply(end: number): boolean {
    const st = this.st;
    const h0 = st.hardTotal;
    const f0 = st.softTotal;
    st.save();
    let n = 0;
    let t = this.holeSlot;
    let r = this.holeRoom;
    for (let x = end; x >= 0; x = this.parent[x]) {
      this.chain[n] = x;
      this.chainSlot[n] = st.slot[x];
      this.chainRoom[n++] = st.room[x];
      st.move(x, t, r);
      t = this.viaSlot[x];
      r = this.viaRoom[x];
    }
    if (st.hardTotal < h0 - 1e-9) return true;
    for (let i = n - 1; i >= 0; i--) st.move(this.chain[i], this.chainSlot[i], this.chainRoom[i]);
    st.restore(h0, f0);
    return false;
  }
}
