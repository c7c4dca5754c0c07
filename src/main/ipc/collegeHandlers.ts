// Import and browsing of the open project's college data.
import { browseCollege, loadCollege, saveCollege } from '../db/index.ts';
import { importPath } from '../import/index.ts';
import { precheck } from '../../solver/precheck/index.ts';
import { CollegeCache } from './CollegeCache.ts';
import type { Handlers } from './dispatcher.ts';
import type { ProjectSession } from './ProjectSession.ts';

type CollegeChannels = 'import:run' | 'data:browse' | 'data:precheck' | 'college:get';

export function collegeHandlers(
  project: ProjectSession,
  colleges: CollegeCache = new CollegeCache(),
): Pick<Handlers, CollegeChannels> {
  return {
    'import:run': async ({ path }) => {
      const db = project.connection();
      const result = await importPath(path);
      if (!result.ok) return { ok: false, errors: result.errors, warnings: result.warnings };
      saveCollege(db, result.college);
      // The Timetable screen loads the new college next: read it and make its JSON ahead.
      colleges.prepare(db);
      return { ok: true, counts: result.counts, warnings: result.warnings };
    },
    'data:browse': ({ kind, search, offset, limit }) => {
      const page = browseCollege(project.connection(), kind, { search, offset, limit });
      return { total: page.total, rows: page.rows as unknown as Array<Record<string, unknown>> };
    },
    // The compiled college of this revision, shared with the editor (the Generate screen asks on
    // every visit).
    'data:precheck': () => {
      const db = project.connection();
      const { college } = colleges.current(db);
      return college ? precheck(colleges.problem(db, ''), college) : [];
    },
    'college:get': () => loadCollege(project.connection()),
  };
}
