// min_gap and min_gap_counting_breaks (docs/WORKBOOK.md Rules): two sessions on one day are too close
// when the later-starting one starts fewer than `gap` free periods after the other ends, counted by
// period index; min_gap_counting_breaks counts each break between two periods (a gap in the Periods
// times) as one free period more, as FET counts a break hour. The full evaluator (rules.ts), the
// incremental one (incremental/RuleCosts.ts) and the repair's rule check all ask minGapBroken.
import type { CompiledProblem } from '../compiled/types.ts';

/** The period's place in its day with each break before it counted as one period. */
function place(p: CompiledProblem, q: number, countBreaks: boolean): number {
  return countBreaks ? q + p.blockOf[q] - p.blockOf[0] : q;
}

/** Are the sessions a and b (slots sa, sb; a's course of `lenA` periods, b's `lenB`) too close? */
export function minGapBroken(
  p: CompiledProblem,
  sa: number,
  lenA: number,
  sb: number,
  lenB: number,
  gap: number,
  countBreaks: boolean,
): boolean {
  const nP = p.nPeriods;
  const day = (sa / nP) | 0;
  if (day !== ((sb / nP) | 0)) return false;
  const [sx, lenX, sy] = sa <= sb ? [sa, lenA, sb] : [sb, lenB, sa];
  if (!countBreaks) return sx + lenX + gap > sy;
  const last = Math.min(sx - day * nP + lenX - 1, nP - 1);
  return place(p, last, true) + 1 + gap > place(p, sy - day * nP, true);
}
