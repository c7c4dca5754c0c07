// The timetable a FET file states by itself: every session fixed by a locked starting time (FET's
// own timetable in a `*_data_and_timetable.fet`), in its fixed room, or in the course's only
// allowed room. Checking it with the evaluator shows whether the import is exact: FET's timetable
// breaks no FET constraint, so it must break no hard constraint of the imported college.
import type { College, Timetable } from '../../../shared/model/index.ts';

export function timetableFromFixed(college: College): {
  timetable: Timetable;
  fixedSessions: number;
  sessions: number;
} {
  const fixedAt = new Map(college.fixed.map((f) => [`${f.courseId}\u0000${f.session}`, f]));
  const assignments: Timetable['assignments'] = [];
  let sessions = 0;
  for (const c of college.courses)
    for (let k = 1; k <= c.sessions; k++) {
      sessions++;
      const f = fixedAt.get(`${c.id}\u0000${k}`);
      const room = f?.roomId ?? (c.rooms.length === 1 ? c.rooms[0] : null);
      assignments.push({
        courseId: c.id,
        session: k,
        day: f ? f.day : null,
        period: f ? f.period : null,
        roomId: f ? room : null,
        locked: Boolean(f),
      });
    }
  return { timetable: { assignments }, fixedSessions: college.fixed.length, sessions };
}
