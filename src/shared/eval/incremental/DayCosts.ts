// Costs of the (student set | faculty, day) rows, as ../groupDays.ts and ../facultyDays.ts count
// them: isolated sessions, idle gaps, daily and weekly limits, group limits over the sets below a
// group. Each row's cost is cached; a move recomputes only the rows of its course's sets and
// faculty on the days it leaves and enters. Per (set, day) the busy periods, the periods with two
// or more sessions and the periods where a session starts are kept as bit masks, and the load as a
// count, so that a row is recomputed from a few words; a row without group or faculty limits
// counts only its isolated sessions and gaps.
import type { CompiledProblem } from '../../compiled/types.ts';
import { H, S } from './kinds.ts';
import { facultyLimited, groupLimited } from '../problemFacts.ts';
import { blockEndMask, maskRunExcess } from '../continuous.ts';
import { lateStartExcess, maskStart } from '../lateStarts.ts';
import { restShort } from '../rest.ts';

/** What the state exposes to its row costs. */
export interface OccupancyView {
  readonly problem: CompiledProblem;
  readonly setOcc: Int32Array;
  readonly facultyOcc: Int32Array;
  readonly hard: Float64Array;
  readonly soft: Float64Array;
}

export class DayCosts {
  private readonly st: OccupancyView;
  private readonly p: CompiledProblem;
  /** Busy periods per (set, day) as bit masks (bit q = period q). */
  readonly setMask: Int32Array;
  /** Per (set, day): periods where two or more sessions meet; periods where a session starts. */
  private readonly setClash: Int32Array;
  private readonly setStarts: Int32Array;
  private readonly facMask: Int32Array;
  /** Unavailable periods per (faculty, day) as bit masks: not idle time when free. */
  private readonly facOffMask: Int32Array;
  /** The same per (set, day), from problem.setUnavailable. */
  private readonly setOffMask: Int32Array;
  /** Per (set, slot): active sessions starting there. */
  private readonly startCount: Int32Array;
  // Cached row values.
  /** Cached isolated cost (weighted) per (set, day). */
  readonly setIsolated: Float64Array;
  private readonly setGaps: Float64Array;
  private readonly setLoad: Int32Array;
  private readonly setGapCount: Int32Array;
  private readonly facGaps: Float64Array;
  private readonly facOverDay: Int32Array;
  private readonly facOverGaps: Int32Array;
  private readonly facLoad: Int32Array;
  private readonly facWeekLoad: Int32Array;
  private readonly facDays: Int32Array;
  private readonly facWeekOver: Int32Array;
  private readonly facDaysOver: Int32Array;
  private readonly facUnderDay: Int32Array;
  private readonly facGapCount: Int32Array;
  private readonly facWeekGaps: Int32Array;
  private readonly facWeekGapsOver: Int32Array;
  private readonly facDaysShort: Int32Array;
  /** Per faculty member: 1 when a Faculty-sheet limit applies (else only gaps are counted). */
  private readonly facLimited: Uint8Array;
  /** Per set: idle periods summed over the week. */
  private readonly setWeekGaps: Int32Array;
  /** Per group: the worst set's weekly idle periods above the group's weekly limit. */
  private readonly groupWeekGapsOver: Int32Array;
  private readonly groupOver: Int32Array;
  private readonly groupUnder: Int32Array;
  private readonly groupGapsOver: Int32Array;
  /** Per (faculty | group, day): periods above max_continuous summed over the day's runs. */
  private readonly facRunOver: Int32Array;
  private readonly groupRunOver: Int32Array;
  /** Per (faculty | group, day): periods of the day's span above max_span. */
  private readonly facSpanOver: Int32Array;
  private readonly groupSpanOver: Int32Array;
  /** Per (faculty | group, day d): rest missing between day d and day d + 1 under min_rest. */
  private readonly facRestShort: Int32Array;
  private readonly groupRestShort: Int32Array;
  /** Per (set, day): how the day begins (../lateStarts.ts); per set: days beginning at the second period, and later. */
  private readonly setStartKind: Uint8Array;
  private readonly setSecondStarts: Int32Array;
  private readonly setLaterStarts: Int32Array;
  /** Per group: the worst set's late-start count over max_late_starts. */
  private readonly groupLateOver: Int32Array;
  /** Bit q set when period q ends a block of adjacent periods (./continuous.ts). */
  private readonly blockEnds: number;
  /** Per set: the limited groups at or above it (CSR); per group: the sets at or below it. */
  private readonly setLimitedOffsets: Int32Array;
  private readonly setLimitedItems: Int32Array;
  private readonly groupSetOffsets: Int32Array;
  private readonly groupSetItems: Int32Array;
  readonly setRowNeeded: Uint8Array;
  readonly facRowNeeded: Uint8Array;
  /** Per set: 1 when it has a limited group at or above it. */
  readonly setLimited: Uint8Array;

