// The hard limits of the faculty and groups a move touches, read from the incremental state's
// occupancy (counted as ../eval/facultyDays.ts and ../eval/groupDays.ts count them), so that a
// refused move can say whose limit it breaks and by how much.
import type { CompiledProblem } from '../compiled/types.ts';
import type { IncrementalState } from '../eval/incremental/IncrementalState.ts';
import { facultyLimited, groupLimited, problemFacts } from '../eval/problemFacts.ts';
import { dayName, plural } from '../eval/describe.ts';
import { dayRuns } from '../eval/continuous.ts';
import { lateStartExcess, lateStartWords, startOf } from '../eval/lateStarts.ts';
import { dayMask, restShort } from '../eval/rest.ts';
import type { Naming } from './naming.ts';
import { freeUnavailable } from '../eval/facultyDays.ts';
import { buildingFindings } from './buildingLimits.ts';

interface DayProfile {
  load: Int32Array;
  gaps: Int32Array;
  /** Periods from the first busy period to the last, both counted (0 for a free day). */
  span: Int32Array;
}

/**
 * Load (periods, a double booking counts twice) and idle periods per day of one occupancy row;
 * `off` (per row and slot, a faculty member's or student set's unavailability): free periods there are
 * not idle.
 */
function profile(p: CompiledProblem, occ: Int32Array, row: number, off?: Uint8Array): DayProfile {
  const load = new Int32Array(p.nDays);
  const gaps = new Int32Array(p.nDays);
  const span = new Int32Array(p.nDays);
  for (let d = 0; d < p.nDays; d++) {
    let first = -1;
    let last = -1;
    let busy = 0;
    for (let q = 0; q < p.nPeriods; q++) {
      const v = occ[row * p.nSlots + d * p.nPeriods + q];
      if (v === 0) continue;
      load[d] += v;
      busy++;
      if (first < 0) first = q;
      last = q;
    }
    if (busy > 0) gaps[d] = last - first + 1 - busy;
    if (busy > 0) span[d] = last - first + 1;
    if (off) {
      const base = row * p.nSlots + d * p.nPeriods;
      gaps[d] -= freeUnavailable(occ, base, off, base, first, last);
    }
  }
  return { load, gaps, span };
}

/** One limit of one faculty member or group, as a text per (over-)amount key. */
type Findings = Map<string, { amount: number; text: string }>;

function note(out: Findings, key: string, amount: number, text: string): void {
  if (amount > 0) out.set(key, { amount, text });
}

