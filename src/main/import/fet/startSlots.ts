// An activity's allowed starts (per slot day * P + period, `ok`) as Courses `starts`, and whether
// the course's unavailable periods alone (the periods no allowed start covers) would say less.
import type { SlotRef } from '../../../shared/model/index.ts';

/** The allowed starts as slot refs, in week order. */
export function startRefs(ok: readonly boolean[], P: number): SlotRef[] {
  const out: SlotRef[] = [];
  ok.forEach((yes, s) => {
    if (yes) out.push({ day: Math.floor(s / P), period: s % P });
  });
  return out;
}

/**
 * True when a start that FET does not allow would still fit in the course's available periods: a
 * whole session (inside one block of adjacent periods) over periods each covered by an allowed start.
 */
export function startBetween(
  ok: readonly boolean[],
  covered: readonly boolean[],
  length: number,
  D: number,
  P: number,
  adj: readonly boolean[],
): boolean {
  for (let d = 0; d < D; d++)
    for (let p = 0; p + length <= P; p++) {
      if (ok[d * P + p]) continue;
      let fits = true;
      for (let k = 0; k < length - 1; k++) if (!adj[p + k]) fits = false;
      for (let k = 0; k < length; k++) if (!covered[d * P + p + k]) fits = false;
      if (fits) return true;
    }
  return false;
}
