// Writes a college as a folder of CSV files, one per sheet (WORKBOOK.md). Each file is written
// under a temporary name and renamed into place, so no half-written sheet is ever left behind.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { College } from '../../shared/model/types.ts';
import { collegeSheets, OPTIONAL_SHEETS } from './sheets.ts';
import type { Cell } from './sheets.ts';

export function toCsv(rows: Cell[][]): string {
  return `${Papa.unparse(rows, { newline: '\n' })}\n`;
}

/** Writes `<dir>/<Sheet>.csv` for every sheet; removes optional sheets this college has no rows for. */
export async function writeWorkbookCsv(college: College, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const sheets = collegeSheets(college);
  const written: string[] = [];
  for (const sheet of sheets) {
    const file = join(dir, `${sheet.name}.csv`);
    await writeAtomically(file, toCsv(sheet.rows));
    written.push(file);
  }
  for (const name of OPTIONAL_SHEETS)
    if (!sheets.some((s) => s.name === name)) await rm(join(dir, `${name}.csv`), { force: true });
  return written;
}

export async function writeAtomically(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
