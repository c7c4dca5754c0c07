// Writes a college as one .xlsx workbook with the sheets of WORKBOOK.md, streamed row by row (large
// colleges have tens of thousands of student rows) under a temporary name first and then renamed,
// so an interrupted write never leaves a broken workbook.
import { rename, rm } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { College } from '../../shared/model/types.ts';
import { collegeSheets } from './sheets.ts';
import type { SheetTable } from './sheets.ts';

function columnWidths(sheet: SheetTable): number[] {
  return sheet.rows[0].map((_, c) => {
    let width = 8;
    for (let r = 0; r < Math.min(sheet.rows.length, 200); r++)
      width = Math.max(width, String(sheet.rows[r][c] ?? '').length + 2);
    return Math.min(width, 60);
  });
}

export async function writeWorkbookXlsx(college: College, file: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true });
    workbook.creator = 'Slotwise';
    for (const sheet of collegeSheets(college)) {
      const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = columnWidths(sheet).map((width) => ({ width }));
      sheet.rows.forEach((row, i) => {
        const added = ws.addRow(row);
        if (i === 0) added.font = { bold: true };
        added.commit();
      });
      ws.commit();
    }
    await workbook.commit();
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
