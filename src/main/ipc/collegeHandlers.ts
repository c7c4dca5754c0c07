// Import and browsing of the open project's college data.
import { browseCollege, loadCollege, saveCollege } from '../db/index.ts';
import { importPath } from '../import/index.ts';
import { compile } from '../../shared/compiled/compile.ts';
import { precheck } from '../../solver/precheck/index.ts';
import type { Handlers } from './dispatcher.ts';
import type { ProjectSession } from './ProjectSession.ts';

type CollegeChannels = 'import:run' | 'data:browse' | 'data:precheck' | 'college:get';

export function collegeHandlers(project: ProjectSession): Pick<Handlers, CollegeChannels> {
  return {
    'import:run': async ({ path }) => {
      const db = project.connection();
      const result = await importPath(path);
      if (!result.ok) return { ok: false, errors: result.errors, warnings: result.warnings };
      saveCollege(db, result.college);
      return { ok: true, counts: result.counts, warnings: result.warnings };
    },
    'data:browse': ({ kind, search, offset, limit }) => {
      const page = browseCollege(project.connection(), kind, { search, offset, limit });
      return { total: page.total, rows: page.rows as unknown as Array<Record<string, unknown>> };
    },
    'data:precheck': () => {
      const college = loadCollege(project.connection());
      return college ? precheck(compile(college), college) : [];
    },
    'college:get': () => loadCollege(project.connection()),
  };
}
