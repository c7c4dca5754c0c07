// Tie-group move for the hard repair: the sessions tied by hard same_time / consecutive rules
// (tieGroups.ts) move as a whole to another start of the group, each in its repair room, so the
// rule stays kept. Every start is priced with the members taken out once. A group with a pinned
// (fixed or locked) member has one start only, the pinned one: its other members are brought
// there (they may have strayed, or never been placed) instead of the pinned member being moved.
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { Rng } from '../../Rng.ts';
import type { SearchModel } from '../../SearchModel.ts';
import { repairRoom } from './repairRoom.ts';
import { anchoredStart, groupFits, tieGroups, type TieGroups } from './tieGroups.ts';
import { SOFT_TIE } from './softTie.ts';

export class GroupMove {
  readonly ties: TieGroups;
  /** Hard change of the start `best` returned last. */
  bestDh = 0;
  /** How many starts the group could take in the last `best` (0: none fits at all). */
  candidates = 0;
  /** The group's pinned start found by `anchor` (-1: none pinned). */
  private pinned = -1;
  /** The members' places when `anchor` was called. */
  private readonly oldSlot: Int32Array;
  private readonly oldRoom: Int32Array;

  constructor(st: IncrementalState) {
    this.ties = tieGroups(st.problem);
    let largest = 0;
    for (let g = 0; g + 1 < this.ties.offsets.length; g++)
      largest = Math.max(largest, this.ties.offsets[g + 1] - this.ties.offsets[g]);
    this.oldSlot = new Int32Array(largest);
    this.oldRoom = new Int32Array(largest);
  }

  /**
   * The member of group g at offset 0, recording the members' places; -1 when the group cannot
   * move as a whole (pinned members that disagree on its start).
   */
  anchor(st: IncrementalState, m: SearchModel, g: number): number {
    const T = this.ties;
    let anchor = -1;
    this.pinned = anchoredStart(T, m, g);
    if (this.pinned === -2) return -1;
    for (let i = T.offsets[g]; i < T.offsets[g + 1]; i++) {
      const s = T.members[i];
      if (T.memberOffset[i] === 0 && anchor < 0) anchor = s;
      this.oldSlot[i - T.offsets[g]] = st.slot[s];
      this.oldRoom[i - T.offsets[g]] = st.room[s];
    }
    return anchor;
  }

  /**
   * The anchor start that lowers the hard cost most (soft breaks ties; its hard change in bestDh),
   * or -1. A start `allowed(anchor, t)` refuses (tabu) is taken only when the result beats
   * `bestHard`. Call `anchor` first; the state is left as it was.
   */
  best(
    st: IncrementalState,
    m: SearchModel,
    g: number,
    anchor: number,
    allowed: (x: number, t: number) => boolean,
    bestHard: number,
    rng: Rng,
  ): number {
    const T = this.ties;
    const p = st.problem;
    const a = T.offsets[g];
    const b = T.offsets[g + 1];
    const t0 = st.slot[anchor];
    const c0 = p.sessionCourse[anchor];
    let bestT = -1;
    let bestScore = Infinity;
    const h0 = st.hardTotal;
    const f0 = st.softTotal;
    st.save();
    this.takeOut(st, m, g);
    this.candidates = 0;
    const o = m.courseStarts.offsets;
    const pinned = this.pinned >= 0;
    const from = pinned ? 0 : o[c0];
    const to = pinned ? 1 : o[c0 + 1];
    for (let j = from; j < to; j++) {
      const t = pinned ? this.pinned : m.courseStarts.items[j];
      if (!groupFits(T, m, g, t)) continue;
      this.candidates++;
      this.put(st, m, g, t);
      const dh = st.hardTotal - h0;
      const ds = st.softTotal - f0;
      this.takeOut(st, m, g);
      if (dh === 0 && t === t0) continue;
      if (!allowed(anchor, t) && h0 + dh >= bestHard) continue;
      const score = dh + SOFT_TIE * ds + 1e-9 * rng.float();
      if (score < bestScore) {
        bestScore = score;
        this.bestDh = dh;
        bestT = t;
      }
    }
    for (let i = a; i < b; i++)
      if (this.moves(m, g, i)) st.move(T.members[i], this.oldSlot[i - a], this.oldRoom[i - a]);
    st.restore(h0, f0);
    return bestT;
  }

  /** Move group g to anchor start t (after `anchor`, as `best` priced it). */
  place(st: IncrementalState, m: SearchModel, g: number, t: number): void {
    this.takeOut(st, m, g);
    this.put(st, m, g, t);
  }

  /**
   * Does member i of group g move with it? All but a pinned one that is placed (one not placed yet,
   * for want of a room, is put at its pinned start with the rest). As recorded by `anchor`.
   */
  private moves(m: SearchModel, g: number, i: number): boolean {
    return m.slotLocked[this.ties.members[i]] === 0 || this.oldSlot[i - this.ties.offsets[g]] < 0;
  }

  /** Take out the members of group g that may move (a pinned member stays). */
  private takeOut(st: IncrementalState, m: SearchModel, g: number): void {
    const T = this.ties;
    for (let i = T.offsets[g]; i < T.offsets[g + 1]; i++)
      if (this.moves(m, g, i)) st.move(T.members[i], -1, -1);
  }

  /** Put the (taken out) members at anchor start t, each in its repair room. */
  private put(st: IncrementalState, m: SearchModel, g: number, t: number): void {
    const T = this.ties;
    for (let i = T.offsets[g]; i < T.offsets[g + 1]; i++) {
      const s = T.members[i];
      if (!this.moves(m, g, i)) continue;
      const ts = t + T.memberOffset[i];
      st.move(s, ts, repairRoom(st, m, s, ts, this.oldRoom[i - T.offsets[g]]));
    }
  }
}
