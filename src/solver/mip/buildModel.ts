// The Stage 1 MIP of one community. Variables x[c, s] = 1 when a session of course c starts at slot s
// (course level: a course's sessions are interchangeable; they take its chosen starts in time order).
// Rows: each course places its free sessions (a penalised miss variable keeps the MIP feasible); per
// faculty member, student set and hard not_overlapping rule and slot at most one session covering it;
// per-day period limits; faculty max_days through day indicators; faculty and group min_per_day and
// faculty min_days (minPerDayRows.ts); gap limits (gapRows.ts); max_continuous (continuousRows.ts);
// min_rest between days (minRestRows.ts); max_span per day (maxSpanRows.ts);
// per room class and slot no more sessions than free rooms of the class; every hard rule kind
// (ruleRows.ts, dayRuleRows.ts, sameRoomRows.ts).
// Objective: misses (dominant), student clashes with placed courses (capped), min-days spread, a small
// seeded perturbation to break ties.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { Placement } from '../../shared/eval/types.ts';
import { seededRng } from '../decompose/louvain.ts';
import { candidateStarts, notOverlappingRulesOf } from './candidates.ts';
import { clashCosts } from './clashCosts.ts';
import { COL_AUX, COL_INDICATOR, ModelBuilder, ROW_FREE, type MipModel } from './mipModel.ts';
import type { Occupancy } from './occupancy.ts';
import { addContinuousRows } from './continuousRows.ts';
import { addGapRows } from './gapRows.ts';
import { addMaxSpanRows } from './maxSpanRows.ts';
import { addMinRestRows } from './minRestRows.ts';
import { addMinDaysRows, addMinPerDayRows, everyCourseHere } from './minPerDayRows.ts';
import { ruleContext, type RuleKindFilter } from './ruleContext.ts';
import { addRuleRows } from './ruleRows.ts';
import type { SameRoomChoice } from './sameRoomRows.ts';
import type { SessionVars } from './sessionVars.ts';
import type { RoomClasses } from './roomClasses.ts';

export const MISS_COST = 1000;

export interface BuildOptions {
  /**
   * Add rows for the hard slot-list rules (slotRuleRows.ts; default false: the stage's MIPs leave
   * them to local search, the neighbourhood re-solves model them).
   */
  slotRuleRows?: boolean;
  /** Add max_gaps_per_day / max_gaps_per_week rows (with penalised slack, gapRows.ts; default true). */
  gapRows?: boolean;
  /** Hard rule kinds that get rows (default all); tests turn kinds off to show what the rows do. */
  ruleKinds?: RuleKindFilter;
  /** Add faculty and group min_per_day and faculty min_days rows (default true). */
  minPerDay?: boolean;
  /** Add faculty and group max_continuous rows (with penalised slack, continuousRows.ts; default true). */
  continuousRows?: boolean;
  /** Add faculty and group min_rest rows (with penalised slack, minRestRows.ts; default true). */
  minRestRows?: boolean;
  /** Add faculty and group max_span rows (with penalised slack, maxSpanRows.ts; default true). */
  maxSpanRows?: boolean;
}

export interface CommunityModel {
  model: MipModel;
  /** Columns [0, nX) are start variables: course and slot of each. */
  nX: number;
  xCourse: Int32Array;
  xSlot: Int32Array;
  /** Sessions of the community still to place (placement.slot = -1). */
  sessions: Int32Array;
  /** Free sessions per course of the community (courses with none are absent). */
  freeOf: Map<number, number>;
  /** Rooms the MIP chooses for hard same_room rules (applySameRooms after the solve). */
  sameRooms: SameRoomChoice[];
  /** Sessions with start variables of their own (sessionRows.ts; applySessionStarts after the solve). */
  sessionVars: SessionVars;
}

function bucketPush(map: Map<number, number[]>, key: number, v: number): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}

