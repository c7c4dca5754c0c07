// Every format at once into one folder, as `slotwise run` and the app's "Publish all" need it:
// <dir>/timetable.csv, timetable.sol (ITC-2007 lines), timetable.xlsx, pdf/ and ics/. A format
// that cannot be made for this college (ICS without term dates) is skipped with its reason; other
// failures propagate.
import { join } from 'node:path';
import type { College, Timetable } from '../../shared/model/index.ts';
import { exportTimetable } from './index.ts';
import { ExportError, type ExportFormat, type ExportResult } from './types.ts';

export const EXPORT_ALL_TARGETS: ReadonlyArray<{ format: ExportFormat; path: string }> = [
  { format: 'csv', path: 'timetable.csv' },
  { format: 'itc', path: 'timetable.sol' },
  { format: 'xlsx', path: 'timetable.xlsx' },
  { format: 'pdf', path: 'pdf' },
  { format: 'ics', path: 'ics' },
];

export interface ExportAllResult {
  results: ExportResult[];
  skipped: Array<{ format: ExportFormat; reason: string }>;
}

export async function exportAll(
  college: College,
  timetable: Timetable,
  dir: string,
  opts: { generatedAt?: Date; formats?: readonly ExportFormat[] } = {},
): Promise<ExportAllResult> {
  const out: ExportAllResult = { results: [], skipped: [] };
  for (const target of EXPORT_ALL_TARGETS) {
    if (opts.formats && !opts.formats.includes(target.format)) continue;
    try {
      out.results.push(
        await exportTimetable(target.format, college, timetable, {
          out: join(dir, target.path),
          generatedAt: opts.generatedAt,
        }),
      );
    } catch (err) {
      if (!(err instanceof ExportError)) throw err;
      out.skipped.push({ format: target.format, reason: err.message });
    }
  }
  return out;
}