  constructor(st: OccupancyView) {
    this.st = st;
    const p = st.problem;
    this.p = p;
    if (p.nPeriods > 31) throw new Error(`At most 31 periods per day are supported (found ${p.nPeriods}).`);
    const nSetDays = p.nStudentSets * p.nDays;
    const nFacDays = p.nFaculty * p.nDays;
    const nGroupDays = p.nGroups * p.nDays;
    this.setMask = new Int32Array(nSetDays);
    this.setClash = new Int32Array(nSetDays);
    this.setStarts = new Int32Array(nSetDays);
    this.facMask = new Int32Array(nFacDays);
    this.facOffMask = new Int32Array(nFacDays);
    for (let f = 0; f < p.nFaculty; f++)
      for (let t = 0; t < p.nSlots; t++)
        if (p.facultyUnavailable[f * p.nSlots + t]) {
          const d = (t / p.nPeriods) | 0;
          this.facOffMask[f * p.nDays + d] |= 1 << (t - d * p.nPeriods);
        }
    this.setOffMask = new Int32Array(nSetDays);
    for (let k = 0; k < p.nStudentSets; k++)
      for (let t = 0; t < p.nSlots; t++)
        if (p.setUnavailable[k * p.nSlots + t]) {
          const d = (t / p.nPeriods) | 0;
          this.setOffMask[k * p.nDays + d] |= 1 << (t - d * p.nPeriods);
        }
    this.startCount = new Int32Array(p.nStudentSets * p.nSlots);
    this.setIsolated = new Float64Array(nSetDays);
    this.setGaps = new Float64Array(nSetDays);
    this.setLoad = new Int32Array(nSetDays);
    this.setGapCount = new Int32Array(nSetDays);
    this.facGaps = new Float64Array(nFacDays);
    this.facOverDay = new Int32Array(nFacDays);
    this.facOverGaps = new Int32Array(nFacDays);
    this.facLoad = new Int32Array(nFacDays);
    this.facWeekLoad = new Int32Array(p.nFaculty);
    this.facDays = new Int32Array(p.nFaculty);
    this.facWeekOver = new Int32Array(p.nFaculty);
    this.facDaysOver = new Int32Array(p.nFaculty);
    this.facUnderDay = new Int32Array(nFacDays);
    this.facGapCount = new Int32Array(nFacDays);
    this.facWeekGaps = new Int32Array(p.nFaculty);
    this.facWeekGapsOver = new Int32Array(p.nFaculty);
    this.facDaysShort = new Int32Array(p.nFaculty);
    this.setWeekGaps = new Int32Array(p.nStudentSets);
    this.groupWeekGapsOver = new Int32Array(p.nGroups);
    this.groupOver = new Int32Array(nGroupDays);
    this.groupUnder = new Int32Array(nGroupDays);
    this.groupGapsOver = new Int32Array(nGroupDays);
    this.facRunOver = new Int32Array(nFacDays);
    this.groupRunOver = new Int32Array(nGroupDays);
    this.facSpanOver = new Int32Array(nFacDays);
    this.groupSpanOver = new Int32Array(nGroupDays);
    this.facRestShort = new Int32Array(nFacDays);
    this.groupRestShort = new Int32Array(nGroupDays);
    this.blockEnds = blockEndMask(p);
    this.setStartKind = new Uint8Array(nSetDays);
    this.setSecondStarts = new Int32Array(p.nStudentSets);
    this.setLaterStarts = new Int32Array(p.nStudentSets);
    this.groupLateOver = new Int32Array(p.nGroups);
    // Sets below each group, and limited groups above each set.
    const below: number[][] = Array.from({ length: p.nGroups }, () => []);
    const limitedAbove: number[][] = Array.from({ length: p.nStudentSets }, () => []);
    for (let k = 0; k < p.nStudentSets; k++)
      for (let g = p.setGroup[k]; g >= 0; g = p.groupParent[g]) {
        below[g].push(k);
        if (groupLimited(p, g)) limitedAbove[k].push(g);
      }
    [this.groupSetOffsets, this.groupSetItems] = flatten(below);
    [this.setLimitedOffsets, this.setLimitedItems] = flatten(limitedAbove);
    const w = p.weights;
    this.setLimited = new Uint8Array(p.nStudentSets);
    for (let k = 0; k < p.nStudentSets; k++) this.setLimited[k] = limitedAbove[k].length > 0 ? 1 : 0;
    this.setRowNeeded = new Uint8Array(p.nStudentSets);
    for (let k = 0; k < p.nStudentSets; k++)
      this.setRowNeeded[k] = w.isolated > 0 || w.group_gaps > 0 || limitedAbove[k].length > 0 ? 1 : 0;
    this.facRowNeeded = new Uint8Array(p.nFaculty);
    this.facLimited = new Uint8Array(p.nFaculty);
    for (let f = 0; f < p.nFaculty; f++) {
      this.facLimited[f] = facultyLimited(p, f) ? 1 : 0;
      this.facRowNeeded[f] = this.facLimited[f] === 1 || w.faculty_gaps > 0 ? 1 : 0;
    }
  }

