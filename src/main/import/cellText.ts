/* eslint-disable no-control-regex -- control characters are what this file is about */
// Text a cell may not hold. A line break or control character in a name ends up in calendars,
// PDFs and CSV files (an ICS line break starts a new property): each becomes a space, with a
// located warning. An unpaired UTF-16 surrogate (what `&#xD800;` in a workbook's XML gives) is
// not text at all, and two such ids can turn into the same text once stored: a located error.
import type { IssueLog } from './issueLog.ts';
import type { RawRow, RawSheet } from './rawSheet.ts';

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085\u000b\u000c]/g;
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Warnings about control characters listed one by one per sheet; the rest are counted. */
const LISTED = 20;

/** The cell's text with line breaks and tabs as spaces and control characters removed. */
export function withoutControls(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(CONTROLS, '').replace(/\t/g, ' ');
}

/** The sheet's rows with clean text cells; every cleaned or invalid cell is reported. */
export function cleanRows(sheet: RawSheet, sheetName: string, log: IssueLog): RawRow[] {
  let cleaned = 0;
  const where = (row: RawRow, at: number) => ({
    file: sheet.file,
    sheet: sheetName,
    row: row.rowNumber,
    column: sheet.headers[at] || `column ${at + 1}`,
  });
  const rows = sheet.rows.map((row) => {
    let cells = row.cells;
    const set = (at: number, value: string): void => {
      if (cells === row.cells) cells = [...row.cells];
      cells[at] = value;
    };
    cells.forEach((cell, at) => {
      if (typeof cell !== 'string') return;
      if (LONE_SURROGATE.test(cell)) {
        log.error(
          where(row, at),
          'The cell holds a character that is not valid text (an unpaired surrogate, as `&#xD800;` in the file gives)',
          'Retype the cell in the spreadsheet.',
        );
        return;
      }
      const tabless = cell.replace(/\t/g, ' ');
      if (!UNSAFE.test(tabless)) {
        if (tabless !== cell) set(at, tabless); // a tab pasted into a cell is a space
        return;
      }
      const clean = withoutControls(cell);
      set(at, clean);
      cleaned++;
      if (cleaned <= LISTED) {
        log.warn(
          where(row, at),
          `The cell holds a line break or control character; it was read as "${clean.slice(0, 60)}"`,
          'Remove line breaks and control characters from the cell in the spreadsheet.',
        );
      }
    });
    return cells === row.cells ? row : { rowNumber: row.rowNumber, cells };
  });
  if (cleaned > LISTED) {
    log.warn(
      { file: sheet.file, sheet: sheetName },
      `${cleaned - LISTED} more cells held line breaks or control characters and were cleaned the same way`,
      'Remove line breaks and control characters from the cells in the spreadsheet.',
    );
  }
  return rows;
}
