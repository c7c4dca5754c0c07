// Import in this thread: an .xlsx workbook (bounded first, xlsxGuard.ts), a folder of CSV files,
// an ITC-2007 .ctt/.ectt file or a FET .fet/.fet.gz file. The app and the CLI call importPath (index.ts), which runs this
// in a worker thread with a memory cap.
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { ImportResult } from '../../shared/model/index.ts';
import { importCtt } from './importCtt.ts';
import { importFet } from './fet/importFet.ts';
import { importSheets } from './importSheets.ts';
import { readCsvFolder } from './readers/readCsvFolder.ts';
import { readXlsx } from './readers/readXlsx.ts';
import { checkXlsxBounds, readableMessage, XlsxLimitError } from './readers/xlsxGuard.ts';

export async function importPathDirect(path: string): Promise<ImportResult> {
  const name = basename(path);
  const fail = (message: string, hint: string): ImportResult => ({
    ok: false,
    errors: [{ severity: 'error', file: name, sheet: '', message, hint }],
    warnings: [],
  });
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch {
    return fail(`Cannot open "${path}": no such file or folder`, 'Check the path.');
  }
  if (isDirectory) {
    let sheets;
    try {
      sheets = await readCsvFolder(path);
    } catch (error) {
      return fail(
        `Cannot read the CSV files in "${name}": ${(error as Error).message}`,
        'Check that the files can be opened.',
      );
    }
    if (sheets.length === 0) {
      return fail(
        `The folder "${name}" holds no .csv files`,
        'Put Periods.csv, Rooms.csv, Faculty.csv, Groups.csv and Courses.csv in it.',
      );
    }
    const byName = new Map(sheets.map((s) => [s.name.toLowerCase(), s.file]));
    return importSheets(sheets, {
      kind: 'csv',
      name,
      fileFor: (sheet) => byName.get(sheet.toLowerCase()) ?? `${sheet}.csv`,
    });
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') {
    let sheets;
    try {
      await checkXlsxBounds(path);
      sheets = await readXlsx(path);
    } catch (error) {
      if (error instanceof XlsxLimitError) {
        return {
          ok: false,
          errors: [
            { severity: 'error', file: name, sheet: error.sheet, message: error.message, hint: error.hint },
          ],
          warnings: [],
        };
      }
      return fail(
        `Cannot read "${name}" as an .xlsx workbook: ${readableMessage((error as Error).message)}`,
        'Save the file from your spreadsheet as Excel Workbook (.xlsx).',
      );
    }
    return importSheets(sheets, { kind: 'workbook', name, fileFor: () => name });
  }
  if (ext === '.ctt' || ext === '.ectt') return importCtt(path);
  if (ext === '.fet' || name.toLowerCase().endsWith('.fet.gz')) return importFet(path);
  if (ext === '.csv') {
    return fail(
      `"${name}" is a single CSV file; a CSV workbook is a folder of them`,
      'Import the folder that holds Periods.csv, Rooms.csv, Faculty.csv, Groups.csv, Courses.csv, ….',
    );
  }
  return fail(
    `Cannot import "${name}": unknown file type "${ext || '(none)'}"`,
    'Import an .xlsx workbook, a folder of CSV files, a FET .fet file, or an ITC-2007 .ctt/.ectt file. For .xls or .ods, save as .xlsx first.',
  );
}
