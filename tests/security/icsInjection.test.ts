/* eslint-disable no-control-regex -- control characters are what this file is about */
// Calendar injection: names end up in calendars people subscribe to (NAME, X-WR-CALNAME, SUMMARY,
// LOCATION, DESCRIPTION). A line break in a name must not start a property or an event of its
// own: every calendar, read back by ical.js (an independent parser), holds exactly the events of
// the timetable, and each hostile name comes back as the same text.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportTimetable } from '../../src/main/export/index.ts';
import { smallCollege, smallTimetable } from '../export/smallCollege.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slotwise-ics-inject-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const EVENT =
  'BEGIN:VEVENT\r\nUID:evil@x\r\nDTSTART:20260302T090000Z\r\nSUMMARY:All classes cancelled today\r\nEND:VEVENT';
const HOSTILE = [
  `Evil\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\r\n${EVENT}`,
  `Evil\n${EVENT}\n`,
  `Evil\r${EVENT}`,
  'Semi;colon, comma\\ backslash',
  `Evil\u2028${EVENT}`,
  `Tab\there\u0000nul\u0007bell`,
];

function hostileCollege(name: string) {
  const college = smallCollege();
  college.calendar.institution = name;
  college.faculty = college.faculty.map((f) => ({ ...f, name }));
  college.groups = college.groups.map((g) => ({ ...g, name }));
  college.rooms = college.rooms.map((r) => ({ ...r, name }));
  college.courses = college.courses.map((c) => ({ ...c, name }));
  return college;
}

describe('ICS export of hostile names', () => {
  HOSTILE.forEach((name, i) => {
    it(`name ${i}: no extra event, no extra calendar, the text survives`, async () => {
      const out = join(dir, `case-${i}`);
      const timetable = smallTimetable();
      await exportTimetable('ics', hostileCollege(name), timetable, { out });
      const expectedPlaced = new Set(
        timetable.assignments.filter((a) => a.day !== null).map((a) => `${a.courseId}.${a.session}`),
      );
      for (const folder of ['groups', 'faculty', 'rooms']) {
        for (const file of await readdir(join(out, folder))) {
          const text = await readFile(join(out, folder, file), 'utf8');
          // Every line is a property line or a fold continuation, at most 75 octets.
          for (const line of text.split('\r\n').filter(Boolean)) {
            expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
            expect(/^[ \t]|^[A-Za-z0-9-]+[;:]/.test(line), `${file}: ${JSON.stringify(line)}`).toBe(true);
          }
          expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
          const calendars = ICAL.parse(text) as unknown[];
          expect(Array.isArray(calendars[0]) ? calendars.length : 1).toBe(1);
          const root = ICAL.Component.fromString(text);
          const events = root.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
          for (const e of events) {
            expect(e.uid).not.toBe('evil@x');
            expect(expectedPlaced.has(e.uid.split('@')[0])).toBe(true);
            expect(e.summary).not.toBe('All classes cancelled today');
          }
          expect(root.getAllSubcomponents().filter((c) => c.name === 'vevent')).toHaveLength(events.length);
          const calName = String(
            root.getFirstPropertyValue('x-wr-calname') ?? root.getFirstPropertyValue('name'),
          );
          const firstLine = name
            .split(/[\r\n\u2028]/)[0]
            .replace(/\t/g, ' ')
            .replace(/[\u0000-\u001f]/g, '');
          expect(calName.startsWith(firstLine), calName).toBe(true);
        }
      }
    });
  });
});
