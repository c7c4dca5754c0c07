// One truth for unplaced sessions: a timetable as the evaluator counts it. A session that does not
// count as placed (state.ts: no time or no room, or the same start as an earlier session of its
// course) is shown unplaced everywhere: empty day, period and room in every export, report and
// check, never at a time. Exports, `check`, `run`'s report.json and the solve result call this.
import type { Timetable } from '../model/types.ts';
import type { CompiledProblem } from '../compiled/types.ts';
import { timetableToPlacement } from '../compiled/placement.ts';
import type { Placement } from './types.ts';
import { PLACED, sessionStatus } from './state.ts';

/** A copy of the placement where each session that does not count as placed has slot and room -1. */
export function countedPlacement(p: CompiledProblem, placement: Placement): Placement {
  const status = sessionStatus(p, placement);
  const slot = placement.slot.slice();
  const room = placement.room.slice();
  for (let s = 0; s < p.nSessions; s++)
    if (status[s] !== PLACED) {
      slot[s] = -1;
      room[s] = -1;
    }
  return { slot, room };
}

/**
 * The timetable with every assignment that does not count as placed turned unplaced (day, period
 * and room null; the lock is kept), in the same order. Throws like timetableToPlacement on
 * assignments that do not fit the problem (unknown course or room, a session listed twice).
 */
export function countedTimetable(p: CompiledProblem, timetable: Timetable): Timetable {
  const status = sessionStatus(p, timetableToPlacement(p, timetable));
  const courseIndex = new Map(p.courseIds.map((id, i) => [id, i]));
  return {
    assignments: timetable.assignments.map((a) => {
      const c = courseIndex.get(a.courseId) ?? -1;
      const s = p.courseFirstSession[c] + a.session - 1;
      return status[s] === PLACED ? a : { ...a, day: null, period: null, roomId: null };
    }),
  };
}

/** Sessions of the timetable that do not count as placed, as (course id, 1-based session). */
export function unplacedSessions(
  p: CompiledProblem,
  placement: Placement,
): Array<{ courseId: string; session: number; duplicate: boolean }> {
  const status = sessionStatus(p, placement);
  const out: Array<{ courseId: string; session: number; duplicate: boolean }> = [];
  for (let s = 0; s < p.nSessions; s++)
    if (status[s] !== PLACED)
      out.push({
        courseId: p.courseIds[p.sessionCourse[s]],
        session: p.sessionIndex[s] + 1,
        duplicate: status[s] !== 0,
      });
  return out;
}
