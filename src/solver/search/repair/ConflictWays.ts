// The pricing side of the conflict search (ConflictSearch.ts): which free sessions are in the way
// of a session at a start (inTheWay: sharing a faculty member, a student set or the room, a session
// of its course at that start, one fewer days away than a hard rule allows, a faculty member's
// least-loaded day past their day limit, a student set's sessions across gaps past its weekly
// limit, the day's sessions an ends_day rule puts after it, a tag rule's sessions past its day
// limit: dayLimitWays.ts), the room it takes there (roomFor), the
// starts worth pricing, by a lower bound of their price (startBounds), and the conflict weights and
// tabu list the prices read. ConflictSteps.ts builds the steps on it, ConflictSearch.ts the search.
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { CompiledProblem } from '../../../shared/compiled/types.ts';
import type { Rng } from '../../Rng.ts';
import type { SearchModel } from '../../SearchModel.ts';
import { repairRoom } from './repairRoom.ts';
import { buildingPenalties, buildingWay, roomPenalty } from '../buildingRooms.ts';
import { sharedRoom } from '../roomGroups.ts';
import { anchoredStart } from './tieGroups.ts';
import { dayPartners, type DayPartners } from './dayPartners.ts';
import { ViolatingSessions } from './violatingSessions.ts';
import { spanAt } from '../../../shared/compiled/span.ts';
import { attends, dayToFree, endsDayMembers, overWeekGaps, packedDayEnds } from './dayLimits.ts';
import { allGroupMates } from '../../../shared/compiled/ruleWatch.ts';
import { H } from '../../../shared/eval/incremental/kinds.ts';
import { StartList } from './startList.ts';
import { DayLimitWays } from './dayLimitWays.ts';

export interface ConflictSearchOptions {
  /** performance.now() after which the search stops. */
  deadline: number;
  /** Stop after this many steps (tests; replays exactly). */
  maxSteps?: number;
  /** Stop when the best hard cost has not fallen for this long (ms). */
  stallMs?: number;
  /**
   * Near feasibility (best hard cost at most NEAR_HARD, ConflictSearch.ts), a stall also needs this
   * many steps without a new best (default 0): the last few sessions take long wanders to place.
   */
  stallSteps?: number;
  /** Called when hard first reaches 0. */
  onFeasible?: () => void;
  /** Steps without a new best before a kick at best hard < KICK_HARD (default KICK_STEPS; Infinity: never). */
  kickSteps?: number;
  /** Hole chains for unplaced sessions (holeChain.ts; default true). */
  holeChains?: boolean;
  /** Aligned-holes moves for unplaced sessions (alignHoles.ts; default false). */
  alignHoles?: boolean;
  /** Day exchanges for unplaced sessions (dayExchange.ts; default true). */
  dayExchange?: boolean;
  /** Day rebuilds for unplaced sessions (default: on colleges with hard ends_day rules). */
  dayRebuild?: boolean;
  /** Sessions changing building too close to a start are in its way (buildingWay; default true). */
  buildingWays?: boolean;
  /**
   * Scale of the take-out price by how hard a session is to put back (replacePrices; default 0:
   * none; REPLACE_PRICE is the value measured).
   */
  replacePrice?: number;
}

/** Price of one unit of conflict weight, in hard-cost units. */
export const WEIGHT = 0.3;
/**
 * A scale for the replacePrice option that measured lower on GYR (20,000 steps from 600 repair
 * steps, seeds 1-6: best hard summed 78 against 88, every seed but one at or below) and no better on
 * Econ-Timisoara (steps to hard 0 at seeds 1-3: 9,000 / 3,000 / 4,000 against 4,000 / 2,000 /
 * 6,000): within one walk's spread on both, so it is off by default.
 */
export const REPLACE_PRICE = 0.3;

/**
 * Per session, the price of taking it out by how hard it is to put back: scale x log2(1 + d), d =
 * its course's length x (student sets + faculty) / its allowed starts (the periods it fills over
 * the places it may go). All 0 at scale 0.
 */
