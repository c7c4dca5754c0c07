import { mkdtemp, rm, writeFile, mkdir, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportIssue, ImportResult } from '../../shared/model/index.ts';
import { csvFolderToXlsx } from '../../../tests/fixtures/import/csvFolderToXlsx.ts';
import { compile } from '../../shared/compiled/compile.ts';
import { importPath } from './index.ts';

const FIXTURES = join(import.meta.dirname, '../../../tests/fixtures/import');
const CLEAN = join(FIXTURES, 'clean');
const MISTAKES = join(FIXTURES, 'mistakes');

// The 20 mistakes planted in tests/fixtures/import/mistakes: sheet, row, column as written, message.
const PLANTED: Array<[string, number, string | undefined, RegExp]> = [
  ['Calendar', 4, 'value', /"2026-02-30" is not a date/],
  ['Rooms', 3, 'Capacity', /"forty" is not a whole number/],
  ['Rooms', 6, 'Unavailable', /unknown day "Sat"/],
  ['Rooms', 7, 'Room ID', /Duplicate room_id "R201" \(first used in row 4\)/],
  ['Faculty', 2, 'max_per_day', /"four" is not a whole number/],
  ['Faculty', 4, 'unavailable', /"Tue:7-5": the range 7-5 runs backwards/],
  ['Faculty', 6, undefined, /F05 must teach 5 periods a week but only 4 are available \(max_per_week\)/],
  ['Groups', 5, 'parent', /Unknown group_id "CSE9"/],
  ['Groups', 7, 'parent', /parent cycle: ME2A → ME2B → ME2A/],
  ['Courses', 3, 'faculty', /Unknown faculty_id "F99"/],
  ['Courses', 5, 'rooms', /Room R101 is of type "lecture" but the course needs "lab"/],
  ['Courses', 6, 'length', /4 periods is longer than any block of adjacent periods \(3\)/],
  ['Courses', 8, 'groups', /Unknown group_id "CSE2C"/],
  ['Courses', 10, 'course_id', /Duplicate course_id "EC201" \(first used in row 7\)/],
  ['Students', 4, 'groups', /Unknown group_id "CSE3A"/],
  ['Enrollments', 6, 'student_id', /Unknown student_id "S999"/],
  ['Fixed', 3, 'period', /Unknown period "9"/],
  ['Rules', 4, 'value', /min_days_apart needs a value/],
  ['Rules', 5, 'courses', /different session counts \(CS201: 3, EC201: 4\)/],
  ['Rules', 7, 'rule', /Unknown rule "same_week"/],
];

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'slotwise-import-'));
  await csvFolderToXlsx(CLEAN, join(tmp, 'clean.xlsx'));
  await csvFolderToXlsx(MISTAKES, join(tmp, 'mistakes.xlsx'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function errorsOf(result: ImportResult): ImportIssue[] {
  if (result.ok) throw new Error('expected the import to fail');
  return result.errors;
}

const located = (issues: ImportIssue[]) => issues.map((e) => [e.sheet, e.row, e.column, e.message]);

describe('importPath on the planted-mistakes workbook', () => {
  for (const [kind, path] of [
    ['CSV folder', () => MISTAKES],
    ['.xlsx', () => join(tmp, 'mistakes.xlsx')],
  ] as const) {
    it(`reports all 20 mistakes at once, each at its sheet, row and column (${kind})`, async () => {
      const result = await importPath(path());
      const errors = errorsOf(result);
      expect(errors).toHaveLength(PLANTED.length);
      for (const [sheet, row, column, message] of PLANTED) {
        const hit = errors.filter(
          (e) => e.sheet === sheet && e.row === row && e.column === column && message.test(e.message),
        );
        expect(
          hit,
          `${sheet} row ${row} column ${column}: ${String(message)}\n${JSON.stringify(located(errors), null, 1)}`,
        ).toHaveLength(1);
      }
      expect(errors.every((e) => e.hint !== undefined && e.hint.length > 0)).toBe(true);
      expect(result.warnings.map((w) => [w.sheet, w.row, w.column])).toEqual([['Weights', 4, 'constraint']]);
    });
  }

  it('names the CSV file of each problem', async () => {
    const errors = errorsOf(await importPath(MISTAKES));
    expect(errors.find((e) => e.sheet === 'Courses')?.file).toBe('courses.csv');
    expect(errors.find((e) => e.sheet === 'Rooms')?.file).toBe('Rooms.csv');
  });
});

describe('importPath on the clean workbook', () => {
  it('imports the CSV folder (BOM, ;-delimited file, lower-case file name) with the right counts and model', async () => {
    const result = await importPath(CLEAN);
    if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 1));
    expect(result.warnings).toEqual([]);
    expect(result.counts).toEqual({
      Periods: 7,
      Rooms: 5,
      Faculty: 5,
      Groups: 5,
      Courses: 8,
      Students: 4,
      Enrollments: 4,
      Fixed: 2,
      Rules: 5,
      Weights: 2,
    });
    const c = result.college;
    expect(c.source).toEqual({ kind: 'csv', name: 'clean' });
    expect(c.calendar).toMatchObject({
      institution: 'Demo College of Engineering',
      termStart: '2026-07-01',
      timezone: 'Asia/Kolkata',
      holidays: ['2026-08-15', '2026-10-02'],
    });
    expect(c.rooms.find((r) => r.id === 'R102')?.unavailable).toEqual(
      [4, 5, 6].map((period) => ({ day: 4, period })),
    );
    expect(c.rooms.find((r) => r.id === 'LAB2')).toMatchObject({
      type: 'lab',
      capacity: 35,
      building: 'Annex',
    });
    const f03 = c.faculty.find((f) => f.id === 'F03');
    expect(f03?.unavailable).toHaveLength(3 + 7); // Tue:5-7 and all of Thu
    expect(c.faculty.find((f) => f.id === 'F01')).toMatchObject({
      maxPerDay: 4,
      maxPerWeek: 16,
      email: 'one@example.edu',
    });
    expect(c.groups.find((g) => g.id === 'CSE2A-B1')).toMatchObject({ parent: 'CSE2A', size: 30 });
    expect(c.courses.find((x) => x.id === 'CS201L')).toMatchObject({
      faculty: ['F01', 'F03'],
      length: 2,
      roomType: 'lab',
      rooms: ['LAB1', 'LAB2'],
    });
    expect(c.courses.find((x) => x.id === 'CS203')).toMatchObject({ length: 1, roomType: 'lecture' });
    expect(c.courses.find((x) => x.id === 'CS203')?.students).toBeUndefined();
    expect(c.courses.find((x) => x.id === 'OE301')).toMatchObject({ groups: [], students: 40 });
    expect(c.fixed).toEqual([
      { courseId: 'CS201', session: 1, day: 0, period: 1, roomId: 'R101' },
      { courseId: 'CS201L', session: 1, day: 2, period: 4 },
    ]);
    expect(c.rules[2]).toEqual({
      kind: 'min_days_apart',
      courses: ['MA201'],
      hard: false,
      weight: 3,
      value: 2,
    });
    expect(c.weights).toEqual({ min_days: 5, student_clash: 20 });
    expect(c.settings.roomCapacity).toBe('hard');
  });

  it('produces a model the solver compiles', async () => {
    const result = await importPath(CLEAN);
    if (!result.ok) throw new Error('expected the import to succeed');
    const problem = compile(result.college);
    expect(problem.nSessions).toBe(result.college.courses.reduce((sum, c) => sum + c.sessions, 0));
    expect(problem.nDays * problem.nPeriods).toBe(35);
  });

  it('gives the same College from the CSV folder and from the .xlsx of the same data', async () => {
    const fromCsv = await importPath(CLEAN);
    const fromXlsx = await importPath(join(tmp, 'clean.xlsx'));
    if (!fromCsv.ok || !fromXlsx.ok) throw new Error('expected both imports to succeed');
    expect(fromXlsx.college.source).toEqual({ kind: 'workbook', name: 'clean.xlsx' });
    expect({ ...fromXlsx.college, source: undefined }).toEqual({ ...fromCsv.college, source: undefined });
    expect(fromXlsx.counts).toEqual(fromCsv.counts);
  });
});

