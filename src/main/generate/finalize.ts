// After planting: sessions that could not be placed leave their course (which then simply has
// fewer weekly sessions), empty courses and electives nobody chose leave the college, and rules
// and enrollments that named them go with them.
import type { Draft } from './draft.ts';

/** Rule kinds that say nothing with fewer than two courses. */
const RELATES_TWO = new Set(['consecutive', 'same_time', 'same_period', 'adjacent', 'min_days_between']);

export function dropUnplaced(d: Draft): void {
  for (const off of d.offerings) {
    const keep = off.slot.map((s, k) => (s >= 0 ? k : -1)).filter((k) => k >= 0);
    off.slot = keep.map((k) => off.slot[k]);
    off.room = keep.map((k) => off.room[k]);
    off.sessions = keep.length;
  }
  const gone = (i: number): boolean => {
    const off = d.offerings[i];
    return (
      off.sessions === 0 ||
      ((off.kind === 'minor' || off.kind === 'open' || off.kind === 'elective') && off.size === 0)
    );
  };
  const removed = new Set(d.offerings.filter((o) => gone(o.index)).map((o) => o.index));
  if (removed.size === 0) return;
  d.offerings = d.offerings.filter((o) => !removed.has(o.index));
  d.offerings.forEach((o, i) => (o.index = i));
  d.enrollments = d.enrollments.filter((e) => d.offerings[e.off.index] === e.off);
  d.rules = d.rules
    .map((r) => ({ ...r, offerings: r.offerings.filter((o) => d.offerings[o.index] === o) }))
    .filter((r) => r.offerings.length >= (RELATES_TWO.has(r.kind) ? 2 : 1));
}
