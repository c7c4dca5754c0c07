// The template workbook (resources/templates/college-template.xlsx): every sheet of WORKBOOK.md
// with its headers and one example row, plus an Instructions sheet. Regenerate with
// `node src/main/import/template.ts` after changing sheetSpecs.ts.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { SHEET_SPECS } from './sheetSpecs.ts';

export const TEMPLATE_PATH = resolve(
  import.meta.dirname,
  '../../../resources/templates/college-template.xlsx',
);

/** Calendar is a list of settings, so its example is one row per key. */
const CALENDAR_ROWS: Array<[string, string]> = [
  ['institution', 'Example College'],
  ['days', 'Mon;Tue;Wed;Thu;Fri'],
  ['term_start', '2026-07-01'],
  ['term_end', '2026-11-30'],
  ['timezone', 'Asia/Kolkata'],
  ['holidays', '2026-08-15;2026-10-02'],
];

const GENERAL_NOTES = [
  'Fill one sheet per kind of data; optional sheets may be deleted. Row 1 holds the headers.',
  'Headers match ignoring case, spaces and _; column order is free; extra columns are ignored.',
  'Lists in a cell are separated by ; (commas also work). Times are HH:MM (24 h), dates YYYY-MM-DD.',
  'Slot lists: Mon (whole day), Mon:3 (period 3), Mon:3-5 (periods 3 to 5), using the Calendar days and Periods labels.',
  'The import reports every problem with its sheet, row and column; nothing is imported until all errors are fixed.',
];

export function buildTemplateWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Slotwise';
  workbook.created = new Date(Date.UTC(2026, 0, 1));
  workbook.modified = workbook.created;
  addInstructions(workbook);
  for (const spec of SHEET_SPECS) {
    const sheet = workbook.addWorksheet(spec.name);
    sheet.addRow(spec.columns.map((c) => c.name));
    sheet.getRow(1).font = { bold: true };
    const examples = spec.name === 'Calendar' ? CALENDAR_ROWS : [spec.columns.map((c) => c.example)];
    for (const example of examples) sheet.addRow(example.map(typed));
    sheet.columns.forEach((column, i) => {
      column.width = Math.max(12, spec.columns[i].name.length + 4, ...examples.map((e) => e[i].length + 2));
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return workbook;
}

function addInstructions(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Instructions');
  sheet.columns = [
    { header: 'Sheet', width: 14 },
    { header: 'Column', width: 18 },
    { header: 'Required', width: 10 },
    { header: 'Meaning', width: 110 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const note of GENERAL_NOTES) sheet.addRow(['', '', '', note]);
  for (const spec of SHEET_SPECS) {
    sheet.addRow([]);
    const title = sheet.addRow([spec.name, '', spec.required ? 'sheet' : 'optional', spec.about]);
    title.font = { bold: true };
    for (const column of spec.columns)
      sheet.addRow(['', column.name, column.required ? 'yes' : '', column.about]);
  }
}

/** Whole numbers as number cells, like a spreadsheet stores them when typed. */
function typed(value: string): string | number | null {
  if (value === '') return null;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export async function writeTemplate(file: string = TEMPLATE_PATH): Promise<void> {
  await buildTemplateWorkbook().xlsx.writeFile(file);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await writeTemplate();
  console.log(`wrote ${TEMPLATE_PATH}`);
}
