// Reads every sheet of an .xlsx workbook into RawSheets.
import { basename } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { sheetFromGrid, type CellValue, type RawSheet } from '../rawSheet.ts';

export async function readXlsx(path: string): Promise<RawSheet[]> {
  const file = basename(path);
  const sheets = await readXlsxFile(path);
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
