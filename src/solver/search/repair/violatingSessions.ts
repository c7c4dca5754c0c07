// Which sessions a hard repair should move, found from the occupancy tables without trying moves:
// movable sessions that are unplaced; holding a start another session of their course waits at; in a clash (room, faculty, student set); at a start or in a
// room of their own that breaks a hard rule of the session (start not allowed, room not allowed or
// unavailable); on a (faculty | student set, day) row over its daily load, gap, max_continuous or
// max_span limit, or resting less than min_rest before or after it, or under a group's min_per_day, or
// over a building-change limit (BuildingCosts.eachBadRow); of a faculty member over the weekly load, teaching-day or
// weekly gap limit, or under the teaching-day minimum or a day's minimum (then every day's sessions: one may move in
// or the few leave); of a student set over a weekly gap limit; of a student set over max_late_starts
// (its sessions on the days that begin after the first period); or of a course
// in a hard rule that is broken around it (ruleCheck.ts). Sessions in a room that a session in a room
// clash could use come along as helpers.
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { SearchModel } from '../../SearchModel.ts';
import { H } from '../../../shared/eval/incremental/kinds.ts';
import { facultyLimited } from '../../../shared/eval/problemFacts.ts';
import { dayRuns } from '../../../shared/eval/continuous.ts';
import { lateStartExcess, startOf } from '../../../shared/eval/lateStarts.ts';
import { dayMask, restShort } from '../../../shared/eval/rest.ts';
import { breaksRule, hardRulesByCourse } from './ruleCheck.ts';
import { everyRule } from '../../../shared/compiled/ruleMembers.ts';
import type { CompiledRule } from '../../../shared/compiled/types.ts';
import { freeUnavailable } from '../../../shared/eval/facultyDays.ts';

const OVER = 1;
const UNDER = 2;

export class ViolatingSessions {
  private readonly st: IncrementalState;
  private readonly m: SearchModel;
  /** Strictest limits over each student set's group and its ancestors (0 / -1 = none). */
  private readonly setMaxDay: Int32Array;
  private readonly setMinDay: Int32Array;
  private readonly setMaxGaps: Int32Array;
  readonly setMaxWeekGaps: Int32Array;
  private readonly setMaxRun: Int32Array;
  private readonly setMaxLate: Int32Array;
  private readonly setMaxSpan: Int32Array;
  private readonly setMinRest: Int32Array;
  private readonly setLimited: Uint8Array;
  private readonly facLimited: Uint8Array;
  /** 1 for courses named by a hard rule; the hard rules of each course. */
  private readonly ruleCourse: Uint8Array;
  private readonly courseRules: { offsets: Int32Array; items: Int32Array };
  /** Every rule the evaluator counts; courseRules indexes into it. */
  private readonly rules: CompiledRule[];
  private readonly mark: Uint8Array;
  /**
   * 1 for the sessions of the last collect() that are not in violation themselves but sit in a
   * room that a session in a room clash may use (moving one away frees the room).
   */
  readonly helper: Uint8Array;

