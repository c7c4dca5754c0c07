// Period adjacency: two periods are adjacent when one ends exactly when the next starts; a gap
// (lunch, tea) breaks adjacency, so a multi-period session never spans it.
import type { Period } from './types.ts';

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** `adjacentToNext[p]` is true when period p+1 starts exactly when period p ends. */
export function adjacency(periods: readonly Period[]): boolean[] {
  return periods.map(
    (p, i) => i + 1 < periods.length && minutesOf(p.end) === minutesOf(periods[i + 1].start),
  );
}

/** Blocks of adjacent periods as [first, last] index pairs, in order. */
export function blocks(periods: readonly Period[]): Array<[number, number]> {
  const adj = adjacency(periods);
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let p = 0; p < periods.length; p++) {
    if (!adj[p]) {
      out.push([start, p]);
      start = p + 1;
    }
  }
  return out;
}

/** Can a session of `length` periods start at `period` without crossing a break or the day's end? */
export function fitsAt(periods: readonly Period[], period: number, length: number): boolean {
  if (period < 0 || period + length > periods.length) return false;
  const adj = adjacency(periods);
  for (let p = period; p < period + length - 1; p++) if (!adj[p]) return false;
  return true;
}

/** The longest run of adjacent periods: no session may be longer. */
export function longestBlock(periods: readonly Period[]): number {
  return Math.max(0, ...blocks(periods).map(([a, b]) => b - a + 1));
}
