// Reads every sheet of an .xlsx workbook into RawSheets.
import { basename } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { sheetFromGrid, type CellValue, type RawSheet } from '../rawSheet.ts';
import { XlsxLimitError } from './xlsxGuard.ts';

export async function readXlsx(path: string): Promise<RawSheet[]> {
  const file = basename(path);
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    sheets = await readXlsxFile(path);
  } catch (error) {
    // The reader's XML parser recurses; a damaged sheet of a few megabytes (within the size
    // bounds checked before) can exhaust the call stack. Say so in plain words, naming the file.
    if (error instanceof RangeError) {
      throw new XlsxLimitError(
        `Cannot read "${file}": one of its sheets is damaged or too large for the workbook reader`,
        'Open the workbook in your spreadsheet program, delete rows and columns past your data, and save it again as Excel Workbook (.xlsx).',
      );
    }
    throw error;
  }
  return sheets.map(({ sheet, data }) => {
    const grid = data.map((row) => row.map(toCell));
    return sheetFromGrid(sheet, file, grid);
  });
}

function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  return null;
}