export function buildCommunityModel(
  p: CompiledProblem,
  courses: Int32Array,
  placement: Placement,
  occ: Occupancy,
  classes: RoomClasses,
  seed: number,
  opts: BuildOptions = {},
): CommunityModel {
  const { nSlots, nPeriods, nDays } = p;
  const b = new ModelBuilder();
  const rng = seededRng(seed);
  const rulesOf = notOverlappingRulesOf(p);
  const xCourse: number[] = [];
  const xSlot: number[] = [];
  const sessions: number[] = [];
  /** var index per (course, slot), for courses of this community. */
  const varAt = new Map<number, number>();
  const freeOf = new Map<number, number>();
  for (const c of courses) {
    let free = 0;
    for (let s = p.courseFirstSession[c]; s < p.courseFirstSession[c] + p.courseSessionCount[c]; s++) {
      if (placement.slot[s] >= 0) continue;
      free++;
      sessions.push(s);
    }
    if (free === 0) continue;
    freeOf.set(c, free);
    const clash = clashCosts(p, c, placement);
    for (const s of candidateStarts(p, c, occ, placement, classes, rulesOf[c])) {
      varAt.set(c * nSlots + s, b.addCol(rng() * 0.01 + (clash ? clash[s] : 0), 0, 1, true));
      xCourse.push(c);
      xSlot.push(s);
    }
  }
  const nX = xCourse.length;
  const resourceSlot = new Map<number, number[]>(); // key: resource * nSlots + t
  const resourceDay = new Map<number, number[]>(); // key: resource * nDays + d (faculty / sets)
  const classSlot = new Map<number, number[]>(); // key: class * nSlots + t
  const courseDay = new Map<number, number[]>(); // key: c * nDays + d
  const nFS = p.nFaculty + p.nStudentSets;
  for (let j = 0; j < nX; j++) {
    const c = xCourse[j];
    const s = xSlot[j];
    const d = Math.floor(s / nPeriods);
    const len = p.courseLength[c];
    const resources: number[] = [];
    for (let i = p.courseFaculty.offsets[c]; i < p.courseFaculty.offsets[c + 1]; i++) {
      resources.push(p.courseFaculty.items[i]);
    }
    const sets = p.courseStudentSets;
    for (let i = sets.offsets[c]; i < sets.offsets[c + 1]; i++) resources.push(p.nFaculty + sets.items[i]);
    for (const r of resources) bucketPush(resourceDay, r * nDays + d, j);
    for (const i of rulesOf[c]) resources.push(nFS + i);
    for (let q = 0; q < len; q++) {
      for (const r of resources) bucketPush(resourceSlot, r * nSlots + s + q, j);
      bucketPush(classSlot, classes.classOfCourse[c] * nSlots + s + q, j);
    }
    bucketPush(courseDay, c * nDays + d, j);
  }
  // Each course places its free sessions; misses are penalised.
  for (const [c, free] of freeOf) {
    const cols: number[] = [];
    for (let s = 0; s < nSlots; s++) {
      const j = varAt.get(c * nSlots + s);
      if (j !== undefined) cols.push(j);
    }
    cols.push(b.addCol(MISS_COST * p.courseLength[c], 0, free, false, COL_AUX));
    b.addRow(cols, null, free, free, ROW_FREE);
  }
  // Gap limits (gapRows.ts): their idle rows also keep one session per slot of their resources.
  const seen = (opts.gapRows ?? true) ? addGapRows(p, b, resourceSlot, occ) : new Set<string>();
  // One session per faculty member / student set / not_overlapping rule per slot (deduplicated).
  for (const cols of resourceSlot.values()) {
    if (cols.length < 2) continue;
    const key = cols.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    b.addRow(cols, null, -Infinity, 1);
  }
  if (opts.continuousRows ?? true) addContinuousRows(p, b, resourceSlot, occ);
  if (opts.minRestRows ?? true) addMinRestRows(p, b, resourceSlot, occ);
  if (opts.maxSpanRows ?? true) addMaxSpanRows(p, b, resourceSlot, occ);
  addDayLimits(p, b, resourceDay, occ, xCourse);
  const inCommunity = new Set(courses);
  if (opts.minPerDay ?? true) {
    const allHere = everyCourseHere(p, occ, inCommunity);
    addMinPerDayRows(p, b, resourceDay, occ, xCourse, allHere);
    addMinDaysRows(p, b, resourceDay, occ, allHere);
  }
  addRoomCapacity(p, b, classSlot, occ, classes);
  addSpread(p, b, courseDay, freeOf, occ);
  const rules = addRuleRows(
    ruleContext(p, b, courses, freeOf, varAt, occ, placement),
    opts.ruleKinds,
    opts.slotRuleRows ?? false,
  );
  return {
    model: b.build(),
    nX,
    xCourse: Int32Array.from(xCourse),
    xSlot: Int32Array.from(xSlot),
    sessions: Int32Array.from(sessions),
    freeOf,
    sameRooms: rules.rooms,
    sessionVars: rules.sessions,
  };
}

function setMaxPerDay(p: CompiledProblem, k: number): number {
  let limit = 0;
  for (let g = p.setGroup[k]; g >= 0; g = p.groupParent[g]) {
    const m = p.groupMaxPerDay[g];
    if (m > 0 && (limit === 0 || m < limit)) limit = m;
  }
  return limit;
}

