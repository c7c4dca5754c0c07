// Limits and unavailability taken from the planted timetable: every limit is at or above what the
// planted timetable uses, and every unavailable slot is one it leaves free, so it stays feasible.
import type { Faculty, Group, Room, SlotRef } from '../../shared/model/types.ts';
import type { Draft } from './draft.ts';
import type { Rng } from './rng.ts';
import type { Occupancy } from './occupancy.ts';
import { dayUse } from './occupancy.ts';

function freeRange(
  row: Uint8Array,
  base: number,
  day: number,
  nPeriods: number,
  from: number,
  to: number,
): boolean {
  for (let p = from; p <= to; p++) if (row[base + day * nPeriods + p] !== 0) return false;
  return true;
}

function range(day: number, from: number, to: number): SlotRef[] {
  const out: SlotRef[] = [];
  for (let p = from; p <= to; p++) out.push({ day, period: p });
  return out;
}

function sortSlots(slots: SlotRef[]): SlotRef[] {
  const seen = new Set<string>();
  return slots
    .filter((s) => {
      const k = `${s.day}:${s.period}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.day - b.day || a.period - b.period);
}

/** Some free stretches of a resource's week: a free day, mornings, late afternoons. */
function someFreeSlots(d: Draft, row: Uint8Array, base: number, wholeDays: boolean): SlotRef[] {
  const { rng, nPeriods } = d;
  const nDays = d.days.length;
  const out: SlotRef[] = [];
  const freeDays: number[] = [];
  for (let day = 0; day < nDays; day++)
    if (freeRange(row, base, day, nPeriods, 0, nPeriods - 1)) freeDays.push(day);
  if (wholeDays) {
    for (const day of freeDays) out.push(...range(day, 0, nPeriods - 1));
    return out;
  }
  if (freeDays.length > 0 && rng.chance(0.4)) out.push(...range(rng.pick(freeDays), 0, nPeriods - 1));
  const pieces = rng.int(1, 3);
  for (let k = 0; k < pieces; k++) {
    const day = rng.int(0, nDays - 1);
    const len = rng.int(1, 3);
    const from = rng.chance(0.5) ? 0 : nPeriods - len;
    if (freeRange(row, base, day, nPeriods, from, from + len - 1))
      out.push(...range(day, from, from + len - 1));
  }
  return out;
}

export function facultyRows(d: Draft, occ: Occupancy): Faculty[] {
  const { rng, nPeriods, nSlots } = d;
  const nDays = d.days.length;
  return d.faculty.map((f, i) => {
    const base = i * nSlots;
    const use = dayUse(occ.faculty, base, nDays, nPeriods);
    const week = use.load.reduce((a, b) => a + b, 0);
    const days = use.load.filter((x) => x > 0).length;
    const row: Faculty = { id: f.id, name: f.name, department: f.dept, email: f.email, unavailable: [] };
    if (week === 0) return row;
    const partTime = days <= 3 && rng.chance(0.3);
    if (rng.chance(0.8)) row.maxPerDay = Math.max(...use.load) + (rng.chance(0.5) ? 0 : 1);
    if (rng.chance(0.7)) row.maxPerWeek = week + rng.int(0, 2);
    if (partTime) row.maxDays = days;
    else if (rng.chance(0.3) && days < nDays) row.maxDays = days + 1;
    const gaps = Math.max(...use.gaps);
    if (gaps <= 3 && rng.chance(0.5)) row.maxGapsPerDay = gaps + (rng.chance(0.5) ? 0 : 1);
    if (partTime || rng.chance(0.5))
      row.unavailable = sortSlots(someFreeSlots(d, occ.faculty, base, partTime));
    return row;
  });
}

export function roomRows(d: Draft, occ: Occupancy): Room[] {
  const { rng, nSlots } = d;
  return d.rooms.map((r, i) => {
    const row: Room = {
      id: r.id,
      name: r.name,
      capacity: r.capacity,
      type: r.type,
      building: r.building,
      unavailable: [],
    };
    if (rng.chance(0.12)) row.unavailable = sortSlots(someFreeSlots(d, occ.room, i * nSlots, false));
    return row;
  });
}

export function groupRows(d: Draft, occ: Occupancy): Group[] {
  const { rng, nPeriods, nSlots } = d;
  const nDays = d.days.length;
  const leafUse = d.leafGroup.map((_, l) => dayUse(occ.leaf, l * nSlots, nDays, nPeriods));
  return d.groups.map((g) => {
    const row: Group = { id: g.id, name: g.name, size: g.size, department: g.dept };
    if (g.parent) row.parent = g.parent;
    const isLeaf = g.leaves.length === 1 && d.leafGroup[g.leaves[0]] === g.id;
    const use = g.leaves.map((l) => leafUse[l]);
    const maxLoad = Math.max(...use.flatMap((u) => u.load));
    const busyLoads = use.flatMap((u) => u.load.filter((x) => x > 0));
    const maxGaps = Math.max(...use.flatMap((u) => u.gaps));
    if (maxLoad === 0 || rng.chance(isLeaf && g.parent ? 0.85 : 0.3)) return row;
    if (rng.chance(0.8)) row.maxPerDay = Math.min(nPeriods, maxLoad + (rng.chance(0.6) ? 0 : 1));
    if (maxGaps <= 3 && rng.chance(0.5)) row.maxGapsPerDay = maxGaps + (rng.chance(0.5) ? 0 : 1);
    const minLoad = Math.min(...busyLoads);
    if (minLoad >= 2 && rng.chance(0.3)) row.minPerDay = 2;
    return row;
  });
}

/** A few courses keep off the last period or a whole day where the planted timetable already does. */
export function courseUnavailable(d: Draft, occ: Occupancy, offering: number): SlotRef[] {
  const { rng, nPeriods } = d;
  const off = d.offerings[offering];
  if (off.kind !== 'theory' || !rng.chance(0.06)) return [];
  const periods = occ.periodsOf(offering);
  const nDays = d.days.length;
  if (rng.chance(0.5)) {
    const last = nPeriods - 1;
    if (periods.every((q) => q % nPeriods !== last)) {
      const out: SlotRef[] = [];
      for (let day = 0; day < nDays; day++) out.push({ day, period: last });
      return out;
    }
    return [];
  }
  const day = rng.int(0, nDays - 1);
  return periods.every((q) => Math.floor(q / nPeriods) !== day) ? range(day, 0, nPeriods - 1) : [];
}

/**
 * The full college's weekly and minimum limits (its own random stream, so the plain college keeps
 * its rows): faculty max_gaps_per_week, min_per_day and min_days, groups max_gaps_per_week, and
 * faculty and groups max_continuous, groups max_late_starts, faculty and groups max_span and
 * min_rest, each at or within what the planted timetable uses, so it stays feasible.
 */
export function addWeeklyLimits(
  d: Draft,
  occ: Occupancy,
  rng: Rng,
  faculty: Faculty[],
  groups: Group[],
): void {
  const { nPeriods, nSlots } = d;
  const nDays = d.days.length;
  faculty.forEach((row, i) => {
    const use = dayUse(occ.faculty, i * nSlots, nDays, nPeriods);
    const busy = use.load.filter((x) => x > 0);
    if (busy.length === 0) return;
    const weekGaps = use.gaps.reduce((a, b) => a + b, 0);
    if (rng.chance(0.4)) row.maxGapsPerWeek = weekGaps + (rng.chance(0.5) ? 0 : 1);
    const minLoad = Math.min(...busy);
    if (minLoad >= 2 && rng.chance(0.3)) row.minPerDay = rng.chance(0.5) ? minLoad : 2;
    if (rng.chance(0.3)) row.minDays = Math.max(1, busy.length - (rng.chance(0.5) ? 0 : 1));
  });
  const leafUse = d.leafGroup.map((_, l) => dayUse(occ.leaf, l * nSlots, nDays, nPeriods));
  d.groups.forEach((g, i) => {
    const weekGaps = Math.max(...g.leaves.map((l) => leafUse[l].gaps.reduce((a, b) => a + b, 0)));
    if (rng.chance(0.35)) groups[i].maxGapsPerWeek = weekGaps + (rng.chance(0.5) ? 0 : 1);
  });
  // Drawn last, so the limits above stay those of earlier versions.
  faculty.forEach((row, i) => {
    const run = longestRun(d, occ.faculty, i * nSlots);
    if (run >= 2 && rng.chance(0.3)) row.maxContinuous = run;
  });
  d.groups.forEach((g, i) => {
    const run = Math.max(0, ...g.leaves.map((l) => longestRun(d, occ.leaf, l * nSlots)));
    if (run >= 2 && rng.chance(0.3)) groups[i].maxContinuous = run;
  });
  // max_late_starts: where no batch below the group begins a day at the third period or later, the
  // most days a batch begins at the second (drawn after max_continuous, so that stays as it was).
  d.groups.forEach((g, i) => {
    const starts = g.leaves.map((l) => lateStarts(d, occ.leaf, l * nSlots));
    if (starts.length === 0 || starts.some((s) => s.later > 0)) return;
    if (rng.chance(0.4)) groups[i].maxLateStarts = Math.max(...starts.map((s) => s.second));
  });
  // max_span: the widest day (first to last busy period) in the planted timetable, drawn last.
  faculty.forEach((row, i) => {
    const span = widestDay(d, occ.faculty, i * nSlots);
    if (span >= 2 && span < nPeriods && rng.chance(0.3)) row.maxSpan = span;
  });
  d.groups.forEach((g, i) => {
    const span = Math.max(0, ...g.leaves.map((l) => widestDay(d, occ.leaf, l * nSlots)));
    if (span >= 2 && span < nPeriods && rng.chance(0.3)) groups[i].maxSpan = span;
  });
  // min_rest: the shortest rest between two consecutive days in the planted timetable, drawn last.
  faculty.forEach((row, i) => {
    const rest = shortestRest(d, occ.faculty, i * nSlots);
    if (rest >= 1 && rng.chance(0.3)) row.minRest = rest;
  });
  d.groups.forEach((g, i) => {
    const rest = Math.min(...g.leaves.map((l) => shortestRest(d, occ.leaf, l * nSlots)));
    if (rest >= 1 && Number.isFinite(rest) && rng.chance(0.3)) groups[i].minRest = rest;
  });
}

/** The fewest free periods from one day's last busy period to the next day's first (a free day: all). */
function shortestRest(d: Draft, row: Uint8Array, base: number): number {
  const ends = Array.from({ length: d.days.length }, (_, day) => {
    let first = -1;
    let last = -1;
    for (let p = 0; p < d.nPeriods; p++)
      if (row[base + day * d.nPeriods + p] !== 0) {
        if (first < 0) first = p;
        last = p;
      }
    return { head: first < 0 ? d.nPeriods : first, tail: first < 0 ? d.nPeriods : d.nPeriods - 1 - last };
  });
  let shortest = Infinity;
  for (let day = 0; day + 1 < ends.length; day++)
    shortest = Math.min(shortest, ends[day].tail + ends[day + 1].head);
  return shortest;
}

/** The most periods from a day's first busy period to its last, both counted, over the week. */
function widestDay(d: Draft, row: Uint8Array, base: number): number {
  let widest = 0;
  for (let day = 0; day < d.days.length; day++) {
    let first = -1;
    let last = -1;
    for (let p = 0; p < d.nPeriods; p++)
      if (row[base + day * d.nPeriods + p] !== 0) {
        if (first < 0) first = p;
        last = p;
      }
    if (first >= 0) widest = Math.max(widest, last - first + 1);
  }
  return widest;
}

/** Days of an occupancy row that begin at the second period, and at the third or later (free days begin at neither). */
function lateStarts(d: Draft, row: Uint8Array, base: number): { second: number; later: number } {
  let second = 0;
  let later = 0;
  for (let day = 0; day < d.days.length; day++) {
    let first = -1;
    for (let p = 0; p < d.nPeriods && first < 0; p++) if (row[base + day * d.nPeriods + p] !== 0) first = p;
    if (first === 1) second++;
    else if (first >= 2) later++;
  }
  return { second, later };
}

/** The longest run of busy periods in a row (adjacent periods of one block) of an occupancy row. */
function longestRun(d: Draft, row: Uint8Array, base: number): number {
  let longest = 0;
  for (let day = 0; day < d.days.length; day++) {
    let run = 0;
    for (let p = 0; p < d.nPeriods; p++) {
      const busy = row[base + day * d.nPeriods + p] !== 0;
      run = !busy ? 0 : p > 0 && run > 0 && d.blockOf[p - 1] === d.blockOf[p] ? run + 1 : 1;
      longest = Math.max(longest, run);
    }
  }
  return longest;
}
