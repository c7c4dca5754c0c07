// What the constructor and the local search need beyond the compiled problem: per course the
// start slots and rooms worth trying, and per session whether its time or room may change.
import type { CompiledProblem, Csr } from '../shared/compiled/types.ts';
import { tieGroups, type TieGroups } from './search/repair/tieGroups.ts';

export interface SearchModel {
  problem: CompiledProblem;
  /** Start slots a session of course c may take without breaking a time rule of its own. */
  courseStarts: Csr;
  /** Rooms a session of course c may use (allowed, and big enough when capacity is hard). */
  courseRooms: Csr;
  /** 1 = the session's slot may not change (fixed or locked). */
  slotLocked: Uint8Array;
  /** 1 = the session's room may not change. */
  roomLocked: Uint8Array;
  /** The start a slot-locked session must keep (fixed or locked), else -1. */
  fixedStart: Int32Array;
  /** The room a room-locked session must keep, else -1. */
  fixedRoom: Int32Array;
  /** Sessions that may move (time or room), for uniform picking. */
  movable: Int32Array;
  /** courseConflict[a * nCourses + b] = 1 when courses a and b share faculty or student sets (or a = b). */
  courseConflict: Uint8Array;
  /** allowedStart[c * nSlots + t] = 1 when t is in courseStarts of c. */
  allowedStart: Uint8Array;
  /** allowedRoom[c * nRooms + r] = 1 when r is in courseRooms of c. */
  allowedRoom: Uint8Array;
  /**
   * Session pairs tied by a same_time (kind 0), consecutive or consecutive_across_break (1) or
   * same_day (2) rule, as triples
   * [a, b, kind]: session k of course A and session k of course B.
   */
  rulePairs: Int32Array;
  /** Tie groups: sessions tied by hard same_time / consecutive (either kind) rules, which move as one. */
  ties: TieGroups;
  /**
   * Rooms groups: courses tied by hard same_room rules choose one room together. Group of each
   * course (-1 = none, or no room every course of the group allows); per group its courses and
   * the rooms all of them allow.
   */
  roomGroupOf: Int32Array;
  roomGroupCourses: Csr;
  roomGroupRooms: Csr;
}

/** Courses joined by hard same_room rules, and the rooms each such group can share. */
function roomGroups(
  p: CompiledProblem,
  rooms: number[][],
): Pick<SearchModel, 'roomGroupOf' | 'roomGroupCourses' | 'roomGroupRooms'> {
  const parent = Int32Array.from({ length: p.nCourses }, (_, c) => c);
  const find = (c: number): number => {
    while (parent[c] !== c) c = parent[c] = parent[parent[c]];
    return c;
  };
  const named = new Uint8Array(p.nCourses);
  for (const rule of p.rules) {
    if (!rule.hard || rule.kind !== 'same_room') continue;
    for (const c of rule.courses) named[c] = 1;
    for (let i = 1; i < rule.courses.length; i++) {
      const a = find(rule.courses[0]);
      const b = find(rule.courses[i]);
      if (a !== b) parent[b] = a;
    }
  }
  const members = new Map<number, number[]>();
  for (let c = 0; c < p.nCourses; c++) {
    if (named[c] === 0) continue;
    const root = find(c);
    members.set(root, [...(members.get(root) ?? []), c]);
  }
  const roomGroupOf = new Int32Array(p.nCourses).fill(-1);
  const groupCourses: number[][] = [];
  const groupRooms: number[][] = [];
  for (const cs of members.values()) {
    const shared = rooms[cs[0]].filter((r) => cs.every((c) => rooms[c].includes(r)));
    // A group with no room in common cannot be kept; its courses choose rooms on their own.
    if (shared.length === 0) continue;
    for (const c of cs) roomGroupOf[c] = groupCourses.length;
    groupCourses.push(cs);
    groupRooms.push(shared);
  }
  return { roomGroupOf, roomGroupCourses: toCsr(groupCourses), roomGroupRooms: toCsr(groupRooms) };
}

function toCsr(rows: number[][]): Csr {
  const offsets = new Int32Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) offsets[i + 1] = offsets[i] + rows[i].length;
  return { offsets, items: Int32Array.from(rows.flat()) };
}