  initAll(): void {
    for (let k = 0; k < this.p.nStudentSets; k++) for (let d = 0; d < this.p.nDays; d++) this.setRow(k, d);
    for (let f = 0; f < this.p.nFaculty; f++) for (let d = 0; d < this.p.nDays; d++) this.facultyRow(f, d);
  }

  /**
   * An active session of span `span` at `slot` enters (sign +1) or leaves (sign -1) set k's cells:
   * the occupancy, the day's masks and load (the row's costs are recomputed at the end of the move).
   */
  addSet(k: number, slot: number, span: number, sign: number): void {
    const p = this.p;
    const nP = p.nPeriods;
    const d = (slot / nP) | 0;
    const i = k * p.nDays + d;
    const q0 = slot - d * nP;
    const occ = this.st.setOcc;
    const base = k * p.nSlots + slot;
    let mask = this.setMask[i];
    let clash = this.setClash[i];
    for (let q = 0; q < span; q++) {
      const v = (occ[base + q] += sign);
      const bit = 1 << (q0 + q);
      if (sign > 0) {
        if (v === 1) mask |= bit;
        else if (v === 2) clash |= bit;
      } else if (v === 0) mask &= ~bit;
      else if (v === 1) clash &= ~bit;
    }
    this.setMask[i] = mask;
    this.setClash[i] = clash;
    const starts = (this.startCount[base] += sign);
    if (starts === (sign > 0 ? 1 : 0)) this.setStarts[i] ^= 1 << q0;
    this.setLoad[i] += sign * span;
  }

  toggleFaculty(f: number, t: number): void {
    const nP = this.p.nPeriods;
    const d = (t / nP) | 0;
    this.facMask[f * this.p.nDays + d] ^= 1 << (t - d * nP);
  }

  courseChanged(c: number, day: number): void {
    const p = this.p;
    const so = p.courseStudentSets.offsets;
    for (let i = so[c]; i < so[c + 1]; i++) {
      const k = p.courseStudentSets.items[i];
      if (this.setRowNeeded[k] === 1) this.setRow(k, day);
    }
    const fo = p.courseFaculty.offsets;
    for (let i = fo[c]; i < fo[c + 1]; i++) {
      const f = p.courseFaculty.items[i];
      if (this.facRowNeeded[f] === 1) this.facultyRow(f, day);
    }
  }

