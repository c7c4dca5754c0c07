// A two-step repair move for when single moves and exchanges are stuck: session s goes to a start
// where it clashes with exactly one other session x (faculty, student set or room), and x moves on
// to its best start. Priced in full (s taken out once, x once per start of s); the state is left
// as it was.
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { SearchModel } from '../../SearchModel.ts';
import { repairRoom } from './repairRoom.ts';
import { SOFT_TIE } from './softTie.ts';

/** The one active session other than s clashing with s where it is now, -1 for none, -2 for several. */
export function onlyClash(st: IncrementalState, m: SearchModel, s: number): number {
  const p = st.problem;
  const c = p.sessionCourse[s];
  const r = st.room[s];
  let found = -1;
  for (let q = st.slot[s]; q < st.slot[s] + st.span[s]; q++) {
    const base = q * st.slotCap;
    for (let i = 0; i < st.slotCount[q]; i++) {
      const y = st.slotList[base + i];
      if (y === s || y === found) continue;
      if (m.courseConflict[c * p.nCourses + p.sessionCourse[y]] === 0 && st.room[y] !== r) continue;
      if (found >= 0) return -2;
      found = y;
    }
  }
  return found;
}

/**
 * The best such chain for s as out = [t, r, x, tx, rx], returning its hard change (+ SOFT_TIE x
 * soft), or Infinity when there is none. `allowed(x, t)` says whether x may start at t (tabu),
 * `movable(x)` whether x may move alone (not locked, not tied to other sessions).
 */
export function bestEjection(
  st: IncrementalState,
  m: SearchModel,
  s: number,
  allowed: (x: number, t: number) => boolean,
  movable: (x: number) => boolean,
  out: Int32Array,
): number {
  const p = st.problem;
  const c = p.sessionCourse[s];
  const t0 = st.slot[s];
  const r0 = st.room[s];
  const h0 = st.hardTotal;
  const f0 = st.softTotal;
  let best = Infinity;
  st.save();
  st.move(s, -1, -1);
  const o = m.courseStarts.offsets;
  for (let i = o[c]; i < o[c + 1]; i++) {
    const t = m.courseStarts.items[i];
    if (t === t0 || !allowed(s, t)) continue;
    const r = repairRoom(st, m, s, t, r0);
    if (r < 0) continue;
    st.move(s, t, r);
    const x = st.active[s] === 1 ? onlyClash(st, m, s) : -1;
    if (x >= 0 && movable(x)) {
      const cx = p.sessionCourse[x];
      const tx0 = st.slot[x];
      const rx0 = st.room[x];
      st.move(x, -1, -1);
      for (let j = o[cx]; j < o[cx + 1]; j++) {
        const tx = m.courseStarts.items[j];
        if (tx === tx0 || !allowed(x, tx)) continue;
        const rx = repairRoom(st, m, x, tx, rx0);
        if (rx < 0) continue;
        st.move(x, tx, rx);
        const score = st.hardTotal - h0 + SOFT_TIE * (st.softTotal - f0);
        st.move(x, -1, -1);
        if (score < best) {
          best = score;
          out[0] = t;
          out[1] = r;
          out[2] = x;
          out[3] = tx;
          out[4] = rx;
        }
      }
      st.move(x, tx0, rx0);
    }
    st.move(s, -1, -1);
  }
  st.move(s, t0, r0);
  st.restore(h0, f0);
  return best;
}
