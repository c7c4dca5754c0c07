import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { College } from '../../shared/model/types.ts';
import { generateCollege } from '../generate/index.ts';
import { importPath } from '../import/index.ts';
import { writeTimetableCsv, writeWorkbookCsv, writeWorkbookXlsx } from './index.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slotwise-workbook-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const withoutSource = (c: College): Omit<College, 'source'> => {
  const { source: _source, ...rest } = c;
  return rest;
};

describe('workbook writers', () => {
  const { college, planted } = generateCollege('small', 3);

  it('writes one CSV per sheet with the WORKBOOK.md headers, and nothing temporary', async () => {
    const out = join(dir, 'csv');
    await writeWorkbookCsv(college, out);
    const files = (await readdir(out)).sort();
    expect(files).toEqual(
      [
        'Calendar',
        'Courses',
        'Enrollments',
        'Faculty',
        'Fixed',
        'Groups',
        'Periods',
        'Rooms',
        'Rules',
        'Students',
        'Weights',
      ]
        .map((s) => `${s}.csv`)
        .sort(),
    );
    const head = async (sheet: string): Promise<string> =>
      (await readFile(join(out, `${sheet}.csv`), 'utf8')).split('\n')[0];
    expect(await head('Courses')).toBe(
      'course_id,name,department,faculty,groups,sessions,length,room_type,rooms,students,min_days,unavailable,starts',
    );
    expect(await head('Faculty')).toBe(
      'faculty_id,name,department,email,max_per_day,max_per_week,max_days,max_gaps_per_day,max_gaps_per_week,min_per_day,min_days,max_continuous,max_span,min_rest,max_building_changes_day,max_building_changes_week,min_gaps_between_building_changes,unavailable',
    );
    const calendar = Papa.parse<string[]>(await readFile(join(out, 'Calendar.csv'), 'utf8'), {
      skipEmptyLines: true,
    }).data;
    expect(calendar[0]).toEqual(['key', 'value']);
    expect(calendar).toContainEqual(['days', college.calendar.days.join(';')]);
    expect(calendar).toContainEqual(['timezone', 'Asia/Kolkata']);
  });

  it('round-trips: the imported CSV folder equals the generated college', async () => {
    const out = join(dir, 'roundtrip');
    await writeWorkbookCsv(college, out);
    const result = await importPath(out);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
    expect(result.warnings).toEqual([]);
    expect(withoutSource(result.college)).toEqual(withoutSource(college));
  });

  it('round-trips through .xlsx too, written atomically', async () => {
    const file = join(dir, 'college.xlsx');
    await writeWorkbookXlsx(college, file);
    expect((await readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([]);
    const result = await importPath(file);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
    expect(withoutSource(result.college)).toEqual(withoutSource(college));
  });

  it('escapes commas, quotes, semicolons and line breaks in cells', async () => {
    const odd = structuredClone(college);
    odd.rooms[0].name = 'Hall "A", west; ground\nfloor';
    const out = join(dir, 'escaped');
    await writeWorkbookCsv(odd, out);
    const rooms = Papa.parse<string[]>(await readFile(join(out, 'Rooms.csv'), 'utf8'), {
      skipEmptyLines: true,
    }).data;
    expect(rooms[1][1]).toBe('Hall "A", west; ground\nfloor');
    const result = await importPath(out);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
    // A line break in a name is read as a space, with a warning (it would break calendar lines).
    expect(result.college.rooms[0].name).toBe('Hall "A", west; ground floor');
    expect(result.warnings.some((w) => w.sheet === 'Rooms' && /line break/.test(w.message))).toBe(true);
  });

  it('removes an optional sheet left over from an earlier college with rows the new one lacks', async () => {
    const out = join(dir, 'stale');
    await writeWorkbookCsv(college, out);
    await writeFile(join(out, 'Notes.txt'), 'kept');
    const bare: College = { ...college, fixed: [], rules: [] };
    await writeWorkbookCsv(bare, out);
    const files = await readdir(out);
    expect(files).not.toContain('Fixed.csv');
    expect(files).not.toContain('Rules.csv');
    expect(files).toContain('Notes.txt');
  });

  it('writes a timetable as course_id, session, day, period, room_id rows', async () => {
    const file = join(dir, 'planted.csv');
    await writeTimetableCsv(college, planted, file);
    const rows = Papa.parse<string[]>(await readFile(file, 'utf8'), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['course_id', 'session', 'day', 'period', 'room_id']);
    expect(rows.length - 1).toBe(planted.assignments.length);
    const a = planted.assignments[0];
    expect(rows[1]).toEqual([
      a.courseId,
      String(a.session),
      college.calendar.days[a.day!],
      college.periods[a.period!].label,
      a.roomId,
    ]);
  });
});
