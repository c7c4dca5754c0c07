// A student set's week (a leaf group: its sessions include those of its ancestors' courses).
// Per set and day: load (periods, a 2-period session counts 2), gaps (idle periods between the
// first and the last busy period, leaving out the periods none of the set's courses may use:
// ../compiled/setUnavailable.ts) and isolated sessions.
// - isolated (soft): a run of busy periods of one day, with the periods just before and after it
//   (same day, by period index) free, that is exactly one session's span: weight x the number of
//   sessions in it (more than 1 only with a clash). For one-period sessions this is ITC-2007's
//   "CurriculumCompactness" (curriculum = student set).
// - group_gaps (soft): weight x idle periods, per set and day.
// - group limits (hard) apply to every set at or below the group, and count the worst set's
//   excess once per group and day: max_per_day (load above the limit), min_per_day (load below the
//   limit, only on days the set has any session: a free day is allowed), max_gaps_per_day; and
//   once per group, max_gaps_per_week (the worst set's idle periods summed over the week); per
//   group and day, max_continuous (the worst set's periods above it summed over its runs of
//   periods back to back, ./continuous.ts); once per group, max_late_starts (the worst set's week
//   of days beginning after the first period, ./lateStarts.ts); per group and day, max_span (the
//   worst set's periods from its first busy period to its last, both counted, above the limit); per
//   group and pair of consecutive days, min_rest (the worst set's missing rest, ./rest.ts).
import type { EvalSink } from './sink.ts';
import type { EvalState } from './state.ts';
import { PLACED } from './state.ts';
import type { ProblemFacts } from './problemFacts.ts';
import { dayName, plural } from './describe.ts';
import { dayRuns } from './continuous.ts';
import { lateStartExcess, lateStartWords, startOf } from './lateStarts.ts';
import { restShort } from './rest.ts';
import { freeUnavailable } from './facultyDays.ts';

/** Placed sessions attended by student set k on `day` (all days when day < 0), optionally starting at `period`. */
export function setSessions(st: EvalState, k: number, day: number, period = -1): number[] {
  const { p } = st;
  const out: number[] = [];
  for (let x = p.setCourses.offsets[k]; x < p.setCourses.offsets[k + 1]; x++) {
    const c = p.setCourses.items[x];
    for (let s = p.courseFirstSession[c]; s < p.courseFirstSession[c] + p.courseSessionCount[c]; s++) {
      if (st.status[s] !== PLACED) continue;
      const d = Math.floor(st.slot[s] / p.nPeriods);
      if ((day < 0 || d === day) && (period < 0 || st.slot[s] % p.nPeriods === period)) out.push(s);
    }
  }
  return out;
}