  constructor(st: IncrementalState, m: SearchModel) {
    const p = st.problem;
    this.st = st;
    this.m = m;
    this.setMaxDay = new Int32Array(p.nStudentSets);
    this.setMinDay = new Int32Array(p.nStudentSets);
    this.setMaxGaps = new Int32Array(p.nStudentSets).fill(-1);
    this.setMaxWeekGaps = new Int32Array(p.nStudentSets).fill(-1);
    this.setMaxRun = new Int32Array(p.nStudentSets);
    this.setMaxLate = new Int32Array(p.nStudentSets).fill(-1);
    this.setMaxSpan = new Int32Array(p.nStudentSets);
    this.setMinRest = new Int32Array(p.nStudentSets);
    this.setLimited = new Uint8Array(p.nStudentSets);
    for (let k = 0; k < p.nStudentSets; k++) {
      for (let g = p.setGroup[k]; g >= 0; g = p.groupParent[g]) {
        const max = p.groupMaxPerDay[g];
        if (max > 0 && (this.setMaxDay[k] === 0 || max < this.setMaxDay[k])) this.setMaxDay[k] = max;
        if (p.groupMinPerDay[g] > this.setMinDay[k]) this.setMinDay[k] = p.groupMinPerDay[g];
        const gaps = p.groupMaxGapsPerDay[g];
        if (gaps >= 0 && (this.setMaxGaps[k] < 0 || gaps < this.setMaxGaps[k])) this.setMaxGaps[k] = gaps;
        const week = p.groupMaxGapsPerWeek[g];
        if (week >= 0 && (this.setMaxWeekGaps[k] < 0 || week < this.setMaxWeekGaps[k]))
          this.setMaxWeekGaps[k] = week;
        const run = p.groupMaxContinuous[g];
        if (run > 0 && (this.setMaxRun[k] === 0 || run < this.setMaxRun[k])) this.setMaxRun[k] = run;
        const late = p.groupMaxLateStarts[g];
        if (late >= 0 && (this.setMaxLate[k] < 0 || late < this.setMaxLate[k])) this.setMaxLate[k] = late;
        const span = p.groupMaxSpan[g];
        if (span > 0 && (this.setMaxSpan[k] === 0 || span < this.setMaxSpan[k])) this.setMaxSpan[k] = span;
        if (p.groupMinRest[g] > this.setMinRest[k]) this.setMinRest[k] = p.groupMinRest[g];
      }
      this.setLimited[k] =
        this.setMaxDay[k] > 0 ||
        this.setMinDay[k] > 0 ||
        this.setMaxGaps[k] >= 0 ||
        this.setMaxWeekGaps[k] >= 0 ||
        this.setMaxRun[k] > 0 ||
        this.setMaxLate[k] >= 0 ||
        this.setMaxSpan[k] > 0 ||
        this.setMinRest[k] > 0
          ? 1
          : 0;
    }
    this.facLimited = new Uint8Array(p.nFaculty);
    for (let f = 0; f < p.nFaculty; f++) this.facLimited[f] = facultyLimited(p, f) ? 1 : 0;
    this.courseRules = hardRulesByCourse(p);
    this.rules = everyRule(p);
    this.ruleCourse = new Uint8Array(p.nCourses);
    for (let c = 0; c < p.nCourses; c++)
      this.ruleCourse[c] = this.courseRules.offsets[c + 1] > this.courseRules.offsets[c] ? 1 : 0;
    this.mark = new Uint8Array(p.nSessions);
    this.helper = new Uint8Array(p.nSessions);
  }

  /** Is session s (movable) unplaced, or in a clash or at a start or room that breaks a rule of its own? */
  private badOnItsOwn(s: number): boolean {
    const st = this.st;
    const m = this.m;
    if (st.active[s] === 0) return true;
    const p = st.problem;
    const nS = p.nSlots;
    const t = st.slot[s];
    const r = st.room[s];
    const c = p.sessionCourse[s];
    if (m.allowedStart[c * nS + t] === 0 || m.allowedRoom[c * p.nRooms + r] === 0) return true;
    // Holding a start another session of its course waits at (that one counts as not placed).
    if (st.waitingDuplicates(c))
      for (let x = p.courseFirstSession[c]; x < p.courseFirstSession[c] + p.courseSessionCount[c]; x++)
        if (x !== s && st.active[x] === 0 && st.slot[x] === t && st.room[x] >= 0) return true;
    const end = t + st.span[s];
    for (let q = t; q < end; q++) {
      if (st.roomOcc[r * nS + q] > 1 || p.roomUnavailable[r * nS + q] === 1) return true;
      for (let i = p.courseFaculty.offsets[c]; i < p.courseFaculty.offsets[c + 1]; i++)
        if (st.facultyOcc[p.courseFaculty.items[i] * nS + q] > 1) return true;
      for (let i = p.courseStudentSets.offsets[c]; i < p.courseStudentSets.offsets[c + 1]; i++)
        if (st.setOcc[p.courseStudentSets.items[i] * nS + q] > 1) return true;
    }
    return false;
  }

