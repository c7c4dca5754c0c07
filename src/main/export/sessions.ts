// The timetable resolved against the college: one record per session with everything an export
// prints (course name, length, faculty, groups), in the college's course order.
import type { College, Timetable } from '../../shared/model/index.ts';
import { ExportError } from './types.ts';

export interface ResolvedSession {
  courseId: string;
  courseName: string;
  department: string;
  /** 1-based session number within the course. */
  session: number;
  /** Day and first period indices; null when the session is unplaced. */
  day: number | null;
  period: number | null;
  length: number;
  roomId: string | null;
  faculty: string[];
  groups: string[];
  locked: boolean;
}

export function resolveSessions(college: College, timetable: Timetable): ResolvedSession[] {
  const courseIndex = new Map(college.courses.map((c, i) => [c.id, i]));
  const out: Array<ResolvedSession & { order: number }> = [];
  for (const a of timetable.assignments) {
    const index = courseIndex.get(a.courseId);
    if (index === undefined) {
      throw new ExportError(
        `The timetable places course "${a.courseId}", which is not in the college data. ` +
          'Re-import the workbook or re-solve, then export again.',
      );
    }
    const c = college.courses[index];
    const placed = a.day !== null && a.period !== null;
    out.push({
      order: index,
      courseId: c.id,
      courseName: c.name,
      department: c.department,
      session: a.session,
      day: placed ? a.day : null,
      period: placed ? a.period : null,
      length: c.length,
      roomId: a.roomId,
      faculty: c.faculty,
      groups: c.groups,
      locked: a.locked,
    });
  }
  out.sort((x, y) => x.order - y.order || x.session - y.session);
  return out.map(({ order: _order, ...s }) => s);
}

/** Week order: by day, then first period, then course id (unplaced sessions last). */
export function byTime(a: ResolvedSession, b: ResolvedSession): number {
  const da = a.day ?? Number.MAX_SAFE_INTEGER;
  const db = b.day ?? Number.MAX_SAFE_INTEGER;
  return (
    da - db ||
    (a.period ?? 0) - (b.period ?? 0) ||
    (a.courseId < b.courseId ? -1 : a.courseId > b.courseId ? 1 : a.session - b.session)
  );
}
