// Bounds an .xlsx workbook BEFORE it is parsed: a workbook is a zip of XML parts, and a small file
// can claim (or hold) a sheet of hundreds of megabytes, or one cell at XFD1048576 that a reader
// turns into a grid of 17 billion cells. From the zip's directory: the file size, each part's
// and the total uncompressed size. From each sheet, inflated with a cap (the directory may lie):
// its <dimension> and the furthest cell it names. A workbook over a bound is refused with the
// sheet, the cell and what to do; nothing is parsed.
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';

export const XLSX_LIMITS = {
  /** The .xlsx file itself. */
  fileBytes: 100 * 1024 * 1024,
  /** One XML part (a sheet, the shared strings) once inflated. */
  partBytes: 128 * 1024 * 1024,
  /** All parts together once inflated. */
  totalBytes: 384 * 1024 * 1024,
  /** Rows, columns and cells a sheet may span (from A1 to its furthest cell). */
  rows: 1_048_576,
  columns: 200,
  cells: 10_000_000,
} as const;

export type XlsxLimits = { [K in keyof typeof XLSX_LIMITS]: number };

/** A workbook over a bound; `sheet` names the sheet when one is to blame. */
export class XlsxLimitError extends Error {
  readonly sheet: string;
  readonly hint: string;
  constructor(message: string, hint: string, sheet = '') {
    super(message);
    this.name = 'XlsxLimitError';
    this.sheet = sheet;
    this.hint = hint;
  }
}

/** What to do with a workbook whose zip is damaged. */
const DAMAGED_HINT =
  'The file is damaged (cut short or changed on the way): open it in Excel or LibreOffice and save it again as Excel Workbook (.xlsx), or import the original.';

/** A part name as a workbook has them: printable, short; a damaged zip directory gives bytes instead. */
export function readablePartName(name: string): boolean {
  return /^[\x20-\x7e]{1,260}$/.test(name);
}

/** A reader's message made fit to show: control characters and replacement characters out, kept short. */
export function readableMessage(message: string, max = 300): string {
  const clean = message
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\ufffd]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

const MB = (n: number): string => `${Math.round(n / (1024 * 1024))} MB`;

/** Column letters -> 1-based index (A = 1, XFD = 16384). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

function columnName(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Sheet names by part path (`xl/worksheets/sheet1.xml` -> `Rooms`), from workbook.xml and its rels. */
function sheetNames(files: Record<string, Uint8Array>): Map<string, string> {
  const text = (name: string): string => (files[name] ? new TextDecoder().decode(files[name]) : '');
  const targets = new Map<string, string>();
  for (const m of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const out = new Map<string, string>();
  for (const m of text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\bid="([^"]+)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part)
      out.set(part, name.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  }
  return out;
}

const WANTED = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|worksheets\/[^/]+\.xml)$/;

/**
 * Inflates the workbook's index and its sheets in one streaming pass, refusing a part once it
 * grows past `cap` bytes (the zip directory's sizes may lie).
 */
