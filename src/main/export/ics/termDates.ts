// Real dates for a weekly timetable: the calendar's day names as weekdays, the first date of each
// weekday in the term, holidays on a weekday, and wall-clock times in an IANA zone as UTC instants.
import { tzlib_get_ical_block, tzlib_get_offset, tzlib_get_timezones } from 'timezones-ical-library';
import type { Calendar } from '../../../shared/model/index.ts';
import { ExportError } from '../types.ts';

export const ICAL_WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const NAMES = ['su', 'mo', 'tu', 'we', 'th', 'fr', 'sa'];

export interface Term {
  start: string;
  end: string;
  timezone: string;
  holidays: ReadonlySet<string>;
  /** JS weekday (0 = Sunday) of each calendar day index. */
  weekdays: number[];
}

/** Checks that the calendar can be put on real dates; throws an ExportError saying what to fix. */
export function termOf(calendar: Calendar): Term {
  if (!calendar.termStart || !calendar.termEnd) {
    throw new ExportError(
      'ICS export needs the term dates: add `term_start` and `term_end` (YYYY-MM-DD) to the Calendar sheet ' +
        'and import the workbook again.',
    );
  }
  if (calendar.termEnd < calendar.termStart) {
    throw new ExportError(
      `Calendar term_end ${calendar.termEnd} is before term_start ${calendar.termStart}; fix the Calendar sheet.`,
    );
  }
  const timezone = calendar.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!(tzlib_get_timezones() as string[]).includes(timezone)) {
    throw new ExportError(
      `Calendar timezone "${timezone}" is not a known IANA time zone (e.g. Asia/Kolkata, Europe/Berlin).`,
    );
  }
  const weekdays = calendar.days.map((day) => {
    const index = NAMES.indexOf(day.trim().slice(0, 2).toLowerCase());
    if (index < 0) {
      throw new ExportError(
        `Calendar day "${day}" is not a weekday name; ICS needs days such as Mon;Tue;Wed;Thu;Fri ` +
          'to put sessions on real dates. Rename the days in the Calendar sheet.',
      );
    }
    return index;
  });
  return {
    start: calendar.termStart,
    end: calendar.termEnd,
    timezone,
    holidays: new Set(calendar.holidays),
    weekdays,
  };
}

function utcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Every date of `weekday` from the term's start to its end, inclusive. */
export function termDatesOn(term: Term, weekday: number): string[] {
  const first = utcDate(term.start);
  first.setUTCDate(first.getUTCDate() + ((weekday - first.getUTCDay() + 7) % 7));
  const out: string[] = [];
  for (const d = first; isoDate(d) <= term.end; d.setUTCDate(d.getUTCDate() + 7)) out.push(isoDate(d));
  return out;
}

const offsets = new Map<string, string>();

/** The UTC instant of wall-clock `hhmm` on `date` in `timezone`. */
export function instantOf(date: string, hhmm: string, timezone: string): Date {
  const key = `${timezone} ${date} ${hhmm}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = tzlib_get_offset(timezone, date, hhmm);
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return new Date(`${date}T${hhmm}:00${offset.slice(0, 3)}:${offset.slice(3)}`);
}

/** `YYYYMMDDTHHMMSS` (local, no zone) as iCalendar writes a time with a TZID. */
export function icalLocal(date: string, hhmm: string): string {
  return `${date.replaceAll('-', '')}T${hhmm.replace(':', '')}00`;
}

export function icalUtc(d: Date): string {
  return `${d.toISOString().slice(0, 19).replaceAll('-', '').replaceAll(':', '')}Z`;
}

const vtimezones = new Map<string, string | null>();

/** The VTIMEZONE block of an IANA zone (cached: every calendar of an export needs the same one). */
export function vtimezone(timezone: string): string | null {
  let text = vtimezones.get(timezone);
  if (text === undefined) {
    const block = tzlib_get_ical_block(timezone);
    text = Array.isArray(block) && typeof block[0] === 'string' ? block[0] : null;
    vtimezones.set(timezone, text);
  }
  return text;
}
