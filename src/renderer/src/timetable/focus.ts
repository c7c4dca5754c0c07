// What another screen asks the Timetable screen to show when it opens it: the sessions to
// highlight (a broken rule, a student clash, an unplaced session's course) and a line saying why,
// or two versions to compare on the grid. The Timetable screen opens the week that holds the
// first of the sessions.

export interface SessionRef {
  courseId: string;
  /** 1-based session number within the course, as on the Fixed sheet. */
  session: number;
}

export interface TimetableFocus {
  sessions: SessionRef[];
  /** Shown above the grid, e.g. "rule 12 (same_time): CS101 and CS102 should start together". */
  label: string;
  /** Open the compare mode on these two versions (timetable ids), side by side. */
  compare?: { a: number; b: number };
}

/** Opens the Timetable screen, optionally highlighting sessions. */
export type OpenTimetable = (focus?: TimetableFocus) => void;
