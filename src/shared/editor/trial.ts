// Trying moves on the incremental state and taking them back: one or several sessions (a move, a
// swap, a swap chain) placed at once, the cost change read, and the state restored exactly.
import type { IncrementalState } from '../eval/incremental/IncrementalState.ts';
import { HARD_KINDS } from '../eval/types.ts';
import type { HardKind } from '../eval/types.ts';

export interface Move {
  session: number;
  slot: number;
  room: number;
}

export interface TrialResult {
  hardDelta: number;
  softDelta: number;
  /**
   * Hard kinds the moved sessions break at their new places: what placing them adds compared with
   * all of them taken out, so a clash at a target counts even when the moves also end one elsewhere.
   * Minimums (a day or a week short of periods or days) grow when sessions are taken out, so they
   * count when the moves leave them worse than before.
   */
  kinds: Set<HardKind>;
}

const UNPLACED = HARD_KINDS.indexOf('unplaced');
const MINIMUMS = new Set(
  (['group_min_per_day', 'faculty_min_per_day', 'faculty_min_days'] as const).map((k) =>
    HARD_KINDS.indexOf(k),
  ),
);

/**
 * Applies `moves` (taking every moved session out first, then placing each), calls `during` with
 * the moved state, and puts everything back as it was, totals included. `during`'s result is
 * returned. Not re-entrant: `during` must not start another trial.
 */
export function withMoves<T>(
  state: IncrementalState,
  moves: readonly Move[],
  during: (removed: Float64Array) => T,
): T {
  const h0 = state.hardTotal;
  const f0 = state.softTotal;
  const from = moves.map((m) => ({ slot: state.slot[m.session], room: state.room[m.session] }));
  state.save();
  try {
    for (const m of moves) state.move(m.session, -1, -1);
    const removed = Float64Array.from(state.hard);
    for (const m of moves) state.move(m.session, m.slot, m.room);
    return during(removed);
  } finally {
    for (const m of moves) state.move(m.session, -1, -1);
    moves.forEach((m, i) => state.move(m.session, from[i].slot, from[i].room));
    state.restore(h0, f0);
  }
}

/** The cost change of `moves` and the hard kinds they break (see TrialResult); the state is unchanged. */
export function tryMoves(state: IncrementalState, moves: readonly Move[]): TrialResult {
  const h0 = state.hardTotal;
  const f0 = state.softTotal;
  const before = Float64Array.from(state.hard);
  return withMoves(state, moves, (removed) => {
    const kinds = new Set<HardKind>();
    HARD_KINDS.forEach((k, i) => {
      const added = state.hard[i] - (MINIMUMS.has(i) ? before[i] : removed[i]);
      // Placing normally ends `unplaced` (-1 per session); not so when another session of the same
      // course already starts there.
      if (i === UNPLACED ? added > -moves.length : added > 0) kinds.add(k);
    });
    return { hardDelta: state.hardTotal - h0, softDelta: state.softTotal - f0, kinds };
  });
}