  private setRow(k: number, d: number): void {
    const p = this.p;
    const w = p.weights;
    const i = k * p.nDays + d;
    const mask = this.setMask[i];
    let gaps = 0;
    let isolated = 0;
    if (mask !== 0) {
      gaps = 32 - Math.clz32(mask) - ctz(mask) - popcount(mask);
      const off = this.setOffMask[i] & ~mask;
      if (off !== 0) gaps -= popcount(off & ~((mask & -mask) - 1) & (-1 >>> Math.clz32(mask)));
      if (w.isolated > 0) isolated = this.isolatedIn(k, d, mask);
    }
    const iso = w.isolated > 0 ? isolated * w.isolated : 0;
    this.st.soft[S.isolated] += iso - this.setIsolated[i];
    this.setIsolated[i] = iso;
    const g = w.group_gaps > 0 ? gaps * w.group_gaps : 0;
    this.st.soft[S.groupGaps] += g - this.setGaps[i];
    this.setGaps[i] = g;
    // The rest feeds group limits only.
    if (this.setLimited[k] === 0) return;
    const weekChanged = gaps !== this.setGapCount[i];
    this.setWeekGaps[k] += gaps - this.setGapCount[i];
    this.setGapCount[i] = gaps;
    const start = maskStart(mask);
    const startChanged = start !== this.setStartKind[i];
    if (startChanged) {
      const was = this.setStartKind[i];
      if (was === 1) this.setSecondStarts[k]--;
      else if (was === 2) this.setLaterStarts[k]--;
      if (start === 1) this.setSecondStarts[k]++;
      else if (start === 2) this.setLaterStarts[k]++;
      this.setStartKind[i] = start;
    }
    for (let x = this.setLimitedOffsets[k]; x < this.setLimitedOffsets[k + 1]; x++) {
      const g = this.setLimitedItems[x];
      this.groupRow(g, d);
      if (weekChanged && p.groupMaxGapsPerWeek[g] >= 0) this.groupWeek(g);
      if (startChanged && p.groupMaxLateStarts[g] >= 0) this.groupLateStarts(g);
      if (p.groupMinRest[g] > 0) {
        if (d > 0) this.groupRest(g, d - 1);
        if (d + 1 < p.nDays) this.groupRest(g, d);
      }
    }
  }

  /**
   * Sessions of set k on day d (busy mask `mask`) in isolated runs: a run of busy periods is
   * isolated when one start lies in it and every period of it has as many sessions as its first
   * (then all of them start together and span exactly the run; without a clash in it, one session).
   */
  private isolatedIn(k: number, d: number, mask: number): number {
    const i = k * this.p.nDays + d;
    const clash = this.setClash[i];
    const starts = this.setStarts[i];
    let isolated = 0;
    let rest = mask;
    while (rest !== 0) {
      const a = ctz(rest);
      const len = ctz(~(rest >>> a));
      const run = len >= 32 ? -1 : ((1 << len) - 1) << a;
      if ((starts & run) === 1 << a) {
        if ((clash & run) === 0) isolated++;
        else {
          const occ = this.st.setOcc;
          const base = k * this.p.nSlots + d * this.p.nPeriods;
          const m = occ[base + a];
          let alone = true;
          for (let q = a + 1; q < a + len; q++) if (occ[base + q] !== m) alone = false;
          if (alone) isolated += m;
        }
      }
      rest &= ~run;
    }
    return isolated;
  }

  /** The group's min_rest between day d and d + 1 over the sets below it (../rest.ts). */
  private groupRest(g: number, d: number): void {
    const p = this.p;
    const min = p.groupMinRest[g];
    let short = 0;
    for (let x = this.groupSetOffsets[g]; x < this.groupSetOffsets[g + 1]; x++) {
      const i = this.groupSetItems[x] * p.nDays + d;
      const v = restShort(this.setMask[i], this.setMask[i + 1], p.nPeriods, min);
      if (v > short) short = v;
    }
    const j = g * p.nDays + d;
    this.st.hard[H.groupMinRest] += short - this.groupRestShort[j];
    this.groupRestShort[j] = short;
  }

  /** The group's max_late_starts over the sets below it (../lateStarts.ts). */
  private groupLateStarts(g: number): void {
    const max = this.p.groupMaxLateStarts[g];
    let over = 0;
    for (let x = this.groupSetOffsets[g]; x < this.groupSetOffsets[g + 1]; x++) {
      const k = this.groupSetItems[x];
      const v = lateStartExcess(this.setSecondStarts[k], this.setLaterStarts[k], max);
      if (v > over) over = v;
    }
    this.st.hard[H.groupMaxLateStarts] += over - this.groupLateOver[g];
    this.groupLateOver[g] = over;
  }

