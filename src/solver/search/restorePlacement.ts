// Putting the incremental state back at a kept placement (a phase's best): every session whose place
// differs is first taken out, then put back, so no session is ever moved onto one that has not left
// yet. Shared by the search phases' restoreBest().
import type { IncrementalState } from '../../shared/eval/incremental/IncrementalState.ts';

/** Move every session of st whose slot or room differs from (slot, room) to that place. */
export function restorePlacement(st: IncrementalState, slot: Int32Array, room: Int32Array): void {
  const n = st.problem.nSessions;
  for (let s = 0; s < n; s++) if (st.slot[s] !== slot[s] || st.room[s] !== room[s]) st.move(s, -1, -1);
  for (let s = 0; s < n; s++)
    if (st.slot[s] !== slot[s] || st.room[s] !== room[s]) st.move(s, slot[s], room[s]);
}
