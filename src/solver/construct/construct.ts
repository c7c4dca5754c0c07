// Greedy constructor: places sessions one at a time, hardest first (fewest clash-free start slots
// left, DSATUR-style saturation), each in the slot and room that adds the least cost. A session is
// left unplaced, with the reason, only when no clash-free place exists for it. A session of a tie
// group (hard same_time / consecutive) is placed with its whole group at one start (placeGroup.ts).
import type { IncrementalState } from '../../shared/eval/incremental/IncrementalState.ts';
import type { SearchModel } from '../SearchModel.ts';
import type { Rng } from '../Rng.ts';
import {
  anyRoomFree,
  cheapestPinned,
  cheapestPlace,
  fittingRoom,
  placeScratch,
  timeFree,
} from './placeChoice.ts';
import { ejectGroup, groupScratch, placeGroup } from './placeGroup.ts';
import { buildingPenalties, roomPenalty } from '../search/buildingRooms.ts';

/** Ejections in a row without a new low in the queue after which ejecting stops. */
const STALL_EJECTIONS = 300;

export interface ConstructResult {
  /** Sessions left unplaced, with a plain-words reason for each. */
  unplaced: Array<{ session: number; reason: string }>;
}

function freeStarts(st: IncrementalState, m: SearchModel, c: number): number {
  let n = 0;
  const o = m.courseStarts.offsets;
  for (let i = o[c]; i < o[c + 1]; i++) {
    const t = m.courseStarts.items[i];
    if (timeFree(st, c, t) && anyRoomFree(st, m, c, t)) n++;
  }
  return n;
}

/**
 * Why no clash-free place exists for a session of course c, in words. With the unplaced session
 * `s`, the allowed starts that are free of clashes and have a free room are tried: those where
 * placing it would add at least as many hard violations as it removes are counted as breaking a
 * hard rule or limit; any other is named as one the search did not reach, so every allowed start
 * is accounted for.
 */
export function explainNoPlace(st: IncrementalState, m: SearchModel, c: number, s = -1): string {
  const p = st.problem;
  const o = m.courseStarts.offsets;
  const total = o[c + 1] - o[c];
  if (total === 0)
    return `no start time is allowed: every period is unavailable to the course or its faculty, or too short for a ${p.courseLength[c]}-period session`;
  if (m.courseRooms.offsets[c + 1] === m.courseRooms.offsets[c])
    return 'no room is allowed for it (room type, allowed rooms or capacity)';
  let clash = 0;
  let noRoom = 0;
  let ruled = 0;
  let open = 0;
  const delta = new Float64Array(2);
  for (let i = o[c]; i < o[c + 1]; i++) {
    const t = m.courseStarts.items[i];
    if (!timeFree(st, c, t)) clash++;
    else if (!anyRoomFree(st, m, c, t)) noRoom++;
    else if (s >= 0 && st.slot[s] < 0) {
      st.deltaMove(s, t, fittingRoom(st, m, s, t), delta);
      if (delta[0] >= 0) ruled++;
      else open++;
    }
  }
  const taken = `${clash} clash with its faculty or groups, ${noRoom} have no free suitable room`;
  if (s < 0 || clash + noRoom === total) return `all ${total} allowed start times are taken: ${taken}`;
  const head =
    open === 0
      ? `all ${total} allowed start times are taken or ruled out`
      : `${total - open} of its ${total} allowed start times are taken or ruled out`;
  const tail = open === 0 ? '' : `; ${open} could take it, but the search stopped before it placed it there`;
  return `${head}: ${taken}, ${ruled} would break a hard rule or a faculty or group limit${tail}`;
}

/**
 * Place every unplaced, movable session of `st`. Sessions already placed (fixed, locked or given
 * in the initial timetable) stay where they are.
 */
