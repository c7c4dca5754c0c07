// Building changes (../buildings.ts) of the faculty and student sets that have such a limit, kept per
// (person, day): a move recomputes the rows of its course's faculty and sets on the days it leaves
// and enters, from the person's sessions that day (a room move changes them too). A group's limits
// take the worst set below it, per day and per week.
import type { CompiledProblem } from '../../compiled/types.ts';
import { H } from './kinds.ts';
import { dayChanges, facultyBuildingLimited, groupBuildingLimited, layDay } from '../buildings.ts';
import type { Placed } from '../buildings.ts';

export interface BuildingView extends Placed {
  readonly problem: CompiledProblem;
  readonly hard: Float64Array;
}

export class BuildingCosts {
  private readonly st: BuildingView;
  private readonly p: CompiledProblem;
  /** False when no limit can be broken (no such limit, or fewer than two buildings). */
  readonly any: boolean;
  private readonly facLimited: Uint8Array;
  /** Per set: the groups at or above it with a building limit (CSR); per group: the sets below it. */
  private readonly setGroupOffsets: Int32Array;
  private readonly setGroupItems: Int32Array;
  private readonly groupSetOffsets: Int32Array;
  private readonly groupSetItems: Int32Array;
  /** Per (faculty, day): changes, changes too close, changes over the daily limit; per faculty: week. */
  private readonly facChanges: Int32Array;
  private readonly facShort: Int32Array;
  private readonly facWeek: Int32Array;
  private readonly facDayOver: Int32Array;
  private readonly facWeekOver: Int32Array;
  /** Per (set, day): changes; per set: changes summed over the week. */
  private readonly setChanges: Int32Array;
  private readonly setWeek: Int32Array;
  /** Per (group, day): worst set's changes over the limit, worst set's changes too close; per group: worst week over. */
  private readonly groupDayOver: Int32Array;
  private readonly groupShort: Int32Array;
  private readonly groupWeekOver: Int32Array;
  private readonly day: Int32Array;
  private readonly out = new Int32Array(2);

  constructor(st: BuildingView) {
    this.st = st;
    const p = st.problem;
    this.p = p;
    this.facLimited = new Uint8Array(p.nFaculty);
    let any = false;
    for (let f = 0; f < p.nFaculty; f++)
      if (facultyBuildingLimited(p, f)) {
        this.facLimited[f] = 1;
        any = true;
      }
    const above: number[][] = Array.from({ length: p.nStudentSets }, () => []);
    const below: number[][] = Array.from({ length: p.nGroups }, () => []);
    for (let k = 0; k < p.nStudentSets; k++)
      for (let g = p.setGroup[k]; g >= 0; g = p.groupParent[g])
        if (groupBuildingLimited(p, g)) {
          above[k].push(g);
          below[g].push(k);
          any = true;
        }
    this.any = any && p.buildings.length >= 2;
    [this.setGroupOffsets, this.setGroupItems] = flatten(above);
    [this.groupSetOffsets, this.groupSetItems] = flatten(below);
    const nD = p.nDays;
    this.facChanges = new Int32Array(p.nFaculty * nD);
    this.facShort = new Int32Array(p.nFaculty * nD);
    this.facWeek = new Int32Array(p.nFaculty);
    this.facDayOver = new Int32Array(p.nFaculty * nD);
    this.facWeekOver = new Int32Array(p.nFaculty);
    this.setChanges = new Int32Array(p.nStudentSets * nD);
    this.setWeek = new Int32Array(p.nStudentSets);
    this.groupDayOver = new Int32Array(p.nGroups * nD);
    this.groupShort = new Int32Array(p.nGroups * nD);
    this.groupWeekOver = new Int32Array(p.nGroups);
    this.day = new Int32Array(p.nPeriods);
  }

  /**
   * Each (course, day) whose sessions a repair should move for a building-change limit: the courses
   * of a faculty member (of the student sets below a group) on a day over the daily limit or with a
   * change too close, and on every day with a change when the weekly limit is broken.
   */
  eachBadRow(markCourse: (c: number, day: number) => void): void {
    if (!this.any) return;
    const p = this.p;
    for (let f = 0; f < p.nFaculty; f++)
      for (let d = 0; d < p.nDays; d++)
        if (this.facultyBad(f, d))
          for (let x = p.facultyCourses.offsets[f]; x < p.facultyCourses.offsets[f + 1]; x++)
            markCourse(p.facultyCourses.items[x], d);
    for (let k = 0; k < p.nStudentSets; k++)
      for (let d = 0; d < p.nDays; d++)
        if (this.setBad(k, d))
          for (let x = p.setCourses.offsets[k]; x < p.setCourses.offsets[k + 1]; x++)
            markCourse(p.setCourses.items[x], d);
  }

  /** Is active session s on a row eachBadRow names (of its faculty or student sets, on its day)? */
  sessionBad(s: number): boolean {
    if (!this.any) return false;
    const st = this.st;
    const p = this.p;
    if (st.span[s] <= 0) return false;
    const c = p.sessionCourse[s];
    const d = (st.slot[s] / p.nPeriods) | 0;
    for (let i = p.courseFaculty.offsets[c]; i < p.courseFaculty.offsets[c + 1]; i++)
      if (this.facultyBad(p.courseFaculty.items[i], d)) return true;
    for (let i = p.courseStudentSets.offsets[c]; i < p.courseStudentSets.offsets[c + 1]; i++)
      if (this.setBad(p.courseStudentSets.items[i], d)) return true;
    return false;
  }

