// The pair rules as the incremental state counts them (../rules.ts defines them): one test of a pair
// of active sessions, by a numbered kind for the inner loop of RuleCounters.ts.
import type { CompiledProblem, CompiledRule } from '../../compiled/types.ts';
import { followsDirectly } from '../followsDirectly.ts';
import { minGapBroken } from '../minGap.ts';

/** The pair rule kinds, as numbers for the inner loop. */
export const PK = {
  other: 0,
  minDaysBetween: 1,
  notOverlapping: 2,
  differentDays: 3,
  minGap: 4,
  minDaysApart: 5,
  maxDaysApart: 6,
  sameRoomIfConsecutive: 7,
  adjacentIfSameDay: 8,
  minGapCountingBreaks: 9,
} as const;

export const PAIR_KIND: Record<CompiledRule['kind'], number> = {
  same_time: PK.other,
  same_day: PK.other,
  consecutive: PK.other,
  ordered: PK.other,
  consecutive_across_break: PK.other,
  adjacent_across_break: PK.other,
  same_period: PK.other,
  adjacent: PK.other,
  ends_day: PK.other,
  same_room: PK.other,
  min_days_between: PK.minDaysBetween,
  not_overlapping: PK.notOverlapping,
  different_days: PK.differentDays,
  min_gap: PK.minGap,
  min_days_apart: PK.minDaysApart,
  max_days_apart: PK.maxDaysApart,
  same_room_if_consecutive: PK.sameRoomIfConsecutive,
  adjacent_if_same_day: PK.adjacentIfSameDay,
  max_terms: PK.other,
  max_per_term: PK.other,
  max_slots: PK.other,
  max_days_in_slots: PK.other,
  max_per_day: PK.other,
  max_continuous: PK.other,
  max_simultaneous: PK.other,
  min_simultaneous: PK.other,
  min_simultaneous_or_none: PK.other,
  max_sessions_in_slots: PK.other,
  preferred_starts: PK.other,
  preferred_slots: PK.other,
  min_slots: PK.other,
  min_gap_counting_breaks: PK.minGapCountingBreaks,
  ordered_if_same_day: PK.other,
  grouped: PK.other,
  not_overlapping_parts: PK.other,
};

/** Pairs within one member count (kinds other than min_days_between and not_overlapping). */
export function pairsWithin(kind: number): boolean {
  return kind !== PK.minDaysBetween && kind !== PK.notOverlapping;
}

/** Pairs across two members count (kinds other than min_days_apart). */
export function pairsAcross(kind: number): boolean {
  return kind !== PK.minDaysApart;
}

/** Where the active sessions are: the incremental state's arrays. */
export interface PairView {
  readonly slot: Int32Array;
  readonly span: Int32Array;
  readonly room: Int32Array;
}

/** Does the pair of active sessions a, b break a pair rule of kind `kind` (PK) and value `value`? */
export function pairBroken(
  p: CompiledProblem,
  st: PairView,
  kind: number,
  value: number,
  a: number,
  b: number,
): boolean {
  const { slot, span, room } = st;
  const nP = p.nPeriods;
  const sa = slot[a];
  const sb = slot[b];
  switch (kind) {
    case PK.minDaysBetween:
    case PK.minDaysApart:
      return Math.abs(((sa / nP) | 0) - ((sb / nP) | 0)) < value;
    case PK.notOverlapping:
      return sa < sb + span[b] && sb < sa + span[a];
    case PK.differentDays:
      return ((sa / nP) | 0) === ((sb / nP) | 0);
    case PK.minGap: {
      if (((sa / nP) | 0) !== ((sb / nP) | 0)) return false;
      const x = sa <= sb ? a : b;
      const y = sa <= sb ? b : a;
      return slot[x] + p.courseLength[p.sessionCourse[x]] + value > slot[y];
    }
    case PK.minGapCountingBreaks:
      return minGapBroken(
        p,
        sa,
        p.courseLength[p.sessionCourse[a]],
        sb,
        p.courseLength[p.sessionCourse[b]],
        value,
        true,
      );
    case PK.maxDaysApart:
      return Math.abs(((sa / nP) | 0) - ((sb / nP) | 0)) > value;
    case PK.adjacentIfSameDay:
      return (
        ((sa / nP) | 0) === ((sb / nP) | 0) &&
        !followsDirectly(p, sa, p.courseLength[p.sessionCourse[a]], sb) &&
        !followsDirectly(p, sb, p.courseLength[p.sessionCourse[b]], sa)
      );
    default:
      return (
        room[a] !== room[b] &&
        (followsDirectly(p, sa, p.courseLength[p.sessionCourse[a]], sb) ||
          followsDirectly(p, sb, p.courseLength[p.sessionCourse[b]], sa))
      );
  }
}