export function checkGroupDays(st: EvalState, facts: ProblemFacts, sink: EvalSink): void {
  const { p, status, slot, span } = st;
  const { nPeriods, nDays, nSlots } = p;
  const isoWeight = p.weights.isolated;
  const gapWeight = p.weights.group_gaps;
  const needLimits = facts.limitedGroups.length > 0;
  if (isoWeight <= 0 && gapWeight <= 0 && !needLimits) return;
  const cnt = new Int32Array(nSlots);
  const startCnt = new Int32Array(nSlots);
  const startLen = new Int32Array(nSlots);
  const dayLoad = new Int32Array(p.nStudentSets * nDays);
  const dayGaps = new Int32Array(p.nStudentSets * nDays);
  // Per (set, day): the periods above the strictest max_continuous of the set's groups, and the
  // longest run; computed for every limit at or above the set (at most one per group).
  const runLimits = needLimits ? setRunLimits(st, facts) : null;
  const dayRunExcess = runLimits ? new Int32Array(p.nStudentSets * nDays * runLimits.width) : null;
  const dayLongest = new Int32Array(p.nStudentSets * nDays);
  // Per (set, day): how the day begins (./lateStarts.ts).
  const dayStart = new Uint8Array(p.nStudentSets * nDays);
  // Per (set, day): periods from the first busy period to the last, both counted (0 = free day).
  const daySpan = new Int32Array(p.nStudentSets * nDays);
  const { offsets, items } = p.setCourses;

  for (let k = 0; k < p.nStudentSets; k++) {
    for (let x = offsets[k]; x < offsets[k + 1]; x++) {
      const c = items[x];
      for (let s = p.courseFirstSession[c]; s < p.courseFirstSession[c] + p.courseSessionCount[c]; s++) {
        if (status[s] !== PLACED) continue;
        const t = slot[s];
        const n = span[s];
        for (let q = 0; q < n; q++) cnt[t + q]++;
        if (startCnt[t] === 0) startLen[t] = n;
        else if (startLen[t] !== n) startLen[t] = -1;
        startCnt[t]++;
      }
    }
    const group = p.groupIds[p.setGroup[k]];
    for (let d = 0; d < nDays; d++) {
      const base = d * nPeriods;
      let load = 0;
      let first = -1;
      let last = -1;
      let busy = 0;
      for (let q = 0; q < nPeriods; q++) {
        const v = cnt[base + q];
        if (v === 0) continue;
        load += v;
        busy++;
        if (first < 0) first = q;
        last = q;
        if (isoWeight > 0 && (q === 0 || cnt[base + q - 1] === 0)) {
          let end = q;
          while (end + 1 < nPeriods && cnt[base + end + 1] > 0) end++;
          const m = startCnt[base + q];
          let alone = startLen[base + q] === end - q + 1;
          for (let z = q; alone && z <= end; z++) alone = cnt[base + z] === m;
          if (alone) {
            const period = q;
            sink.addSoft(
              'isolated',
              m * isoWeight,
              () => setSessions(st, k, d, period),
              () =>
                `group ${group} has ${setSessions(st, k, d, period)
                  .map((s) => p.courseIds[p.sessionCourse[s]])
                  .join(
                    ', ',
                  )} on ${dayName(p, d)} period ${p.periodLabels[period]} with no session right before or after`,
            );
          }
        }
      }
      if (load === 0) continue;
      // The set's unavailable periods (../compiled/setUnavailable.ts) are not idle time.
      const gaps =
        last -
        first +
        1 -
        busy -
        freeUnavailable(cnt, base, p.setUnavailable, k * p.nSlots + base, first, last);
      dayLoad[k * nDays + d] = load;
      dayGaps[k * nDays + d] = gaps;
      dayStart[k * nDays + d] = startOf(first);
      daySpan[k * nDays + d] = last - first + 1;
      if (runLimits && dayRunExcess)
        for (let j = 0; j < runLimits.width; j++) {
          const runs = dayRuns(p, cnt, base, runLimits.max[j]);
          dayRunExcess[(k * nDays + d) * runLimits.width + j] = runs.excess;
          dayLongest[k * nDays + d] = runs.longest;
        }
      if (gapWeight > 0) {
        sink.addSoft(
          'group_gaps',
          gaps * gapWeight,
          () => setSessions(st, k, d),
          () => `group ${group} has ${plural(gaps, 'idle period')} between sessions on ${dayName(p, d)}`,
        );
      }
    }
    for (let x = offsets[k]; x < offsets[k + 1]; x++) {
      const c = items[x];
      for (let s = p.courseFirstSession[c]; s < p.courseFirstSession[c] + p.courseSessionCount[c]; s++) {
        if (status[s] !== PLACED) continue;
        for (let q = 0; q < span[s]; q++) cnt[slot[s] + q] = 0;
        startCnt[slot[s]] = 0;
      }
    }
  }
  if (needLimits) checkGroupLimits(st, facts, dayLoad, dayGaps, sink);
  if (runLimits && dayRunExcess) checkGroupRuns(st, facts, runLimits, dayRunExcess, dayLongest, sink);
  if (needLimits) checkGroupLateStarts(st, facts, dayStart, sink);
  if (needLimits) checkGroupSpans(st, facts, daySpan, sink);
  if (needLimits) checkGroupRest(st, facts, sink);
}

