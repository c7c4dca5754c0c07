// Writing a college as a workbook: a folder of CSV files or one .xlsx (WORKBOOK.md).
export { writeWorkbookCsv, writeAtomically, toCsv } from './writeWorkbookCsv.ts';
export { writeWorkbookXlsx } from './writeWorkbookXlsx.ts';
export { collegeSheets } from './sheets.ts';
export type { SheetTable, Cell } from './sheets.ts';
export { formatSlotList } from './slotList.ts';
export { timetableRows, writeTimetableCsv } from './writeTimetableCsv.ts';
