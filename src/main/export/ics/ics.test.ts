// The ICS files read back with ical.js (an independent parser): occurrences, local times across a
// DST change, stable UIDs and SEQUENCE bumps only for moved sessions.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallCollege, smallTimetable } from '../../../../tests/export/smallCollege.ts';
import type { College, Timetable } from '../../../shared/model/index.ts';
import { exportTimetable } from '../index.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slotwise-ics-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface ParsedEvent {
  uid: string;
  sequence: number;
  summary: string;
  description: string;
  starts: Date[];
}

function parseCalendar(text: string): ParsedEvent[] {
  const root = ICAL.Component.fromString(text);
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return root.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const starts: Date[] = [];
    const it = event.iterator();
    for (let next = it.next(); next; next = it.next()) starts.push(next.toJSDate());
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      description: event.description,
      starts,
    };
  });
}

async function calendarsIn(out: string): Promise<Map<string, ParsedEvent[]>> {
  const result = new Map<string, ParsedEvent[]>();
  for (const folder of ['groups', 'faculty', 'rooms']) {
    for (const file of await readdir(join(out, folder))) {
      result.set(`${folder}/${file}`, parseCalendar(await readFile(join(out, folder, file), 'utf8')));
    }
  }
  return result;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function format(d: Date, timeZone: string, key: string, o: Intl.DateTimeFormatOptions): string {
  let f = formatters.get(`${timeZone} ${key}`);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, ...o });
    formatters.set(`${timeZone} ${key}`, f);
  }
  return f.format(d);
}

