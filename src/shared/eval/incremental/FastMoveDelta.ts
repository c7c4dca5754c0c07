// The change in cost of moving one session to another (slot, room), computed without touching the
// state, for the common simple case: a one-period session that is active, of a course with no
// duplicates waiting, no rules, no enrolment clashes, no faculty rows and no group limits or gap
// costs (all of ITC-2007). Other cases return false and the caller applies and undoes the move.
// Tests check it against the applied change on random moves.
import type { IncrementalState } from './IncrementalState.ts';
import { N_HARD, N_SOFT } from './kinds.ts';
import { addPlaceCost } from './placeCost.ts';
import { isolated } from './isolated.ts';

export class FastMoveDelta {
  private readonly st: IncrementalState;
  /** 1 when moves of the course's sessions qualify. */
  readonly fastCourse: Uint8Array;
  private readonly hard = new Float64Array(N_HARD);
  private readonly soft = new Float64Array(N_SOFT);
  private readonly roomListed: Uint8Array;
  private readonly setStamp: Int32Array;
  private stamp = 0;

  constructor(st: IncrementalState, roomListed: Uint8Array, courseHasRules: (c: number) => boolean) {
    this.st = st;
    this.roomListed = roomListed;
    const p = st.problem;
    const w = p.weights;
    this.setStamp = new Int32Array(p.nStudentSets);
    this.fastCourse = new Uint8Array(p.nCourses);
    for (let c = 0; c < p.nCourses; c++) {
      let ok = p.courseLength[c] === 1 && !courseHasRules(c) && w.group_gaps === 0;
      const co = p.courseStudentConflicts.offsets;
      if (w.student_clash > 0 && co[c + 1] > co[c]) ok = false;
      for (let i = p.courseFaculty.offsets[c]; i < p.courseFaculty.offsets[c + 1]; i++)
        if (st.days.facRowNeeded[p.courseFaculty.items[i]] === 1) ok = false;
      for (let i = p.courseStudentSets.offsets[c]; i < p.courseStudentSets.offsets[c + 1]; i++) {
        const k = p.courseStudentSets.items[i];
        if (st.days.setLimited[k] === 1) ok = false;
        // Isolated runs are single periods only when every course of the set is one period long.
        for (let j = p.setCourses.offsets[k]; j < p.setCourses.offsets[k + 1]; j++)
          if (p.courseLength[p.setCourses.items[j]] !== 1) ok = false;
      }
      this.fastCourse[c] = ok ? 1 : 0;
    }
  }

  /**
   * Hard and soft change of moving active session s to (t1, r1) into out[0], out[1]; false when the
   * move does not qualify (then nothing is written).
   */
  delta(s: number, t1: number, r1: number, out: Float64Array): boolean {
    const st = this.st;
    const p = st.problem;
    const c = p.sessionCourse[s];
    if (this.fastCourse[c] === 0 || st.active[s] === 0 || t1 < 0 || r1 < 0) return false;
    const nS = p.nSlots;
    const t0 = st.slot[s];
    const r0 = st.room[s];
    if (t1 !== t0 && st.courseOcc[c * nS + t1] > 0) return false;
    if (st.waitingDuplicates(c)) return false;
    const hard = this.hard;
    const soft = this.soft;
    hard.fill(0);
    soft.fill(0);
    addPlaceCost(p, this.roomListed, hard, soft, s, t0, r0, 1, -1);
    addPlaceCost(p, this.roomListed, hard, soft, s, t1, r1, 1, 1);
    let dh = 0;
    let ds = 0;
    for (let i = 0; i < N_HARD; i++) dh += hard[i];
    for (let i = 0; i < N_SOFT; i++) ds += soft[i];
    if (t1 !== t0) {
      dh += this.pairs(c, t1, s) - this.pairs(c, t0, s);
      if (st.roomOcc[r0 * nS + t0] >= 2) dh--;
      if (st.roomOcc[r1 * nS + t1] >= 1) dh++;
    } else if (r1 !== r0) {
      if (st.roomOcc[r0 * nS + t0] >= 2) dh--;
      if (st.roomOcc[r1 * nS + t1] >= 1) dh++;
    }
    const w = p.weights;
    const nP = p.nPeriods;
    const d0 = (t0 / nP) | 0;
    const d1 = (t1 / nP) | 0;
    if (d0 !== d1 && w.min_days !== 0) {
      let days = st.courseDays[c];
      const before = Math.max(0, p.courseMinDays[c] - days);
      if (st.courseDayCount[c * p.nDays + d0] === 1) days--;
      if (st.courseDayCount[c * p.nDays + d1] === 0) days++;
      ds += (Math.max(0, p.courseMinDays[c] - days) - before) * w.min_days;
    }
    if (r0 !== r1 && w.room_stability !== 0) {
      let used = st.courseRoomsUsed[c];
      const before = Math.max(0, used - 1);
      if (st.courseRoomCount[c * p.nRooms + r0] === 1) used--;
      if (st.courseRoomCount[c * p.nRooms + r1] === 0) used++;
      ds += (Math.max(0, used - 1) - before) * w.room_stability;
    }
    if (t0 !== t1 && w.isolated !== 0) {
      const so = p.courseStudentSets.offsets;
      for (let i = so[c]; i < so[c + 1]; i++) {
        const k = p.courseStudentSets.items[i];
        ds += this.isolatedDelta(k, t0, t1, d0, d1);
      }
    }
    out[0] = dh;
    out[1] = ds;
    return true;
  }