  /** Is session s still worth a repair move? (A quick re-check before moving it.) */
  isViolating(s: number): boolean {
    const m = this.m;
    if (m.slotLocked[s] === 1 && m.roomLocked[s] === 1) return false;
    if (this.badOnItsOwn(s)) return true;
    const st = this.st;
    const p = st.problem;
    const c = p.sessionCourse[s];
    const day = (st.slot[s] / p.nPeriods) | 0;
    for (let i = p.courseFaculty.offsets[c]; i < p.courseFaculty.offsets[c + 1]; i++) {
      const f = p.courseFaculty.items[i];
      if (this.facLimited[f] === 1 && (this.facultyDayBad(f, day) || this.facultyWeekBad(f))) return true;
    }
    for (let i = p.courseStudentSets.offsets[c]; i < p.courseStudentSets.offsets[c + 1]; i++) {
      const k = p.courseStudentSets.items[i];
      if (this.setLimited[k] === 0) continue;
      if (this.setDayBad(k, day) !== 0 || this.setWeekBad(k)) return true;
      if (this.setMaxLate[k] >= 0 && this.dayStart(k, day) !== 0 && this.setLateBad(k)) return true;
      if (this.setMinDay[k] > 0 && st.hard[H.groupMinPerDay] > 0)
        for (let e = 0; e < p.nDays; e++) if (this.setDayBad(k, e) === UNDER) return true;
    }
    if (st.buildings.sessionBad(s)) return true;
    return this.ruleCourse[c] === 1 && this.ruleBroken(s);
  }

  private ruleBroken(s: number): boolean {
    const st = this.st;
    if (st.active[s] === 0) return false;
    const c = st.problem.sessionCourse[s];
    const r = this.courseRules;
    // A rule that counts nothing has no broken pair (breaksRule agrees with the count).
    for (let i = r.offsets[c]; i < r.offsets[c + 1]; i++)
      if (st.rules.costOf(r.items[i]) !== 0 && breaksRule(st, this.rules[r.items[i]], s)) return true;
    return false;
  }

  /**
   * Load of one day of a row of occupancy counts; its idle periods between busy ones go to `gaps`
   * (a free period marked in `off`, a faculty member's or student set's unavailability laid out as
   * `occ`, is not idle).
   */
  private dayStats(occ: Int32Array, base: number, off?: Uint8Array): number {
    const nP = this.st.problem.nPeriods;
    let load = 0;
    let first = -1;
    let last = -1;
    let busy = 0;
    for (let q = 0; q < nP; q++) {
      const v = occ[base + q];
      if (v === 0) continue;
      load += v;
      busy++;
      if (first < 0) first = q;
      last = q;
    }
    this.gaps = first < 0 ? 0 : last - first + 1 - busy;
    this.span = first < 0 ? 0 : last - first + 1;
    if (off) this.gaps -= freeUnavailable(occ, base, off, base, first, last);
    return load;
  }

  private gaps = 0;
  /** Periods from the first busy period to the last of the day dayStats() read last. */
  private span = 0;

  /** 0 = the (set, day) row keeps its limits, OVER = over a load or gap limit, UNDER = under min_per_day. */
  private setDayBad(k: number, day: number): number {
    const p = this.st.problem;
    const load = this.dayStats(this.st.setOcc, k * p.nSlots + day * p.nPeriods, p.setUnavailable);
    if (load === 0) return 0;
    if (this.setMinRest[k] > 0 && this.restBad(this.st.setOcc, k, day, this.setMinRest[k])) return OVER;
    if (this.setMaxDay[k] > 0 && load > this.setMaxDay[k]) return OVER;
    if (this.setMaxGaps[k] >= 0 && this.gaps > this.setMaxGaps[k]) return OVER;
    if (this.setMaxSpan[k] > 0 && this.span > this.setMaxSpan[k]) return OVER;
    if (this.setMaxRun[k] > 0 && this.runOver(this.st.setOcc, k, day, this.setMaxRun[k])) return OVER;
    return load < this.setMinDay[k] ? UNDER : 0;
  }