/** Faculty and groups whose limits the given courses touch: every limit's excess, by key. */
export function limitFindings(state: IncrementalState, courses: readonly number[], naming: Naming): Findings {
  const p = state.problem;
  const out: Findings = new Map();
  const faculty = new Set<number>();
  const sets = new Set<number>();
  for (const c of courses) {
    for (let i = p.courseFaculty.offsets[c]; i < p.courseFaculty.offsets[c + 1]; i++)
      faculty.add(p.courseFaculty.items[i]);
    for (let i = p.courseStudentSets.offsets[c]; i < p.courseStudentSets.offsets[c + 1]; i++)
      sets.add(p.courseStudentSets.items[i]);
  }
  for (const f of faculty) {
    const maxDay = p.facultyMaxPerDay[f];
    const maxWeek = p.facultyMaxPerWeek[f];
    const maxDays = p.facultyMaxDays[f];
    const maxGaps = p.facultyMaxGapsPerDay[f];
    const maxWeekGaps = p.facultyMaxGapsPerWeek[f];
    const minDay = p.facultyMinPerDay[f];
    const minDays = p.facultyMinDays[f];
    const maxRun = p.facultyMaxContinuous[f];
    const maxSpan = p.facultyMaxSpan[f];
    const minRest = p.facultyMinRest[f];
    if (!facultyLimited(p, f)) continue;
    if (minRest > 0)
      restFindings(p, state.facultyOcc, f, minRest, (d, short) =>
        note(
          out,
          `fr${f}:${d}`,
          short,
          `${naming.faculty(f)} would rest only ${plural(minRest - short, 'period')} between ${dayName(p, d)} and ${dayName(p, d + 1)}, fewer than their minimum of ${minRest}`,
        ),
      );
    const { load, gaps, span } = profile(p, state.facultyOcc, f, p.facultyUnavailable);
    const who = naming.faculty(f);
    let week = 0;
    let days = 0;
    let weekGaps = 0;
    for (let d = 0; d < p.nDays; d++) {
      week += load[d];
      weekGaps += gaps[d];
      if (load[d] > 0) days++;
      const day = dayName(p, d);
      if (minDay > 0 && load[d] > 0)
        note(
          out,
          `fm${f}:${d}`,
          minDay - load[d],
          `${who} would teach only ${plural(load[d], 'period')} on ${day}, fewer than their minimum of ${minDay}`,
        );
      if (maxDay > 0)
        note(
          out,
          `fd${f}:${d}`,
          load[d] - maxDay,
          `${who} would teach ${plural(load[d], 'period')} on ${day}, more than their limit of ${maxDay}`,
        );
      if (maxGaps >= 0)
        note(
          out,
          `fg${f}:${d}`,
          gaps[d] - maxGaps,
          `${who} would have ${plural(gaps[d], 'idle period')} on ${day}, more than their limit of ${maxGaps}`,
        );
      if (maxSpan > 0)
        note(
          out,
          `fs${f}:${d}`,
          span[d] - maxSpan,
          `${who}'s day on ${day} would span ${plural(span[d], 'period')}, more than their limit of ${maxSpan}`,
        );
      if (maxRun > 0) {
        const runs = dayRuns(p, state.facultyOcc, f * p.nSlots + d * p.nPeriods, maxRun);
        note(
          out,
          `fc${f}:${d}`,
          runs.excess,
          `${who} would teach ${plural(runs.longest, 'period')} in a row on ${day}, more than their limit of ${maxRun}`,
        );
      }
    }
    if (maxWeek > 0)
      note(
        out,
        `fw${f}`,
        week - maxWeek,
        `${who} would teach ${plural(week, 'period')} a week, more than their limit of ${maxWeek}`,
      );
    if (maxDays > 0)
      note(
        out,
        `fn${f}`,
        days - maxDays,
        `${who} would teach on ${plural(days, 'day')}, more than their limit of ${maxDays}`,
      );
    if (maxWeekGaps >= 0)
      note(
        out,
        `fwg${f}`,
        weekGaps - maxWeekGaps,
        `${who} would have ${plural(weekGaps, 'idle period')} in the week, more than their limit of ${maxWeekGaps}`,
      );
    if (minDays > 0)
      note(
        out,
        `fmd${f}`,
        minDays - days,
        `${who} would teach on only ${plural(days, 'day')}, fewer than their minimum of ${minDays}`,
      );
  }
  // Groups with limits at or above the touched student sets; each limit holds for every set below.
  const facts = problemFacts(p);
  const groups = new Set<number>();
  for (const set of sets) for (let g = p.setGroup[set]; g >= 0; g = p.groupParent[g]) groups.add(g);
  for (const g of groups) {
    const maxDay = p.groupMaxPerDay[g];
    const minDay = p.groupMinPerDay[g];
    const maxGaps = p.groupMaxGapsPerDay[g];
    const maxWeekGaps = p.groupMaxGapsPerWeek[g];
    const maxRun = p.groupMaxContinuous[g];
    const maxLate = p.groupMaxLateStarts[g];
    const maxSpan = p.groupMaxSpan[g];
    const minRest = p.groupMinRest[g];
    if (!groupLimited(p, g)) continue;
    const who = `group ${naming.group(g)}`;
    const keep = (key: string, amount: number, text: string): void => {
      if (amount > (out.get(key)?.amount ?? 0)) note(out, key, amount, text);
    };
    for (let i = facts.groupSets.offsets[g]; i < facts.groupSets.offsets[g + 1]; i++) {
      const set = facts.groupSets.items[i];
      const { load, gaps, span } = profile(p, state.setOcc, set, p.setUnavailable);
      if (minRest > 0)
        restFindings(p, state.setOcc, set, minRest, (d, short) =>
          keep(
            `gr${g}:${d}`,
            short,
            `${who} would rest only ${plural(minRest - short, 'period')} between ${dayName(p, d)} and ${dayName(p, d + 1)}, fewer than its minimum of ${minRest}`,
          ),
        );
      if (maxLate >= 0)
        lateStartFinding(p, state.setOcc, set, maxLate, (amount, words) =>
          keep(
            `gl${g}`,
            amount,
            `${who} would begin ${words}: it may begin at the second period on at most ${plural(maxLate, 'day')} and never later`,
          ),
        );
      if (maxWeekGaps >= 0) {
        const weekGaps = gaps.reduce((a, b) => a + b, 0);
        keep(
          `gwg${g}`,
          weekGaps - maxWeekGaps,
          `${who} would have ${plural(weekGaps, 'idle period')} in the week, more than its limit of ${maxWeekGaps}`,
        );
      }
      for (let d = 0; d < p.nDays; d++) {
        const day = dayName(p, d);
        if (maxDay > 0)
          keep(
            `gd${g}:${d}`,
            load[d] - maxDay,
            `${who} would have ${plural(load[d], 'period')} on ${day}, more than its limit of ${maxDay}`,
          );
        if (minDay > 0 && load[d] > 0)
          keep(
            `gm${g}:${d}`,
            minDay - load[d],
            `${who} would have only ${plural(load[d], 'period')} on ${day}, fewer than its minimum of ${minDay}`,
          );
        if (maxGaps >= 0)
          keep(
            `gg${g}:${d}`,
            gaps[d] - maxGaps,
            `${who} would have ${plural(gaps[d], 'idle period')} on ${day}, more than its limit of ${maxGaps}`,
          );
        if (maxSpan > 0)
          keep(
            `gs${g}:${d}`,
            span[d] - maxSpan,
            `${who}'s day on ${day} would span ${plural(span[d], 'period')}, more than its limit of ${maxSpan}`,
          );
        if (maxRun > 0) {
          const runs = dayRuns(p, state.setOcc, set * p.nSlots + d * p.nPeriods, maxRun);
          keep(
            `gc${g}:${d}`,
            runs.excess,
            `${who} would have ${plural(runs.longest, 'period')} in a row on ${day}, more than its limit of ${maxRun}`,
          );
        }
      }
    }
  }
  buildingFindings(state, faculty, groups, naming, (key, amount, text) => {
    if (amount > (out.get(key)?.amount ?? 0)) note(out, key, amount, text);
  });
  return out;
}