  /**
   * Hard and soft change of exchanging the places of active sessions a and b (different courses)
   * into out[0], out[1]; false when the swap does not qualify.
   */
  swapDelta(a: number, b: number, out: Float64Array): boolean {
    const st = this.st;
    const p = st.problem;
    const ca = p.sessionCourse[a];
    const cb = p.sessionCourse[b];
    if (ca === cb || this.fastCourse[ca] === 0 || this.fastCourse[cb] === 0) return false;
    if (st.active[a] === 0 || st.active[b] === 0) return false;
    const nS = p.nSlots;
    const ta = st.slot[a];
    const tb = st.slot[b];
    const ra = st.room[a];
    const rb = st.room[b];
    if (ta !== tb && (st.courseOcc[ca * nS + tb] > 0 || st.courseOcc[cb * nS + ta] > 0)) return false;
    if (st.waitingDuplicates(ca) || st.waitingDuplicates(cb)) return false;
    const hard = this.hard;
    const soft = this.soft;
    hard.fill(0);
    soft.fill(0);
    addPlaceCost(p, this.roomListed, hard, soft, a, ta, ra, 1, -1);
    addPlaceCost(p, this.roomListed, hard, soft, a, tb, rb, 1, 1);
    addPlaceCost(p, this.roomListed, hard, soft, b, tb, rb, 1, -1);
    addPlaceCost(p, this.roomListed, hard, soft, b, ta, ra, 1, 1);
    let dh = 0;
    let ds = 0;
    for (let i = 0; i < N_HARD; i++) dh += hard[i];
    for (let i = 0; i < N_SOFT; i++) ds += soft[i];
    const w = p.weights;
    if (ra !== rb && w.room_stability !== 0)
      ds += this.stabilityDelta(ca, ra, rb) + this.stabilityDelta(cb, rb, ra);
    if (ta !== tb) {
      // Room cells keep their counts; clash pairs change with the company each session keeps.
      dh += this.pairs(ca, tb, b) - this.pairs(ca, ta, a) + this.pairs(cb, ta, a) - this.pairs(cb, tb, b);
      const nP = p.nPeriods;
      const da = (ta / nP) | 0;
      const db = (tb / nP) | 0;
      if (da !== db && w.min_days !== 0) ds += this.daysDelta(ca, da, db) + this.daysDelta(cb, db, da);
      if (w.isolated !== 0) {
        // Sets attending both courses keep their occupancy; the others see one session move.
        const tick = ++this.stamp;
        const so = p.courseStudentSets.offsets;
        const items = p.courseStudentSets.items;
        for (let i = so[cb]; i < so[cb + 1]; i++) this.setStamp[items[i]] = tick;
        for (let i = so[ca]; i < so[ca + 1]; i++) {
          const k = items[i];
          if (this.setStamp[k] === tick) this.setStamp[k] = -tick;
          else ds += this.isolatedDelta(k, ta, tb, da, db);
        }
        for (let i = so[cb]; i < so[cb + 1]; i++) {
          const k = items[i];
          if (this.setStamp[k] === tick) ds += this.isolatedDelta(k, tb, ta, db, da);
        }
      }
    }
    out[0] = dh;
    out[1] = ds;
    return true;
  }

  private stabilityDelta(c: number, from: number, to: number): number {
    const st = this.st;
    const p = st.problem;
    let used = st.courseRoomsUsed[c];
    const before = Math.max(0, used - 1);
    if (st.courseRoomCount[c * p.nRooms + from] === 1) used--;
    if (st.courseRoomCount[c * p.nRooms + to] === 0) used++;
    return (Math.max(0, used - 1) - before) * p.weights.room_stability;
  }

  private daysDelta(c: number, from: number, to: number): number {
    const st = this.st;
    const p = st.problem;
    let days = st.courseDays[c];
    const before = Math.max(0, p.courseMinDays[c] - days);
    if (st.courseDayCount[c * p.nDays + from] === 1) days--;
    if (st.courseDayCount[c * p.nDays + to] === 0) days++;
    return (Math.max(0, p.courseMinDays[c] - days) - before) * p.weights.min_days;
  }

  /** Faculty and group clash pairs session s (course c) would have with the others in slot t. */
  private pairs(c: number, t: number, s: number): number {
    const st = this.st;
    const p = st.problem;
    const base = t * st.slotCap;
    const n = st.slotCount[t];
    const matrix = st.relation.matrix;
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (st.slotList[base + i] === s) continue;
      const cx = st.slotCourse[base + i];
      if ((matrix !== null ? matrix[c * p.nCourses + cx] : st.relation.get(c, cx)) !== 0) k++;
    }
    return k;
  }

  /** Change of set k's isolated cost when one of its one-period sessions moves from t0 to t1. */
  private isolatedDelta(k: number, t0: number, t1: number, d0: number, d1: number): number {
    const st = this.st;
    const p = st.problem;
    const nP = p.nPeriods;
    const days = st.days;
    const occ = st.setOcc;
    const base = k * p.nSlots;
    const q0 = t0 - d0 * nP;
    const q1 = t1 - d1 * nP;
    let before = days.setIsolated[k * p.nDays + d0];
    let m0 = days.setMask[k * p.nDays + d0];
    if (occ[base + t0] === 1) m0 &= ~(1 << q0);
    if (d0 === d1) {
      if (occ[base + t1] === 0) m0 |= 1 << q1;
      return isolated(occ, base + d0 * nP, m0, q0, -1, q1, 1) * p.weights.isolated - before;
    }
    before += days.setIsolated[k * p.nDays + d1];
    let m1 = days.setMask[k * p.nDays + d1];
    if (occ[base + t1] === 0) m1 |= 1 << q1;
    const after =
      isolated(occ, base + d0 * nP, m0, q0, -1, -1, 0) + isolated(occ, base + d1 * nP, m1, q1, 1, -1, 0);
    return after * p.weights.isolated - before;
  }
}