  private facultyBad(f: number, d: number): boolean {
    if (this.facLimited[f] === 0) return false;
    const i = f * this.p.nDays + d;
    return (
      this.facDayOver[i] > 0 || this.facShort[i] > 0 || (this.facWeekOver[f] > 0 && this.facChanges[i] > 0)
    );
  }

  /** A set with changes on day d below a group whose limits are broken that day (or that week). */
  private setBad(k: number, d: number): boolean {
    const nD = this.p.nDays;
    if (this.setChanges[k * nD + d] === 0) return false;
    for (let x = this.setGroupOffsets[k]; x < this.setGroupOffsets[k + 1]; x++) {
      const g = this.setGroupItems[x];
      const j = g * nD + d;
      if (this.groupDayOver[j] > 0 || this.groupShort[j] > 0 || this.groupWeekOver[g] > 0) return true;
    }
    return false;
  }

  /** Course c's sessions changed on `day`: recompute its faculty's and sets' rows there. */
  courseChanged(c: number, day: number): void {
    if (!this.any) return;
    const p = this.p;
    const fo = p.courseFaculty.offsets;
    for (let i = fo[c]; i < fo[c + 1]; i++) {
      const f = p.courseFaculty.items[i];
      if (this.facLimited[f] === 1) this.facultyRow(f, day);
    }
    const so = p.courseStudentSets.offsets;
    for (let i = so[c]; i < so[c + 1]; i++) {
      const k = p.courseStudentSets.items[i];
      if (this.setGroupOffsets[k + 1] > this.setGroupOffsets[k]) this.setRow(k, day);
    }
  }

  private facultyRow(f: number, d: number): void {
    const p = this.p;
    const i = f * p.nDays + d;
    const min = p.facultyMinGapsBetweenBuildingChanges[f];
    layDay(p, this.st, p.facultyCourses, f, d, this.day);
    dayChanges(this.day, p.nPeriods, min, this.out);
    const [changes, short] = this.out;
    const hard = this.st.hard;
    hard[H.facultyMinBuildingGaps] += short - this.facShort[i];
    this.facShort[i] = short;
    this.facWeek[f] += changes - this.facChanges[i];
    this.facChanges[i] = changes;
    const maxDay = p.facultyMaxBuildingChangesPerDay[f];
    const dayOver = maxDay >= 0 && changes > maxDay ? changes - maxDay : 0;
    hard[H.facultyMaxBuildingChanges] += dayOver - this.facDayOver[i];
    this.facDayOver[i] = dayOver;
    const maxWeek = p.facultyMaxBuildingChangesPerWeek[f];
    const weekOver = maxWeek >= 0 && this.facWeek[f] > maxWeek ? this.facWeek[f] - maxWeek : 0;
    hard[H.facultyMaxBuildingChangesPerWeek] += weekOver - this.facWeekOver[f];
    this.facWeekOver[f] = weekOver;
  }

  private setRow(k: number, d: number): void {
    const p = this.p;
    const i = k * p.nDays + d;
    layDay(p, this.st, p.setCourses, k, d, this.day);
    dayChanges(this.day, p.nPeriods, 0, this.out);
    this.setWeek[k] += this.out[0] - this.setChanges[i];
    this.setChanges[i] = this.out[0];
    for (let x = this.setGroupOffsets[k]; x < this.setGroupOffsets[k + 1]; x++)
      this.groupRow(this.setGroupItems[x], d);
  }

  /** The group's limits on day d and in the week, over the sets below it (the worst set counts). */
  private groupRow(g: number, d: number): void {
    const p = this.p;
    const maxDay = p.groupMaxBuildingChangesPerDay[g];
    const maxWeek = p.groupMaxBuildingChangesPerWeek[g];
    const min = p.groupMinGapsBetweenBuildingChanges[g];
    let most = 0;
    let shortest = 0;
    let mostWeek = 0;
    for (let x = this.groupSetOffsets[g]; x < this.groupSetOffsets[g + 1]; x++) {
      const k = this.groupSetItems[x];
      const i = k * p.nDays + d;
      if (this.setChanges[i] > most) most = this.setChanges[i];
      if (this.setWeek[k] > mostWeek) mostWeek = this.setWeek[k];
      if (min > 0 && this.setChanges[i] > 0) {
        layDay(p, this.st, p.setCourses, k, d, this.day);
        dayChanges(this.day, p.nPeriods, min, this.out);
        if (this.out[1] > shortest) shortest = this.out[1];
      }
    }
    const j = g * p.nDays + d;
    const hard = this.st.hard;
    const dayOver = maxDay >= 0 && most > maxDay ? most - maxDay : 0;
    hard[H.groupMaxBuildingChanges] += dayOver - this.groupDayOver[j];
    this.groupDayOver[j] = dayOver;
    hard[H.groupMinBuildingGaps] += shortest - this.groupShort[j];
    this.groupShort[j] = shortest;
    const weekOver = maxWeek >= 0 && mostWeek > maxWeek ? mostWeek - maxWeek : 0;
    hard[H.groupMaxBuildingChangesPerWeek] += weekOver - this.groupWeekOver[g];
    this.groupWeekOver[g] = weekOver;
  }
}

function flatten(rows: number[][]): [Int32Array, Int32Array] {
  const offsets = new Int32Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) offsets[i + 1] = offsets[i] + rows[i].length;
  return [offsets, Int32Array.from(rows.flat())];
}