describe('importPath on incomplete or odd input', () => {
  async function variant(name: string, edit: (dir: string) => Promise<void>): Promise<ImportResult> {
    const dir = join(tmp, name);
    await cp(CLEAN, dir, { recursive: true });
    await edit(dir);
    return importPath(dir);
  }

  it('reports a missing required sheet and a missing required column', async () => {
    const result = await variant('incomplete', async (dir) => {
      await rm(join(dir, 'Groups.csv'));
      await rm(join(dir, 'Students.csv'));
      await writeFile(join(dir, 'Rooms.csv'), 'room_id,name,type\nR101,Room 101,lecture\n');
    });
    const errors = errorsOf(result);
    expect(errors).toContainEqual(
      expect.objectContaining({ sheet: 'Groups', file: 'Groups.csv', message: 'Missing sheet "Groups"' }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        sheet: 'Rooms',
        row: 1,
        column: 'capacity',
        message: 'Missing column "capacity"',
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ sheet: 'Enrollments', message: 'Enrollments need a Students sheet' }),
    );
  });

  it('reports bad times and backwards periods, and then resolves slot lists against the labels only', async () => {
    const result = await variant('badtimes', (dir) =>
      writeFile(
        join(dir, 'Periods.csv'),
        'period,start,end\nP1,9:00,10:00\nP2,10:00,9:30\nP3,10:61,11:00\nP4,9:15,11:30\n',
      ),
    );
    const errors = errorsOf(result);
    expect(located(errors.filter((e) => e.sheet === 'Periods'))).toEqual([
      ['Periods', 3, 'end', 'Period P2 ends (09:30) before it starts (10:00)'],
      ['Periods', 4, 'start', '"10:61" is not a time HH:MM'],
      ['Periods', 5, 'start', 'Period P4 starts at 09:15, before the previous period ends (09:30, row 3)'],
    ]);
    // Slot lists still resolve against the labels P1..P4, so the old labels 1..7 are reported.
    expect(errors).toContainEqual(
      expect.objectContaining({ sheet: 'Fixed', row: 2, column: 'period', message: 'Unknown period "2"' }),
    );
    // Length and load checks need usable periods and stay silent.
    expect(errors.filter((e) => /adjacent|periods a week/.test(e.message))).toEqual([]);
  });

  it('reports faculty and group overloads against the week and their limits', async () => {
    const result = await variant('overload', async (dir) => {
      await writeFile(join(dir, 'Calendar.csv'), 'key,value\ndays,Mon\n');
      await writeFile(join(dir, 'Fixed.csv'), 'course_id,session,day,period\n');
    });
    const loads = errorsOf(result).filter((e) => /periods a week/.test(e.message));
    // One day of 7 periods. F01 teaches CS201 (3) + CS201L (2) = 5 with max_per_day 4; a lab batch
    // attends its own lab plus its parent's CS201 and CS202 (2 + 3 + 3 = 8); CSE2B has 3 + 3 + 3.
    expect(located(loads)).toEqual([
      [
        'Faculty',
        2,
        undefined,
        'F01 must teach 5 periods a week but only 4 are available (4 a day on at most 1 days (max_per_day, max_days))',
      ],
      [
        'Groups',
        3,
        undefined,
        "Group CSE2A-B1 must attend 8 periods a week (with its parent groups' courses) but only 7 are available",
      ],
      [
        'Groups',
        4,
        undefined,
        "Group CSE2A-B2 must attend 8 periods a week (with its parent groups' courses) but only 7 are available",
      ],
      [
        'Groups',
        5,
        undefined,
        "Group CSE2B must attend 9 periods a week (with its parent groups' courses) but only 7 are available",
      ],
    ]);
  });

  it('rejects an unknown file type, a missing path and an empty folder with a clear error', async () => {
    const ods = join(tmp, 'college.ods');
    await writeFile(ods, 'x');
    expect(errorsOf(await importPath(ods))[0].message).toMatch(/unknown file type "\.ods"/);
    expect(errorsOf(await importPath(join(tmp, 'nope.xlsx')))[0].message).toMatch(/no such file or folder/);
    expect(errorsOf(await importPath(join(CLEAN, 'Rooms.csv')))[0].message).toMatch(
      /a CSV workbook is a folder/,
    );
    await mkdir(join(tmp, 'empty'));
    expect(errorsOf(await importPath(join(tmp, 'empty')))[0].message).toMatch(/holds no \.csv files/);
    const broken = join(tmp, 'broken.xlsx');
    await writeFile(broken, 'not a zip');
    expect(errorsOf(await importPath(broken))[0].message).toMatch(
      /Cannot read "broken.xlsx" as an .xlsx workbook/,
    );
  });
});
