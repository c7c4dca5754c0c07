// Room choice that sees building changes (docs/WORKBOOK.md, Faculty and Groups
// `max_building_changes_day`, `max_building_changes_week`, `min_gaps_between_building_changes`;
// counted in src/shared/eval/buildings.ts). For a session about to take a start, the faculty
// members and student sets of its course that have such a limit are looked at on that day: the
// building of their nearest period before the start that is busy in a building, and of the nearest
// after it, with the free periods in between. Each building then gets a penalty: the building
// changes it adds (for a person with a daily or weekly limit) plus the changes it makes too close
// (for a person with a minimum gap), against the day without the session; a room without a
// building adds no change but may shorten the gap of one. The room pickers (repairRoom.ts, the
// conflict search's roomFor, the constructor's fittingRoom) prefer the free room with the lowest
// penalty. Only a course whose allowed rooms lie in more than one building (a room without one
// counting as one more) and that has a limited person is looked at; for every other the penalty
// is null and the pickers choose as before. For the conflict search's ways (buildingWay), the
// sessions next to a start that would change building too close to it.
import type { IncrementalState } from '../../shared/eval/incremental/IncrementalState.ts';
import {
  dayChanges,
  facultyBuildingLimited,
  groupBuildingLimited,
  layDay,
} from '../../shared/eval/buildings.ts';
import type { Csr } from '../../shared/compiled/types.ts';
import { spanAt } from '../../shared/compiled/span.ts';
import type { SearchModel } from '../SearchModel.ts';

interface BuildingPeople {
  /** Per course: 1 when its room's building can matter (limited people, rooms in several buildings). */
  readonly course: Uint8Array;
  /** Per course: 1 when a faculty member or student set of it has a building-change limit. */
  readonly limited: Uint8Array;
  /** Per student set: its strictest minimum gap (0 = none) and whether it has a change limit. */
  readonly setMinGaps: Int32Array;
  /** Per student set: its strictest daily change limit (-1 = none). */
  readonly setMaxDay: Int32Array;
  readonly setCounts: Uint8Array;
  readonly facCounts: Uint8Array;
  readonly setLimited: Uint8Array;
  readonly facLimited: Uint8Array;
  /** Scratch: penalty per building + 1 (index 0: a room without a building); a laid-out day. */
  readonly penalty: Float64Array;
  readonly day: Int32Array;
  readonly out: Int32Array;
  /**
   * The neighbours (neighbours()) of the last (state, session, start) asked for, per limited person
   * of its course in eachPerson's order: building before, free periods before, its slot, and the
   * same after; kept while the state has made no move since.
   */
  nb: Int32Array;
  nbState: IncrementalState | null;
  nbSession: number;
  nbStart: number;
  nbMoves: number;
}

const cache = new WeakMap<SearchModel, BuildingPeople | null>();