  /** The group's weekly gap limit over the sets below it. */
  private groupWeek(g: number): void {
    const max = this.p.groupMaxGapsPerWeek[g];
    let over = 0;
    for (let x = this.groupSetOffsets[g]; x < this.groupSetOffsets[g + 1]; x++) {
      const v = this.setWeekGaps[this.groupSetItems[x]] - max;
      if (v > over) over = v;
    }
    this.st.hard[H.groupMaxGapsPerWeek] += over - this.groupWeekGapsOver[g];
    this.groupWeekGapsOver[g] = over;
  }

  private groupRow(g: number, d: number): void {
    const p = this.p;
    const maxDay = p.groupMaxPerDay[g];
    const minDay = p.groupMinPerDay[g];
    const maxGaps = p.groupMaxGapsPerDay[g];
    const maxRun = p.groupMaxContinuous[g];
    const maxSpan = p.groupMaxSpan[g];
    let over = 0;
    let under = 0;
    let gapsOver = 0;
    let runOver = 0;
    let spanOver = 0;
    for (let x = this.groupSetOffsets[g]; x < this.groupSetOffsets[g + 1]; x++) {
      const i = this.groupSetItems[x] * p.nDays + d;
      const load = this.setLoad[i];
      if (maxDay > 0 && load - maxDay > over) over = load - maxDay;
      if (minDay > 0 && load > 0 && minDay - load > under) under = minDay - load;
      if (maxGaps >= 0 && this.setGapCount[i] - maxGaps > gapsOver) gapsOver = this.setGapCount[i] - maxGaps;
      if (maxRun > 0) {
        const v = maskRunExcess(this.setMask[i], this.blockEnds, maxRun);
        if (v > runOver) runOver = v;
      }
      if (maxSpan > 0) {
        const v = maskSpan(this.setMask[i]) - maxSpan;
        if (v > spanOver) spanOver = v;
      }
    }
    const j = g * p.nDays + d;
    const hard = this.st.hard;
    hard[H.groupMaxPerDay] += over - this.groupOver[j];
    hard[H.groupMinPerDay] += under - this.groupUnder[j];
    hard[H.groupMaxGaps] += gapsOver - this.groupGapsOver[j];
    this.groupOver[j] = over;
    this.groupUnder[j] = under;
    this.groupGapsOver[j] = gapsOver;
    hard[H.groupMaxContinuous] += runOver - this.groupRunOver[j];
    this.groupRunOver[j] = runOver;
    hard[H.groupMaxSpan] += spanOver - this.groupSpanOver[j];
    this.groupSpanOver[j] = spanOver;
  }

  /** The faculty member's min_rest between day d and d + 1 (../rest.ts). */
  private facultyRest(f: number, d: number, min: number): void {
    const i = f * this.p.nDays + d;
    const short = restShort(this.facMask[i], this.facMask[i + 1], this.p.nPeriods, min);
    this.st.hard[H.facultyMinRest] += short - this.facRestShort[i];
    this.facRestShort[i] = short;
  }

