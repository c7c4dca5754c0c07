import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPath } from './index.ts';
import { DATA_DIR, ITC_DIR } from '../../../tests/fixtures/dataDir.ts';

const COMP01 = join(ITC_DIR, 'comp01.ctt');
let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'slotwise-ctt-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('importPath on ITC-2007 files', () => {
  it('imports comp01.ctt as the header describes it', async () => {
    const result = await importPath(COMP01);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const c = result.college;
    // comp01: 30 courses, 160 lectures, 6 rooms, 5 days × 6 periods, 14 curricula.
    expect(result.counts).toMatchObject({ Courses: 30, Rooms: 6, Groups: 14, Periods: 6 });
    expect(c.calendar.days).toHaveLength(5);
    expect(c.courses.reduce((sum, course) => sum + course.sessions, 0)).toBe(160);
    expect(c.rooms.every((r) => r.type === 'lecture')).toBe(true);
    expect(c.source).toEqual({ kind: 'ctt', name: 'comp01.ctt' });
    const unavailable = c.courses.reduce((sum, course) => sum + course.unavailable.length, 0);
    expect(unavailable).toBe(53);
  });

  it('imports the extended .ectt format too', async () => {
    const result = await importPath(join(DATA_DIR, 'udine/Test/toy.ectt'));
    expect(result.ok && result.counts).toMatchObject({ Courses: 4, Rooms: 3 });
  });

  it('reports a broken .ctt as an issue with the line, not an exception', async () => {
    const text = await readFile(COMP01, 'utf8');
    const broken = join(tmp, 'broken.ctt');
    await writeFile(broken, text.replace('Rooms: 6', 'Rooms: six'));
    const result = await importPath(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ file: 'broken.ctt', row: 3, severity: 'error' });
    expect(result.errors[0].message).toMatch(/six/);
  });

  it.each([
    ['Days: 5', 'Days: 10000000', 4, /Days.*10000000.*14 allowed/],
    ['Days: 5', 'Days: 99999999999', 4, /99999999999/],
    ['Periods_per_day: 6', 'Periods_per_day: 99999999999', 5, /Periods_per_day.*96 allowed/],
    ['c0001 t000 6 4 130', 'c0001 t000 1000000000 4 130', 10, /lectures of course "c0001".*30 allowed/],
    ['rB 200', 'rB 99999999999999999999', 0, /capacity of room "rB".*1,000,000,000 allowed/],
  ])('refuses %s -> %s at its line, before building anything', async (from, to, line, message) => {
    const text = await readFile(COMP01, 'utf8');
    expect(text).toContain(from);
    const absurd = join(tmp, 'absurd.ctt');
    await writeFile(absurd, text.replace(from, to));
    const result = await importPath(absurd);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    const expectedLine = line || text.split('\n').findIndex((l) => l.startsWith(from)) + 1;
    expect(result.errors[0]).toMatchObject({ file: 'absurd.ctt', row: expectedLine, severity: 'error' });
    expect(result.errors[0].message).toMatch(message);
  });

  it('refuses a control character (it would end up in an id) at its line', async () => {
    const text = await readFile(COMP01, 'utf8');
    const file = join(tmp, 'control.ctt');
    await writeFile(file, text.replace('rB 200', 'rB\u001c 200'));
    const result = await importPath(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = text.split('\n').findIndex((l) => l.startsWith('rB 200')) + 1;
    expect(result.errors[0]).toMatchObject({ file: 'control.ctt', row: line });
    expect(result.errors[0].message).toMatch(/U\+001C/);
  });
});
