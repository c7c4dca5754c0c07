// Aligned holes: an unplaced session placed where two or three sessions are in its way, each of
// them then re-placed by its own short hole chain (holeChain.ts). This is the move for a session
// whose faculty member is free only where its student sets are busy, in sets that have one free
// period each but at different times: e.g. a joint lesson of two nearly full sets, whose teacher
// also teaches each set alone. A hole chain never passes a start with two sessions in the way, and
// taking both out (the conflict search's step) only leaves two unplaced; here the unplaced one takes
// the start, and each session it displaced goes into its own set's free period, directly or via a
// few hops, so that the two sets' free periods move to line up with it. The unplaced session may
// not be moved again by those chains. The whole move is kept only when the hard cost is lower
// than before; otherwise the state is put back exactly (places, and the cost totals). With the
// `displaced` option a displaced session that no hole chain places is placed by that (deeper)
// aligned-holes move instead, the levels sharing one list of the sessions that may move
// (dayExchange.ts: a block moved to another day, what it displaces there going where it was).
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { SearchModel } from '../../SearchModel.ts';
import { HoleChains, type WayFinder } from './holeChain.ts';

/** Most sessions in the way of the unplaced one at a start tried. */
export const ALIGN_MAX_WAY = 3;
/** Most look-ups one call may spend (its chains' look-ups included). */
export const ALIGN_LOOKUPS = 20_000;
/** Most look-ups the chain of one displaced session may spend. */
export const ALIGN_CHAIN_LOOKUPS = 2_000;

export interface AlignOptions {
  /** Fewest and most sessions in the way of the unplaced one at a start tried (default 2 and ALIGN_MAX_WAY). */
  minWay?: number;
  maxWay?: number;
  /** Most look-ups the chain of one displaced session may spend (default ALIGN_CHAIN_LOOKUPS). */
  chainLookups?: number;
  /** Most look-ups one call may spend by default (default ALIGN_LOOKUPS). */
  lookups?: number;
  /** Only sessions whose course has at most this many allowed starts are placed (default: any). */
  maxStarts?: number;
  /** A displaced session no hole chain places is placed by this move (it shares its `movable`). */
  displaced?: AlignHoles;
}

export class AlignHoles {
  /** Moves applied; calls; look-ups spent over all calls. */
  applied = 0;
  calls = 0;
  lookups = 0;
  /** 1 for the sessions that may move; the session being placed is 0 meanwhile. */
  readonly movable: Uint8Array;
  private readonly st: IncrementalState;
  private readonly m: SearchModel;
  private readonly w: WayFinder;
  private readonly minWay: number;
  private readonly maxWay: number;
  private readonly chainLookups: number;
  private readonly maxLookups: number;
  private readonly maxStarts: number;
  private readonly displaced: AlignHoles | null;
  /** Chains for the displaced sessions; share `movable`, in which the placed session is set to 0. */
  private readonly chains: HoleChains;
  /** The places before a call (to put the state back), and the cost totals. */
  private readonly slot0: Int32Array;
  private readonly room0: Int32Array;
  private readonly hard0: Float64Array;
  private readonly soft0: Float64Array;
  private readonly blockers: Int32Array;

  /** `movable`: 1 for the sessions that may move (not locked, in no tie group); kept as given. */
  constructor(st: IncrementalState, m: SearchModel, w: WayFinder, movable: Uint8Array, o: AlignOptions = {}) {
    this.st = st;
    this.m = m;
    this.w = w;
    this.minWay = o.minWay ?? 2;
    this.maxWay = o.maxWay ?? ALIGN_MAX_WAY;
    this.chainLookups = o.chainLookups ?? ALIGN_CHAIN_LOOKUPS;
    this.maxLookups = o.lookups ?? ALIGN_LOOKUPS;
    this.maxStarts = o.maxStarts ?? Infinity;
    this.displaced = o.displaced ?? null;
    this.blockers = new Int32Array(this.maxWay);
    this.movable = this.displaced?.movable ?? movable.slice();
    this.chains = new HoleChains(st, m, w, this.movable);
    this.slot0 = st.slot.slice();
    this.room0 = st.room.slice();
    this.hard0 = st.hard.slice();
    this.soft0 = st.soft.slice();
  }

  /** Look-ups spent over all calls, with those of the chains and of the `displaced` move. */
  get spent(): number {
    return this.lookups + this.chains.lookups + (this.displaced?.spent ?? 0);
  }

  /** Place unplaced session s by an aligned-holes move. True when hard fell (the state holds it). */
  place(s: number, maxLookups = this.maxLookups): boolean {
    const st = this.st;
    const p = st.problem;
    const w = this.w;
    const o = this.m.courseStarts.offsets;
    const c = p.sessionCourse[s];
    if (st.slot[s] >= 0 || this.movable[s] === 0 || o[c + 1] - o[c] > this.maxStarts) return false;
    this.calls++;
    const h0 = st.hardTotal;
    const f0 = st.softTotal;
    this.slot0.set(st.slot);
    this.room0.set(st.room);
    this.hard0.set(st.hard);
    this.soft0.set(st.soft);
    this.movable[s] = 0;
    const spent0 = this.spent;
    let ok = false;
    for (let i = o[c]; i < o[c + 1] && !ok; i++) {
      if (this.spent - spent0 >= maxLookups) break;
      const t = this.m.courseStarts.items[i];
      this.lookups++;
      const r = w.roomFor(s, t);
      if (r < 0) continue;
      const n = w.inTheWay(s, t, r, this.maxWay);
      if (n < this.minWay || n > this.maxWay) continue;
      let movable = true;
      for (let k = 0; k < n; k++) {
        const y = w.way[k];
        this.blockers[k] = y;
        if (this.movable[y] === 0 || st.active[y] === 0) movable = false;
      }
      if (!movable) continue;
      for (let k = 0; k < n; k++) st.move(this.blockers[k], -1, -1);
      st.move(s, t, r);
      let all = true;
      for (let k = 0; k < n && all; k++) {
        const y = this.blockers[k];
        // An earlier chain may have placed it already (it moved into the hole another left).
        if (st.slot[y] >= 0) continue;
        all = this.chains.place(y, () => true, this.chainLookups) || this.displaced?.place(y) === true;
      }
      ok = all && st.hardTotal < h0 - 1e-9;
      if (!ok) this.putBack(h0, f0);
    }
    this.movable[s] = 1;
    if (ok) this.applied++;
    return ok;
  }

  /** The state as it was at the start of the call: places first, then the exact cost totals. */
  private putBack(h0: number, f0: number): void {
    const st = this.st;
    const n = st.problem.nSessions;
    for (let x = 0; x < n; x++)
      if (st.slot[x] !== this.slot0[x] || st.room[x] !== this.room0[x]) st.move(x, -1, -1);
    for (let x = 0; x < n; x++)
      if (st.slot[x] !== this.slot0[x] || st.room[x] !== this.room0[x])
        st.move(x, this.slot0[x], this.room0[x]);
    st.hard.set(this.hard0);
    st.soft.set(this.soft0);
    st.hardTotal = h0;
    st.softTotal = f0;
  }
}
