// Rest between days (WORKBOOK.md, `min_rest`, FET's "min resting hours" without the week wrapping
// round): for two consecutive days of the Calendar, the free periods after the first day's last busy
// period plus those before the next day's first busy period, counted by period index (a break
// between periods is no period); a free day counts all its periods. Below `min_rest`, the pair of
// days counts the missing periods.
import type { CompiledProblem } from '../compiled/types.ts';

/** Free periods at the end of a day whose busy periods are the bit mask `mask` (all for a free day). */
export function tailRest(mask: number, nPeriods: number): number {
  return mask === 0 ? nPeriods : nPeriods - (32 - Math.clz32(mask));
}

/** Free periods at the start of a day (all for a free day). */
export function headRest(mask: number, nPeriods: number): number {
  return mask === 0 ? nPeriods : 31 - Math.clz32(mask & -mask);
}

/** The missing rest between day d (mask `a`) and day d + 1 (mask `b`) under `min` (0 = no limit). */
export function restShort(a: number, b: number, nPeriods: number, min: number): number {
  if (min <= 0) return 0;
  const rest = tailRest(a, nPeriods) + headRest(b, nPeriods);
  return rest < min ? min - rest : 0;
}

/** Busy periods of one day of an occupancy row as a bit mask (bit q = period q). */
export function dayMask(p: CompiledProblem, occ: ArrayLike<number>, base: number): number {
  let m = 0;
  for (let q = 0; q < p.nPeriods; q++) if (occ[base + q] > 0) m |= 1 << q;
  return m;
}