function addDayLimits(
  p: CompiledProblem,
  b: ModelBuilder,
  resourceDay: Map<number, number[]>,
  occ: Occupancy,
  xCourse: readonly number[],
): void {
  const { nDays, nPeriods } = p;
  const dayVars = new Map<number, Map<number, number[]>>(); // faculty -> day -> vars (for max_days)
  for (const [key, cols] of resourceDay) {
    const r = Math.floor(key / nDays);
    const d = key % nDays;
    const isFaculty = r < p.nFaculty;
    const max = isFaculty ? p.facultyMaxPerDay[r] : setMaxPerDay(p, r - p.nFaculty);
    const load = isFaculty ? occ.facultyDayLoad[r * nDays + d] : occ.setDayLoad[(r - p.nFaculty) * nDays + d];
    const coefs = cols.map((j) => p.courseLength[xCourse[j]]);
    if (max > 0 && coefs.reduce((a, x) => a + x, 0) + load > max) {
      b.addRow(cols, coefs, -Infinity, Math.max(0, max - load));
    }
    if (isFaculty && p.facultyMaxDays[r] > 0 && p.facultyMaxDays[r] < nDays) {
      let days = dayVars.get(r);
      if (!days) {
        days = new Map<number, number[]>();
        dayVars.set(r, days);
      }
      days.set(d, cols);
    }
  }
  for (const [f, days] of dayVars) {
    let used = 0;
    for (let d = 0; d < nDays; d++) used += occ.facultyDayLoad[f * nDays + d] > 0 ? 1 : 0;
    const ys: number[] = [];
    for (const [d, cols] of days) {
      if (occ.facultyDayLoad[f * nDays + d] > 0) continue;
      const y = b.addCol(0, 0, 1, true, COL_INDICATOR);
      ys.push(y);
      const big = Math.min(cols.length, nPeriods);
      b.addRow([...cols, y], [...cols.map(() => 1), -big], -Infinity, 0);
    }
    if (ys.length > p.facultyMaxDays[f] - used)
      b.addRow(ys, null, -Infinity, Math.max(0, p.facultyMaxDays[f] - used));
  }
}

function addRoomCapacity(
  p: CompiledProblem,
  b: ModelBuilder,
  classSlot: Map<number, number[]>,
  occ: Occupancy,
  classes: RoomClasses,
): void {
  const { nSlots } = p;
  const present = new Set<number>();
  for (const key of classSlot.keys()) present.add(Math.floor(key / nSlots));
  for (let k = 0; k < classes.rooms.length; k++) {
    const inside = classes.subclasses[k].filter((j) => present.has(j));
    if (inside.length === 0) continue;
    for (let t = 0; t < nSlots; t++) {
      const cols: number[] = [];
      for (const j of inside) cols.push(...(classSlot.get(j * nSlots + t) ?? []));
      if (cols.length === 0) continue;
      let free = 0;
      for (const r of classes.rooms[k]) free += occ.rooms[r * nSlots + t] ? 0 : 1;
      if (cols.length > free) b.addRow(cols, null, -Infinity, free);
    }
  }
}

/** Soft min_days: w[c, d] <= sessions of c on day d, Σ_d w + short >= min_days - days already used. */
function addSpread(
  p: CompiledProblem,
  b: ModelBuilder,
  courseDay: Map<number, number[]>,
  freeOf: Map<number, number>,
  occ: Occupancy,
): void {
  const { nDays } = p;
  const weight = p.weights.min_days;
  if (weight <= 0) return;
  for (const c of freeOf.keys()) {
    let used = 0;
    for (let d = 0; d < nDays; d++) used += occ.courseDay[c * nDays + d] > 0 ? 1 : 0;
    const target = Math.min(p.courseMinDays[c], nDays) - used;
    if (target <= 0) continue;
    const ws: number[] = [];
    for (let d = 0; d < nDays; d++) {
      const cols = courseDay.get(c * nDays + d);
      if (!cols || occ.courseDay[c * nDays + d] > 0) continue;
      const w = b.addCol(0, 0, 1, false, COL_AUX);
      ws.push(w);
      b.addRow([w, ...cols], [1, ...cols.map(() => -1)], -Infinity, 0, ROW_FREE);
    }
    const short = b.addCol(weight, 0, target, false, COL_AUX);
    b.addRow([...ws, short], null, target, Infinity, ROW_FREE);
  }
}