function people(m: SearchModel): BuildingPeople | null {
  if (cache.has(m)) return cache.get(m) ?? null;
  const p = m.problem;
  let out: BuildingPeople | null = null;
  if (p.buildings.length >= 2) {
    const facLimited = new Uint8Array(p.nFaculty);
    const facCounts = new Uint8Array(p.nFaculty);
    for (let f = 0; f < p.nFaculty; f++) {
      facLimited[f] = facultyBuildingLimited(p, f) ? 1 : 0;
      facCounts[f] =
        p.facultyMaxBuildingChangesPerDay[f] >= 0 || p.facultyMaxBuildingChangesPerWeek[f] >= 0 ? 1 : 0;
    }
    const setLimited = new Uint8Array(p.nStudentSets);
    const setCounts = new Uint8Array(p.nStudentSets);
    const setMinGaps = new Int32Array(p.nStudentSets);
    const setMaxDay = new Int32Array(p.nStudentSets).fill(-1);
    for (let k = 0; k < p.nStudentSets; k++)
      for (let g = p.setGroup[k]; g >= 0; g = p.groupParent[g]) {
        if (!groupBuildingLimited(p, g)) continue;
        setLimited[k] = 1;
        if (p.groupMaxBuildingChangesPerDay[g] >= 0 || p.groupMaxBuildingChangesPerWeek[g] >= 0)
          setCounts[k] = 1;
        setMinGaps[k] = Math.max(setMinGaps[k], p.groupMinGapsBetweenBuildingChanges[g]);
        const maxDay = p.groupMaxBuildingChangesPerDay[g];
        if (maxDay >= 0 && (setMaxDay[k] < 0 || maxDay < setMaxDay[k])) setMaxDay[k] = maxDay;
      }
    const course = new Uint8Array(p.nCourses);
    const limitedCourse = new Uint8Array(p.nCourses);
    let any = false;
    for (let c = 0; c < p.nCourses; c++) {
      let limited = false;
      for (let i = p.courseFaculty.offsets[c]; i < p.courseFaculty.offsets[c + 1]; i++)
        if (facLimited[p.courseFaculty.items[i]] === 1) limited = true;
      for (let i = p.courseStudentSets.offsets[c]; i < p.courseStudentSets.offsets[c + 1]; i++)
        if (setLimited[p.courseStudentSets.items[i]] === 1) limited = true;
      if (!limited) continue;
      limitedCourse[c] = 1;
      any = true;
      let first = -2;
      for (let i = m.courseRooms.offsets[c]; i < m.courseRooms.offsets[c + 1]; i++) {
        const b = p.roomBuilding[m.courseRooms.items[i]];
        if (first === -2) first = b;
        else if (b !== first) {
          course[c] = 1;
          break;
        }
      }
    }
    if (any)
      out = {
        course,
        limited: limitedCourse,
        setMinGaps,
        setMaxDay,
        setCounts,
        facCounts,
        setLimited,
        facLimited,
        penalty: new Float64Array(p.buildings.length + 1),
        day: new Int32Array(p.nPeriods),
        out: new Int32Array(2),
        nb: new Int32Array(0),
        nbState: null,
        nbSession: -1,
        nbStart: -1,
        nbMoves: -1,
      };
  }
  cache.set(m, out);
  return out;
}

/** Does course c's list in `csr` (its faculty or its student sets) hold `row`? */
function holds(csr: Csr, c: number, row: number): boolean {
  for (let j = csr.offsets[c]; j < csr.offsets[c + 1]; j++) if (csr.items[j] === row) return true;
  return false;
}

/**
 * The building of slot q for one person (row of `own`: p.courseFaculty or p.courseStudentSets),
 * s left out: the smallest building index of their sessions there, -1 when busy only in rooms
 * without a building.
 */
function buildingAt(st: IncrementalState, s: number, q: number, own: Csr, row: number): number {
  const p = st.problem;
  const base = q * st.slotCap;
  let out = -1;
  for (let i = 0; i < st.slotCount[q]; i++) {
    const y = st.slotList[base + i];
    if (y === s || st.room[y] < 0) continue;
    const b = p.roomBuilding[st.room[y]];
    if (b >= 0 && (out < 0 || b < out) && holds(own, st.slotCourse[base + i], row)) out = b;
  }
  return out;
}

/**
 * Walk one person's day from period `from` by `dir` (-1 or +1) to the nearest period busy in a
 * building (s left out), counting the free periods passed; into nb[at..at+2]: that building (-1
 * when none), the free periods, its slot.
 */
function walk(
  st: IncrementalState,
  s: number,
  occ: Int32Array,
  own: Csr,
  row: number,
  dayBase: number,
  from: number,
  dir: number,
  nb: Int32Array,
  at: number,
): void {
  const p = st.problem;
  const nS = p.nSlots;
  const mine0 = st.slot[s] >= 0 && st.active[s] === 1 ? st.slot[s] : -1;
  let free = 0;
  for (let q = from; q >= 0 && q < p.nPeriods; q += dir) {
    const slot = dayBase + q;
    const mine = mine0 >= 0 && slot >= mine0 && slot < mine0 + st.span[s] ? 1 : 0;
    if (occ[row * nS + slot] - mine <= 0) {
      free++;
      continue;
    }
    const b = buildingAt(st, s, slot, own, row);
    if (b >= 0) {
      nb[at] = b;
      nb[at + 1] = free;
      nb[at + 2] = slot;
      return;
    }
  }
  nb[at] = -1;
  nb[at + 1] = free;
  nb[at + 2] = -1;
}

