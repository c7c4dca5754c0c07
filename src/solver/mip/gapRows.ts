// Hard max_gaps_per_day and max_gaps_per_week for faculty and student sets (a group's limits hold for
// every set below it), with O(periods) rows per resource and day. With busy[q] = (already busy at q)
// + Σ start variables covering q (0 or 1 by the resource rows):
//   last >= q·busy[q],  lead >= (P-1-q)·busy[q]           (last busy period; lead = P-1-first)
//   gaps >= last + lead - (P-1) + 1 - Σ_q busy[q]         (idle periods between first and last)
// On a day with many start variables per period (dayGaps) an idle variable u[q] = 1 - busy[q] stands
// in for the resource's packing row of that slot (Σ start variables covering q + u[q] = 1 - already
// busy), and the rows above use u, so each start variable enters one row per period it covers, not
// three. On a day without sessions last = lead = 0 gives gaps >= 2 - P, so 0. Minimising the slacks of
//   gaps <= max_gaps_per_day + slack_d   and   Σ_d gaps <= max_gaps_per_week + slack_w
// keeps to the limits where the community can. Only limits that can bind get rows: a day's gaps are
// at most the periods strictly between its first and last possible busy period, and a resource
// whose possible gaps stay within its limits (per day and over the week) gets none.
// The rows are built so that the greedy start's auxiliary values (warmStart.ts, rows in order) are
// exact: u first, then last and lead, then gaps, then slacks.
// Days where the resource has no start variable keep their gaps as a constant of the weekly row.
// A faculty member's free unavailable periods are not idle (docs/WORKBOOK.md): they are left out of
// the bound `most` and of the constant days exactly, and on other days those strictly between two
// already busy periods (surely inside the span) lower the gaps row by a constant; one the span may
// or may not reach is still counted, so there the rows can be stricter than the evaluator.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import { COL_AUX, ROW_FREE, ROW_PACK, type ModelBuilder } from './mipModel.ts';
import type { Occupancy } from './occupancy.ts';
import { modelPeople } from './modelPeople.ts';

/** Cost per idle period over a limit: above the soft costs, below a missed session. */
export const GAP_COST = 150;

