// Who is busy when in the planted timetable: per faculty, leaf group (student set) and room, one
// byte per slot. The derived limits, unavailability and rules read these.
import type { Draft } from './draft.ts';

export interface Occupancy {
  faculty: Uint8Array;
  leaf: Uint8Array;
  room: Uint8Array;
  /** Periods each offering covers, as slot numbers. */
  periodsOf: (offering: number) => number[];
}

export function occupancyOf(d: Draft): Occupancy {
  const S = d.nSlots;
  const faculty = new Uint8Array(d.faculty.length * S);
  const leaf = new Uint8Array(d.leafGroup.length * S);
  const room = new Uint8Array(d.rooms.length * S);
  const periods: number[][] = d.offerings.map((off) => {
    const out: number[] = [];
    off.slot.forEach((s, k) => {
      if (s < 0) return;
      for (let q = s; q < s + off.length; q++) {
        out.push(q);
        for (const f of off.faculty) faculty[f * S + q]++;
        for (const l of off.leaves) leaf[l * S + q]++;
        room[off.room[k] * S + q]++;
      }
    });
    return out;
  });
  return { faculty, leaf, room, periodsOf: (o) => periods[o] };
}

/** Per day of one resource's row: periods busy, idle periods between first and last, busy or not. */
export interface DayUse {
  load: number[];
  gaps: number[];
}

export function dayUse(row: Uint8Array, base: number, nDays: number, nPeriods: number): DayUse {
  const load: number[] = [];
  const gaps: number[] = [];
  for (let day = 0; day < nDays; day++) {
    let n = 0;
    let first = -1;
    let last = -1;
    for (let p = 0; p < nPeriods; p++) {
      if (row[base + day * nPeriods + p] === 0) continue;
      n++;
      if (first < 0) first = p;
      last = p;
    }
    load.push(n);
    gaps.push(n === 0 ? 0 : last - first + 1 - n);
  }
  return { load, gaps };
}
