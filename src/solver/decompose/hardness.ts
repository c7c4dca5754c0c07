// How hard a community is to place, for ordering (hardest first): its session-periods weighted by how
// few start slots each course has and how contested its rooms are.
import type { CompiledProblem } from '../../shared/compiled/types.ts';

export function courseTightness(p: CompiledProblem, c: number, roomPressure: number): number {
  let starts = 0;
  for (let s = 0; s < p.nSlots; s++) starts += p.startForbidden[c * p.nSlots + s] ? 0 : 1;
  return (p.nSlots / Math.max(1, starts)) * (1 + roomPressure) * p.courseLength[c];
}

/** Mean tightness per session-period of the community, plus a small size term. */
export function hardness(p: CompiledProblem, courses: Int32Array): number {
  let weighted = 0;
  let periods = 0;
  for (const c of courses) {
    const n = p.courseSessionCount[c] * p.courseLength[c];
    const nRooms = p.courseRooms.offsets[c + 1] - p.courseRooms.offsets[c];
    const pressure = nRooms === 0 ? 10 : Math.min(10, 1 / nRooms);
    weighted += n * courseTightness(p, c, pressure);
    periods += n;
  }
  return periods === 0 ? 0 : weighted / periods + periods * 1e-4;
}
