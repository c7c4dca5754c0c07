// Timetable versions beyond the editor's channels: what is wrong with one (explain), rename and
// delete. The compiled college is kept per connection and rebuilt when the college changes.
import type { Database } from 'better-sqlite3';
import {
  deleteTimetable,
  getActiveTimetable,
  getCollegeRevision,
  getTimetable,
  listTimetables,
  loadCollege,
  renameTimetable,
} from '../db/index.ts';
import { compile } from '../../shared/compiled/compile.ts';
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import { AppError } from '../../shared/ipc/envelope.ts';
import type { College } from '../../shared/model/types.ts';
import type { Handlers } from './dispatcher.ts';
import { explainTimetable } from './explainTimetable.ts';
import type { ProjectSession } from './ProjectSession.ts';

type VersionChannels = 'timetable:explain' | 'timetable:rename' | 'timetable:delete';

export function versionHandlers(project: ProjectSession): Pick<Handlers, VersionChannels> {
  const compiled = new WeakMap<Database, { revision: number; college: College; problem: CompiledProblem }>();
  const collegeOf = (db: Database): { college: College; problem: CompiledProblem } => {
    const revision = getCollegeRevision(db);
    const hit = compiled.get(db);
    if (hit && hit.revision === revision) return hit;
    const college = loadCollege(db);
    if (!college) throw new AppError('no_college', 'Import the college data first.');
    const entry = { revision, college, problem: compile(college) };
    compiled.set(db, entry);
    return entry;
  };
  const summary = (db: Database, id: number) => {
    const found = listTimetables(db).find((t) => t.id === id);
    if (!found) throw new AppError('not_found', `There is no timetable ${id} in this project.`);
    return found;
  };
  return {
    'timetable:explain': ({ id }) => {
      const db = project.connection();
      const found = id === undefined ? getActiveTimetable(db) : getTimetable(db, id);
      if (!found) {
        if (id === undefined) return null;
        throw new AppError('not_found', `There is no timetable ${id} in this project.`);
      }
      const { college, problem } = collegeOf(db);
      return explainTimetable(college, problem, found.summary.id, found.timetable, found.summary.stale);
    },
    'timetable:rename': ({ id, name }) => {
      const db = project.connection();
      const current = summary(db, id);
      const taken = listTimetables(db).find((t) => t.id !== id && t.name === name);
      if (taken)
        throw new AppError(
          'name_taken',
          `Another version (${taken.id}) is already called "${name}": choose a different name.`,
        );
      if (current.name !== name) renameTimetable(db, id, name);
      return summary(db, id);
    },
    'timetable:delete': ({ id }) => {
      const db = project.connection();
      const current = summary(db, id);
      if (current.active)
        throw new AppError(
          'active_timetable',
          `"${current.name}" is the active timetable: make another version active first, then delete it.`,
        );
      deleteTimetable(db, id);
      return { deleted: id };
    },
  };
}