export function replacePrices(p: CompiledProblem, m: SearchModel, scale: number): Float64Array {
  const out = new Float64Array(p.nSessions);
  if (scale === 0) return out;
  for (let s = 0; s < p.nSessions; s++) {
    const c = p.sessionCourse[s];
    const sets = p.courseStudentSets.offsets[c + 1] - p.courseStudentSets.offsets[c];
    const faculty = p.courseFaculty.offsets[c + 1] - p.courseFaculty.offsets[c];
    const starts = Math.max(1, m.courseStarts.offsets[c + 1] - m.courseStarts.offsets[c]);
    out[s] = scale * Math.log2(1 + (p.courseLength[c] * (sets + faculty)) / starts);
  }
  return out;
}
/** Steps a session may not go back to the start it was taken out of: TABU_MIN + up to TABU_SPREAD. */
const TABU_MIN = 7;
const TABU_SPREAD = 10;
/** Added to the price of a tabu start: taken only when every start is tabu (a course with few starts). */
export const TABU_PENALTY = 1000;
/**
 * Room left in a start's lower bound for the soft tie-break (SOFT_TIE x the soft change), which
 * may lower a price: a start whose bound is this close to the best is still priced.
 */
const BOUND_SLACK = 0.5;

export abstract class ConflictWays {
  steps = 0;
  protected readonly st: IncrementalState;
  protected readonly m: SearchModel;
  protected readonly rng: Rng;
  protected readonly o: ConflictSearchOptions;
  protected readonly violating: ViolatingSessions;
  /** 1 for sessions that may be taken out (not locked, in no tie group whose pinned members disagree). */
  protected readonly free: Uint8Array;
  /** Conflict weight per session, kept as weight / scale so fading is one multiplication. */
  protected readonly weight: Float64Array;
  protected scale = 1;
  /**
   * Per session, the price of taking it out on top of its conflict weight (in hard-cost units;
   * replacePrices, the replacePrice option): between starts that take out as many sessions, the
   * search then takes out the ones that are easy to put back (at REPLACE_PRICE, a one-period
   * lesson of one class with forty starts: about 0.02) rather than a block of a whole year's
   * classes with four starts (about 2). All 0 by default.
   */
  protected readonly replacePrice: Float64Array;
  protected readonly tabuUntil: Int32Array;
  /** Sessions in the way of a trial start. */
  protected readonly way: Int32Array;
  private readonly mark: Uint8Array;
  /** The starts of the session being stepped, by a lower bound of their price (startBounds). */
  protected readonly starts: StartList;
  /** Per session, the sessions hard rules keep it days away from (dayPartners.ts). */
  private readonly partners: DayPartners;
  /** Sessions a hard ends_day rule lists (endsDayMembers), null when the college has none. */
  protected readonly endsDay: ReturnType<typeof endsDayMembers>;
  /** Per listed course and day, the period its sessions must end in (packedDayEnds), or null. */
  private readonly dayEnd: Int16Array | null;
  /** The sessions hard max_per_day and max_continuous rules put in the way (dayLimitWays.ts). */
  private readonly dayLimits: DayLimitWays;

  constructor(st: IncrementalState, m: SearchModel, rng: Rng, opts: ConflictSearchOptions) {
    const p = st.problem;
    this.st = st;
    this.m = m;
    this.rng = rng;
    this.o = opts;
    this.violating = new ViolatingSessions(st, m);
    // A tie group (hard same_time / consecutive) moves as a block, to its one start when a member
    // is pinned; not at all when pinned members disagree on it.
    const T = m.ties;
    const nGroups = T.offsets.length - 1;
    const groupFree = new Uint8Array(nGroups);
    for (let g = 0; g < nGroups; g++) groupFree[g] = anchoredStart(T, m, g) === -2 ? 0 : 1;
    this.free = new Uint8Array(p.nSessions);
    for (let s = 0; s < p.nSessions; s++) {
      const g = T.groupOf[s];
      this.free[s] = m.slotLocked[s] === 0 && m.roomLocked[s] === 0 && (g < 0 || groupFree[g] === 1) ? 1 : 0;
    }
    this.weight = new Float64Array(p.nSessions);
    this.replacePrice = replacePrices(p, m, opts.replacePrice ?? 0);
    this.tabuUntil = new Int32Array(p.nSessions * p.nSlots);
    this.way = new Int32Array(p.nSessions);
    this.mark = new Uint8Array(p.nSessions);
    this.starts = new StartList(p.nSlots);
    this.partners = dayPartners(p);
    this.dayLimits = new DayLimitWays(st);
    this.endsDay = endsDayMembers(p);
    this.dayEnd = this.endsDay === null ? null : packedDayEnds(p, this.endsDay.listed);
    // A course none of whose starts ends where it must keeps all of them.
    const dayEnd = this.dayEnd;
    if (dayEnd !== null)
      for (let c = 0; c < p.nCourses; c++) {
        let any = false;
        let forced = false;
        for (let i = m.courseStarts.offsets[c]; i < m.courseStarts.offsets[c + 1]; i++) {
          const t = m.courseStarts.items[i];
          const e = dayEnd[c * p.nDays + ((t / p.nPeriods) | 0)];
          if (e >= 0) forced = true;
          if (this.endsWhereForced(c, t)) any = true;
        }
        if (forced && !any) dayEnd.fill(-1, c * p.nDays, (c + 1) * p.nDays);
      }
  }

