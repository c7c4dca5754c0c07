// The price of a Kempe-chain exchange on a flat state, without applying it (see chainDelta).
import type { FlatCounts } from './FlatCounts.ts';
import { isolated } from '../../../shared/eval/incremental/isolated.ts';

/**
 * Add to dHard / dSoft the change of exchanging a closed clash chain between slots t0 and t1,
 * without changing anything: members[0..n-1] (each in t0 or t1) go to the other slot, member i
 * into room toRoom[i] (a cell free once the members have left). Exact only when there are no
 * clashes (hard = 0) and the chain is closed (every session in t0 or t1 clashing with a member is
 * one, as FlatKempe collects it): then no clash is made, and each student set a member holds has
 * its occupancy of t0 and t1 exchanged. Costs one pass over the members' sets instead of the
 * four of applying and undoing the exchange.
 */
export function chainDelta(
  fs: FlatCounts,
  members: Int32Array,
  n: number,
  t0: number,
  t1: number,
  toRoom: Int32Array,
): void {
  const nS = fs.nSlots;
  const nR = fs.nRooms;
  const nP = fs.nPeriods;
  const nD = fs.nDays;
  const course = fs.sessionCourse;
  const rc = fs.courseRoomCount;
  const used = fs.courseRoomsUsed;
  const dc = fs.courseDayCount;
  const days = fs.courseDays;
  const d0 = (t0 / nP) | 0;
  const d1 = (t1 / nP) | 0;
  const tick = ++fs.tick;
  let dh = 0;
  let ds = 0;
  // Room capacity; the members' courses with their rooms used and days held before.
  for (let i = 0; i < n; i++) {
    const x = members[i];
    const c = course[x];
    dh += fs.roomHard[c * nR + toRoom[i]] - fs.roomHard[c * nR + fs.room[x]];
    ds += fs.roomSoft[c * nR + toRoom[i]] - fs.roomSoft[c * nR + fs.room[x]];
    if (fs.courseStamp[c] !== tick) {
      fs.courseStamp[c] = tick;
      fs.usedBefore[c] = used[c];
      fs.daysBefore[c] = days[c];
    }
  }
  // Room stability and min working days: move the counts, price each course once, move them back.
  for (let i = 0; i < n; i++) {
    const x = members[i];
    const c = course[x];
    if (--rc[c * nR + fs.room[x]] === 0) used[c]--;
    if (d0 !== d1 && --dc[c * nD + (fs.slot[x] === t0 ? d0 : d1)] === 0) days[c]--;
  }
  for (let i = 0; i < n; i++) {
    const x = members[i];
    const c = course[x];
    if (rc[c * nR + toRoom[i]]++ === 0) used[c]++;
    if (d0 !== d1 && dc[c * nD + (fs.slot[x] === t0 ? d1 : d0)]++ === 0) days[c]++;
  }
  const wS = fs.wStability;
  const wM = fs.wMinDays;
  for (let i = 0; i < n; i++) {
    const c = course[members[i]];
    if (fs.courseStamp[c] !== tick) continue;
    fs.courseStamp[c] = tick - 1;
    const min = fs.courseMinDays[c];
    ds += (Math.max(0, used[c] - 1) - Math.max(0, fs.usedBefore[c] - 1)) * wS;
    ds += (Math.max(0, min - days[c]) - Math.max(0, min - fs.daysBefore[c])) * wM;
    used[c] = fs.usedBefore[c];
    days[c] = fs.daysBefore[c];
  }
  for (let i = 0; i < n; i++) {
    const x = members[i];
    const c = course[x];
    rc[c * nR + toRoom[i]]--;
    rc[c * nR + fs.room[x]]++;
    if (d0 !== d1) {
      const from = fs.slot[x] === t0;
      dc[c * nD + (from ? d1 : d0)]--;
      dc[c * nD + (from ? d0 : d1)]++;
    }
  }
  // Isolated sessions: each student set held by a member, once.
  if (fs.wIso !== 0) {
    const occ = fs.setOcc;
    const q0 = t0 - d0 * nP;
    const q1 = t1 - d1 * nP;
    const stamp = ++fs.tick;
    for (let i = 0; i < n; i++) {
      const c = course[members[i]];
      for (let j = fs.setOff[c], e = fs.setOff[c + 1]; j < e; j++) {
        const k = fs.setItems[j];
        if (fs.setStamp[k] === stamp) continue;
        fs.setStamp[k] = stamp;
        const o0 = occ[k * nS + t0];
        const o1 = occ[k * nS + t1];
        if (o0 === o1) continue;
        const kd0 = k * nD + d0;
        const base0 = k * nS + d0 * nP;
        if (d0 === d1) {
          let mask = fs.setMask[kd0] & ~(1 << q0) & ~(1 << q1);
          if (o1 > 0) mask |= 1 << q0;
          if (o0 > 0) mask |= 1 << q1;
          ds += (isolated(occ, base0, mask, q0, o1 - o0, q1, o0 - o1) - fs.setIso[kd0]) * fs.wIso;
        } else {
          const kd1 = k * nD + d1;
          const mask0 = o1 > 0 ? fs.setMask[kd0] | (1 << q0) : fs.setMask[kd0] & ~(1 << q0);
          const mask1 = o0 > 0 ? fs.setMask[kd1] | (1 << q1) : fs.setMask[kd1] & ~(1 << q1);
          const after =
            isolated(occ, base0, mask0, q0, o1 - o0, -1, 0) +
            isolated(occ, k * nS + d1 * nP, mask1, q1, o0 - o1, -1, 0);
          ds += (after - fs.setIso[kd0] - fs.setIso[kd1]) * fs.wIso;
        }
      }
    }
  }
  fs.dHard += dh;
  fs.dSoft += ds;
}