  private facultyDayBad(f: number, day: number): boolean {
    const p = this.st.problem;
    const load = this.dayStats(this.st.facultyOcc, f * p.nSlots + day * p.nPeriods, p.facultyUnavailable);
    if (p.facultyMaxPerDay[f] > 0 && load > p.facultyMaxPerDay[f]) return true;
    if (p.facultyMaxSpan[f] > 0 && this.span > p.facultyMaxSpan[f]) return true;
    if (load > 0 && p.facultyMinRest[f] > 0 && this.restBad(this.st.facultyOcc, f, day, p.facultyMinRest[f]))
      return true;
    if (p.facultyMaxContinuous[f] > 0 && this.runOver(this.st.facultyOcc, f, day, p.facultyMaxContinuous[f]))
      return true;
    return p.facultyMaxGapsPerDay[f] >= 0 && this.gaps > p.facultyMaxGapsPerDay[f];
  }

  /** Does row `row` of `occ` rest less than `min` between `day` and the day before or after it? */
  private restBad(occ: Int32Array, row: number, day: number, min: number): boolean {
    const p = this.st.problem;
    const mask = (d: number): number => dayMask(p, occ, row * p.nSlots + d * p.nPeriods);
    const here = mask(day);
    return (
      (day > 0 && restShort(mask(day - 1), here, p.nPeriods, min) > 0) ||
      (day + 1 < p.nDays && restShort(here, mask(day + 1), p.nPeriods, min) > 0)
    );
  }

  /** Has row `row` of `occ` a run of periods in a row longer than `max` on `day`? */
  private runOver(occ: Int32Array, row: number, day: number, max: number): boolean {
    const p = this.st.problem;
    return dayRuns(p, occ, row * p.nSlots + day * p.nPeriods, max).excess > 0;
  }

  /** Over a weekly limit, or under a minimum (a day short of periods, the week short of days). */
  private facultyWeekBad(f: number): boolean {
    const p = this.st.problem;
    const minDay = p.facultyMinPerDay[f];
    if (
      p.facultyMaxPerWeek[f] === 0 &&
      p.facultyMaxDays[f] === 0 &&
      p.facultyMaxGapsPerWeek[f] < 0 &&
      p.facultyMinDays[f] === 0 &&
      minDay === 0
    )
      return false;
    let load = 0;
    let days = 0;
    let gaps = 0;
    let under = false;
    for (let day = 0; day < p.nDays; day++) {
      const l = this.dayStats(this.st.facultyOcc, f * p.nSlots + day * p.nPeriods, p.facultyUnavailable);
      load += l;
      days += l > 0 ? 1 : 0;
      gaps += this.gaps;
      if (l > 0 && l < minDay) under = true;
    }
    return (
      under ||
      (p.facultyMaxPerWeek[f] > 0 && load > p.facultyMaxPerWeek[f]) ||
      (p.facultyMaxDays[f] > 0 && days > p.facultyMaxDays[f]) ||
      (p.facultyMaxGapsPerWeek[f] >= 0 && gaps > p.facultyMaxGapsPerWeek[f]) ||
      days < p.facultyMinDays[f]
    );
  }

  /** Is student set k over the strictest weekly gap limit of its groups? */
  private setWeekBad(k: number): boolean {
    const max = this.setMaxWeekGaps[k];
    if (max < 0) return false;
    const p = this.st.problem;
    let gaps = 0;
    for (let day = 0; day < p.nDays; day++) {
      this.dayStats(this.st.setOcc, k * p.nSlots + day * p.nPeriods, p.setUnavailable);
      gaps += this.gaps;
    }
    return gaps > max;
  }

