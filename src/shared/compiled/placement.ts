// Timetable (ids, day/period indices) <-> Placement (per session: start slot and room index).
import type { Assignment, Timetable } from '../model/types.ts';
import type { Placement } from '../eval/types.ts';
import type { CompiledProblem } from './types.ts';

export function emptyPlacement(problem: CompiledProblem): Placement {
  return {
    slot: new Int32Array(problem.nSessions).fill(-1),
    room: new Int32Array(problem.nSessions).fill(-1),
  };
}

/**
 * Reads a timetable into placement form. Assignments with a null day/period/room leave the session
 * unplaced (a time with no room is kept as slot only). Unknown courses or rooms, a session number
 * beyond the course's count, a time outside the week, or a session listed twice throw an Error.
 */
export function timetableToPlacement(problem: CompiledProblem, timetable: Timetable): Placement {
  const courseIndex = new Map(problem.courseIds.map((id, i) => [id, i]));
  const roomIndex = new Map(problem.roomIds.map((id, i) => [id, i]));
  const placement = emptyPlacement(problem);
  const seen = new Uint8Array(problem.nSessions);
  timetable.assignments.forEach((a, i) => {
    const where = `timetable entry ${i + 1} (course "${a.courseId}", session ${a.session})`;
    const c = courseIndex.get(a.courseId);
    if (c === undefined) throw new Error(`${where}: unknown course`);
    if (a.session < 1 || a.session > problem.courseSessionCount[c]) {
      throw new Error(`${where}: the course has ${problem.courseSessionCount[c]} sessions`);
    }
    const s = problem.courseFirstSession[c] + a.session - 1;
    if (seen[s]) throw new Error(`${where}: this session is listed twice`);
    seen[s] = 1;
    if (a.day !== null && a.period !== null) {
      if (a.day >= problem.nDays || a.period >= problem.nPeriods) {
        throw new Error(`${where}: day ${a.day} period ${a.period} is outside the week`);
      }
      placement.slot[s] = a.day * problem.nPeriods + a.period;
    }
    if (a.roomId !== null) {
      const r = roomIndex.get(a.roomId);
      if (r === undefined) throw new Error(`${where}: unknown room "${a.roomId}"`);
      placement.room[s] = r;
    }
  });
  return placement;
}

/** Sessions whose assignment in `timetable` is locked (pinned by the user), as a 0/1 array. */
export function lockedSessions(problem: CompiledProblem, timetable: Timetable): Uint8Array {
  const courseIndex = new Map(problem.courseIds.map((id, i) => [id, i]));
  const out = new Uint8Array(problem.nSessions);
  for (const a of timetable.assignments) {
    const c = courseIndex.get(a.courseId);
    if (c !== undefined && a.locked && a.session <= problem.courseSessionCount[c]) {
      out[problem.courseFirstSession[c] + a.session - 1] = 1;
    }
  }
  return out;
}

/** Writes every session (placed or not) as an assignment, course by course, session by session. */
export function placementToTimetable(
  problem: CompiledProblem,
  placement: Placement,
  locked?: ArrayLike<number | boolean>,
): Timetable {
  const assignments: Assignment[] = [];
  for (let s = 0; s < problem.nSessions; s++) {
    const slot = placement.slot[s];
    const room = placement.room[s];
    const placed = slot >= 0 && slot < problem.nSlots;
    assignments.push({
      courseId: problem.courseIds[problem.sessionCourse[s]],
      session: problem.sessionIndex[s] + 1,
      day: placed ? Math.floor(slot / problem.nPeriods) : null,
      period: placed ? slot % problem.nPeriods : null,
      roomId: room >= 0 && room < problem.nRooms ? problem.roomIds[room] : null,
      locked: locked ? Boolean(locked[s]) : false,
    });
  }
  return { assignments };
}