/** One limited person of a course: their limits and where their neighbours are in bp.nb. */
type Visit = (
  own: Csr,
  row: number,
  counts: boolean,
  minGaps: number,
  maxDay: number,
  courses: Csr,
  at: number,
) => void;

/**
 * Call `visit` for each faculty member and student set of course c with a building-change limit,
 * `at` the index of its neighbours in bp.nb (6 entries each).
 */
function eachPerson(st: IncrementalState, bp: BuildingPeople, c: number, visit: Visit): void {
  const p = st.problem;
  const F = p.courseFaculty;
  let at = 0;
  for (let i = F.offsets[c]; i < F.offsets[c + 1]; i++) {
    const f = F.items[i];
    if (bp.facLimited[f] === 0) continue;
    const min = p.facultyMinGapsBetweenBuildingChanges[f];
    const maxDay = p.facultyMaxBuildingChangesPerDay[f];
    visit(F, f, bp.facCounts[f] === 1, min, maxDay, p.facultyCourses, at);
    at += 6;
  }
  const S = p.courseStudentSets;
  for (let i = S.offsets[c]; i < S.offsets[c + 1]; i++) {
    const k = S.items[i];
    if (bp.setLimited[k] === 0) continue;
    visit(S, k, bp.setCounts[k] === 1, bp.setMinGaps[k], bp.setMaxDay[k], p.setCourses, at);
    at += 6;
  }
}

/** Fill bp.nb with the neighbours of s at start t of each limited person of its course. */
function neighbours(st: IncrementalState, bp: BuildingPeople, s: number, t: number): void {
  if (bp.nbState === st && bp.nbSession === s && bp.nbStart === t && bp.nbMoves === st.moves) return;
  const p = st.problem;
  const c = p.sessionCourse[s];
  const n =
    6 *
    (p.courseFaculty.offsets[c + 1] -
      p.courseFaculty.offsets[c] +
      p.courseStudentSets.offsets[c + 1] -
      p.courseStudentSets.offsets[c]);
  if (bp.nb.length < n) bp.nb = new Int32Array(n);
  const nb = bp.nb;
  const len = spanAt(p, c, t);
  const dayBase = ((t / p.nPeriods) | 0) * p.nPeriods;
  eachPerson(st, bp, c, (own, row, _counts, _minGaps, _maxDay, _courses, at) => {
    const occ = own === p.courseFaculty ? st.facultyOcc : st.setOcc;
    walk(st, s, occ, own, row, dayBase, t - dayBase - 1, -1, nb, at);
    walk(st, s, occ, own, row, dayBase, t - dayBase + len, 1, nb, at + 3);
  });
  bp.nbState = st;
  bp.nbSession = s;
  bp.nbStart = t;
  bp.nbMoves = st.moves;
}

/**
 * Add to `pen` (per building + 1) what s (len periods) does to one person's building changes that
 * day, from their neighbours at nb[at..at+5]: `counts` weighs the changes added, `minGaps` (0 =
 * none) the changes with fewer free periods.
 */
function addPerson(
  nb: Int32Array,
  at: number,
  len: number,
  counts: boolean,
  minGaps: number,
  pen: Float64Array,
): void {
  const bB = nb[at];
  const fB = nb[at + 1];
  const bA = nb[at + 3];
  const fA = nb[at + 4];
  if (bB < 0 && bA < 0) return;
  const short = (free: number): number => (minGaps > 0 && free < minGaps ? 1 : 0);
  // The day without s: a change between the two neighbours when they differ.
  const was = bB >= 0 && bA >= 0 && bB !== bA;
  const oldChanges = was ? 1 : 0;
  const oldShort = was ? short(fB + len + fA) : 0;
  const w = counts ? 1 : 0;
  // A room without a building: the neighbours' change stays, with s's periods busy between them.
  pen[0] += was ? short(fB + fA) - oldShort : 0;
  for (let b = 0; b < pen.length - 1; b++) {
    let changes = 0;
    let shorts = 0;
    if (bB >= 0 && bB !== b) {
      changes++;
      shorts += short(fB);
    }
    if (bA >= 0 && bA !== b) {
      changes++;
      shorts += short(fA);
    }
    pen[b + 1] += w * (changes - oldChanges) + shorts - oldShort;
  }
}