  private facultyRow(f: number, d: number): void {
    const p = this.p;
    const i = f * p.nDays + d;
    const mask = this.facMask[i];
    const base = f * p.nSlots + d * p.nPeriods;
    let load = 0;
    let gaps = 0;
    if (mask !== 0) {
      const busy = popcount(mask);
      gaps = 32 - Math.clz32(mask) - ctz(mask) - busy;
      const off = this.facOffMask[i] & ~mask;
      // Free unavailable periods strictly inside the busy span are not idle.
      if (off !== 0) gaps -= popcount(off & ~((mask & -mask) - 1) & (-1 >>> Math.clz32(mask)));
      if (this.facLimited[f] === 1) {
        let rest = mask;
        while (rest !== 0) {
          load += this.st.facultyOcc[base + ctz(rest)];
          rest &= rest - 1;
        }
      }
    }
    const g = p.weights.faculty_gaps > 0 ? gaps * p.weights.faculty_gaps : 0;
    this.st.soft[S.facultyGaps] += g - this.facGaps[i];
    this.facGaps[i] = g;
    // The rest counts the Faculty sheet's limits.
    if (this.facLimited[f] === 0) return;
    const hard = this.st.hard;
    const maxDay = p.facultyMaxPerDay[f];
    const overDay = maxDay > 0 && load > maxDay ? load - maxDay : 0;
    hard[H.facultyMaxPerDay] += overDay - this.facOverDay[i];
    this.facOverDay[i] = overDay;
    const maxGaps = p.facultyMaxGapsPerDay[f];
    const overGaps = maxGaps >= 0 && gaps > maxGaps ? gaps - maxGaps : 0;
    hard[H.facultyMaxGaps] += overGaps - this.facOverGaps[i];
    this.facOverGaps[i] = overGaps;
    const minDay = p.facultyMinPerDay[f];
    const underDay = minDay > 0 && load > 0 && load < minDay ? minDay - load : 0;
    hard[H.facultyMinPerDay] += underDay - this.facUnderDay[i];
    this.facUnderDay[i] = underDay;
    const maxRun = p.facultyMaxContinuous[f];
    const runOver = maxRun > 0 ? maskRunExcess(mask, this.blockEnds, maxRun) : 0;
    hard[H.facultyMaxContinuous] += runOver - this.facRunOver[i];
    this.facRunOver[i] = runOver;
    const maxSpan = p.facultyMaxSpan[f];
    const spanOver = maxSpan > 0 && maskSpan(mask) > maxSpan ? maskSpan(mask) - maxSpan : 0;
    hard[H.facultyMaxSpan] += spanOver - this.facSpanOver[i];
    this.facSpanOver[i] = spanOver;
    const minRest = p.facultyMinRest[f];
    if (minRest > 0) {
      if (d > 0) this.facultyRest(f, d - 1, minRest);
      if (d + 1 < p.nDays) this.facultyRest(f, d, minRest);
    }
    this.facWeekGaps[f] += gaps - this.facGapCount[i];
    this.facGapCount[i] = gaps;
    const maxWeekGaps = p.facultyMaxGapsPerWeek[f];
    const weekGapsOver =
      maxWeekGaps >= 0 && this.facWeekGaps[f] > maxWeekGaps ? this.facWeekGaps[f] - maxWeekGaps : 0;
    hard[H.facultyMaxGapsPerWeek] += weekGapsOver - this.facWeekGapsOver[f];
    this.facWeekGapsOver[f] = weekGapsOver;
    // Week.
    this.facWeekLoad[f] += load - this.facLoad[i];
    this.facDays[f] += (load > 0 ? 1 : 0) - (this.facLoad[i] > 0 ? 1 : 0);
    this.facLoad[i] = load;
    const maxWeek = p.facultyMaxPerWeek[f];
    const weekOver = maxWeek > 0 && this.facWeekLoad[f] > maxWeek ? this.facWeekLoad[f] - maxWeek : 0;
    hard[H.facultyMaxPerWeek] += weekOver - this.facWeekOver[f];
    this.facWeekOver[f] = weekOver;
    const maxDays = p.facultyMaxDays[f];
    const daysOver = maxDays > 0 && this.facDays[f] > maxDays ? this.facDays[f] - maxDays : 0;
    hard[H.facultyMaxDays] += daysOver - this.facDaysOver[f];
    this.facDaysOver[f] = daysOver;
    const minDays = p.facultyMinDays[f];
    const daysShort = minDays > this.facDays[f] ? minDays - this.facDays[f] : 0;
    hard[H.facultyMinDays] += daysShort - this.facDaysShort[f];
    this.facDaysShort[f] = daysShort;
  }
}

function flatten(rows: number[][]): [Int32Array, Int32Array] {
  const offsets = new Int32Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) offsets[i + 1] = offsets[i] + rows[i].length;
  return [offsets, Int32Array.from(rows.flat())];
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Index of the lowest set bit (x != 0). */
function ctz(x: number): number {
  return 31 - Math.clz32(x & -x);
}

/** Periods from the lowest busy bit to the highest, both counted (0 for an empty day). */
function maskSpan(mask: number): number {
  return mask === 0 ? 0 : 32 - Math.clz32(mask) - ctz(mask);
}
