// Cell values a spreadsheet may hold for times and dates, normalised to HH:MM and YYYY-MM-DD.
import type { CellValue } from './rawSheet.ts';

const MINUTES_PER_DAY = 24 * 60;

/** HH:MM from `9:00`, `09:00`, `09:00:00`, a time-of-day Date cell or a day fraction (0.375). */
export function timeText(value: CellValue | undefined): string | undefined {
  if (value === null || value === undefined || typeof value === 'boolean') return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return fromMinutes(
      value.getUTCHours() * 60 + value.getUTCMinutes() + Math.round(value.getUTCSeconds() / 60),
    );
  }
  if (typeof value === 'number') {
    if (!(value >= 0 && value < 1)) return undefined;
    return fromMinutes(Math.round(value * MINUTES_PER_DAY));
  }
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return undefined;
  return fromMinutes(hours * 60 + minutes);
}

function fromMinutes(total: number): string | undefined {
  if (total >= MINUTES_PER_DAY) return undefined;
  const h = Math.floor(total / 60);
  const m = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** YYYY-MM-DD from text or a date cell; the date must exist in the calendar. */
export function dateText(value: CellValue | undefined): string | undefined {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text ? text : undefined;
}

/**
 * A number written in plain decimals (`12`, `-3`, `2.5`, `.5`), or NaN. JavaScript's Number()
 * also reads `0x10` as 16, `1e3` as 1000 and `Infinity`, which a spreadsheet cell never means.
 */
export function parseDecimal(text: string): number {
  const t = text.trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : Number.NaN;
}
