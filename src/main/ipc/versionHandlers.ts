// Timetable versions beyond the editor's channels: what is wrong with one (explain), their KPIs,
// rename and delete. The college and its compiled form come from the handlers' shared CollegeCache;
// each version's KPIs are kept until the version or the college changes.
import type { Database } from 'better-sqlite3';
import {
  deleteTimetable,
  getActiveTimetable,
  getTimetable,
  listTimetables,
  renameTimetable,
} from '../db/index.ts';
import { AppError } from '../../shared/ipc/envelope.ts';
import { timetableKpis, type TimetableKpis } from '../../shared/model/timetableKpis.ts';
import { CollegeCache, type KeptCollege } from './CollegeCache.ts';
import type { Handlers } from './dispatcher.ts';
import { explainTimetable } from './explainTimetable.ts';
import type { ProjectSession } from './ProjectSession.ts';

type VersionChannels = 'timetable:explain' | 'timetable:kpis' | 'timetable:rename' | 'timetable:delete';

export function versionHandlers(
  project: ProjectSession,
  colleges: CollegeCache = new CollegeCache(),
): Pick<Handlers, VersionChannels> {
  const NO_COLLEGE = 'Import the college data first.';
  // Per college revision read: each version's KPIs by id and last change.
  const kpisKept = new WeakMap<KeptCollege, Map<string, TimetableKpis>>();
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
      const { college } = colleges.college(db, NO_COLLEGE);
      const problem = colleges.problem(db, NO_COLLEGE);
      return explainTimetable(college, problem, found.summary.id, found.timetable, found.summary.stale);
    },
    'timetable:kpis': () => {
      const db = project.connection();
      const kept = colleges.current(db);
      const college = kept.college;
      if (!college) return { days: [], periods: [], versions: [] };
      let known = kpisKept.get(kept);
      if (!known) kpisKept.set(kept, (known = new Map<string, TimetableKpis>()));
      const listed = listTimetables(db).map((t) => ({ id: t.id, key: `${t.id}@${t.updatedAt}` }));
      // Versions deleted or changed since are forgotten.
      const current = new Set(listed.map((t) => t.key));
      for (const key of known.keys()) if (!current.has(key)) known.delete(key);
      const versions = listed.map(({ id, key }) => {
        let kpis = known.get(key);
        if (!kpis) {
          const found = getTimetable(db, id);
          if (!found) throw new AppError('not_found', `There is no timetable ${id} in this project.`);
          kpis = timetableKpis(college, found.timetable);
          known.set(key, kpis);
        }
        return { id, ...kpis };
      });
      return { days: college.calendar.days.slice(), periods: college.periods.map((p) => p.label), versions };
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
