// Timetable versions of the open project: list, open, edit (every edit saved at once, with its
// cost re-evaluated by the shared evaluator), choose the active one.
import type { Database } from 'better-sqlite3';
import {
  getActiveTimetable,
  getTimetable,
  listTimetables,
  loadCollege,
  setActiveTimetable,
  updateAssignments,
} from '../db/index.ts';
import { compile } from '../../shared/compiled/compile.ts';
import { timetableToPlacement } from '../../shared/compiled/placement.ts';
import { evaluate } from '../../shared/eval/evaluate.ts';
import { AppError } from '../../shared/ipc/envelope.ts';
import type { Handlers } from './dispatcher.ts';
import type { ProjectSession } from './ProjectSession.ts';

type TimetableChannels = 'timetable:list' | 'timetable:get' | 'timetable:update' | 'timetable:setActive';

function summaryOf(db: Database, id: number) {
  const found = getTimetable(db, id);
  if (!found) throw new AppError('not_found', `There is no timetable ${id} in this project.`);
  return found.summary;
}

export function timetableHandlers(project: ProjectSession): Pick<Handlers, TimetableChannels> {
  return {
    'timetable:list': () => listTimetables(project.connection()),
    'timetable:get': ({ id }) => {
      const db = project.connection();
      return id === undefined ? getActiveTimetable(db) : getTimetable(db, id);
    },
    'timetable:update': ({ id, changes }) => {
      const db = project.connection();
      const college = loadCollege(db);
      if (!college) throw new AppError('no_college', 'Import the college data before editing a timetable.');
      const problem = compile(college);
      const courses = new Set(college.courses.map((c) => c.id));
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
