// CSV export of the flat timetable. A cell that a spreadsheet would run as a formula (starting with
// `=`, `+`, `-`, `@`, tab or CR) gets a leading apostrophe, so opening the file never executes anything.
import Papa from 'papaparse';
import type { College } from '../../shared/model/index.ts';
import { FLAT_COLUMNS, flatRows } from './flatRows.ts';
import type { ResolvedSession } from './sessions.ts';

/** Cells a spreadsheet would treat as a formula: anything starting with one of = + - @ TAB CR. */
export const FORMULA_START = /^[=+\-@\t\r]/;

export function timetableCsv(college: College, sessions: readonly ResolvedSession[]): string {
  return Papa.unparse(
    { fields: [...FLAT_COLUMNS], data: flatRows(college, sessions) },
    { escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false },
  );
}
