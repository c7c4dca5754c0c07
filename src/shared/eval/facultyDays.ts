// A faculty member's week: load (periods taught, a 2-period session counts 2) per day and per week,
// teaching days, and gaps (idle periods: the free periods between the first and the last busy period
// of a day that the faculty member is available in; an unavailable period is not idle time).
// Hard limits (each counts the excess): max_per_day per day, max_per_week once, max_days once,
// max_gaps_per_day per day, max_gaps_per_week once (idle periods summed over the days). Minimums
// (each counts the shortfall): min_per_day per teaching day (a day without sessions is allowed),
// min_days once (teaching days). max_continuous per day: the periods above it summed over the
// day's runs of periods taught back to back (./continuous.ts); max_span per day: the periods from
// the first busy period to the last, both counted, above it; min_rest per pair of consecutive days:
// the periods missing from the rest between them (./rest.ts). Soft faculty_gaps: weight x idle periods, per faculty member and day.
import type { EvalSink } from './sink.ts';
import type { EvalState } from './state.ts';
import { PLACED } from './state.ts';
import type { ProblemFacts } from './problemFacts.ts';
import { dayName, plural } from './describe.ts';
import { dayRuns } from './continuous.ts';
import { dayMask, restShort } from './rest.ts';

/** Placed sessions of faculty member f (on day `day`, or all days when day < 0). */
export function facultySessions(st: EvalState, f: number, day: number): number[] {
  const { p } = st;
  const out: number[] = [];
  for (let k = p.facultyCourses.offsets[f]; k < p.facultyCourses.offsets[f + 1]; k++) {
    const c = p.facultyCourses.items[k];
    for (let s = p.courseFirstSession[c]; s < p.courseFirstSession[c] + p.courseSessionCount[c]; s++) {
      if (st.status[s] === PLACED && (day < 0 || Math.floor(st.slot[s] / p.nPeriods) === day)) out.push(s);
    }
  }
  return out;
}