  /** How student set k's day begins (../../../shared/eval/lateStarts.ts): 0 first period or free, 1 second, 2 later. */
  private dayStart(k: number, day: number): number {
    const p = this.st.problem;
    const base = k * p.nSlots + day * p.nPeriods;
    let first = -1;
    for (let q = 0; q < p.nPeriods && first < 0; q++) if (this.st.setOcc[base + q] > 0) first = q;
    return startOf(first);
  }

  /** Does student set k begin after the first period on more days than its strictest max_late_starts? */
  private setLateBad(k: number): boolean {
    const p = this.st.problem;
    let second = 0;
    let later = 0;
    for (let day = 0; day < p.nDays; day++) {
      const v = this.dayStart(k, day);
      if (v === 1) second++;
      else if (v === 2) later++;
    }
    return lateStartExcess(second, later, this.setMaxLate[k]) > 0;
  }

  /** Mark the active sessions of course c on `day` (every day when day < 0). */
  private markCourse(c: number, day: number): void {
    const st = this.st;
    const p = st.problem;
    for (let s = p.courseFirstSession[c]; s < p.courseFirstSession[c] + p.courseSessionCount[c]; s++)
      if (st.active[s] === 1 && (day < 0 || ((st.slot[s] / p.nPeriods) | 0) === day)) this.mark[s] = 1;
  }

