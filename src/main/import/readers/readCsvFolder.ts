// Reads a folder of CSV files (one per sheet) into RawSheets: UTF-8 with or without BOM,
// comma-, semicolon- or tab-delimited.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { sheetFromGrid, type RawSheet } from '../rawSheet.ts';

export async function readCsvFolder(dir: string): Promise<RawSheet[]> {
  const names = (await readdir(dir)).filter((name) => name.toLowerCase().endsWith('.csv')).sort();
  return Promise.all(
    names.map(async (name) =>
      parseCsv(name.slice(0, -'.csv'.length), name, await readFile(join(dir, name), 'utf8')),
    ),
  );
}

export function parseCsv(sheetName: string, file: string, text: string): RawSheet {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, {
    delimiter: guessDelimiter(body),
    skipEmptyLines: false,
  });
  // One record per spreadsheet row, so record i is row i + 1 (as a spreadsheet shows the file).
  const grid = parsed.data.filter(
    (row, i) => !(i === parsed.data.length - 1 && row.length === 1 && row[0] === ''),
  );
  return sheetFromGrid(sheetName, file, grid);
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
