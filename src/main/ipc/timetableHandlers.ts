// Timetable versions of the open project: list, open, edit (every edit saved at once, with its
// cost re-evaluated by the shared evaluator), choose the active one.
import type { Database } from 'better-sqlite3';
import {
  activeTimetableVersion,
  getActiveTimetable,
  getCollegeRevision,
  getTimetable,
  getTimetableSummary,
  hasCollege,
  listTimetables,
  setActiveTimetable,
  updateAssignments,
} from '../db/index.ts';
import { timetableToPlacement } from '../../shared/compiled/placement.ts';
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import { evaluate } from '../../shared/eval/evaluate.ts';
import { AppError } from '../../shared/ipc/envelope.ts';
import type { Handlers } from './dispatcher.ts';
import type { ProjectSession } from './ProjectSession.ts';
import { CollegeCache } from './CollegeCache.ts';
import { COLLEGE_PART_CHARS, type TimetableStamp } from '../../shared/ipc/contract.ts';

function stampOf(db: Database): TimetableStamp {
  const active = activeTimetableVersion(db);
  return {
    collegeRevision: getCollegeRevision(db),
    hasCollege: hasCollege(db),
    activeId: active?.id ?? null,
    activeUpdatedAt: active?.updatedAt ?? null,
  };
}

type TimetableChannels =
  | 'timetable:list'
  | 'timetable:get'
  | 'timetable:update'
  | 'timetable:setActive'
  | 'timetable:stamp'
  | 'timetable:editorData'
  | 'timetable:collegePart';

/** A version's summary, read without its sessions (an edit's reply at university scale). */
function summaryOf(db: Database, id: number) {
  const found = getTimetableSummary(db, id);
  if (!found) throw new AppError('not_found', `There is no timetable ${id} in this project.`);
  return found;
}

export function timetableHandlers(
  project: ProjectSession,
  colleges: CollegeCache = new CollegeCache(),
): Pick<Handlers, TimetableChannels> {
  // The compiled college (an edit at university scale then costs one evaluation, not a load and a
  // compile too).
  const problemOf = (db: Database): CompiledProblem =>
    colleges.problem(db, 'Import the college data before editing a timetable.');
  const collegeJsonOf = (db: Database): string | null => colleges.json(db);
  return {
    'timetable:stamp': () => stampOf(project.connection()),
    'timetable:editorData': ({ id, college }) => {
      const db = project.connection();
      return db.transaction(() => {
        const found = id === undefined ? getActiveTimetable(db) : getTimetable(db, id);
        if (id !== undefined && !found)
          throw new AppError('not_found', `There is no timetable ${id} in this project.`);
        return {
          stamp: stampOf(db),
          college: college ? collegeJsonOf(db) : null,
          version: found ? { summary: found.summary, timetable: JSON.stringify(found.timetable) } : null,
        };
      })();
    },
    'timetable:collegePart': ({ revision, part }) => {
      const db = project.connection();
      const current = getCollegeRevision(db);
      if (current !== revision)
        throw new AppError(
          'stale',
          `The college changed while it was being read (revision ${revision}, now ${current}): open the screen again.`,
        );
      const json = collegeJsonOf(db);
      if (json === null)
        throw new AppError('no_college', 'Import the college data before editing a timetable.');
      const parts = Math.max(1, Math.ceil(json.length / COLLEGE_PART_CHARS));
      if (part >= parts)
        throw new AppError('not_found', `The college has ${parts} parts; there is no part ${part}.`);
      const text = json.slice(part * COLLEGE_PART_CHARS, (part + 1) * COLLEGE_PART_CHARS);
      // The editor has read the college: compile it for the edits to come while the page loads.
      if (part === parts - 1) colleges.warm(db);
      return { revision, part, parts, text };
    },
    'timetable:list': () => listTimetables(project.connection()),
    'timetable:get': ({ id }) => {
      const db = project.connection();
      return id === undefined ? getActiveTimetable(db) : getTimetable(db, id);
    },
    'timetable:update': ({ id, changes }) => {
      const db = project.connection();
      const problem = problemOf(db);
      const courses = new Set(problem.courseIds);
      for (const c of changes) {
        if (!courses.has(c.courseId)) throw new AppError('unknown_course', `Unknown course ${c.courseId}.`);
      }
      db.transaction(() => {
        updateAssignments(db, id, changes);
        const timetable = getTimetable(db, id)?.timetable;
        if (!timetable) throw new AppError('not_found', `There is no timetable ${id} in this project.`);
        const ev = evaluate(problem, timetableToPlacement(problem, timetable), { details: false });
        updateAssignments(db, id, [], ev);
      })();
      return summaryOf(db, id);
    },
    'timetable:setActive': ({ id }) => {
      const db = project.connection();
      setActiveTimetable(db, id);
      return summaryOf(db, id);
    },
  };
}