  /**
   * For diagnostics (bench:blockers): the room the search would give s at start t and the sessions
   * in its way there, or null when it has no room then or a session that may not move is in its way.
   */
  wayAt(s: number, t: number): { room: number; way: number[] } | null {
    const r = this.roomFor(s, t, this.st.room[s]);
    if (r < 0) return null;
    const n = this.inTheWay(s, t, r);
    return n < 0 ? null : { room: r, way: Array.from(this.way.subarray(0, n)) };
  }

  /**
   * The free sessions in the way of s at (t, r) into `way`; -1 when a session that may not move is.
   * With `most`, the look-up stops as soon as more than `most` are found (the count returned, above
   * `most`, is then partial, and -1 may go unseen): the hole chains only ask whether at most one is.
   */
  protected inTheWay(s: number, t: number, r: number, most = Infinity): number {
    const st = this.st;
    const p = st.problem;
    const c = p.sessionCourse[s];
    const len = spanAt(p, c, t);
    let n = 0;
    let blocked = false;
    // A room that is unavailable then: the start is not tried (the room would be a violation anyway).
    // Checked before any session is marked, so no mark outlives this call.
    for (let q = t; q < t + len; q++) if (p.roomUnavailable[r * p.nSlots + q] === 1) return -1;
    for (let q = t; q < t + len && n <= most; q++) {
      const base = q * st.slotCap;
      for (let i = 0; i < st.slotCount[q] && n <= most; i++) {
        const y = st.slotList[base + i];
        if (y === s || this.mark[y] === 1) continue;
        if (this.m.courseConflict[c * p.nCourses + p.sessionCourse[y]] === 0 && st.room[y] !== r) continue;
        if (this.free[y] === 0) blocked = true;
        this.mark[y] = 1;
        this.way[n++] = y;
      }
    }
    if (blocked || n > most) return this.unmarkWay(n, blocked);
    // A session of the course at that very start (it would count as a duplicate).
    const first = p.courseFirstSession[c];
    for (let y = first; y < first + p.courseSessionCount[c]; y++) {
      if (y === s || this.mark[y] === 1 || st.slot[y] !== t || st.room[y] < 0) continue;
      if (this.free[y] === 0) blocked = true;
      this.mark[y] = 1;
      this.way[n++] = y;
    }
    if (blocked || n > most) return this.unmarkWay(n, blocked);
    // A session fewer days away than a hard rule allows (min_days_apart, min_days_between,
    // different_days, on whole courses or single sessions).
    const day = (t / p.nPeriods) | 0;
    const P = this.partners;
    for (let i = P.offsets[s]; i < P.offsets[s + 1]; i++) {
      const y = P.items[i];
      if (this.mark[y] === 1 || st.slot[y] < 0 || st.room[y] < 0) continue;
      if (Math.abs(((st.slot[y] / p.nPeriods) | 0) - day) >= P.days[i]) continue;
      if (this.free[y] === 0) blocked = true;
      this.mark[y] = 1;
      this.way[n++] = y;
    }
    if (blocked || n > most) return this.unmarkWay(n, blocked);
    // A faculty member at their teaching-day limit with nothing on this day: their sessions on
    // their least-loaded other day (taking those out keeps the count of days).
    for (let i = p.courseFaculty.offsets[c]; i < p.courseFaculty.offsets[c + 1]; i++) {
      const f = p.courseFaculty.items[i];
      const e = p.facultyMaxDays[f] > 0 ? dayToFree(this.st, f, day) : -1;
      if (e < 0) continue;
      for (let a = p.facultyCourses.offsets[f]; a < p.facultyCourses.offsets[f + 1]; a++) {
        const c2 = p.facultyCourses.items[a];
        const first = p.courseFirstSession[c2];
        for (let y = first; y < first + p.courseSessionCount[c2]; y++) {
          if (y === s || this.mark[y] === 1 || st.slot[y] < 0 || st.room[y] < 0) continue;
          if (((st.slot[y] / p.nPeriods) | 0) !== e) continue;
          if (this.free[y] === 0) blocked = true;
          this.mark[y] = 1;
          this.way[n++] = y;
        }
      }
    }
    if (blocked || n > most) return this.unmarkWay(n, blocked);
    // A student set that would go over its weekly gap limit (max_gaps_per_week): its sessions of
    // that day not joined to s's periods by busy ones (taking those out closes the gaps s opens).
    // (Over the daily gap limit only, s is left to the price: taking sessions out for it was found
    // to leave more unplaced.)
    for (let i = p.courseStudentSets.offsets[c]; i < p.courseStudentSets.offsets[c + 1]; i++) {
      const k = p.courseStudentSets.items[i];
      if (this.violating.setMaxWeekGaps[k] < 0) continue;
      const q0 = t - day * p.nPeriods;
      if (!overWeekGaps(this.st, k, day, q0, len, this.violating.setMaxWeekGaps[k])) continue;
      const base = k * p.nSlots + day * p.nPeriods;
      let lo = q0;
      let hi = q0 + len - 1;
      while (lo > 0 && st.setOcc[base + lo - 1] > 0) lo--;
      while (hi < p.nPeriods - 1 && st.setOcc[base + hi + 1] > 0) hi++;
      for (let q = 0; q < p.nPeriods; q++) {
        if (q >= lo && q <= hi) continue;
        const slot = day * p.nPeriods + q;
        for (let j = 0; j < st.slotCount[slot]; j++) {
          const y = st.slotList[slot * st.slotCap + j];
          if (y === s || this.mark[y] === 1 || !attends(p, p.sessionCourse[y], k)) continue;
          if (this.free[y] === 0) blocked = true;
          this.mark[y] = 1;
          this.way[n++] = y;
        }
      }
    }
    if (blocked || n > most) return this.unmarkWay(n, blocked);
    // Hard ends_day: for a listed s, its students' sessions that would end later that day; for any
    // s, a listed session of its students that s would end after.
    const E = this.endsDay;
    if (E !== null && E.course[c] === 1) {
      const end = t + len;
      for (const c2 of allGroupMates(p)[c]) {
        const first2 = p.courseFirstSession[c2];
        for (let y = first2; y < first2 + p.courseSessionCount[c2]; y++) {
          if (y === s || this.mark[y] === 1 || st.slot[y] < 0 || st.room[y] < 0) continue;
          if (((st.slot[y] / p.nPeriods) | 0) !== day) continue;
          const yEnd = st.slot[y] + st.span[y];
          if (!(E.listed[s] === 1 && yEnd > end) && !(E.listed[y] === 1 && end > yEnd)) continue;
          if (this.free[y] === 0) blocked = true;
          this.mark[y] = 1;
          this.way[n++] = y;
        }
      }
    }
    // A building change too close to s in room r (min_gaps_between_building_changes): the sessions
    // in the other building next to it (buildingRooms.ts).
    if (this.o.buildingWays !== false)
      buildingWay(st, this.m, s, t, r, (y) => {
        if (this.mark[y] === 1) return;
        if (this.free[y] === 0) blocked = true;
        this.mark[y] = 1;
        this.way[n++] = y;
      });
    if (blocked || n > most) return this.unmarkWay(n, blocked);
    // Hard max_per_day and max_continuous: the rule's sessions of that day past its limit with s there.
    if (this.dayLimits.has(c)) {
      n = this.dayLimits.collect(s, t, len, this.mark, this.free, this.way, n);
      if (this.dayLimits.blocked) blocked = true;
    }
    return this.unmarkWay(n, blocked);
  }

