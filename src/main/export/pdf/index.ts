// PDF export: per view a booklet (`groups.pdf`, `faculty.pdf`, `rooms.pdf`) with a contents page and
// one A4-landscape week grid per entity, plus `departments.pdf` (all groups of a department on one
// A3 sheet) whenever the group view is exported. `out` is a directory.
import { join } from 'node:path';
import type { College } from '../../../shared/model/index.ts';
import { writeFilesAtomically } from '../atomicWrite.ts';
import type { ResolvedSession } from '../sessions.ts';
import type { ExportOptions } from '../types.ts';
import { selectedViews, viewEntities, VIEW_TITLES } from '../views.ts';
import { writeBooklet } from './booklet.ts';
import { writeDepartmentOverview } from './departmentOverview.ts';
import { generatedText } from './pageParts.ts';

export const DEPARTMENTS_FILE = 'departments.pdf';

export function bookletFile(view: keyof typeof VIEW_TITLES): string {
  return `${VIEW_TITLES[view].file}.pdf`;
}

export async function exportPdf(
  college: College,
  sessions: readonly ResolvedSession[],
  opts: ExportOptions,
): Promise<{ files: string[]; pages: number }> {
  const at = opts.generatedAt ?? new Date();
  const generated = generatedText(at, college.calendar.timezone);
  const names = { faculty: new Map(college.faculty.map((f) => [f.id, f.name])) };
  let pages = 0;
  const files = await writeFilesAtomically(opts.out, async (staging) => {
    const written: string[] = [];
    for (const view of selectedViews(opts.view)) {
      const only = opts.only ? opts.only : undefined;
      const entities = viewEntities(college, sessions, view, only);
      if (only && entities.length === 0) continue;
      const file = bookletFile(view);
      pages += await writeBooklet(join(staging, file), college, view, entities, names, generated, at);
      written.push(file);
      if (view === 'group') {
        pages += await writeDepartmentOverview(
          join(staging, DEPARTMENTS_FILE),
          college,
          entities,
          generated,
          at,
        );
        written.push(DEPARTMENTS_FILE);
      }
    }
    return written;
  });
  return { files, pages };
}
