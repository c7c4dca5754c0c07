// Where a new solve starts: "new" keeps only the locked sessions of a timetable (the active one by
// default) and schedules everything else afresh; "improve" starts from that whole timetable. Fixed
// sessions (the Fixed sheet) are kept by the solver in both. The starting timetable is checked
// against the college the job solves: sessions of courses, rooms or periods that no longer exist
// (a timetable made for an earlier import) are left out, so the solver never fails on them.
import type { Database } from 'better-sqlite3';
import { getActiveTimetable, getTimetable } from '../db/index.ts';
import type { Assignment, College, Timetable } from '../../shared/model/types.ts';

export type StartMode = 'new' | 'improve';

export interface StartRequest {
  mode: StartMode;
  /** The timetable to keep the locks of / to improve; default the active one. */
  from?: number;
}

export interface StartingPoint {
  /** What the solver starts from; undefined = nothing to keep (a blank start). */
  initial: Timetable | undefined;
  /** The timetable it was taken from. */
  source: { id: number; name: string } | null;
  /** Locked sessions kept where they are. */
  locked: number;
  /** Sessions of the source that could not be used (unknown course, session, room or period). */
  dropped: number;
}

/** A plain-words error for a start that cannot be made (shown as it is). */
export class StartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartError';
  }
}

export function startingPoint(db: Database, college: College, request: StartRequest): StartingPoint {
  const found = request.from === undefined ? getActiveTimetable(db) : getTimetable(db, request.from);
  if (!found) {
    if (request.from !== undefined)
      throw new StartError(`There is no timetable ${request.from} in this project.`);
    if (request.mode === 'improve')
      throw new StartError('There is no active timetable to improve yet: generate a new timetable first.');
    return { initial: undefined, source: null, locked: 0, dropped: 0 };
  }
  const source = { id: found.summary.id, name: found.summary.name };
  const { kept, dropped } = usableAssignments(college, found.timetable.assignments);
  const assignments = request.mode === 'improve' ? kept : kept.filter((a) => a.locked);
  const locked = assignments.filter((a) => a.locked && a.day !== null).length;
  if (request.mode === 'improve' && !kept.some((a) => a.day !== null && a.period !== null))
    throw new StartError(
      `Timetable "${source.name}" has no session that fits the current college data: generate a new timetable instead.`,
    );
  return {
    initial: assignments.length > 0 ? { assignments } : undefined,
    source,
    locked,
    dropped,
  };
}

/**
 * The assignments that fit the college: a known course and session number, each session once, a
 * time inside the week (else unplaced) and a known room (else no room). Unplaced sessions are
 * never locked (a lock pins a place).
 */
export function usableAssignments(
  college: College,
  assignments: readonly Assignment[],
): { kept: Assignment[]; dropped: number } {
  const sessions = new Map(college.courses.map((c) => [c.id, c.sessions]));
  const rooms = new Set(college.rooms.map((r) => r.id));
  const nDays = college.calendar.days.length;
  const nPeriods = college.periods.length;
  const seen = new Set<string>();
  const kept: Assignment[] = [];
  let dropped = 0;
  for (const a of assignments) {
    const count = sessions.get(a.courseId);
    const key = `${a.courseId}\u0000${a.session}`;
    if (count === undefined || a.session < 1 || a.session > count || seen.has(key)) {
      dropped++;
      continue;
    }
    seen.add(key);
    const timed =
      a.day !== null &&
      a.period !== null &&
      a.day >= 0 &&
      a.day < nDays &&
      a.period >= 0 &&
      a.period < nPeriods;
    const roomOk = a.roomId !== null && rooms.has(a.roomId);
    if ((a.day !== null && !timed) || (a.roomId !== null && !roomOk)) dropped++;
    kept.push({
      courseId: a.courseId,
      session: a.session,
      day: timed ? a.day : null,
      period: timed ? a.period : null,
      roomId: roomOk ? a.roomId : null,
      locked: timed && a.locked,
    });
  }
  return { kept, dropped };
}
