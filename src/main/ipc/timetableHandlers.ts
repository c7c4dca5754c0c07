// Timetable versions of the open project: list, open, edit (every edit saved at once, with its
// cost re-evaluated by the shared evaluator), choose the active one.
import type { Database } from 'better-sqlite3';
import {
  activeTimetableVersion,
  getActiveTimetable,
  getCollegeRevision,
  getTimetable,
  hasCollege,
  listTimetables,
  loadCollege,
  setActiveTimetable,
  updateAssignments,
} from '../db/index.ts';
import { compile } from '../../shared/compiled/compile.ts';
import { timetableToPlacement } from '../../shared/compiled/placement.ts';
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { College } from '../../shared/model/types.ts';
import { evaluate } from '../../shared/eval/evaluate.ts';
import { AppError } from '../../shared/ipc/envelope.ts';
import type { Handlers } from './dispatcher.ts';
import type { ProjectSession } from './ProjectSession.ts';
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

function summaryOf(db: Database, id: number) {
  const found = getTimetable(db, id);
  if (!found) throw new AppError('not_found', `There is no timetable ${id} in this project.`);
  return found.summary;
}

export function timetableHandlers(project: ProjectSession): Pick<Handlers, TimetableChannels> {
  // The college per open connection and revision, read (and checked) once: its JSON for the
  // editor and its compiled form for edits are both made from that one read, when first asked for.
  // A re-import changes the revision, and the next ask reads it again.
  interface Kept {
    revision: number;
    college: College | null;
    json?: string | null;
    problem?: CompiledProblem;
  }
  const kept = new WeakMap<Database, Kept>();
  const keptOf = (db: Database): Kept => {
    const revision = getCollegeRevision(db);
    const hit = kept.get(db);
    if (hit && hit.revision === revision) return hit;
    const fresh: Kept = { revision, college: loadCollege(db) };
    kept.set(db, fresh);
    return fresh;
  };
  // The compiled college (an edit at university scale then costs one evaluation, not a load and a
  // compile too).
  const problemOf = (db: Database): CompiledProblem => {
    const k = keptOf(db);
    if (!k.college) throw new AppError('no_college', 'Import the college data before editing a timetable.');
    k.problem ??= compile(k.college);
    return k.problem;
  };
  const collegeJsonOf = (db: Database): string | null => {
    const k = keptOf(db);
    if (k.json === undefined) k.json = k.college ? JSON.stringify(k.college) : null;
    return k.json;
  };
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
