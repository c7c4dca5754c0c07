// Column access and typed cell reading for one sheet. Every failed read records an issue with
// the sheet, row and column header as written, and returns undefined so parsing goes on.
import type { IssueLog, Where } from './issueLog.ts';
import { cellText, isBlankCell, type CellValue, type RawRow, type RawSheet } from './rawSheet.ts';
import { normalizeName, type SheetSpec } from './sheetSpecs.ts';
import { dateText, parseDecimal, timeText } from './cellValues.ts';
import { cleanRows } from './cellText.ts';

/** Largest whole number a count cell (capacity, size, sessions, limits) may hold. */
export const MAX_INTEGER = 1_000_000;
/** Longest id (room_id, course_id, ...), as the model allows. */
export const MAX_ID_LENGTH = 200;
/** Largest number a weight cell may hold. */
export const MAX_NUMBER = 1_000_000_000;

export class SheetTable {
  readonly name: string;
  readonly file: string;
  readonly rows: readonly RawRow[];
  readonly log: IssueLog;
  private readonly index = new Map<string, { at: number; header: string }>();
  private readonly byName = new Map<string, { at: number; header: string } | null>();

  constructor(sheet: RawSheet, spec: SheetSpec, log: IssueLog) {
    this.log = log;
    this.name = spec.name;
    this.file = sheet.file;
    this.rows = cleanRows(sheet, spec.name, log);
    sheet.headers.forEach((header, at) => {
      const key = normalizeName(header);
      if (key !== '' && !this.index.has(key)) this.index.set(key, { at, header });
    });
    for (const column of spec.columns) {
      if (column.required && !this.has(column.name)) {
        this.log.error(
          { file: this.file, sheet: this.name, row: sheet.headerRow, column: column.name },
          `Missing column "${column.name}"`,
          `Add a "${column.name}" header (${column.about}) to the header row of ${spec.name}.`,
        );
      }
    }
  }

  /** Column lookup by the name the parsers use (canonical names: no normalising per cell). */
  private column(column: string): { at: number; header: string } | undefined {
    let found = this.byName.get(column);
    if (found === undefined) {
      found = this.index.get(normalizeName(column)) ?? null;
      this.byName.set(column, found);
    }
    return found ?? undefined;
  }

  has(column: string): boolean {
    return this.column(column) !== undefined;
  }

  /** The header as written in the file (the canonical name when the column is absent). */
  header(column: string): string {
    return this.column(column)?.header ?? column;
  }

  where(row?: RawRow | number, column?: string): Where {
    const rowNumber = typeof row === 'number' ? row : row?.rowNumber;
    return {
      file: this.file,
      sheet: this.name,
      ...(rowNumber !== undefined ? { row: rowNumber } : {}),
      ...(column !== undefined ? { column: this.header(column) } : {}),
    };
  }

  error(row: RawRow | number | undefined, column: string | undefined, message: string, hint?: string): void {
    this.log.error(this.where(row, column), message, hint);
  }

  warn(row: RawRow | number | undefined, column: string | undefined, message: string, hint?: string): void {
    this.log.warn(this.where(row, column), message, hint);
  }

  cell(row: RawRow, column: string): CellValue {
    const found = this.column(column);
    return found === undefined ? null : (row.cells[found.at] ?? null);
  }

  isBlank(row: RawRow, column: string): boolean {
    return isBlankCell(this.cell(row, column));
  }

  text(row: RawRow, column: string): string {
    return cellText(this.cell(row, column));
  }

  /** Non-empty text, or an error when the cell is empty. */
  requiredText(row: RawRow, column: string): string | undefined {
    const value = this.text(row, column);
    if (column.endsWith('_id') && value.length > MAX_ID_LENGTH) {
      this.error(
        row,
        column,
        `"${value.slice(0, 40)}…" is ${value.length} characters long; at most ${MAX_ID_LENGTH} are allowed in an id`,
        'Use a short code as the id (the name column holds the full name).',
      );
      return undefined;
    }
    if (value !== '') return value;
    if (this.has(column))
      this.error(row, column, `"${this.header(column)}" is empty`, 'Fill in this cell; it is required.');
    return undefined;
  }

