// A day rebuilt around one unplaced session, for exactly packed student sets where no single start
// is free and a move that takes one session out only moves the hole: the sessions sharing a faculty
// member or a student set with it on one day are taken out, and a small depth-first search puts
// them back together with it, every placement adding no hard violation (the unplaced one only on
// that day; the others on that day, or at a start on another day that is free for them, e.g. a
// student set's one free period). The session taken out with the fewest such starts is placed
// first, each at its old start first. This is how a session that must end its students' day (hard
// ends_day) gets the last period of a full day: the day's later sessions move earlier, or one of
// them to the set's free period elsewhere in the week. Sessions of tie groups and those that may not
// move stay where they are. Bounded by a number of search nodes; on failure the state is put back.
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { SearchModel } from '../../SearchModel.ts';
import { spanAt } from '../../../shared/compiled/span.ts';
import { repairRoom } from './repairRoom.ts';
import { forDayMates } from './ruin.ts';

/** Search nodes (placements tried) one rebuild may spend. */
export const REBUILD_NODES = 200;

export class DayRebuild {
  /** Search nodes spent so far, over every call. */
  nodes = 0;
  private readonly st: IncrementalState;
  private readonly m: SearchModel;
  private readonly free: Uint8Array;
  private readonly mark: Uint8Array;
  private items: number[] = [];
  private oldSlot: number[] = [];
  private oldRoom: number[] = [];
  private placed: Uint8Array = new Uint8Array(0);
  private day = 0;
  private left = 0;
  private hardBefore = 0;

  /** `free`: 1 for the sessions that may be taken out and moved. */
  constructor(st: IncrementalState, m: SearchModel, free: Uint8Array) {
    this.st = st;
    this.m = m;
    this.free = free;
    this.mark = new Uint8Array(st.problem.nSessions);
  }

  /**
   * Place unplaced session s on `day` by rebuilding the day's sessions of its faculty and student
   * sets. True when it did (hard lower than before, the state changed); false with the state as it was.
   */
  tryDay(s: number, day: number, maxNodes = REBUILD_NODES): boolean {
    const st = this.st;
    const p = st.problem;
    if (st.slot[s] >= 0 || this.free[s] === 0 || this.m.ties.groupOf[s] >= 0) return false;
    const items = [s];
    forDayMates(st, p.sessionCourse[s], day, s, (x) => {
      if (this.mark[x] === 1 || st.active[x] === 0 || this.free[x] === 0 || this.m.ties.groupOf[x] >= 0)
        return;
      this.mark[x] = 1;
      items.push(x);
    });
    for (const x of items) this.mark[x] = 0;
    this.items = items;
    this.oldSlot = items.map((x) => st.slot[x]);
    this.oldRoom = items.map((x) => st.room[x]);
    this.placed = new Uint8Array(items.length);
    this.day = day;
    this.hardBefore = st.hardTotal;
    for (let i = 1; i < items.length; i++) st.move(items[i], -1, -1);
    this.left = items.length;
    const budget = this.nodes + maxNodes;
    if (this.search(budget)) return true;
    for (let i = 1; i < items.length; i++) st.move(items[i], this.oldSlot[i], this.oldRoom[i]);
    return false;
  }

  private search(budget: number): boolean {
    const st = this.st;
    if (this.left === 0) return st.hardTotal < this.hardBefore;
    // The item with the fewest starts that add no hard violation.
    let pick = -1;
    let pickStarts: number[] = [];
    let pickRooms: number[] = [];
    for (let i = 0; i < this.items.length; i++) {
      if (this.placed[i] === 1) continue;
      const starts: number[] = [];
      const rooms: number[] = [];
      this.startsFor(i, starts, rooms);
      if (starts.length === 0) return false;
      if (pick < 0 || starts.length < pickStarts.length) {
        pick = i;
        pickStarts = starts;
        pickRooms = rooms;
      }
    }
    const x = this.items[pick];
    this.placed[pick] = 1;
    this.left--;
    for (let j = 0; j < pickStarts.length; j++) {
      if (this.nodes >= budget) break;
      this.nodes++;
      st.move(x, pickStarts[j], pickRooms[j]);
      if (this.search(budget)) return true;
      st.move(x, -1, -1);
    }
    this.placed[pick] = 0;
    this.left++;
    return false;
  }

  /**
   * The starts of item i that add no hard violation, its old start first, then the rebuilt day's,
   * then the rest (item 0, the unplaced session, only on the day), with the room for each.
   */
  private startsFor(i: number, starts: number[], rooms: number[]): void {
    const st = this.st;
    const m = this.m;
    const p = st.problem;
    const x = this.items[i];
    const c = p.sessionCourse[x];
    const old = this.oldSlot[i];
    const o = m.courseStarts.offsets;
    const keys: number[] = [];
    for (let k = o[c]; k < o[c + 1]; k++) {
      const t = m.courseStarts.items[k];
      const onDay = ((t / p.nPeriods) | 0) === this.day;
      if (i === 0 && !onDay) continue;
      if (!this.ownersFree(c, t)) continue;
      const r = repairRoom(st, m, x, t, this.oldRoom[i]);
      if (r < 0) continue;
      const h = st.hardTotal;
      st.move(x, t, r);
      const ok = st.hardTotal < h;
      st.move(x, -1, -1);
      if (!ok) continue;
      // The old start first, then the rebuilt day's, then the rest.
      const rank = t === old ? 0 : onDay ? 1 : 2;
      let j = starts.length;
      starts.push(t);
      rooms.push(r);
      keys.push(rank);
      for (; j > 0 && keys[j - 1] > rank; j--) {
        starts[j] = starts[j - 1];
        rooms[j] = rooms[j - 1];
        keys[j] = keys[j - 1];
      }
      starts[j] = t;
      rooms[j] = r;
      keys[j] = rank;
    }
  }

  /** Are c's faculty and student sets free over its periods from t (a cheap test before the evaluator's)? */
  private ownersFree(c: number, t: number): boolean {
    const st = this.st;
    const p = st.problem;
    const len = spanAt(p, c, t);
    for (const [owners, occ] of [
      [p.courseStudentSets, st.setOcc],
      [p.courseFaculty, st.facultyOcc],
    ] as const)
      for (let j = owners.offsets[c]; j < owners.offsets[c + 1]; j++) {
        const base = owners.items[j] * p.nSlots;
        for (let q = t; q < t + len; q++) if (occ[base + q] > 0) return false;
      }
    return true;
  }
}
