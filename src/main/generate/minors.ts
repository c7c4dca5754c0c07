// Students choose minors after planting: each taker picks a minor of another department whose
// sessions fall in periods their own timetable leaves free, wherever one with seats is left.
import type { Draft, Offering } from './draft.ts';
import { MINOR_CAPACITY } from './electives.ts';

/** Enrolls minor takers; returns the number of (student, period) clashes the choices could not avoid. */
export function enrollMinors(d: Draft, minors: Offering[], leafBusy: Uint8Array): number {
  const { rng, nSlots: S } = d;
  const seats = minors.map(() => MINOR_CAPACITY);
  const placedPeriods = minors.map((m) => {
    const out: number[] = [];
    m.slot.forEach((s) => {
      if (s >= 0) for (let q = s; q < s + m.length; q++) out.push(q);
    });
    return out;
  });
  const candidates: number[] = [];
  d.students.forEach((st, i) => {
    if ((st.year === 3 || st.year === 4) && !st.postgraduate) candidates.push(i);
  });
  const takers = rng.shuffle(candidates).slice(0, Math.round(candidates.length * d.preset.minorShare));
  let clashes = 0;
  const counts = minors.map(() => 0);
  for (const st of takers) {
    const leaf = d.students[st].leaf;
    let best = -1;
    let bestClash = Infinity;
    const order = rng.shuffle(minors.map((_, k) => k));
    for (const k of order) {
      if (seats[k] === 0 || minors[k].dept === d.students[st].dept || placedPeriods[k].length === 0) continue;
      let c = 0;
      for (const q of placedPeriods[k]) c += leafBusy[leaf * S + q];
      if (c < bestClash) {
        best = k;
        bestClash = c;
        if (c === 0) break;
      }
    }
    if (best < 0) continue;
    seats[best]--;
    counts[best]++;
    clashes += bestClash;
    d.enrollments.push({ student: st, off: minors[best] });
  }
  minors.forEach((m, k) => (m.size = counts[k]));
  return clashes;
}
