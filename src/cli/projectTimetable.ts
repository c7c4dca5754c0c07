// Reading a project's college and one of its timetables (the active one, or --timetable <id>) for
// commands that only read: check, export. Every failure is a CliError with exit code 2.
import {
  getActiveTimetable,
  getCollegeRevision,
  getTimetable,
  loadCollege,
  openProject,
} from '../main/db/index.ts';
import { compile } from '../shared/compiled/compile.ts';
import { timetableToPlacement } from '../shared/compiled/placement.ts';
import type { College, Timetable } from '../shared/model/types.ts';
import { CliError } from './CliError.ts';

export interface ProjectTimetable {
  college: College;
  timetable: Timetable;
  /** e.g. `timetable 3 "Solution (seed 1)"`. */
  label: string;
  /** Made for an earlier import of the college. */
  stale: boolean;
  /** When stale: what to tell the user (which import it was made for, what to do). */
  staleNote: string;
}

/**
 * The explanation for a timetable made for an earlier import, with the problem that the current
 * data has with it (e.g. an unknown course) when there is one.
 */
export function staleProblem(loaded: ProjectTimetable, problem?: string): string {
  return `${loaded.staleNote}${problem ? ` It no longer matches the data: ${problem}` : ''}`;
}

export function loadProjectTimetable(
  path: string,
  timetableId: string | undefined,
  /** Completes "<path> has no …" when there is no active timetable. */
  noTimetable: string,
): ProjectTimetable {
  let db;
  try {
    db = openProject(path, { readonly: true });
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err), 2);
  }
  try {
    const college = loadCollege(db);
    if (!college) throw new CliError(`${path} holds no college yet: import one with "slotwise import".`, 2);
    let found;
    if (timetableId !== undefined) {
      const id = Number(timetableId);
      if (!Number.isInteger(id))
        throw new CliError(`--timetable must be a timetable id (a number), got "${timetableId}".`, 2);
      found = getTimetable(db, id);
      if (!found) throw new CliError(`${path} has no timetable with id ${id}.`, 2);
    } else {
      found = getActiveTimetable(db);
      if (!found) throw new CliError(`${path} has no ${noTimetable}`, 2);
    }
    const label = `timetable ${found.summary.id} "${found.summary.name}"`;
    const revision = getCollegeRevision(db);
    if (!found.summary.stale) {
      // Made for this very college, so a misfit means rows were changed outside Slotwise.
      try {
        timetableToPlacement(compile(college), found.timetable);
      } catch (err) {
        throw new CliError(
          `${path} is damaged: ${label} does not fit the college it was made for (${err instanceof Error ? err.message : String(err)}; rows were removed or changed outside Slotwise). Restore a backup (slotwise restore) or import the college again.`,
          2,
        );
      }
    }
    return {
      college,
      timetable: found.timetable,
      label,
      stale: found.summary.stale,
      staleNote:
        `${label} is stale: it was made for an earlier import of the college (import ${found.summary.collegeRevision}; ` +
        `the project now holds import ${revision}). Solve again (slotwise solve --db ${path}), or pick a current ` +
        'timetable with --timetable <id>.',
    };
  } finally {
    db.close();
  }
}