  /**
   * Write the sessions to repair into `out` (in session order, each once) and return how many;
   * with `helpers`, also those that could free a room for a session in a room clash.
   */
  collect(out: Int32Array, helpers = false): number {
    const st = this.st;
    const m = this.m;
    const p = st.problem;
    const mark = this.mark;
    const h = st.hard;
    // Only the kinds with a cost now are looked for.
    const rules = h[H.rule] > 0;
    const facultyWeek =
      h[H.facultyMaxPerWeek] +
        h[H.facultyMaxDays] +
        h[H.facultyMaxGapsPerWeek] +
        h[H.facultyMinDays] +
        h[H.facultyMinPerDay] >
      0;
    const facultyDay =
      h[H.facultyMaxPerDay] +
        h[H.facultyMaxGaps] +
        h[H.facultyMaxContinuous] +
        h[H.facultyMaxSpan] +
        h[H.facultyMinRest] >
      0;
    const setWeek = h[H.groupMaxGapsPerWeek] > 0;
    const setLate = h[H.groupMaxLateStarts] > 0;
    const sets =
      h[H.groupMaxPerDay] +
        h[H.groupMinPerDay] +
        h[H.groupMaxGaps] +
        h[H.groupMaxGapsPerWeek] +
        h[H.groupMaxContinuous] +
        h[H.groupMaxLateStarts] +
        h[H.groupMaxSpan] +
        h[H.groupMinRest] >
      0;
    const rows =
      h[H.rule] +
      h[H.facultyMaxPerWeek] +
      h[H.facultyMaxDays] +
      h[H.facultyMaxGapsPerWeek] +
      h[H.facultyMinDays] +
      h[H.facultyMinPerDay] +
      h[H.groupMaxGapsPerWeek] +
      h[H.facultyMaxPerDay] +
      h[H.facultyMaxGaps] +
      h[H.groupMaxPerDay] +
      h[H.groupMinPerDay] +
      h[H.groupMaxGaps] +
      h[H.facultyMaxContinuous] +
      h[H.groupMaxContinuous] +
      h[H.groupMaxLateStarts] +
      h[H.facultyMaxSpan] +
      h[H.groupMaxSpan] +
      h[H.facultyMinRest] +
      h[H.groupMinRest];
    const buildings =
      h[H.facultyMaxBuildingChanges] +
      h[H.facultyMaxBuildingChangesPerWeek] +
      h[H.facultyMinBuildingGaps] +
      h[H.groupMaxBuildingChanges] +
      h[H.groupMaxBuildingChangesPerWeek] +
      h[H.groupMinBuildingGaps];
    const own = st.hardTotal - rows - buildings > 0;
    // Over a building-change limit: the day's sessions of that person (one may change room or leave).
    if (buildings > 0) st.buildings.eachBadRow((c, day) => this.markCourse(c, day));
    if (own || rules)
      for (let s = 0; s < p.nSessions; s++) {
        const c = p.sessionCourse[s];
        if ((own && this.badOnItsOwn(s)) || (rules && this.ruleCourse[c] === 1 && this.ruleBroken(s)))
          mark[s] = 1;
      }
    if (facultyWeek || facultyDay)
      for (let f = 0; f < p.nFaculty; f++) {
        if (this.facLimited[f] === 0) continue;
        const week = facultyWeek && this.facultyWeekBad(f);
        for (let day = 0; day < p.nDays; day++)
          if (week || (facultyDay && this.facultyDayBad(f, day)))
            for (let i = p.facultyCourses.offsets[f]; i < p.facultyCourses.offsets[f + 1]; i++)
              this.markCourse(p.facultyCourses.items[i], week ? -1 : day);
      }
    if (sets)
      for (let k = 0; k < p.nStudentSets; k++) {
        if (this.setLimited[k] === 0) continue;
        if (setWeek && this.setWeekBad(k)) {
          for (let i = p.setCourses.offsets[k]; i < p.setCourses.offsets[k + 1]; i++)
            this.markCourse(p.setCourses.items[i], -1);
          continue;
        }
        // Over max_late_starts: the sessions of the days that begin late (one may move to the first
        // period, or the day's few leave it).
        if (setLate && this.setMaxLate[k] >= 0 && this.setLateBad(k))
          for (let day = 0; day < p.nDays; day++)
            if (this.dayStart(k, day) !== 0)
              for (let i = p.setCourses.offsets[k]; i < p.setCourses.offsets[k + 1]; i++)
                this.markCourse(p.setCourses.items[i], day);
        for (let day = 0; day < p.nDays; day++) {
          const bad = this.setDayBad(k, day);
          // A day under its minimum is mended from any day: a session moves in, or the few leave.
          if (bad !== 0)
            for (let i = p.setCourses.offsets[k]; i < p.setCourses.offsets[k + 1]; i++)
              this.markCourse(p.setCourses.items[i], bad === UNDER ? -1 : day);
        }
      }
    this.helper.fill(0);
    if (helpers && h[H.roomClash] > 0) this.markRoomHelpers();
    let n = 0;
    for (let s = 0; s < p.nSessions; s++)
      if (mark[s] !== 0) {
        if (mark[s] === 2) this.helper[s] = 1;
        mark[s] = 0;
        if (m.slotLocked[s] === 0 || m.roomLocked[s] === 0) out[n++] = s;
      }
    return n;
  }

  /**
   * For each marked session in a room clash, mark (2) the sessions in the other rooms it may use
   * over its periods: one of them moving away frees a room for it.
   */
  private markRoomHelpers(): void {
    const st = this.st;
    const m = this.m;
    const p = st.problem;
    const nS = p.nSlots;
    for (let s = 0; s < p.nSessions; s++) {
      if (this.mark[s] !== 1 || st.active[s] === 0) continue;
      const r = st.room[s];
      const c = p.sessionCourse[s];
      const end = st.slot[s] + st.span[s];
      let clash = false;
      for (let q = st.slot[s]; q < end; q++) if (st.roomOcc[r * nS + q] > 1) clash = true;
      if (!clash) continue;
      for (let q = st.slot[s]; q < end; q++) {
        const base = q * st.slotCap;
        for (let i = 0; i < st.slotCount[q]; i++) {
          const x = st.slotList[base + i];
          if (x !== s && this.mark[x] === 0 && m.allowedRoom[c * p.nRooms + st.room[x]] === 1)
            this.mark[x] = 2;
        }
      }
    }
  }
}
