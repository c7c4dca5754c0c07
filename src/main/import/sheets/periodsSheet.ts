// Periods: label, start, end, in order; periods may not overlap or run backwards.
import { minutesOf, type Period } from '../../../shared/model/index.ts';
import type { SheetTable } from '../sheetTable.ts';
import { IdRegistry } from '../parsedWorkbook.ts';

export interface ParsedPeriods {
  periods: Period[];
  /** Every label given, in order (slot lists resolve against these even when a time is bad). */
  labels: string[];
  /** No errors: the periods can be used for adjacency and load checks. */
  ok: boolean;
}

export function parsePeriods(table: SheetTable | undefined): ParsedPeriods {
  if (!table) return { periods: [], labels: [], ok: false };
  const errorsBefore = table.log.errors.length;
  const labels = new IdRegistry(table, 'period');
  const periods: Period[] = [];
  const labelList: string[] = [];
  let previous: { end: string; row: number } | undefined;
  for (const row of table.rows) {
    const label = table.requiredText(row, 'period');
    const start = table.time(row, 'start');
    const end = table.time(row, 'end');
    if (label !== undefined && labels.claim(label.toLowerCase(), row.rowNumber)) labelList.push(label);
    if (label === undefined || start === undefined || end === undefined) continue;
    if (minutesOf(end) <= minutesOf(start)) {
      table.error(
        row,
        'end',
        `Period ${label} ends (${end}) before it starts (${start})`,
        'The end time must be after the start time.',
      );
    } else if (previous && minutesOf(start) < minutesOf(previous.end)) {
      table.error(
        row,
        'start',
        `Period ${label} starts at ${start}, before the previous period ends (${previous.end}, row ${previous.row})`,
        'List periods in time order without overlaps.',
      );
    }
    previous = { end, row: row.rowNumber };
    periods.push({ label, start, end });
  }
  if (periods.length === 0 && table.log.errors.length === errorsBefore) {
    table.error(
      undefined,
      undefined,
      'No periods defined',
      'Add one row per teaching period: period, start, end.',
    );
  }
  return { periods, labels: labelList, ok: table.log.errors.length === errorsBefore };
}