function inflateParts(zip: Uint8Array, cap: number): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const unzip = new Unzip((file) => {
    if (!WANTED.test(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (err) throw err;
      size += chunk.length;
      if (size > cap) {
        throw new XlsxLimitError(
          `${file.name} expands to more than ${MB(cap)}`,
          'The workbook is far larger than a college timetable needs: delete unused rows, columns and sheets, or split it.',
        );
      }
      chunks.push(chunk);
      if (final) {
        const all = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          all.set(c, at);
          at += c.length;
        }
        out[file.name] = all;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for (let at = 0; at < zip.length; at += 1 << 20) {
    unzip.push(zip.subarray(at, Math.min(zip.length, at + (1 << 20))), at + (1 << 20) >= zip.length);
  }
  return out;
}

/** The furthest row and column a sheet's XML names (its dimension and its cells). */
export function sheetExtent(xml: string): { rows: number; columns: number; at: string } {
  let rows = 0;
  let columns = 0;
  let at = '';
  const see = (col: string, row: string): void => {
    const c = columnIndex(col);
    const r = Number(row);
    if (c > columns || r > rows) at = `${col}${row}`;
    columns = Math.max(columns, c);
    rows = Math.max(rows, r);
  };
  const dimension = /<dimension\b[^>]*\bref="([^"]+)"/.exec(xml)?.[1];
  for (const m of (dimension ?? '').matchAll(/([A-Z]{1,3})(\d+)/g)) see(m[1], m[2]);
  for (const m of xml.matchAll(/<c\b[^>]*?\br="([A-Z]{1,3})(\d+)"/g)) see(m[1], m[2]);
  for (const m of xml.matchAll(/<row\b[^>]*?\br="(\d+)"/g)) rows = Math.max(rows, Number(m[1]));
  return { rows, columns, at };
}

/** Throws an XlsxLimitError when the workbook at `path` is over a bound; reads no cell values. */
export async function checkXlsxBounds(path: string, limits: XlsxLimits = XLSX_LIMITS): Promise<void> {
  const size = (await stat(path)).size;
  if (size > limits.fileBytes) {
    throw new XlsxLimitError(
      `The file is ${MB(size)}; a workbook may be at most ${MB(limits.fileBytes)}`,
      'Delete unused sheets, rows and pictures, or import the data as a folder of CSV files.',
    );
  }
  const zip = await readFile(path);
  const file = basename(path);
  const declared: Array<{ name: string; size: number }> = [];
  unzipSync(zip, {
    filter: (f) => {
      declared.push({ name: f.name, size: f.originalSize });
      return false;
    },
  });
  // A name of raw bytes means the zip directory itself is broken: its sizes cannot be trusted
  // either, and the name is no use to a reader of the message.
  const unreadable = declared.findIndex((part) => !readablePartName(part.name));
  if (unreadable >= 0) {
    const before = declared[unreadable - 1]?.name;
    throw new XlsxLimitError(
      `${file} is damaged: entry ${unreadable + 1} of the ${declared.length} in its zip directory${before ? ` (the one after ${before})` : ''} has no readable part name, so the workbook cannot be read`,
      DAMAGED_HINT,
    );
  }
  for (const part of declared) {
    if (part.size > limits.partBytes) {
      throw new XlsxLimitError(
        `${part.name} in ${file} expands to ${MB(part.size)}; a part may be at most ${MB(limits.partBytes)}`,
        'Delete unused rows, columns and sheets (or formatting applied to whole columns), then save again.',
      );
    }
  }
  const total = declared.reduce((sum, d) => sum + d.size, 0);
  if (total > limits.totalBytes) {
    throw new XlsxLimitError(
      `${file} expands to ${MB(total)}; at most ${MB(limits.totalBytes)} are read`,
      'Delete unused sheets, rows and columns, or split the workbook.',
    );
  }
  const parts = inflateParts(zip, limits.partBytes);
  const names = sheetNames(parts);
  for (const [part, sheet] of names) {
    const xml = parts[part];
    if (xml) checkExtent(new TextDecoder().decode(xml), sheet, limits);
  }
}

function checkExtent(xml: string, sheet: string, limits: XlsxLimits): void {
  const { rows, columns, at } = sheetExtent(xml);
  const spanned = rows * columns;
  const over =
    rows > limits.rows
      ? `${rows.toLocaleString('en')} rows`
      : columns > limits.columns
        ? `${columns.toLocaleString('en')} columns (up to ${columnName(columns)})`
        : spanned > limits.cells
          ? `${spanned.toLocaleString('en')} cells (${rows.toLocaleString('en')} rows × ${columns} columns)`
          : null;
  if (over) {
    throw new XlsxLimitError(
      `Sheet "${sheet}" reaches cell ${at}, so it spans ${over}; a sheet may span at most ${limits.rows.toLocaleString('en')} rows, ${limits.columns} columns and ${limits.cells.toLocaleString('en')} cells`,
      `Select the rows and columns beyond your data (up to ${at}), delete them (not just clear them), and save again.`,
      sheet,
    );
  }
}