export function construct(
  st: IncrementalState,
  m: SearchModel,
  rng: Rng,
  shouldStop: () => boolean,
  onTick?: (placed: number, pending: number) => void,
): ConstructResult {
  const p = st.problem;
  const pending: number[] = [];
  for (let s = 0; s < p.nSessions; s++) if (st.slot[s] < 0) pending.push(s);
  // Static difficulty: courses with many conflicting neighbours and few starts go first on ties.
  const degree = new Float64Array(p.nCourses);
  for (let c = 0; c < p.nCourses; c++) {
    let d = 0;
    for (let i = p.courseStudentSets.offsets[c]; i < p.courseStudentSets.offsets[c + 1]; i++) {
      const k = p.courseStudentSets.items[i];
      d += p.setCourses.offsets[k + 1] - p.setCourses.offsets[k];
    }
    for (let i = p.courseFaculty.offsets[c]; i < p.courseFaculty.offsets[c + 1]; i++) {
      const f = p.courseFaculty.items[i];
      d += p.facultyCourses.offsets[f + 1] - p.facultyCourses.offsets[f];
    }
    degree[c] = d + p.courseSessionCount[c];
  }
  const unplaced: ConstructResult['unplaced'] = [];
  const delta = new Float64Array(2);
  const scratch = placeScratch();
  const freeCount = new Int32Array(p.nCourses).fill(-1);
  /** The pick at which each course's count was last brought up to date. */
  const seenAt = new Int32Array(p.nCourses).fill(-1);
  // Courses whose sessions moved since the last pick: only their neighbours' free starts changed.
  const changed = new Int32Array(64);
  let nChanged = 0;
  // Ejections: a session with no clash-free place takes the least-crowded start and pushes the
  // sessions it clashes with back into the queue (bounded, with a short tabu on its last start).
  // Ejecting stops for good once STALL_EJECTIONS of them in a row bring the queue no lower than
  // before: past that it only cycles, and the local search does better with what is left.
  let ejectBudget = 5 * p.nSessions;
  let fewestPending = pending.length;
  let sinceFewest = 0;
  const lastStart = new Int32Array(p.nSessions).fill(-1);
  const ties = m.ties;
  const tieScratch = groupScratch(m);
  let steps = 0;
  while (pending.length > 0) {
    if (shouldStop()) break;
    if ((++steps & 31) === 0) onTick?.(p.nSessions - pending.length, pending.length);
    // Saturation: recount only the courses that share faculty or students with the last placed one.
    let bestI = -1;
    let bestKey = Infinity;
    for (let i = 0; i < pending.length; i++) {
      const c = p.sessionCourse[pending[i]];
      // Once per course and pick (its other pending sessions share the count).
      if (seenAt[c] !== steps) {
        seenAt[c] = steps;
        if (freeCount[c] < 0 || touches(m, c, changed, nChanged)) freeCount[c] = freeStarts(st, m, c);
      }
      const key = freeCount[c] * 1e6 - degree[c];
      if (key < bestKey) {
        bestKey = key;
        bestI = i;
      }
    }
    if (pending.length < fewestPending) {
      fewestPending = pending.length;
      sinceFewest = 0;
    }
    const s = pending[bestI];
    pending[bestI] = pending[pending.length - 1];
    pending.pop();
    const c = p.sessionCourse[s];
    nChanged = 0;
    changed[nChanged++] = c;
    const g = ties.groupOf[s];
    if (g >= 0) {
      // The whole group goes in together: its other members leave the queue.
      for (let i = ties.offsets[g]; i < ties.offsets[g + 1]; i++) {
        const x = ties.members[i];
        const at = x === s ? -1 : pending.indexOf(x);
        if (at >= 0) {
          pending[at] = pending[pending.length - 1];
          pending.pop();
        }
        if (nChanged < changed.length) changed[nChanged++] = p.sessionCourse[x];
      }
      const t = placeGroup(st, m, g, rng, tieScratch);
      if (t >= 0) continue;
      if (t === -1) {
        const lead = leadMember(m, g);
        const before = pending.length;
        if (
          ejectBudget > 0 &&
          ejectGroup(st, m, g, rng, lastStart[lead], lastStart, pending, tieScratch) >= 0
        ) {
          ejectBudget--;
          if (++sinceFewest > STALL_EJECTIONS) ejectBudget = 0;
          for (let i = before; i < pending.length && nChanged < changed.length; i++)
            changed[nChanged++] = p.sessionCourse[pending[i]];
          if (nChanged === changed.length) freeCount.fill(-1);
          continue;
        }
        // No start for the group: its members stay unplaced together, never split.
        const size = ties.offsets[g + 1] - ties.offsets[g];
        for (let i = ties.offsets[g]; i < ties.offsets[g + 1]; i++) {
          const x = ties.members[i];
          if (st.slot[x] >= 0) continue;
          unplaced.push({
            session: x,
            reason: `no start fits it together with the ${size - 1} other sessions its same_time / consecutive rules tie it to; on its own: ${explainNoPlace(st, m, p.sessionCourse[x])}`,
          });
        }
        continue;
      }
      // Pinned members disagree on the group's start: its members are placed one by one.
      for (let i = ties.offsets[g]; i < ties.offsets[g + 1]; i++) {
        const x = ties.members[i];
        if (x !== s && st.slot[x] < 0 && !pending.includes(x)) pending.push(x);
      }
    }
    const pinned = m.fixedStart[s];
    const pinnedRoom = m.fixedRoom[s];
    const best =
      pinned < 0 && pinnedRoom < 0
        ? cheapestPlace(st, m, s, delta, scratch)
        : cheapestPinned(st, m, s, delta);
    const bestT = best >= 0 ? Math.floor(best / p.nRooms) : -1;
    const bestR = best >= 0 ? best % p.nRooms : -1;
    if (bestT < 0) {
      const before = pending.length;
      if (
        ejectBudget > 0 &&
        m.slotLocked[s] === 0 &&
        ejectAndPlace(st, m, rng, s, lastStart, pending, delta)
      ) {
        ejectBudget--;
        if (++sinceFewest > STALL_EJECTIONS) ejectBudget = 0;
        // The ejected sessions' neighbours gained free starts.
        for (let i = before; i < pending.length && nChanged < changed.length; i++)
          changed[nChanged++] = p.sessionCourse[pending[i]];
        if (nChanged === changed.length) freeCount.fill(-1);
        continue;
      }
      unplaced.push({ session: s, reason: explainNoPlace(st, m, c, s) });
      continue;
    }
    st.move(s, bestT, bestR);
  }
  return { unplaced };
}