/** Per group with min_rest and pair of consecutive days: the worst set's missing rest (./rest.ts). */
function checkGroupRest(st: EvalState, facts: ProblemFacts, sink: EvalSink): void {
  const { p } = st;
  const { offsets, items } = facts.groupSets;
  const masks = new Map<number, Int32Array>();
  const masksOf = (k: number): Int32Array => {
    let m = masks.get(k);
    if (!m) {
      m = new Int32Array(p.nDays);
      for (const s of setSessions(st, k, -1))
        for (let q = 0; q < st.span[s]; q++) {
          const t = st.slot[s] + q;
          m[Math.floor(t / p.nPeriods)] |= 1 << (t % p.nPeriods);
        }
      masks.set(k, m);
    }
    return m;
  };
  for (const g of facts.limitedGroups) {
    const min = p.groupMinRest[g];
    if (min <= 0) continue;
    for (let d = 0; d + 1 < p.nDays; d++) {
      let short = 0;
      let worst = -1;
      for (let x = offsets[g]; x < offsets[g + 1]; x++) {
        const m = masksOf(items[x]);
        const v = restShort(m[d], m[d + 1], p.nPeriods, min);
        if (v > short) {
          short = v;
          worst = items[x];
        }
      }
      sink.addHard(
        'group_min_rest',
        short,
        () => (worst >= 0 ? [...setSessions(st, worst, d), ...setSessions(st, worst, d + 1)] : []),
        () =>
          `group ${p.groupIds[g]} rests only ${plural(min - short, 'period')} between ${dayName(p, d)} and ${dayName(p, d + 1)}, fewer than the minimum of ${min}`,
      );
    }
  }
}

/** Per group with max_span and day: the worst set's span above it. */
function checkGroupSpans(st: EvalState, facts: ProblemFacts, daySpan: Int32Array, sink: EvalSink): void {
  const { p } = st;
  const { offsets, items } = facts.groupSets;
  for (const g of facts.limitedGroups) {
    const max = p.groupMaxSpan[g];
    if (max <= 0) continue;
    for (let d = 0; d < p.nDays; d++) {
      let over = 0;
      let worst = -1;
      for (let x = offsets[g]; x < offsets[g + 1]; x++) {
        const v = daySpan[items[x] * p.nDays + d] - max;
        if (v > over) {
          over = v;
          worst = items[x];
        }
      }
      sink.addHard(
        'group_max_span',
        over,
        () => (worst >= 0 ? setSessions(st, worst, d) : []),
        () =>
          `group ${p.groupIds[g]}'s day on ${dayName(p, d)} spans ${plural(max + over, 'period')}, more than the limit of ${max}`,
      );
    }
  }
}

/** Per group with max_late_starts: the worst set's week (days beginning after the first period). */
function checkGroupLateStarts(
  st: EvalState,
  facts: ProblemFacts,
  dayStart: Uint8Array,
  sink: EvalSink,
): void {
  const { p } = st;
  const { offsets, items } = facts.groupSets;
  for (const g of facts.limitedGroups) {
    const max = p.groupMaxLateStarts[g];
    if (max < 0) continue;
    let over = 0;
    let worst = -1;
    for (let x = offsets[g]; x < offsets[g + 1]; x++) {
      const k = items[x];
      let second = 0;
      let later = 0;
      for (let d = 0; d < p.nDays; d++) {
        const v = dayStart[k * p.nDays + d];
        if (v === 1) second++;
        else if (v === 2) later++;
      }
      const v = lateStartExcess(second, later, max);
      if (v > over) {
        over = v;
        worst = k;
      }
    }
    sink.addHard(
      'group_max_late_starts',
      over,
      () => {
        if (worst < 0) return [];
        const out: number[] = [];
        for (let d = 0; d < p.nDays; d++)
          if (dayStart[worst * p.nDays + d] !== 0) out.push(...setSessions(st, worst, d));
        return out;
      },
      () =>
        `group ${p.groupIds[g]} begins ${worst >= 0 ? lateStartWords(p, dayStart, worst * p.nDays) : ''}: it may begin at the second period on at most ${plural(max, 'day')} and never later`,
    );
  }
}

interface RunLimits {
  /** The distinct max_continuous values of the groups, and the column of each group's (-1 = none). */
  max: number[];
  column: Int32Array;
  width: number;
}

function setRunLimits(st: EvalState, facts: ProblemFacts): RunLimits | null {
  const { p } = st;
  const max: number[] = [];
  const column = new Int32Array(p.nGroups).fill(-1);
  for (const g of facts.limitedGroups) {
    const v = p.groupMaxContinuous[g];
    if (v <= 0) continue;
    let j = max.indexOf(v);
    if (j < 0) j = max.push(v) - 1;
    column[g] = j;
  }
  return max.length === 0 ? null : { max, column, width: max.length };
}

