// What the full presets add beyond the plain ones, besides the rules (plantedRules.ts): more
// pinned sessions (about one in a hundred, as a college pins its institute-wide slots and visiting
// faculty) and allowed-room lists on some theory courses ("only these classrooms"), both read off
// the planted timetable so that it stays hard-feasible.
import type { Fixed } from '../../shared/model/types.ts';
import type { Draft } from './draft.ts';
import type { Rng } from './rng.ts';

/** Pinned sessions per weekly session. */
const FIXED_SHARE = 0.01;
/** Share of theory courses that may use only a few named classrooms. */
const ROOM_LIST_SHARE = 0.12;

/** Adds allowed-room lists: the rooms a course's planted sessions use plus a few more that fit it. */
export function restrictTheoryRooms(d: Draft, rng: Rng): void {
  const lecture = d.rooms.map((r, i) => ({ r, i })).filter(({ r }) => r.type === 'lecture');
  for (const off of d.offerings) {
    if (off.kind !== 'theory' || off.roomType !== 'lecture' || off.rooms.length > 0) continue;
    if (!rng.chance(ROOM_LIST_SHARE)) continue;
    const fit = lecture.filter(({ r }) => r.capacity >= off.size).map(({ i }) => i);
    const chosen = new Set(off.room);
    const extra = rng.int(2, 5);
    for (const i of rng.shuffle(fit).slice(0, extra)) chosen.add(i);
    off.rooms = [...chosen].sort((a, b) => a - b);
  }
}

/** `base` plus more sessions pinned where the planted timetable has them, some with their room. */
export function moreFixedRows(d: Draft, rng: Rng, base: Fixed[]): Fixed[] {
  const { nPeriods } = d;
  const total = d.offerings.reduce((n, o) => n + o.sessions, 0);
  const wanted = Math.max(base.length, Math.round(total * FIXED_SHARE));
  const key = (courseId: string, session: number): string => `${courseId}/${session}`;
  const seen = new Set(base.map((f) => key(f.courseId, f.session)));
  const out = [...base];
  const candidates = d.offerings.filter(
    (o) => o.kind === 'theory' || o.kind === 'lab' || o.kind === 'tutorial' || o.kind === 'minor',
  );
  for (let t = 0; out.length < wanted && t < wanted * 20 && candidates.length > 0; t++) {
    const off = rng.pick(candidates);
    const k = rng.int(0, off.sessions - 1);
    if (seen.has(key(off.id, k + 1))) continue;
    seen.add(key(off.id, k + 1));
    const row: Fixed = {
      courseId: off.id,
      session: k + 1,
      day: Math.floor(off.slot[k] / nPeriods),
      period: off.slot[k] % nPeriods,
    };
    if (rng.chance(0.4)) row.roomId = d.rooms[off.room[k]].id;
    out.push(row);
  }
  return out.sort((a, b) =>
    a.courseId < b.courseId ? -1 : a.courseId > b.courseId ? 1 : a.session - b.session,
  );
}
