// Hard same_room in the MIP: the listed courses' sessions share one room, so the MIP picks it. One
// indicator w[r] per room every listed course may use (the room of a session already placed, when
// there is one), at most one chosen; per slot, the listed courses' sessions covering it are at most
// the chosen room when it is free there:  Σ x covering t - Σ_{r free at t} w[r] <= 0. This also keeps
// the sessions from overlapping one another. After the solve the sessions are put in the chosen room
// before the room matching (applySameRooms).
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { Placement } from '../../shared/eval/types.ts';
import { COL_INDICATOR } from './mipModel.ts';
import { spanAt } from '../../shared/compiled/span.ts';
import type { Occupancy } from './occupancy.ts';
import type { RuleContext } from './ruleContext.ts';
import { usableRooms } from './roomClasses.ts';

export interface SameRoomChoice {
  /** Courses of the rule with sessions placed by this community's MIP. */
  courses: number[];
  /** Candidate rooms and the indicator column of each. */
  rooms: number[];
  cols: number[];
}

export function addSameRoomRows(ctx: RuleContext, cs: readonly number[]): SameRoomChoice | null {
  const { p, b, occ, placement } = ctx;
  const courses = [...new Set(cs)];
  const mine = courses.filter((c) => ctx.inCommunity.has(c) && ctx.freeOf.has(c));
  if (mine.length === 0) return null;
  let rooms: number[] | null = null;
  for (const c of courses) {
    const usable = new Set(usableRooms(p, c));
    rooms = rooms === null ? [...usable] : rooms.filter((r) => usable.has(r));
  }
  const taken = new Set<number>();
  for (const c of courses) {
    for (let s = p.courseFirstSession[c]; s < p.courseFirstSession[c] + p.courseSessionCount[c]; s++)
      if (placement.slot[s] >= 0 && placement.room[s] >= 0) taken.add(placement.room[s]);
  }
  if (taken.size === 1) rooms = (rooms ?? []).filter((r) => taken.has(r));
  if (!rooms || rooms.length === 0 || taken.size > 1) return null;
  const cols = rooms.map(() => b.addCol(0, 0, 1, true, COL_INDICATOR));
  b.addRow(cols, null, -Infinity, 1);
  const covering: number[][] = Array.from({ length: p.nSlots }, () => []);
  for (const c of mine) {
    for (let s = 0; s < p.nSlots; s++) {
      const j = ctx.x(c, s);
      if (j === undefined) continue;
      for (let q = 0; q < spanAt(p, c, s); q++) covering[s + q].push(j);
    }
  }
  for (let t = 0; t < p.nSlots; t++) {
    if (covering[t].length === 0) continue;
    const free = rooms.map((r, i) => (occ.rooms[r * p.nSlots + t] ? -1 : cols[i])).filter((j) => j >= 0);
    b.addRow([...covering[t], ...free], [...covering[t].map(() => 1), ...free.map(() => -1)], -Infinity, 0);
  }
  return { courses: mine, rooms, cols };
}

/**
 * Puts the sessions of each same_room choice that the MIP just placed (slot set, no room) in the room
 * it chose, where that room is free over the session's span, and marks it in `occ`.
 */
export function applySameRooms(
  p: CompiledProblem,
  choices: readonly SameRoomChoice[],
  x: Float64Array,
  sessions: Int32Array,
  placement: Placement,
  occ: Occupancy,
): void {
  const mine = new Set(sessions);
  for (const ch of choices) {
    const i = ch.cols.findIndex((j) => j < x.length && x[j] > 0.5);
    if (i < 0) continue;
    const r = ch.rooms[i];
    for (const c of ch.courses) {
      for (let s = p.courseFirstSession[c]; s < p.courseFirstSession[c] + p.courseSessionCount[c]; s++) {
        const t = placement.slot[s];
        if (!mine.has(s) || t < 0 || placement.room[s] >= 0) continue;
        const span = spanAt(p, c, t);
        let free = true;
        for (let q = 0; free && q < span; q++) if (occ.rooms[r * p.nSlots + t + q]) free = false;
        if (!free) continue;
        placement.room[s] = r;
        for (let q = 0; q < span; q++) occ.rooms[r * p.nSlots + t + q] = 1;
      }
    }
  }
}
