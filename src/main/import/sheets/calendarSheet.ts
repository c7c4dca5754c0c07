// Calendar: key/value rows (institution, days, term_start, term_end, timezone, holidays,
// days_per_term).
import type { Calendar } from '../../../shared/model/index.ts';
import type { RawRow } from '../rawSheet.ts';
import { normalizeName } from '../sheetSpecs.ts';
import type { SheetTable } from '../sheetTable.ts';
import { splitList } from '../sheetTable.ts';

const DEFAULT_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];
const KEYS = ['institution', 'days', 'termstart', 'termend', 'timezone', 'holidays', 'daysperterm'];

export function parseCalendar(table: SheetTable | undefined): Calendar {
  const calendar: Calendar = { institution: '', days: [...DEFAULT_DAYS], holidays: [] };
  if (!table) return calendar;
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const rawKey = table.text(row, 'key');
    const key = normalizeName(rawKey);
    if (key === '') {
      table.error(
        row,
        'key',
        'The key is empty',
        `Use one of: institution, days, term_start, term_end, timezone, holidays, days_per_term.`,
      );
      continue;
    }
    if (!KEYS.includes(key)) {
      table.warn(
        row,
        'key',
        `Unknown calendar key "${rawKey}" (ignored)`,
        'Known keys: institution, days, term_start, term_end, timezone, holidays, days_per_term.',
      );
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      table.error(row, 'key', `"${rawKey}" is given twice (first in row ${first})`, 'Keep one row per key.');
      continue;
    }
    seen.set(key, row.rowNumber);
    readKey(table, row, key, calendar);
  }
  if (calendar.termStart && calendar.termEnd && calendar.termEnd < calendar.termStart) {
    table.error(
      seen.get('termend'),
      'value',
      `term_end ${calendar.termEnd} is before term_start ${calendar.termStart}`,
      'Swap or correct the dates.',
    );
  }
  const perTerm = calendar.daysPerTerm;
  if (perTerm !== undefined && calendar.days.length % perTerm !== 0) {
    table.error(
      seen.get('daysperterm'),
      'value',
      `days_per_term ${perTerm} does not split the ${calendar.days.length} days into whole terms`,
      `Give a number of days that divides ${calendar.days.length}, or list the days of every term.`,
    );
    delete calendar.daysPerTerm;
  }
  return calendar;
}

function readKey(table: SheetTable, row: RawRow, key: string, calendar: Calendar): void {
  const value = table.text(row, 'value');
  switch (key) {
    case 'institution':
      calendar.institution = value;
      return;
    case 'days': {
      const days = splitList(value);
      const lower = days.map((d) => d.toLowerCase());
      const repeated = days.filter((_, i) => lower.indexOf(lower[i]) !== i);
      if (days.length === 0)
        table.error(row, 'value', 'No teaching days given', 'List the days, e.g. Mon;Tue;Wed;Thu;Fri.');
      else if (repeated.length > 0)
        table.error(row, 'value', `Day "${repeated[0]}" is listed twice`, 'List each teaching day once.');
      else calendar.days = days;
      return;
    }
    case 'termstart':
    case 'termend': {
      const date = table.date(row, 'value');
      if (date !== undefined) calendar[key === 'termstart' ? 'termStart' : 'termEnd'] = date;
      return;
    }
    case 'timezone':
      if (value === '') return;
      if (!isTimeZone(value))
        table.error(
          row,
          'value',
          `Unknown time zone "${value}"`,
          'Use an IANA zone name such as Asia/Kolkata.',
        );
      else calendar.timezone = value;
      return;
    case 'daysperterm': {
      const n = table.integer(row, 'value', 1);
      if (n !== undefined) calendar.daysPerTerm = n;
      return;
    }
    case 'holidays':
      for (const item of splitList(value)) {
        const date = table.date(row, 'value', item);
        if (date !== undefined && !calendar.holidays.includes(date)) calendar.holidays.push(date);
      }
      return;
  }
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
