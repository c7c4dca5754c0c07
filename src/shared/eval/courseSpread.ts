// Per course: spread over days and room stability (both soft).
// - min_days: weight x max(0, min_days - distinct days with a placed session) (ITC "MinWorkingDays").
// - room_stability: weight x max(0, distinct rooms used - 1) (ITC "RoomStability").
import type { EvalSink } from './sink.ts';
import type { EvalState } from './state.ts';
import { PLACED } from './state.ts';
import { plural } from './describe.ts';

export function checkCourseSpread(st: EvalState, sink: EvalSink): void {
  const { p, status, slot, room } = st;
  const w = p.weights;
  const daySeen = new Int32Array(p.nDays).fill(-1);
  const roomSeen = new Int32Array(p.nRooms).fill(-1);
  for (let c = 0; c < p.nCourses; c++) {
    const first = p.courseFirstSession[c];
    const end = first + p.courseSessionCount[c];
    let days = 0;
    let rooms = 0;
    for (let s = first; s < end; s++) {
      if (status[s] !== PLACED) continue;
      const d = Math.floor(slot[s] / p.nPeriods);
      if (daySeen[d] !== c) {
        daySeen[d] = c;
        days++;
      }
      if (roomSeen[room[s]] !== c) {
        roomSeen[room[s]] = c;
        rooms++;
      }
    }
    const sessions = (): number[] => {
      const out: number[] = [];
      for (let s = first; s < end; s++) if (status[s] === PLACED) out.push(s);
      return out;
    };
    const id = p.courseIds[c];
    const missing = p.courseMinDays[c] - days;
    if (missing > 0 && w.min_days > 0) {
      sink.addSoft(
        'min_days',
        missing * w.min_days,
        sessions,
        () =>
          `${id} meets on ${plural(days, 'day')}, ${missing} fewer than its minimum of ${p.courseMinDays[c]}`,
      );
    }
    if (rooms > 1 && w.room_stability > 0) {
      sink.addSoft(
        'room_stability',
        (rooms - 1) * w.room_stability,
        sessions,
        () =>
          `${id} uses ${rooms} different rooms (${[...new Set(sessions().map((s) => p.roomIds[room[s]]))].join(', ')})`,
      );
    }
  }
}