/** Per group with max_continuous and day: the worst set's periods above it, over its runs. */
function checkGroupRuns(
  st: EvalState,
  facts: ProblemFacts,
  limits: RunLimits,
  dayRunExcess: Int32Array,
  dayLongest: Int32Array,
  sink: EvalSink,
): void {
  const { p } = st;
  const { offsets, items } = facts.groupSets;
  for (const g of facts.limitedGroups) {
    const j = limits.column[g];
    if (j < 0) continue;
    const max = limits.max[j];
    for (let d = 0; d < p.nDays; d++) {
      let over = 0;
      let worst = -1;
      for (let x = offsets[g]; x < offsets[g + 1]; x++) {
        const k = items[x];
        const v = dayRunExcess[(k * p.nDays + d) * limits.width + j];
        if (v > over) {
          over = v;
          worst = k;
        }
      }
      sink.addHard(
        'group_max_continuous',
        over,
        () => (worst >= 0 ? setSessions(st, worst, d) : []),
        () =>
          `group ${p.groupIds[g]} has ${plural(worst >= 0 ? dayLongest[worst * p.nDays + d] : 0, 'period')} in a row on ${dayName(p, d)}, more than the limit of ${max}`,
      );
    }
  }
}

function checkGroupLimits(
  st: EvalState,
  facts: ProblemFacts,
  dayLoad: Int32Array,
  dayGaps: Int32Array,
  sink: EvalSink,
): void {
  const { p } = st;
  const { offsets, items } = facts.groupSets;
  for (const g of facts.limitedGroups) {
    const maxWeekGaps = p.groupMaxGapsPerWeek[g];
    if (maxWeekGaps >= 0) {
      let weekOver = 0;
      let worst = -1;
      for (let x = offsets[g]; x < offsets[g + 1]; x++) {
        const k = items[x];
        let gaps = 0;
        for (let d = 0; d < p.nDays; d++) gaps += dayGaps[k * p.nDays + d];
        if (gaps - maxWeekGaps > weekOver) {
          weekOver = gaps - maxWeekGaps;
          worst = k;
        }
      }
      sink.addHard(
        'group_max_gaps_per_week',
        weekOver,
        () => (worst >= 0 ? setSessions(st, worst, -1) : []),
        () =>
          `group ${p.groupIds[g]} has ${plural(maxWeekGaps + weekOver, 'idle period')} between sessions in the week, more than the limit of ${maxWeekGaps}`,
      );
    }
    const maxDay = p.groupMaxPerDay[g];
    const minDay = p.groupMinPerDay[g];
    const maxGaps = p.groupMaxGapsPerDay[g];
    for (let d = 0; d < p.nDays; d++) {
      let over = 0;
      let under = 0;
      let gapsOver = 0;
      let worst = -1;
      for (let x = offsets[g]; x < offsets[g + 1]; x++) {
        const k = items[x];
        const load = dayLoad[k * p.nDays + d];
        if (maxDay > 0 && load - maxDay > over) over = load - maxDay;
        if (minDay > 0 && load > 0 && minDay - load > under) under = minDay - load;
        if (maxGaps >= 0 && dayGaps[k * p.nDays + d] - maxGaps > gapsOver) {
          gapsOver = dayGaps[k * p.nDays + d] - maxGaps;
          worst = k;
        }
      }
      const id = p.groupIds[g];
      const onDay = (): number[] => {
        const all = new Set<number>();
        for (let x = offsets[g]; x < offsets[g + 1]; x++)
          for (const s of setSessions(st, items[x], d)) all.add(s);
        return [...all].sort((a, b) => a - b);
      };
      sink.addHard(
        'group_max_per_day',
        over,
        onDay,
        () =>
          `group ${id} has ${plural(maxDay + over, 'period')} on ${dayName(p, d)}, more than the limit of ${maxDay}`,
      );
      sink.addHard(
        'group_min_per_day',
        under,
        onDay,
        () =>
          `group ${id} has only ${plural(minDay - under, 'period')} on ${dayName(p, d)}, fewer than the minimum of ${minDay}`,
      );
      sink.addHard(
        'group_max_gaps',
        gapsOver,
        () => (worst >= 0 ? setSessions(st, worst, d) : []),
        () =>
          `group ${id} has ${plural(maxGaps + gapsOver, 'idle period')} between sessions on ${dayName(p, d)}, more than the limit of ${maxGaps}`,
      );
    }
  }
}