function localParts(d: Date, timeZone: string): { date: string; time: string; weekday: string } {
  return {
    date: format(d, timeZone, 'date', { year: 'numeric', month: '2-digit', day: '2-digit' }),
    time: format(d, timeZone, 'time', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    weekday: format(d, timeZone, 'weekday', { weekday: 'short' }),
  };
}

/** Dates in the term on `weekday` (Mon..Fri) that are not holidays, counted the simple way. */
function expectedDates(college: College, weekday: string): string[] {
  const out: string[] = [];
  const { termStart = '', termEnd = '', holidays } = college.calendar;
  for (
    let d = new Date(`${termStart}T12:00:00Z`);
    d <= new Date(`${termEnd}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const iso = d.toISOString().slice(0, 10);
    const name = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: 'UTC' }).format(d);
    if (name === weekday && !holidays.includes(iso)) out.push(iso);
  }
  return out;
}

function sessionOf(college: College, timetable: Timetable, uid: string) {
  const [course, session] = uid.split('@')[0].split('.');
  const a = timetable.assignments.find(
    (x) => x.courseId === decodeURIComponent(course) && x.session === Number(session),
  );
  if (!a || a.day === null || a.period === null) throw new Error(`no placed session for ${uid}`);
  return { a, day: college.calendar.days[a.day], start: college.periods[a.period].start };
}

describe.each(['Europe/Berlin', 'Asia/Kolkata'])('ICS export in %s', (timezone) => {
  it('repeats each session weekly over the term, skipping holidays, at the same local time', async () => {
    const college = smallCollege({ timezone });
    const timetable = smallTimetable();
    const out = join(dir, `term-${timezone.replace('/', '-')}`);
    await exportTimetable('ics', college, timetable, { out });
    const calendars = await calendarsIn(out);
    expect(calendars.size).toBe(college.groups.length + college.faculty.length + college.rooms.length);
    const utcHours = new Set<number>();
    for (const events of calendars.values()) {
      for (const e of events) {
        const { day, start } = sessionOf(college, timetable, e.uid);
        const expected = expectedDates(college, day);
        expect(e.starts.map((d) => localParts(d, timezone).date)).toEqual(expected);
        for (const d of e.starts) {
          expect(localParts(d, timezone).time).toBe(start);
          expect(localParts(d, timezone).weekday).toBe(day);
          if (start === '09:00') utcHours.add(d.getUTCHours());
        }
      }
    }
    // The term crosses Europe's spring DST change: 09:00 Berlin is 08:00 UTC before it, 07:00 after.
    expect([...utcHours].sort()).toEqual(timezone === 'Europe/Berlin' ? [7, 8] : [3]);
  });
});

describe('ICS export', () => {
  it('describes each event with course, faculty, room and groups', async () => {
    const out = join(dir, 'describe');
    await exportTimetable('ics', smallCollege(), smallTimetable(), { out, view: 'faculty', only: ['F1'] });
    const events = parseCalendar(await readFile(join(out, 'faculty', 'F1.ics'), 'utf8'));
    const lab = events.find((e) => e.uid.startsWith('CS201L.1@'));
    expect(lab?.description).toContain('Data Structures Lab');
    expect(lab?.description).toContain('Nguyễn Văn An');
    expect(lab?.description).toContain('Computing Lab 1 (LAB1)');
    expect(lab?.description).toContain('CSE2A-B1');
    expect(events).toHaveLength(4);
  });

  it('keeps UIDs across exports and bumps SEQUENCE only for sessions that moved', async () => {
    const college = smallCollege();
    const first = smallTimetable();
    const out = join(dir, 'sequence');
    await exportTimetable('ics', college, first, { out, generatedAt: new Date('2026-02-01T10:00:00Z') });
    const before = await calendarsIn(out);

    const moved = smallTimetable();
    const move = (courseId: string, session: number, change: Partial<Timetable['assignments'][number]>) => {
      const i = moved.assignments.findIndex((a) => a.courseId === courseId && a.session === session);
      moved.assignments[i] = { ...moved.assignments[i], ...change };
    };
    move('CS201', 2, { day: 3, period: 4 });
    move('EC201', 3, { roomId: 'R101' });
    await exportTimetable('ics', college, moved, { out, generatedAt: new Date('2026-02-08T10:00:00Z') });
    const after = await calendarsIn(out);

    expect([...after.keys()]).toEqual([...before.keys()]);
    const uids = (list: ParsedEvent[]) => list.map((e) => e.uid).sort();
    const all = (m: Map<string, ParsedEvent[]>) => [...new Set(uids([...m.values()].flat()))];
    expect(all(after)).toEqual(all(before));
    for (const [file, events] of after) {
      // A session keeps its UID; only the room change moves EC201 #3 from R102's calendar to R101's.
      if (!file.startsWith('rooms/')) expect(uids(events), file).toEqual(uids(before.get(file) ?? []));
      for (const e of events) {
        const bumped = e.uid.startsWith('CS201.2@') || e.uid.startsWith('EC201.3@');
        expect(e.sequence, `${file} ${e.uid}`).toBe(bumped ? 1 : 0);
      }
    }

    await exportTimetable('ics', college, moved, { out });
    const again = await calendarsIn(out);
    const sequences = (m: Map<string, ParsedEvent[]>) =>
      [...m.values()]
        .flat()
        .map((e) => `${e.uid}=${e.sequence}`)
        .sort();
    expect(sequences(again)).toEqual(sequences(after));
  });

  it('refuses with a clear message when the term dates are missing, writing nothing', async () => {
    const out = join(dir, 'no-term');
    const college = smallCollege({ termStart: undefined, termEnd: undefined });
    await expect(exportTimetable('ics', college, smallTimetable(), { out })).rejects.toThrow(
      /term_start.*term_end/,
    );
    await expect(readdir(out)).rejects.toThrow();
  });

  it('refuses day names that are not weekdays and unknown ids in --only', async () => {
    const college = smallCollege();
    college.calendar.days = ['D1', 'D2', 'D3', 'D4', 'D5'];
    await expect(exportTimetable('ics', college, smallTimetable(), { out: join(dir, 'x') })).rejects.toThrow(
      /"D1"/,
    );
    await expect(
      exportTimetable('ics', smallCollege(), smallTimetable(), { out: join(dir, 'y'), only: ['F1', 'NOPE'] }),
    ).rejects.toThrow(/NOPE/);
  });
});