export function buildSearchModel(
  p: CompiledProblem,
  slotLocked: Uint8Array,
  roomLocked: Uint8Array,
  fixedStart: Int32Array = new Int32Array(p.nSessions).fill(-1),
  fixedRoom: Int32Array = new Int32Array(p.nSessions).fill(-1),
): SearchModel {
  const starts: number[][] = [];
  const rooms: number[][] = [];
  for (let c = 0; c < p.nCourses; c++) {
    const len = p.courseLength[c];
    const row: number[] = [];
    for (let t = 0; t < p.nSlots; t++) {
      if (p.startForbidden[c * p.nSlots + t] === 1) continue;
      const q = t % p.nPeriods;
      if (q + len > p.nPeriods) continue;
      let ok = true;
      for (let i = q; i < q + len - 1; i++) if (p.adjacentToNext[i] === 0) ok = false;
      if (ok) row.push(t);
    }
    starts.push(row);
    const all: number[] = [];
    for (let i = p.courseRooms.offsets[c]; i < p.courseRooms.offsets[c + 1]; i++)
      all.push(p.courseRooms.items[i]);
    const big = all.filter((r) => p.roomCapacity[r] >= p.courseStudents[c]);
    rooms.push(p.capacityHard && big.length > 0 ? big : all);
  }
  // A rooms group's courses may use only the rooms they all allow.
  const groups = roomGroups(p, rooms);
  for (let c = 0; c < p.nCourses; c++) {
    const g = groups.roomGroupOf[c];
    if (g < 0) continue;
    const o = groups.roomGroupRooms.offsets;
    rooms[c] = Array.from(groups.roomGroupRooms.items.subarray(o[g], o[g + 1]));
  }
  const movable: number[] = [];
  for (let s = 0; s < p.nSessions; s++) if (!(slotLocked[s] && roomLocked[s])) movable.push(s);
  const courseConflict = new Uint8Array(p.nCourses * p.nCourses);
  const markRows = (rows: Csr): void => {
    for (let r = 0; r + 1 < rows.offsets.length; r++)
      for (let i = rows.offsets[r]; i < rows.offsets[r + 1]; i++)
        for (let j = rows.offsets[r]; j < rows.offsets[r + 1]; j++)
          courseConflict[rows.items[i] * p.nCourses + rows.items[j]] = 1;
  };
  markRows(p.facultyCourses);
  markRows(p.setCourses);
  for (let c = 0; c < p.nCourses; c++) courseConflict[c * p.nCourses + c] = 1;
  const allowedStart = new Uint8Array(p.nCourses * p.nSlots);
  starts.forEach((row, c) => {
    for (const t of row) allowedStart[c * p.nSlots + t] = 1;
  });
  const allowedRoom = new Uint8Array(p.nCourses * p.nRooms);
  rooms.forEach((row, c) => {
    for (const r of row) allowedRoom[c * p.nRooms + r] = 1;
  });
  const pairs: number[] = [];
  for (const rule of p.rules) {
    const kind =
      rule.kind === 'same_time'
        ? 0
        : rule.kind === 'consecutive' || rule.kind === 'consecutive_across_break'
          ? 1
          : rule.kind === 'same_day'
            ? 2
            : -1;
    if (kind < 0) continue;
    for (let i = 1; i < rule.courses.length; i++) {
      const a = rule.courses[kind === 1 ? i - 1 : 0];
      const b = rule.courses[i];
      const n = Math.min(p.courseSessionCount[a], p.courseSessionCount[b]);
      for (let k = 0; k < n; k++) pairs.push(p.courseFirstSession[a] + k, p.courseFirstSession[b] + k, kind);
    }
  }
  return {
    problem: p,
    ...groups,
    rulePairs: Int32Array.from(pairs),
    ties: tieGroups(p),
    allowedRoom,
    courseConflict,
    allowedStart,
    courseStarts: toCsr(starts),
    courseRooms: toCsr(rooms),
    slotLocked,
    roomLocked,
    fixedStart,
    fixedRoom,
    movable: Int32Array.from(movable),
  };
}
