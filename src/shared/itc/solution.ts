// ITC-2007 solution files (data/itc2007/README.md §3): one line `course room day period` per
// scheduled lecture, day and period 0-based, in any order.
import type { Assignment, College, Timetable } from '../model/types.ts';

export interface ItcSolutionRead {
  timetable: Timetable;
  /** Lines accepted but without effect, e.g. a second lecture of a course in one period. */
  warnings: string[];
}

/**
 * Reads a solution against a college. Lectures fill each course's sessions in file order; the
 * rest stay unplaced. As in the ITC-2007 validator, a second lecture of a course in a period it
 * already uses is dropped (it then counts as a missing lecture) with a warning. Malformed lines,
 * unknown courses or rooms, times outside the week and more lectures than a course has are errors
 * naming the file and line.
 */
export function readItcSolution(text: string, college: College, fileName = 'solution'): ItcSolutionRead {
  const nDays = college.calendar.days.length;
  const nPeriods = college.periods.length;
  const courseIndex = new Map(college.courses.map((c, i) => [c.id, i]));
  const roomIds = new Set(college.rooms.map((r) => r.id));
  const slots = college.courses.map((c) => new Array<Assignment | null>(c.sessions).fill(null));
  const used = college.courses.map(() => new Set<number>());
  const warnings: string[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  const int = (tok: string, what: string, limit: number, where: string): number => {
    if (!/^\d+$/.test(tok)) throw new Error(`${where}: ${what} must be a whole number, found "${tok}"`);
    const n = Number(tok);
    if (n >= limit) throw new Error(`${where}: ${what} ${n} is outside 0..${limit - 1}`);
    return n;
  };
  lines.forEach((line, i) => {
    const toks = line.trim().split(/\s+/).filter(Boolean);
    if (toks.length === 0) return;
    const where = `${fileName}:${i + 1}`;
    if (toks.length !== 4) {
      throw new Error(
        `${where}: expected "course room day period", found ${toks.length} field${toks.length === 1 ? '' : 's'}`,
      );
    }
    const [courseId, roomId, dayTok, periodTok] = toks;
    const c = courseIndex.get(courseId);
    if (c === undefined) throw new Error(`${where}: unknown course "${courseId}"`);
    if (!roomIds.has(roomId)) throw new Error(`${where}: unknown room "${roomId}"`);
    const day = int(dayTok, 'day', nDays, where);
    const period = int(periodTok, 'period', nPeriods, where);
    const slot = day * nPeriods + period;
    if (used[c].has(slot)) {
      warnings.push(
        `${where}: ${courseId} already has a lecture on day ${day} period ${period}; this one is ignored`,
      );
      return;
    }
    const k = slots[c].indexOf(null);
    if (k < 0) {
      throw new Error(
        `${where}: course "${courseId}" has only ${slots[c].length} lectures and this line adds one more`,
      );
    }
    used[c].add(slot);
    slots[c][k] = { courseId, session: k + 1, day, period, roomId, locked: false };
  });
  const assignments = college.courses.flatMap((course, c) =>
    slots[c].map(
      (a, k): Assignment =>
        a ?? { courseId: course.id, session: k + 1, day: null, period: null, roomId: null, locked: false },
    ),
  );
  return { timetable: { assignments }, warnings };
}

export function parseItcSolution(text: string, college: College, fileName = 'solution'): Timetable {
  return readItcSolution(text, college, fileName).timetable;
}

/** One line per placed session (day, period and room all set), course by course. */
export function formatItcSolution(college: College, timetable: Timetable): string {
  const order = new Map(college.courses.map((c, i) => [c.id, i]));
  const placed = timetable.assignments.filter(
    (a) => a.day !== null && a.period !== null && a.roomId !== null,
  );
  placed.sort((a, b) => (order.get(a.courseId) ?? 0) - (order.get(b.courseId) ?? 0) || a.session - b.session);
  return placed.map((a) => `${a.courseId} ${a.roomId} ${a.day} ${a.period}\n`).join('');
}