/** The member of tie group g at offset 0. */
function leadMember(m: SearchModel, g: number): number {
  let i = m.ties.offsets[g];
  while (m.ties.memberOffset[i] !== 0) i++;
  return m.ties.members[i];
}

/** Does course c share faculty or student sets with one of the first n courses of `changed`? */
function touches(m: SearchModel, c: number, changed: Int32Array, n: number): boolean {
  const row = c * m.problem.nCourses;
  for (let i = 0; i < n; i++) if (m.courseConflict[row + changed[i]] === 1) return true;
  return false;
}

/**
 * Place s at the allowed start with the fewest clashing sessions (random tie-break, not the start
 * it was last ejected from, fewest other hard costs), in the least busy allowed room; clashing movable sessions go back to
 * `pending`. Returns false when every start clashes with a locked session.
 */
function ejectAndPlace(
  st: IncrementalState,
  m: SearchModel,
  rng: Rng,
  s: number,
  lastStart: Int32Array,
  pending: number[],
  delta: Float64Array,
): boolean {
  const p = st.problem;
  const c = p.sessionCourse[s];
  const nS = p.nSlots;
  const len = p.courseLength[c];
  let bestT = -1;
  let bestR = -1;
  let bestScore = Infinity;
  const o = m.courseStarts.offsets;
  for (let i = o[c]; i < o[c + 1]; i++) {
    const t = m.courseStarts.items[i];
    if (t === lastStart[s]) continue;
    let score = 0;
    for (let q = t; q < t + len; q++) {
      score += st.courseOcc[c * nS + q] * 100;
      for (let j = p.courseFaculty.offsets[c]; j < p.courseFaculty.offsets[c + 1]; j++)
        score += st.facultyOcc[p.courseFaculty.items[j] * nS + q];
      for (let j = p.courseStudentSets.offsets[c]; j < p.courseStudentSets.offsets[c + 1]; j++)
        score += st.setOcc[p.courseStudentSets.items[j] * nS + q];
    }
    let room = -1;
    let roomScore = Infinity;
    const pinnedRoom = m.fixedRoom[s];
    // Between rooms as busy, the one adding fewer building changes (buildingRooms.ts) is likelier.
    const pen = buildingPenalties(st, m, s, t);
    for (let j = m.courseRooms.offsets[c]; j < m.courseRooms.offsets[c + 1]; j++) {
      const r = pinnedRoom >= 0 ? pinnedRoom : m.courseRooms.items[j];
      let busy = 0;
      for (let q = t; q < t + len; q++) busy += st.roomOcc[r * nS + q] + p.roomUnavailable[r * nS + q] * 100;
      const b = roomPenalty(pen, p.roomBuilding, r);
      const v = busy + rng.float() * 0.5 + (0.6 * b) / (1 + b);
      if (v < roomScore) {
        roomScore = v;
        room = r;
      }
    }
    if (room < 0) continue;
    // Clashes are ejected, but other hard costs of the place (rules, day limits, gaps) would stay.
    st.deltaMove(s, t, room, delta);
    const total = score + roomScore + 3 * delta[0] + rng.float() * 1.5;
    if (total < bestScore) {
      bestScore = total;
      bestT = t;
      bestR = room;
    }
  }
  if (bestT < 0) return false;
  // Find and eject the sessions in the way.
  const end = bestT + len;
  for (let x = 0; x < p.nSessions; x++) {
    const tx = st.slot[x];
    if (tx < 0 || x === s) continue;
    const cx = p.sessionCourse[x];
    if (tx >= end || tx + p.courseLength[cx] <= bestT) continue;
    if (m.courseConflict[c * p.nCourses + cx] === 0 && st.room[x] !== bestR) continue;
    if (m.slotLocked[x] === 1 && m.roomLocked[x] === 1) return false;
  }
  for (let x = 0; x < p.nSessions; x++) {
    const tx = st.slot[x];
    if (tx < 0 || x === s) continue;
    const cx = p.sessionCourse[x];
    if (tx >= end || tx + p.courseLength[cx] <= bestT) continue;
    if (m.courseConflict[c * p.nCourses + cx] === 0 && st.room[x] !== bestR) continue;
    lastStart[x] = tx;
    st.move(x, -1, -1);
    pending.push(x);
  }
  st.move(s, bestT, bestR);
  return true;
}
