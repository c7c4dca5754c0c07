import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallCollege, smallTimetable } from '../../../tests/export/smallCollege.ts';
import { exportTimetable } from './index.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slotwise-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function parsed(file: string): Promise<Array<Record<string, string>>> {
  const text = await readFile(file, 'utf8');
  const result = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('CSV export', () => {
  it('writes one row per session with calendar day names and period labels', async () => {
    const college = smallCollege();
    const timetable = smallTimetable();
    const out = join(dir, 'timetable.csv');
    const result = await exportTimetable('csv', college, timetable, { out });
    expect(result.files).toEqual([out]);
    const rows = await parsed(out);
    expect(rows).toHaveLength(timetable.assignments.length);
    for (const a of timetable.assignments) {
      const row = rows.find((r) => r.course_id === a.courseId && Number(r.session) === a.session);
      const course = college.courses.find((c) => c.id === a.courseId);
      expect(row).toMatchObject({
        day: college.calendar.days[a.day ?? -1],
        period: college.periods[a.period ?? -1].label,
        room_id: a.roomId,
        length: String(course?.length),
        faculty: course?.faculty.join(';'),
        groups: course?.groups.join(';'),
      });
    }
    const lab = rows.find((r) => r.course_id === 'CS201L');
    expect([lab?.start, lab?.end]).toEqual(['14:00', '16:00']);
  });

  it('keeps unplaced sessions as rows with empty day, period and room', async () => {
    const timetable = smallTimetable();
    timetable.assignments[0] = { ...timetable.assignments[0], day: null, period: null, roomId: null };
    const out = join(dir, 'unplaced.csv');
    await exportTimetable('csv', smallCollege(), timetable, { out });
    const row = (await parsed(out)).find((r) => r.course_id === 'CS201' && r.session === '1');
    expect([row?.day, row?.period, row?.room_id]).toEqual(['', '', '']);
  });

  it('neutralises cells that a spreadsheet would run as formulas', async () => {
    const college = smallCollege();
    const dangerous = [
      '=HYPERLINK("http://x","y")',
      '+1+2',
      '-2+3',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      '=1+2\nmore',
    ];
    const timetable = smallTimetable();
    const ids = [...dangerous.map((_, i) => `X${i}`), '=CMD()'];
    ids.forEach((id, i) => {
      college.courses.push({ ...college.courses[0], id, name: dangerous[i] ?? 'Safe name', sessions: 1 });
      timetable.assignments.push({
        courseId: id,
        session: 1,
        day: 3,
        period: 5,
        roomId: 'R102',
        locked: false,
      });
    });
    const out = join(dir, 'injection.csv');
    await exportTimetable('csv', college, timetable, { out });
    const rows = await parsed(out);
    const cells = rows.flatMap((r) => Object.values(r));
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const names = new Set(rows.map((r) => r.course_name));
    for (const d of dangerous) expect(names).toContain(`'${d}`);
    expect(rows.map((r) => r.course_id)).toContain("'=CMD()");
  });

  it('refuses a timetable that names a course the college does not have, writing nothing', async () => {
    const timetable = smallTimetable();
    timetable.assignments.push({
      courseId: 'GHOST',
      session: 1,
      day: 0,
      period: 0,
      roomId: 'R101',
      locked: false,
    });
    const out = join(dir, 'ghost.csv');
    await expect(exportTimetable('csv', smallCollege(), timetable, { out })).rejects.toThrow(/GHOST/);
    await expect(readFile(out)).rejects.toThrow();
  });
});
