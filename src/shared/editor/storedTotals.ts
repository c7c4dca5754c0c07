// The costs stored with a timetable version, shown by the Timetable screen at once while the
// editor's worker counts them itself (building its incremental state takes a moment at scale).
import { HARD_KINDS, SOFT_KINDS } from '../eval/types.ts';
import type { TimetableInfo } from '../ipc/contract.ts';
import type { Totals } from './engineTypes.ts';

type Stored = Pick<TimetableInfo, 'stale' | 'hardTotal' | 'softTotal' | 'hard' | 'soft'>;

/**
 * The stored costs as totals, or null when they cannot stand in for a count: counted on an older
 * college (stale), or missing a kind the evaluator counts now (stored before that kind existed).
 */
export function storedTotals(summary: Stored): Totals | null {
  if (summary.stale) return null;
  const known = (by: Record<string, number>, kinds: readonly string[]): boolean =>
    kinds.every((k) => typeof by[k] === 'number');
  if (!known(summary.hard, HARD_KINDS) || !known(summary.soft, SOFT_KINDS)) return null;
  return {
    hardTotal: summary.hardTotal,
    softTotal: summary.softTotal,
    hard: summary.hard,
    soft: summary.soft,
  };
}
