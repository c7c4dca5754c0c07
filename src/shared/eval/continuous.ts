// Runs of busy periods (WORKBOOK.md, `max_continuous`): periods of one day that are busy one after
// the other, each adjacent to the next (it ends exactly when the next begins, as followsDirectly.ts
// reads the Periods sheet). A free period or a break (lunch, tea) between two periods ends a run,
// as in FET, whose breaks are hours nobody is busy in. A broken `max_continuous` counts, per day,
// the periods above the limit summed over that day's runs.
import type { CompiledProblem } from '../compiled/types.ts';

export interface DayRuns {
  /** The longest run of the day (0 for a free day). */
  longest: number;
  /** Periods above `max` summed over the day's runs (0 when max <= 0, no limit). */
  excess: number;
}

/** The longest run the last runExcess call walked (dayRuns reads it; single-threaded). */
let lastLongest = 0;

/** Runs of the day whose occupancy counts are occ[base + q] for q = 0 .. nPeriods - 1. */
export function dayRuns(p: CompiledProblem, occ: ArrayLike<number>, base: number, max: number): DayRuns {
  const excess = runExcess(p, occ, base, max);
  return { longest: lastLongest, excess };
}

/** dayRuns' excess alone, without building a result (the incremental rule counts, on every move). */
export function runExcess(p: CompiledProblem, occ: ArrayLike<number>, base: number, max: number): number {
  let longest = 0;
  let excess = 0;
  let run = 0;
  for (let q = 0; q < p.nPeriods; q++) {
    if (occ[base + q] === 0) {
      run = 0;
      continue;
    }
    run = q > 0 && p.adjacentToNext[q - 1] === 1 ? run + 1 : 1;
    if (run > longest) longest = run;
    // The run's periods beyond the limit, counted as they come.
    if (max > 0 && run > max) excess++;
  }
  lastLongest = longest;
  return excess;
}

/** Bit q set when period q is the last of its block of adjacent periods (a break or the day's end follows). */
export function blockEndMask(p: CompiledProblem): number {
  let m = 0;
  for (let q = 0; q < p.nPeriods; q++) if (q === p.nPeriods - 1 || p.adjacentToNext[q] === 0) m |= 1 << q;
  return m;
}

/**
 * The same excess read off a day's busy periods as a bit mask (bit q = period q, at most 31
 * periods), with `ends` = blockEndMask(p): periods above `max` summed over the runs.
 */
export function maskRunExcess(mask: number, ends: number, max: number): number {
  // A run ends at q when q is busy and the next period is free or behind a break.
  const stops = ends | ~(mask >>> 1);
  let excess = 0;
  let rest = mask;
  while (rest !== 0) {
    const a = 31 - Math.clz32(rest & -rest);
    const from = stops & (-1 << a);
    const b = 31 - Math.clz32(from & -from);
    const len = b - a + 1;
    if (len > max) excess += len - max;
    rest &= ~((2 << b) - (1 << a));
  }
  return excess;
}
