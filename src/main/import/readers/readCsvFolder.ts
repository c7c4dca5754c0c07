// Reads a folder of CSV files (one per sheet) into RawSheets: UTF-8 with or without BOM,
// comma-, semicolon- or tab-delimited. Nothing is dropped in silence: mixed line endings are read
// as one kind (with a warning naming the first row that differs), and a quote that is never
// closed is an error at the row where it opens.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { sheetFromGrid, type RawSheet, type ReaderNote } from '../rawSheet.ts';

export async function readCsvFolder(dir: string): Promise<RawSheet[]> {
  const names = (await readdir(dir)).filter((name) => name.toLowerCase().endsWith('.csv')).sort();
  return Promise.all(
    names.map(async (name) =>
      parseCsv(name.slice(0, -'.csv'.length), name, await readFile(join(dir, name), 'utf8')),
    ),
  );
}

export function parseCsv(sheetName: string, file: string, text: string): RawSheet {
  const notes: ReaderNote[] = [];
  const raw = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const mixed = mixedLineEnding(raw);
  if (mixed !== null) {
    notes.push({
      severity: 'warning',
      row: mixed,
      message:
        'The file mixes line endings (Windows CRLF, Unix LF, old Mac CR); from this row on they differ',
      hint: 'Every line was read as a row of its own; save the file again from one program to make them uniform.',
    });
  }
  const body = mixed === null ? raw : raw.replace(/\r\n?/g, '\n');
  const parsed = Papa.parse<string[]>(body, {
    delimiter: guessDelimiter(body),
    newline: mixed === null ? undefined : '\n',
    skipEmptyLines: false,
  });
  for (const e of parsed.errors) {
    if (e.type !== 'Quotes') continue;
    const row = typeof e.row === 'number' ? e.row + 1 : undefined;
    notes.push({
      severity: 'error',
      ...(row !== undefined ? { row } : {}),
      message:
        e.code === 'MissingQuotes'
          ? 'A quoted cell starting in this row is never closed: the rest of the file would be read as that one cell'
          : `A quote is misplaced in this row (${e.message})`,
      hint: 'Close the quote (") or remove it; a quote inside a quoted cell is written twice ("").',
    });
  }
  // One record per spreadsheet row, so record i is row i + 1 (as a spreadsheet shows the file).
  const grid = parsed.data.filter(
    (row, i) => !(i === parsed.data.length - 1 && row.length === 1 && row[0] === ''),
  );
  const sheet = sheetFromGrid(sheetName, file, grid);
  if (notes.length > 0) sheet.notes = notes;
  return sheet;
}

/**
 * The 1-based row of the first line whose ending differs from the first line's, or null when the
 * file uses one kind (quoted cells may hold line breaks of any kind without counting).
 */
export function mixedLineEnding(text: string): number | null {
  let first: string | null = null;
  let row = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    if (quoted || (c !== '\r' && c !== '\n')) continue;
    const ending = c === '\r' && text[i + 1] === '\n' ? '\r\n' : c;
    if (ending === '\r\n') i++;
    row++;
    if (first === null) first = ending;
    else if (ending !== first) return row - 1;
  }
  return null;
}

/**
 * The header line decides the delimiter: headers hold no `,` or `;` of their own, while data cells
 * may (lists), which can fool a guess made over the data rows.
 */
export function guessDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const header = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t']) {
    const count = header.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}