/**
 * Per building + 1 (index 0: a room without a building), what giving session s a room there at
 * start t adds to the building changes of its limited faculty and student sets (see the file
 * comment); null when the building cannot matter for its course. The array is scratch, valid until
 * the next call.
 */
export function buildingPenalties(
  st: IncrementalState,
  m: SearchModel,
  s: number,
  t: number,
): Float64Array | null {
  const bp = people(m);
  const p = st.problem;
  const c = p.sessionCourse[s];
  if (bp === null || bp.course[c] === 0) return null;
  const pen = bp.penalty;
  pen.fill(0);
  const len = spanAt(p, c, t);
  neighbours(st, bp, s, t);
  eachPerson(st, bp, c, (_own, _row, counts, minGaps, _maxDay, _courses, at) =>
    addPerson(bp.nb, at, len, counts, minGaps, pen),
  );
  return pen;
}

/**
 * For the conflict search's ways (ConflictWays.inTheWay): the sessions that s at start t in room r
 * would change building against too soon, or too often. For each limited person, their nearest
 * period busy in a building before s and after it: its sessions in another building than r's when
 * there are fewer free periods between than the person's minimum, and both sides' when the changes
 * s adds take the day past the person's daily limit. Each is passed to `visit` (a session may come
 * more than once).
 */
export function buildingWay(
  st: IncrementalState,
  m: SearchModel,
  s: number,
  t: number,
  r: number,
  visit: (y: number) => void,
): void {
  const bp = people(m);
  const p = st.problem;
  const c = p.sessionCourse[s];
  const b = p.roomBuilding[r];
  if (bp === null || bp.limited[c] === 0 || b < 0) return;
  const day = (t / p.nPeriods) | 0;
  const take = (q: number, own: Csr, row: number): void => {
    for (let i = 0; i < st.slotCount[q]; i++) {
      const y = st.slotList[q * st.slotCap + i];
      if (y === s || st.room[y] < 0 || !holds(own, p.sessionCourse[y], row)) continue;
      const by = p.roomBuilding[st.room[y]];
      if (by >= 0 && by !== b) visit(y);
    }
  };
  neighbours(st, bp, s, t);
  const nb = bp.nb;
  eachPerson(st, bp, c, (own, row, _counts, minGaps, maxDay, courses, at) => {
    if (minGaps <= 0 && maxDay < 0) return;
    const bB = nb[at];
    const fB = nb[at + 1];
    const qB = nb[at + 2];
    const bA = nb[at + 3];
    const fA = nb[at + 4];
    const qA = nb[at + 5];
    const before = bB >= 0 && bB !== b;
    const after = bA >= 0 && bA !== b;
    if (!before && !after) return;
    if (before && fB < minGaps) take(qB, own, row);
    if (after && fA < minGaps) take(qA, own, row);
    if (maxDay < 0) return;
    const added = (before ? 1 : 0) + (after ? 1 : 0) - (bB >= 0 && bA >= 0 && bB !== bA ? 1 : 0);
    if (added <= 0) return;
    layDay(p, st, courses, row, day, bp.day);
    dayChanges(bp.day, p.nPeriods, 0, bp.out);
    if (bp.out[0] + added <= maxDay) return;
    if (before) take(qB, own, row);
    if (after) take(qA, own, row);
  });
}

/** The penalty of room r in buildingPenalties' array (0 when it is null). */
export const roomPenalty = (pen: Float64Array | null, building: Int32Array, r: number): number =>
  pen === null ? 0 : pen[building[r] + 1];