/** The smaller of two limits where -1 means none. */
function tighter(a: number, b: number): number {
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

function setLimits(p: CompiledProblem, k: number): [number, number] {
  let day = -1;
  let week = -1;
  for (let g = p.setGroup[k]; g >= 0; g = p.groupParent[g]) {
    day = tighter(day, p.groupMaxGapsPerDay[g]);
    week = tighter(week, p.groupMaxGapsPerWeek[g]);
  }
  return [day, week];
}

/**
 * `resourceSlot` maps resource * nSlots + slot to the start variables covering that slot. Returns the
 * keys (columns joined by ',') of the packing rows that the idle rows added here stand in for.
 */
export function addGapRows(
  p: CompiledProblem,
  b: ModelBuilder,
  resourceSlot: Map<number, number[]>,
  occ: Occupancy,
): Set<string> {
  const { nSlots, nPeriods: P, nDays } = p;
  const claimed = new Set<string>();
  if (P < 3) return claimed;
  for (const r of modelPeople(p, resourceSlot)) {
    const isFaculty = r < p.nFaculty;
    const [dayLimit, weekLimit] = isFaculty
      ? [p.facultyMaxGapsPerDay[r], p.facultyMaxGapsPerWeek[r]]
      : setLimits(p, r - p.nFaculty);
    if (dayLimit < 0 && weekLimit < 0) continue;
    const busy = isFaculty ? occ.faculty : occ.sets;
    const base = (isFaculty ? r : r - p.nFaculty) * nSlots;
    const days: Array<{ vars: number[][]; fixed: number[]; off: number[]; most: number }> = [];
    let bindsDay = false;
    let weekMost = 0;
    for (let d = 0; d < nDays; d++) {
      const vars: number[][] = [];
      const fixed: number[] = [];
      const off: number[] = [];
      let first = -1;
      let last = -1;
      for (let q = 0; q < P; q++) {
        const t = d * P + q;
        vars.push(resourceSlot.get(r * nSlots + t) ?? []);
        fixed.push(busy[base + t] > 0 ? 1 : 0);
        // Free for sure and unavailable: never idle.
        const away = isFaculty ? p.facultyUnavailable[base + t] : p.setUnavailable[base + t];
        off.push(!fixed[q] && vars[q].length === 0 && away ? 1 : 0);
        if (vars[q].length > 0 || fixed[q]) {
          if (first < 0) first = q;
          last = q;
        }
      }
      // At most the periods strictly between the first and last possible busy ones are idle.
      let offInside = 0;
      for (let q = first + 1; q < last; q++) offInside += off[q];
      const most = first < 0 ? 0 : Math.max(0, last - first - 1 - offInside);
      if (dayLimit >= 0 && most > dayLimit) bindsDay = true;
      weekMost += most;
      days.push({ vars, fixed, off, most });
    }
    const bindsWeek = weekLimit >= 0 && weekMost > weekLimit;
    if (!bindsDay && !bindsWeek) continue;
    const gapCols: number[] = [];
    let constantGaps = 0;
    for (const { vars, fixed, off, most } of days) {
      if (vars.every((v) => v.length === 0)) {
        constantGaps += idle(fixed, off);
        continue;
      }
      if (most === 0) continue; // no gap possible on this day
      const gaps = dayGaps(b, vars, fixed, idleOff(fixed, off), claimed);
      gapCols.push(gaps);
      if (dayLimit >= 0 && most > dayLimit) {
        const slack = b.addCol(GAP_COST, 0, Infinity, false, COL_AUX);
        b.addRow([gaps, slack], [1, -1], -Infinity, dayLimit, ROW_FREE);
      }
    }
    if (bindsWeek && gapCols.length > 0) {
      const slack = b.addCol(GAP_COST, 0, Infinity, false, COL_AUX);
      b.addRow(
        [...gapCols, slack],
        [...gapCols.map(() => 1), -1],
        -Infinity,
        weekLimit - constantGaps,
        ROW_FREE,
      );
    }
  }
  return claimed;
}

/** Start variables per period of a day at or above which the idle form pays (fewer nonzeros). */
const IDLE_FORM_MIN_VARS = 4;

/**
 * The gaps column of one resource's day. Busy periods through idle variables (each start variable
 * in one row per period: its packing row, claimed) when the day has IDLE_FORM_MIN_VARS start
 * variables per period or more; otherwise directly on the start variables (three rows per period,
 * no extra columns), which is smaller on sparse days.
 */
function dayGaps(
  b: ModelBuilder,
  vars: number[][],
  fixed: number[],
  sureOff: number,
  claimed: Set<string>,
): number {
  const P = vars.length;
  const open = vars.filter((v) => v.length > 0).length;
  const total = vars.reduce((n, v) => n + v.length, 0);
  // Periods counted as busy by the gaps row: the fixed ones and the unavailable ones surely inside.
  const fixedBusy = fixed.reduce((n, f) => n + f, 0) + sureOff;
  const last = b.addCol(0, 0, P - 1, false, COL_AUX);
  const lead = b.addCol(0, 0, P - 1, false, COL_AUX);
  const gaps = b.addCol(0, 0, P, false, COL_AUX);
  if (total < IDLE_FORM_MIN_VARS * open) {
    for (let q = 0; q < P; q++) {
      if (vars[q].length === 0 && !fixed[q]) continue;
      // last - q·Σx >= q·fixed ; lead - (P-1-q)·Σx >= (P-1-q)·fixed
      if (q > 0)
        b.addRow([last, ...vars[q]], [1, ...vars[q].map(() => -q)], q * fixed[q], Infinity, ROW_FREE);
      const w = P - 1 - q;
      if (w > 0)
        b.addRow([lead, ...vars[q]], [1, ...vars[q].map(() => -w)], w * fixed[q], Infinity, ROW_FREE);
    }
    // gaps - last - lead + Σ busy >= 2 - P; a start covering several periods counts once per period.
    const span = new Map<number, number>();
    for (const v of vars) for (const j of v) span.set(j, (span.get(j) ?? 0) + 1);
    b.addRow(
      [gaps, last, lead, ...span.keys()],
      [1, -1, -1, ...span.values()],
      2 - P - fixedBusy,
      Infinity,
      ROW_FREE,
    );
    return gaps;
  }
  const u: number[] = [];
  for (let q = 0; q < P; q++) {
    u.push(-1);
    if (vars[q].length === 0) continue;
    // Σ x covering q + u[q] = 1 - fixed[q]
    u[q] = b.addCol(0, 0, 1, false, COL_AUX);
    b.addRow([...vars[q], u[q]], null, 1 - fixed[q], 1 - fixed[q], ROW_PACK);
    claimed.add(vars[q].join(','));
  }
  for (let q = 0; q < P; q++) {
    const w = P - 1 - q;
    if (u[q] >= 0) {
      // last >= q·(1 - u[q]) ; lead >= (P-1-q)·(1 - u[q])
      if (q > 0) b.addRow([last, u[q]], [1, q], q, Infinity, ROW_FREE);
      if (w > 0) b.addRow([lead, u[q]], [1, w], w, Infinity, ROW_FREE);
    } else if (fixed[q]) {
      if (q > 0) b.addRow([last], null, q, Infinity, ROW_FREE);
      if (w > 0) b.addRow([lead], null, w, Infinity, ROW_FREE);
    }
  }
  // gaps - last - lead + Σ busy >= 2 - P, with Σ busy = fixedBusy + Σ_open (1 - u[q])
  const us = u.filter((j) => j >= 0);
  b.addRow(
    [gaps, last, lead, ...us],
    [1, -1, -1, ...us.map(() => -1)],
    2 - P - fixedBusy - open,
    Infinity,
    ROW_FREE,
  );
  return gaps;
}

/** Idle periods between the first and the last busy one (`off` ones are not idle). */
function idle(busy: readonly number[], off: readonly number[]): number {
  const first = busy.indexOf(1);
  if (first < 0) return 0;
  const last = busy.lastIndexOf(1);
  let n = 0;
  for (let q = first; q <= last; q++) n += busy[q] || off[q] ? 0 : 1;
  return n;
}

/** The `off` periods strictly between the first and the last busy one: surely inside the span. */
function idleOff(busy: readonly number[], off: readonly number[]): number {
  const first = busy.indexOf(1);
  if (first < 0) return 0;
  const last = busy.lastIndexOf(1);
  let n = 0;
  for (let q = first + 1; q < last; q++) n += off[q];
  return n;
}