export function checkFacultyDays(st: EvalState, facts: ProblemFacts, sink: EvalSink): void {
  const { p } = st;
  const { nPeriods, nDays } = p;
  const gapWeight = p.weights.faculty_gaps;
  const cnt = new Int32Array(p.nSlots);
  for (let f = 0; f < p.nFaculty; f++) {
    if (!facts.limitedFaculty[f] && gapWeight <= 0) continue;
    const sessions = facultySessions(st, f, -1);
    for (const s of sessions) for (let q = 0; q < st.span[s]; q++) cnt[st.slot[s] + q]++;
    const id = p.facultyIds[f];
    const maxDay = p.facultyMaxPerDay[f];
    const maxGaps = p.facultyMaxGapsPerDay[f];
    const minDay = p.facultyMinPerDay[f];
    const maxRun = p.facultyMaxContinuous[f];
    const maxSpan = p.facultyMaxSpan[f];
    let week = 0;
    let days = 0;
    let weekGaps = 0;
    for (let d = 0; d < nDays; d++) {
      let load = 0;
      let first = -1;
      let last = -1;
      let busy = 0;
      for (let q = 0; q < nPeriods; q++) {
        const v = cnt[d * nPeriods + q];
        if (v === 0) continue;
        load += v;
        busy++;
        if (first < 0) first = q;
        last = q;
      }
      if (load === 0) continue;
      week += load;
      days++;
      const off = freeUnavailable(
        cnt,
        d * nPeriods,
        p.facultyUnavailable,
        f * p.nSlots + d * nPeriods,
        first,
        last,
      );
      const gaps = last - first + 1 - busy - off;
      weekGaps += gaps;
      const onDay = (): number[] => facultySessions(st, f, d);
      if (maxSpan > 0)
        sink.addHard(
          'faculty_max_span',
          last - first + 1 - maxSpan,
          onDay,
          () =>
            `${id}'s day on ${dayName(p, d)} spans ${plural(last - first + 1, 'period')} (periods ${p.periodLabels[first]} to ${p.periodLabels[last]}), more than the limit of ${maxSpan}`,
        );
      if (maxDay > 0) {
        sink.addHard(
          'faculty_max_per_day',
          load - maxDay,
          onDay,
          () =>
            `${id} teaches ${plural(load, 'period')} on ${dayName(p, d)}, more than the limit of ${maxDay}`,
        );
      }
      if (minDay > 0) {
        sink.addHard(
          'faculty_min_per_day',
          minDay - load,
          onDay,
          () =>
            `${id} teaches only ${plural(load, 'period')} on ${dayName(p, d)}, fewer than the minimum of ${minDay}`,
        );
      }
      if (maxGaps >= 0) {
        sink.addHard(
          'faculty_max_gaps',
          gaps - maxGaps,
          onDay,
          () =>
            `${id} has ${plural(gaps, 'idle period')} between sessions on ${dayName(p, d)}, more than the limit of ${maxGaps}`,
        );
      }
      if (maxRun > 0) {
        const runs = dayRuns(p, cnt, d * nPeriods, maxRun);
        sink.addHard(
          'faculty_max_continuous',
          runs.excess,
          onDay,
          () =>
            `${id} teaches ${plural(runs.longest, 'period')} in a row on ${dayName(p, d)}, more than the limit of ${maxRun}`,
        );
      }
      if (gapWeight > 0) {
        sink.addSoft(
          'faculty_gaps',
          gaps * gapWeight,
          onDay,
          () => `${id} has ${plural(gaps, 'idle period')} between sessions on ${dayName(p, d)}`,
        );
      }
    }
    const all = (): number[] => sessions;
    if (p.facultyMaxPerWeek[f] > 0) {
      const max = p.facultyMaxPerWeek[f];
      sink.addHard(
        'faculty_max_per_week',
        week - max,
        all,
        () => `${id} teaches ${plural(week, 'period')} a week, more than the limit of ${max}`,
      );
    }
    if (p.facultyMaxDays[f] > 0) {
      const max = p.facultyMaxDays[f];
      sink.addHard(
        'faculty_max_days',
        days - max,
        all,
        () => `${id} teaches on ${days} days, more than the limit of ${max}`,
      );
    }
    if (p.facultyMaxGapsPerWeek[f] >= 0) {
      const max = p.facultyMaxGapsPerWeek[f];
      sink.addHard(
        'faculty_max_gaps_per_week',
        weekGaps - max,
        all,
        () =>
          `${id} has ${plural(weekGaps, 'idle period')} between sessions in the week, more than the limit of ${max}`,
      );
    }
    if (p.facultyMinDays[f] > 0) {
      const min = p.facultyMinDays[f];
      sink.addHard(
        'faculty_min_days',
        min - days,
        all,
        () => `${id} teaches on ${plural(days, 'day')}, fewer than the minimum of ${min}`,
      );
    }
    const minRest = p.facultyMinRest[f];
    for (let d = 0; minRest > 0 && d + 1 < nDays; d++) {
      const short = restShort(
        dayMask(p, cnt, d * nPeriods),
        dayMask(p, cnt, (d + 1) * nPeriods),
        nPeriods,
        minRest,
      );
      sink.addHard(
        'faculty_min_rest',
        short,
        () => [...facultySessions(st, f, d), ...facultySessions(st, f, d + 1)],
        () =>
          `${id} rests only ${plural(minRest - short, 'period')} between ${dayName(p, d)} and ${dayName(p, d + 1)}, fewer than the minimum of ${minRest}`,
      );
    }
    for (const s of sessions) for (let q = 0; q < st.span[s]; q++) cnt[st.slot[s] + q] = 0;
  }
}

/**
 * Periods strictly between `first` and `last` of one day that are free in `occ` (from `occBase`)
 * and marked unavailable in `off` (from `offBase`): not idle time, so gap counts leave them out.
 */
export function freeUnavailable(
  occ: ArrayLike<number>,
  occBase: number,
  off: Uint8Array,
  offBase: number,
  first: number,
  last: number,
): number {
  let n = 0;
  for (let q = first + 1; q < last; q++) if (occ[occBase + q] === 0 && off[offBase + q] !== 0) n++;
  return n;
}