  /** The end of inTheWay: the first n sessions of `way` unmarked; -1 when blocked, else n. */
  private unmarkWay(n: number, blocked: boolean): number {
    for (let i = 0; i < n; i++) this.mark[this.way[i]] = 0;
    return blocked ? -1 : n;
  }

  /**
   * The starts worth pricing for unplaced s (its allowed starts from items[from] to items[to - 1],
   * ending where they must, with a room, nothing locked in the way) into `starts`, sorted by a
   * lower bound of each one's price; returns how many. Placing s lowers
   * the hard cost by at most 1 plus what is broken now other than unplaced sessions (a rule or
   * limit it or a session taken out mends), and each session taken out that counts as placed
   * raises it by 1, so the price is at least (taken out - 1 - broken) + the weight and tabu
   * terms, less BOUND_SLACK for the soft tie-break.
   */
  protected startBounds(s: number, from: number, to: number, r0: number): number {
    const st = this.st;
    const p = st.problem;
    const c = p.sessionCourse[s];
    const broken = st.hardTotal - st.hard[H.unplaced];
    const list = this.starts;
    list.n = 0;
    for (let i = from; i < to; i++) {
      const t = this.m.courseStarts.items[i];
      if (!this.endsWhereForced(c, t)) continue;
      const r = this.roomFor(s, t, r0);
      if (r < 0) continue;
      const k = this.inTheWay(s, t, r);
      if (k < 0) continue;
      let out = 0;
      let w = 0;
      let price = 0;
      for (let j = 0; j < k; j++) {
        const y = this.way[j];
        out += st.active[y];
        w += this.weight[y];
        price += this.replacePrice[y];
      }
      const penalty = this.tabuUntil[s * p.nSlots + t] > this.steps ? TABU_PENALTY : 0;
      const low = out - 1 - broken + (WEIGHT * w) / this.scale + price + penalty - BOUND_SLACK;
      // The tie-break is drawn for every start in order, as when each one was priced.
      list.add(t, r, low, 1e-6 * this.rng.float());
    }
    return list.n;
  }

