// The neutral form every reader produces: a sheet as rows of cells, with the row numbers the
// user sees in the spreadsheet (the header row is normally row 1).

/** One cell as a reader delivers it: CSV gives strings, .xlsx also numbers, booleans and dates. */
export type CellValue = string | number | boolean | Date | null;

export interface RawRow {
  /** 1-based row number as seen in the spreadsheet. */
  rowNumber: number;
  cells: CellValue[];
}

export interface RawSheet {
  /** Sheet name as found (a workbook tab, or a CSV file name without `.csv`). */
  name: string;
  /** File the sheet came from (the workbook's or the CSV file's base name). */
  file: string;
  /** The header row's cells as written, and its row number. */
  headers: string[];
  headerRow: number;
  /** Data rows below the header; blank rows are left out. */
  rows: RawRow[];
  /** What the reader found wrong with the file itself (an unclosed quote, mixed line endings). */
  notes?: ReaderNote[];
}

/** A problem of a sheet's file, reported with its row (when known) by the import. */
export interface ReaderNote {
  severity: 'error' | 'warning';
  row?: number;
  message: string;
  hint: string;
}

export function isBlankCell(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * Builds a RawSheet from a grid whose index i is spreadsheet row i + 1 (both readers deliver that):
 * the first non-blank row is the header, blank rows are dropped.
 */
export function sheetFromGrid(name: string, file: string, grid: readonly CellValue[][]): RawSheet {
  let headerIndex = grid.findIndex((cells) => !cells.every(isBlankCell));
  if (headerIndex < 0) return { name, file, headers: [], headerRow: 1, rows: [] };
  const headers = grid[headerIndex].map((cell) => (isBlankCell(cell) ? '' : cellText(cell)));
  const rows: RawRow[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const cells = grid[i];
    if (!cells.every(isBlankCell)) rows.push({ rowNumber: i + 1, cells });
  }
  headerIndex += 1;
  return { name, file, headers, headerRow: headerIndex, rows };
}

/** A cell as text, the way a user would read it (dates as YYYY-MM-DD, times as HH:MM). */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const iso = value.toISOString();
  return value.getUTCFullYear() <= 1900 ? iso.slice(11, 16) : iso.slice(0, 10);
}