/** Texts of the limits that are broken more after a move than before it. */
export function worsened(before: Findings, after: Findings): string[] {
  const out: string[] = [];
  for (const [key, v] of after) if (v.amount > (before.get(key)?.amount ?? 0)) out.push(v.text);
  return out;
}

/** A set's week of late starts (../eval/lateStarts.ts): its count over `max`, and the words for its days. */
function lateStartFinding(
  p: CompiledProblem,
  occ: Int32Array,
  set: number,
  max: number,
  report: (amount: number, words: string) => void,
): void {
  const starts = new Uint8Array(p.nDays);
  let second = 0;
  let later = 0;
  for (let d = 0; d < p.nDays; d++) {
    let first = -1;
    for (let q = 0; q < p.nPeriods && first < 0; q++)
      if (occ[set * p.nSlots + d * p.nPeriods + q] > 0) first = q;
    starts[d] = startOf(first);
    if (starts[d] === 1) second++;
    else if (starts[d] === 2) later++;
  }
  const amount = lateStartExcess(second, later, max);
  if (amount > 0) report(amount, lateStartWords(p, starts, 0));
}

/** Each pair of consecutive days of a row whose rest falls short of `min` (../eval/rest.ts). */
function restFindings(
  p: CompiledProblem,
  occ: Int32Array,
  row: number,
  min: number,
  report: (day: number, short: number) => void,
): void {
  for (let d = 0; d + 1 < p.nDays; d++) {
    const base = row * p.nSlots + d * p.nPeriods;
    const short = restShort(dayMask(p, occ, base), dayMask(p, occ, base + p.nPeriods), p.nPeriods, min);
    if (short > 0) report(d, short);
  }
}