  /**
   * The room for s at t: the repair's choice (repairRoom.ts) when it is free then; otherwise the
   * allowed room where the fewest sessions would be in the way that are not in it anyway (through
   * a faculty member or a student set), so a full room column costs as few take-outs as it can.
   */
  protected roomFor(s: number, t: number, r0: number): number {
    const st = this.st;
    const m = this.m;
    const r = repairRoom(st, m, s, t, r0);
    if (r < 0 || m.roomLocked[s] === 1 || sharedRoom(st, m, s) >= 0) return r;
    let best = r;
    let bestExtra = this.roomExtra(s, t, r);
    if (bestExtra === 0) return r;
    const p = st.problem;
    const c = p.sessionCourse[s];
    const o = m.courseRooms.offsets;
    // Between rooms with as many take-outs, the one adding the fewest building changes.
    const pen = buildingPenalties(st, m, s, t);
    if (pen !== null) bestExtra += 1e-3 * roomPenalty(pen, p.roomBuilding, r);
    for (let i = o[c]; i < o[c + 1] && bestExtra > 0; i++) {
      const x = m.courseRooms.items[i];
      if (x === r) continue;
      const extra = this.roomExtra(s, t, x) + 1e-3 * roomPenalty(pen, p.roomBuilding, x);
      if (extra < bestExtra) {
        bestExtra = extra;
        best = x;
      }
    }
    return best;
  }

  /** Sessions in room x over s's periods from t that share no faculty or student set with s (Infinity: unavailable). */
  private roomExtra(s: number, t: number, x: number): number {
    const st = this.st;
    const p = st.problem;
    const c = p.sessionCourse[s];
    const len = spanAt(p, c, t);
    let extra = 0;
    for (let q = t; q < t + len; q++) {
      if (p.roomUnavailable[x * p.nSlots + q] === 1) return Infinity;
      if (st.roomOcc[x * p.nSlots + q] === 0) continue;
      const base = q * st.slotCap;
      for (let i = 0; i < st.slotCount[q]; i++) {
        const y = st.slotList[base + i];
        if (y !== s && st.room[y] === x && this.m.courseConflict[c * p.nCourses + p.sessionCourse[y]] === 0)
          extra++;
      }
    }
    return extra;
  }

  /**
   * Does a session of course c at t end where a listed course must end that day (packedDayEnds)?
   * True when nothing is forced.
   */
  protected endsWhereForced(c: number, t: number): boolean {
    const e = this.dayEnd;
    if (e === null) return true;
    const p = this.st.problem;
    const day = (t / p.nPeriods) | 0;
    const q = e[c * p.nDays + day];
    return q < 0 || (t % p.nPeriods) + spanAt(p, c, t) - 1 === q;
  }

  /** Forbid s to start at t again for a while. */
  protected tabu(s: number, t: number): void {
    this.tabuUntil[s * this.st.problem.nSlots + t] = this.steps + TABU_MIN + this.rng.int(TABU_SPREAD);
  }
}
