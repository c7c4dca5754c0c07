// Publishing a timetable: `exportTimetable(format, college, timetable, { out, view?, only? })` writes
// CSV, ITC-2007 solution, PDF, ICS, XLSX or FET files. A session that does not count as placed (no room,
// or the same start as another session of its course: ../../shared/eval/countedTimetable.ts) is
// published as unplaced in every format. Every file is written atomically (temporary name +
// rename): a failed export leaves no half-written file behind.
import type { College, Timetable } from '../../shared/model/index.ts';
import { writeFileAtomically } from './atomicWrite.ts';
import { timetableCsv } from './csv.ts';
import { exportIcs } from './ics/index.ts';
import { exportPdf } from './pdf/index.ts';
import { exportXlsx } from './xlsx/index.ts';
import { formatItcSolution } from '../../shared/itc/index.ts';
import { formatFet } from './fet.ts';
import { resolveSessions } from './sessions.ts';
import { ExportError, type ExportFormat, type ExportOptions, type ExportResult } from './types.ts';
import { compile } from '../../shared/compiled/compile.ts';
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import { countedTimetable } from '../../shared/eval/countedTimetable.ts';
import { checkOnly, selectedViews } from './views.ts';

export { EXPORT_FORMATS, EXPORT_VIEWS, ExportError } from './types.ts';
export type { ExportFormat, ExportOptions, ExportResult, ExportView, IcsManifest } from './types.ts';
export { exportAll, EXPORT_ALL_TARGETS, type ExportAllResult } from './exportAll.ts';

const compiled = new WeakMap<College, CompiledProblem>();

/** The timetable as the evaluator counts it: sessions that are not placed show no time or room. */
function counted(college: College, timetable: Timetable): Timetable {
  try {
    let p = compiled.get(college);
    if (!p) compiled.set(college, (p = compile(college)));
    return countedTimetable(p, timetable);
  } catch (err) {
    throw new ExportError(
      `The timetable does not fit the college data (${err instanceof Error ? err.message : String(err)}). ` +
        'Re-import the workbook or re-solve, then export again.',
    );
  }
}

export async function exportTimetable(
  format: ExportFormat,
  college: College,
  timetable: Timetable,
  opts: ExportOptions,
): Promise<ExportResult> {
  resolveSessions(college, timetable); // unknown courses are refused with a clear message first
  timetable = counted(college, timetable);
  const sessions = resolveSessions(college, timetable);
  switch (format) {
    case 'csv':
      await writeFileAtomically(opts.out, timetableCsv(college, sessions));
      return { format, files: [opts.out] };
    case 'pdf': {
      checkOnly(college, selectedViews(opts.view), opts.only);
      const { files, pages } = await exportPdf(college, sessions, opts);
      return { format, files, pages };
    }
    case 'ics': {
      checkOnly(college, selectedViews(opts.view), opts.only);
      const { files, calendars } = await exportIcs(college, sessions, opts);
      return { format, files, count: calendars };
    }
    case 'xlsx': {
      checkOnly(college, selectedViews(opts.view), opts.only);
      const { sheets } = await exportXlsx(college, sessions, opts);
      return { format, files: [opts.out], count: sheets };
    }
    case 'itc':
      await writeFileAtomically(opts.out, formatItcSolution(college, timetable));
      return { format, files: [opts.out] };
    case 'fet':
      await writeFileAtomically(opts.out, formatFet(college, timetable));
      return { format, files: [opts.out] };
  }
}
