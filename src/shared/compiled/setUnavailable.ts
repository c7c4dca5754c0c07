// The periods a student set cannot be taught in: those that every course it attends lists in its own
// `unavailable` (a set with no course has none). Like a faculty member's unavailable period, such a
// period is not idle time, so gap counts (group_gaps, max_gaps_per_day, max_gaps_per_week) leave it
// out. A FET file's StudentsSetNotAvailableTimes arrive this way (the import marks every course of
// the set unavailable there), and FET does not count them as gaps either.
import type { Csr } from './types.ts';

/** setUnavailable[k * nSlots + t] = 1 when every course of student set k is unavailable at slot t. */
export function setUnavailable(
  nStudentSets: number,
  setCourses: Csr,
  courseUnavailable: Uint8Array,
  nSlots: number,
): Uint8Array {
  const out = new Uint8Array(nStudentSets * nSlots);
  for (let k = 0; k < nStudentSets; k++) {
    const a = setCourses.offsets[k];
    const b = setCourses.offsets[k + 1];
    if (a === b) continue;
    for (let t = 0; t < nSlots; t++) {
      let all = 1;
      for (let i = a; i < b && all === 1; i++) all = courseUnavailable[setCourses.items[i] * nSlots + t];
      out[k * nSlots + t] = all;
    }
  }
  return out;
}