  /**
   * An integer from min to max (default 1,000,000: beyond any college); undefined when blank (an
   * error if required) or invalid (an error).
   */
  integer(row: RawRow, column: string, min: number, required = false, max = MAX_INTEGER): number | undefined {
    const raw = this.cell(row, column);
    if (isBlankCell(raw)) {
      if (required && this.has(column)) {
        this.error(row, column, `"${this.header(column)}" is empty`, `Enter a whole number ≥ ${min}.`);
      }
      return undefined;
    }
    const value = typeof raw === 'number' ? raw : parseDecimal(cellText(raw));
    if (!Number.isInteger(value) || value < min) {
      this.error(
        row,
        column,
        `"${cellText(raw)}" is not a whole number ≥ ${min}`,
        `Enter a whole number ≥ ${min}.`,
      );
      return undefined;
    }
    if (value > max) {
      this.error(
        row,
        column,
        `${cellText(raw)} is too large for "${this.header(column)}" (at most ${max.toLocaleString('en')})`,
        'Check the cell: the number is beyond anything a college timetable holds.',
      );
      return undefined;
    }
    return value;
  }

  /** A number ≥ 0; undefined when blank or invalid (an error). */
  nonNegative(row: RawRow, column: string): number | undefined {
    const raw = this.cell(row, column);
    if (isBlankCell(raw)) return undefined;
    const value = typeof raw === 'number' ? raw : parseDecimal(cellText(raw));
    if (!Number.isFinite(value) || value < 0) {
      this.error(row, column, `"${cellText(raw)}" is not a number ≥ 0`, 'Enter a number such as 1 or 2.5.');
      return undefined;
    }
    if (value > MAX_NUMBER) {
      this.error(
        row,
        column,
        `${cellText(raw)} is too large for "${this.header(column)}" (at most ${MAX_NUMBER.toLocaleString('en')})`,
        'Enter a number such as 1 or 2.5.',
      );
      return undefined;
    }
    return value;
  }

  /** HH:MM (24 h), also accepting spreadsheet time cells and H:MM. */
  time(row: RawRow, column: string): string | undefined {
    const raw = this.cell(row, column);
    const value = timeText(raw);
    if (value === undefined) {
      const shown = cellText(raw);
      this.error(
        row,
        column,
        shown === '' ? `"${this.header(column)}" is empty` : `"${shown}" is not a time HH:MM`,
        'Write the time as HH:MM in 24-hour form, e.g. 09:00 or 14:30.',
      );
    }
    return value;
  }

  /** YYYY-MM-DD, also accepting spreadsheet date cells. */
  date(row: RawRow, column: string, raw: CellValue = this.cell(row, column)): string | undefined {
    const value = dateText(raw);
    if (value === undefined) {
      this.error(
        row,
        column,
        `"${cellText(raw)}" is not a date YYYY-MM-DD`,
        'Write dates as YYYY-MM-DD, e.g. 2026-07-01.',
      );
    }
    return value;
  }

  /** yes/no (also true/false, y/n, 1/0); `fallback` when blank. */
  yesNo(row: RawRow, column: string, fallback: boolean): boolean | undefined {
    const raw = this.cell(row, column);
    if (isBlankCell(raw)) return fallback;
    if (typeof raw === 'boolean') return raw;
    const text = cellText(raw).toLowerCase();
    if (['yes', 'y', 'true', '1'].includes(text)) return true;
    if (['no', 'n', 'false', '0'].includes(text)) return false;
    this.error(row, column, `"${cellText(raw)}" is not yes or no`, 'Write yes or no.');
    return undefined;
  }

  /** A `;`- (or `,`-) separated list, trimmed, empties and repeats dropped. */
  list(row: RawRow, column: string): string[] {
    return splitList(this.text(row, column));
  }
}

export function splitList(text: string): string[] {
  if (text === '') return [];
  const out: string[] = [];
  for (const part of text.split(/[;,]/)) {
    const item = part.trim();
    if (item !== '' && !out.includes(item)) out.push(item);
  }
  return out;
}
