// Ruin for a repair that stalls: take out the sessions in violation together with what holds them
// in place (their tie groups, and the other sessions of their faculty and student sets on that
// day), so that the repair places them afresh. The repair keeps its best timetable, so a ruin that
// leads nowhere costs only time.
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { SearchModel } from '../../SearchModel.ts';
import type { TieGroups } from './tieGroups.ts';

function takeOut(st: IncrementalState, m: SearchModel, ties: TieGroups, s: number): void {
  const g = ties.groupOf[s];
  if (g < 0) {
    if (m.slotLocked[s] === 0 && m.roomLocked[s] === 0) st.move(s, -1, -1);
    return;
  }
  for (let i = ties.offsets[g]; i < ties.offsets[g + 1]; i++) {
    const x = ties.members[i];
    if (m.slotLocked[x] === 0 && m.roomLocked[x] === 0) st.move(x, -1, -1);
  }
}

/**
 * Calls visit(x) for each session x other than s whose slot is on `day` and whose course shares a
 * faculty member or a student set with course c (once per shared owner, so a session may come
 * more than once).
 */
export function forDayMates(
  st: IncrementalState,
  c: number,
  day: number,
  s: number,
  visit: (x: number) => void,
): void {
  const p = st.problem;
  for (const [owners, courses] of [
    [p.courseFaculty, p.facultyCourses],
    [p.courseStudentSets, p.setCourses],
  ] as const)
    for (let j = owners.offsets[c]; j < owners.offsets[c + 1]; j++) {
      const k = owners.items[j];
      for (let a = courses.offsets[k]; a < courses.offsets[k + 1]; a++) {
        const c2 = courses.items[a];
        const first = p.courseFirstSession[c2];
        for (let x = first; x < first + p.courseSessionCount[c2]; x++)
          if (x !== s && st.slot[x] >= 0 && ((st.slot[x] / p.nPeriods) | 0) === day) visit(x);
      }
    }
}

/** Take out sessions[0 .. n) that are not helpers (helper[s] = 0), with what holds them; returns how many went out. */
export function ruinAround(
  st: IncrementalState,
  m: SearchModel,
  ties: TieGroups,
  sessions: Int32Array,
  n: number,
  helper: Uint8Array,
): number {
  const p = st.problem;
  let out = 0;
  for (let i = 0; i < n; i++) {
    const s = sessions[i];
    if (helper[s] === 1 || st.active[s] === 0) continue;
    const c = p.sessionCourse[s];
    const day = (st.slot[s] / p.nPeriods) | 0;
    // Sessions sharing a faculty member or a student set with s on its day.
    forDayMates(st, c, day, s, (x) => {
      if (st.active[x] === 0) return;
      takeOut(st, m, ties, x);
      out++;
    });
    takeOut(st, m, ties, s);
    out++;
  }
  return out;
}
