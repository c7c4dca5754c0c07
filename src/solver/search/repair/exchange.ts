// Exchange move for the hard repair: session s and one sharing a student set with it (or its
// faculty when it has no set) swap places. The sets' days stay as they were while the rest moves,
// which mends faculty day limits and gaps that a single move cannot.
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { Rng } from '../../Rng.ts';
import type { SearchModel } from '../../SearchModel.ts';
import { SOFT_TIE } from './softTie.ts';

/** Most exchanges priced for one session. */
const TRIES = 60;

/**
 * The session to exchange places with s (placed, movable) that lowers the hard cost most and by
 * more than `than` (and does not raise it), or -1. A start that `allowed(x, t)` refuses (tabu) is
 * taken only when the result beats `bestHard`. `d` is scratch for the cost change.
 */
export function bestExchange(
  st: IncrementalState,
  m: SearchModel,
  rng: Rng,
  s: number,
  than: number,
  allowed: (x: number, t: number) => boolean,
  bestHard: number,
  d: Float64Array,
): number {
  const p = st.problem;
  const nS = p.nSlots;
  const c = p.sessionCourse[s];
  const t0 = st.slot[s];
  const r0 = st.room[s];
  const bySets = p.courseStudentSets.offsets[c + 1] > p.courseStudentSets.offsets[c];
  const owners = bySets ? p.courseStudentSets : p.courseFaculty;
  const courses = bySets ? p.setCourses : p.facultyCourses;
  let best = -1;
  let bestScore = Infinity;
  let tries = 0;
  for (let i = owners.offsets[c]; i < owners.offsets[c + 1] && tries < TRIES; i++) {
    const k = owners.items[i];
    const n = courses.offsets[k + 1] - courses.offsets[k];
    const off = rng.int(Math.max(1, n));
    for (let j = 0; j < n && tries < TRIES; j++) {
      const c2 = courses.items[courses.offsets[k] + ((off + j) % n)];
      if (c2 === c) continue;
      for (let x = p.courseFirstSession[c2]; x < p.courseFirstSession[c2] + p.courseSessionCount[c2]; x++) {
        const tx = st.slot[x];
        const rx = st.room[x];
        if (st.active[x] === 0 || m.slotLocked[x] === 1 || m.roomLocked[x] === 1 || tx === t0) continue;
        // A tie group's member moves only with its group (groupMove.ts).
        if (m.ties.groupOf[x] >= 0) continue;
        if (m.allowedStart[c * nS + tx] === 0 || m.allowedStart[c2 * nS + t0] === 0) continue;
        if (m.allowedRoom[c * p.nRooms + rx] === 0 || m.allowedRoom[c2 * p.nRooms + r0] === 0) continue;
        tries++;
        st.deltaSwap(s, x, d);
        if (d[0] > 0 || d[0] >= than) continue;
        if ((!allowed(s, tx) || !allowed(x, t0)) && st.hardTotal + d[0] >= bestHard) continue;
        const score = d[0] + SOFT_TIE * d[1] + 1e-9 * rng.float();
        if (score < bestScore) {
          bestScore = score;
          best = x;
        }
      }
    }
  }
  return best;
}
