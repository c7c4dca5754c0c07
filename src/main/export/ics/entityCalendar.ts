// One iCalendar per entity (group, faculty member, room): each placed session is a weekly recurring
// event from its first date in the term to the term's end, in the calendar's IANA zone (with its
// VTIMEZONE), holidays excluded with EXDATE, and a UID derived from course + session only.
import ical, { type ICalCalendar, type ICalLuxonDateTimeStub } from 'ical-generator';
import type { College } from '../../../shared/model/index.ts';
import type { ResolvedSession } from '../sessions.ts';
import type { ViewEntity } from '../views.ts';
import { icsText } from './icsText.ts';
import type { SequenceBook } from './manifest.ts';
import {
  ICAL_WEEKDAYS,
  icalLocal,
  icalUtc,
  instantOf,
  termDatesOn,
  vtimezone,
  type Term,
} from './termDates.ts';

/** A wall-clock time in the event's zone, in the shape ical-generator accepts for zoned times. */
function wallTime(date: string, hhmm: string, timezone: string): ICalLuxonDateTimeStub {
  const local = icalLocal(date, hhmm);
  const stub: ICalLuxonDateTimeStub = {
    isValid: true,
    zone: { type: 'iana' },
    setZone: () => stub,
    toFormat: (fmt: string) => (fmt === 'yyyyLLdd' ? local.slice(0, 8) : local.slice(9, 15)),
    toJSDate: () => instantOf(date, hhmm, timezone),
    toJSON: () => instantOf(date, hhmm, timezone).toISOString(),
  };
  return stub;
}

/** Stable event UID: the same course session keeps its UID in every export and every calendar. */
export function eventUid(college: College, s: Pick<ResolvedSession, 'courseId' | 'session'>): string {
  const host =
    college.calendar.institution
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'college';
  return `${encodeURIComponent(s.courseId)}.${s.session}@${host}.slotwise`;
}

export interface CalendarContext {
  college: College;
  term: Term;
  names: {
    faculty: ReadonlyMap<string, string>;
    groups: ReadonlyMap<string, string>;
    rooms: ReadonlyMap<string, string>;
  };
  sequences: SequenceBook;
  stamp: Date;
  /** Sessions per week of each course. */
  sessionsPerWeek: ReadonlyMap<string, number>;
}

/** Every name and id in a calendar goes through icsText: none may break a line. */
function describe(ctx: CalendarContext, s: ResolvedSession): string {
  const named = (ids: readonly string[], map: ReadonlyMap<string, string>) =>
    ids
      .map((id) => (map.get(id) && map.get(id) !== id ? `${map.get(id)} (${id})` : id))
      .map(icsText)
      .join(', ');
  return [
    `Course: ${icsText(`${s.courseId} ${s.courseName}`)}`,
    `Session: ${s.session} of ${ctx.sessionsPerWeek.get(s.courseId) ?? '?'}`,
    `Faculty: ${named(s.faculty, ctx.names.faculty) || '-'}`,
    `Room: ${s.roomId ? named([s.roomId], ctx.names.rooms) : '-'}`,
    `Groups: ${named(s.groups, ctx.names.groups) || '-'}`,
  ].join('\n');
}

function addEvent(cal: ICalCalendar, ctx: CalendarContext, entity: ViewEntity, s: ResolvedSession): void {
  const { college, term } = ctx;
  if (s.day === null || s.period === null) return;
  const dates = termDatesOn(term, term.weekdays[s.day]);
  if (dates.length === 0) return;
  const first = college.periods[s.period];
  const last = college.periods[Math.min(college.periods.length - 1, s.period + s.length - 1)];
  const uid = eventUid(college, s);
  const placement = `${college.calendar.days[s.day]} ${first.label} ${s.roomId ?? ''}`;
  const until = instantOf(term.end, '23:59', term.timezone);
  const excluded = dates.filter((d) => term.holidays.has(d)).map((d) => icalLocal(d, first.start));
  const rule = [
    `RRULE:FREQ=WEEKLY;UNTIL=${icalUtc(until)};BYDAY=${ICAL_WEEKDAYS[term.weekdays[s.day]]}`,
    ...(excluded.length > 0 ? [`EXDATE;TZID=${term.timezone}:${excluded.join(',')}`] : []),
  ].join('\n');
  const room = s.roomId ? (ctx.names.rooms.get(s.roomId) ?? s.roomId) : '';
  const course = `${s.courseId} ${s.courseName}`;
  cal.createEvent({
    id: uid,
    sequence: ctx.sequences.sequenceOf(uid, placement),
    stamp: ctx.stamp,
    start: wallTime(dates[0], first.start, term.timezone),
    end: wallTime(dates[0], last.end, term.timezone),
    timezone: term.timezone,
    repeating: rule,
    summary: icsText(
      entity.view === 'group' || s.groups.length === 0 ? course : `${course} (${s.groups.join(', ')})`,
    ),
    location: s.roomId ? icsText(`${room}${room !== s.roomId ? ` (${s.roomId})` : ''}`) : null,
    description: describe(ctx, s),
  });
}

/** The iCalendar text of one entity's timetable. */
export function entityCalendar(ctx: CalendarContext, entity: ViewEntity): string {
  const { college, term } = ctx;
  const cal = ical({
    name: icsText([college.calendar.institution, `${entity.id} ${entity.name}`].filter(Boolean).join(' · ')),
    prodId: { company: 'Slotwise', product: 'Slotwise timetable', language: 'EN' },
    timezone: { name: null, generator: vtimezone },
  });
  cal.x([['X-WR-TIMEZONE', term.timezone]]);
  for (const s of entity.sessions) addEvent(cal, ctx, entity, s);
  return cal.toString();
}
