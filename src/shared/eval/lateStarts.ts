// Late starts (WORKBOOK.md, Groups `max_late_starts`, FET's "students early, max beginnings at
// second hour"): a student set's day with teaching begins at the day's first period; on at most N
// days a week it may begin at the second one. Periods are counted by index in the Periods sheet (a
// break between periods is not a period, so a day whose first period is followed by tea still has
// that as its second period). A free day counts for nothing. Per set and week, a day beginning at
// the third period or later counts 1, and the days that do not begin at the first period (at the
// second or later) beyond N count 1 each, as FET counts it.
import type { CompiledProblem } from '../compiled/types.ts';
import { dayName } from './describe.ts';

/** How a day begins: 0 = free or at the first period, 1 = at the second, 2 = at the third or later. */
export type DayStart = 0 | 1 | 2;

/** The start of a day whose first busy period (by index) is `first` (-1 for a free day). */
export function startOf(first: number): DayStart {
  if (first <= 0) return 0;
  return first === 1 ? 1 : 2;
}

/** The same, read off the day's busy periods as a bit mask (bit q = period q). */
export function maskStart(mask: number): DayStart {
  if (mask === 0 || (mask & 1) !== 0) return 0;
  return (mask & 2) !== 0 ? 1 : 2;
}

/** The week's count for a set with `second` days beginning at the second period and `later` at the third or later. */
export function lateStartExcess(second: number, later: number, max: number): number {
  if (max < 0) return 0;
  const late = second + later;
  return later + (late > max ? late - max : 0);
}

/** When a set's late days begin, e.g. "at the second period on Mon and Wed, and at the third period or later on Fri". */
export function lateStartWords(p: CompiledProblem, starts: ArrayLike<number>, base: number): string {
  const second: string[] = [];
  const later: string[] = [];
  for (let d = 0; d < p.nDays; d++) {
    if (starts[base + d] === 1) second.push(dayName(p, d));
    else if (starts[base + d] === 2) later.push(dayName(p, d));
  }
  const parts: string[] = [];
  if (second.length) parts.push(`at the second period on ${list(second)}`);
  if (later.length) parts.push(`at the third period or later on ${list(later)}`);
  return parts.length ? parts.join(', and ') : 'every day at the first period';
}

function list(items: string[]): string {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
