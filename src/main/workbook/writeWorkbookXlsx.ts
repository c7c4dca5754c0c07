// Writes a college as one .xlsx workbook with the sheets of WORKBOOK.md, under a temporary name
// first and then renamed, so an interrupted write never leaves a broken workbook.
import { rename, rm } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { College } from '../../shared/model/types.ts';
import { collegeSheets } from './sheets.ts';

export async function writeWorkbookXlsx(college: College, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Slotwise';
  for (const sheet of collegeSheets(college)) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRows(sheet.rows);
    ws.getRow(1).font = { bold: true };
    sheet.rows[0].forEach((_, c) => {
      let width = 8;
      for (let r = 0; r < Math.min(sheet.rows.length, 200); r++)
        width = Math.max(width, String(sheet.rows[r][c] ?? '').length + 2);
      ws.getColumn(c + 1).width = Math.min(width, 60);
    });
  }
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await workbook.xlsx.writeFile(tmp);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
