// Figures a scheduler compares variants by, beyond the cost: how many days faculty come in, how
// full the rooms are. Computed from the college and a timetable (sessions of length > 1 count
// every period they occupy).
import type { College, Timetable } from './types.ts';

export interface TimetableKpis {
  /** Average number of days a faculty member with at least one placed session teaches. */
  facultyDaysOnCampus: number;
  /** Occupied room-periods as a share of all room-periods of the week, 0..1. */
  roomUse: number;
}

export function timetableKpis(college: College, timetable: Timetable): TimetableKpis {
  const courses = new Map(college.courses.map((c) => [c.id, c]));
  const days = new Map<string, Set<number>>();
  let occupied = 0;
  for (const a of timetable.assignments) {
    if (a.day === null || a.period === null) continue;
    const course = courses.get(a.courseId);
    if (!course) continue;
    if (a.roomId !== null) occupied += course.length;
    for (const f of course.faculty) {
      let set = days.get(f);
      if (!set) days.set(f, (set = new Set()));
      set.add(a.day);
    }
  }
  const teaching = [...days.values()];
  const capacity = college.rooms.length * college.calendar.days.length * college.periods.length;
  return {
    facultyDaysOnCampus: teaching.length ? teaching.reduce((n, s) => n + s.size, 0) / teaching.length : 0,
    roomUse: capacity ? Math.min(1, occupied / capacity) : 0,
  };
}
