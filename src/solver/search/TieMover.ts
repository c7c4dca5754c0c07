// Tie move for the annealer: the sessions of a tie group (hard same_time / consecutive rules,
// repair/tieGroups.ts) move as one to another start where every member may be, each keeping its
// offset, in a free room where there is one (repairRoom). A group with a pinned (fixed or locked)
// member has one start only: the move brings strayed members back to it. The annealer sends its
// time moves of tie members here and refuses the moves that would carry a member off alone (swaps
// across starts, Kempe chains), so a whole group is never split by the search. Undo puts every
// member back.
import type { IncrementalState } from '../../shared/eval/incremental/IncrementalState.ts';
import type { Rng } from '../Rng.ts';
import type { SearchModel } from '../SearchModel.ts';
import { repairRoom } from './repair/repairRoom.ts';
import { anchoredStart, groupFits, groupWhole } from './repair/tieGroups.ts';

/** Random starts tried for a group before the move gives up. */
const TRIES = 8;

export class TieMover {
  private readonly st: IncrementalState;
  private readonly m: SearchModel;
  private readonly oldSlot: Int32Array;
  private readonly oldRoom: Int32Array;
  /** The group moved last (-1: none to undo). */
  private g = -1;

  constructor(st: IncrementalState, m: SearchModel) {
    this.st = st;
    this.m = m;
    let largest = 0;
    for (let g = 0; g + 1 < m.ties.offsets.length; g++)
      largest = Math.max(largest, m.ties.offsets[g + 1] - m.ties.offsets[g]);
    this.oldSlot = new Int32Array(largest);
    this.oldRoom = new Int32Array(largest);
  }

  /** Move the tie group of session a as a whole (see the file comment); false when it has none or cannot move. */
  tryMove(rng: Rng, a: number): boolean {
    const st = this.st;
    const m = this.m;
    const T = m.ties;
    const g = T.groupOf[a];
    if (g < 0) return false;
    const pinned = anchoredStart(T, m, g);
    if (pinned === -2) return false;
    const whole = groupWhole(T, st.slot, g);
    let lead = T.offsets[g];
    while (T.memberOffset[lead] !== 0) lead++;
    const now = whole ? st.slot[T.members[lead]] : -1;
    let t = -1;
    if (pinned >= 0) {
      if (pinned !== now && groupFits(T, m, g, pinned)) t = pinned;
    } else {
      const c = st.problem.sessionCourse[T.members[lead]];
      const o = m.courseStarts.offsets;
      const n = o[c + 1] - o[c];
      for (let k = 0; k < TRIES && t < 0 && n > 0; k++) {
        const x = m.courseStarts.items[o[c] + rng.int(n)];
        if (x !== now && groupFits(T, m, g, x)) t = x;
      }
    }
    if (t < 0) return false;
    this.g = g;
    const from = T.offsets[g];
    for (let i = from; i < T.offsets[g + 1]; i++) {
      const x = T.members[i];
      this.oldSlot[i - from] = st.slot[x];
      this.oldRoom[i - from] = st.room[x];
      if (this.moves(i - from)) st.move(x, -1, -1);
    }
    for (let i = from; i < T.offsets[g + 1]; i++) {
      const x = T.members[i];
      if (!this.moves(i - from)) continue;
      const ts = t + T.memberOffset[i];
      st.move(x, ts, repairRoom(st, m, x, ts, this.oldRoom[i - from]));
    }
    return true;
  }

  /**
   * Does the group's k-th member move (as recorded)? All but a pinned one that is placed; one not
   * placed yet (for want of a room) is put at its pinned start with the rest.
   */
  private moves(k: number): boolean {
    const g = this.g;
    return this.m.slotLocked[this.m.ties.members[this.m.ties.offsets[g] + k]] === 0 || this.oldSlot[k] < 0;
  }

  /** Put the members of the group moved last back where they were. */
  undo(): void {
    const g = this.g;
    if (g < 0) return;
    const st = this.st;
    const T = this.m.ties;
    const from = T.offsets[g];
    for (let i = from; i < T.offsets[g + 1]; i++) if (this.moves(i - from)) st.move(T.members[i], -1, -1);
    for (let i = from; i < T.offsets[g + 1]; i++)
      if (this.moves(i - from)) st.move(T.members[i], this.oldSlot[i - from], this.oldRoom[i - from]);
    this.g = -1;
  }
}
