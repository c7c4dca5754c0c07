// The department overview keeps course codes readable: read back with poppler's pdftotext -bbox,
// every code in a cell is a whole word (never "ECE2…"), on one line or split in two.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collegeSchema, timetableSchema } from '../../../shared/model/index.ts';
import type { College, Timetable } from '../../../shared/model/index.ts';
import { exportTimetable } from '../index.ts';
import { pageChunks, shortCode, splitTwo } from './departmentCells.ts';

function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const poppler = hasPoppler();
if (!poppler && process.env['SLOTWISE_REQUIRE_PDFTOOLS'] === '1')
  throw new Error('pdftotext not found: install the Debian package poppler-utils (CI requires it).');

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slotwise-dept-'));
});
afterAll(async () => {
  if (!process.env.KEEP_PDF) await rm(dir, { recursive: true, force: true });
});

/** A six-day, eight-period week; 12 (or n) ECE groups with 10 four-session courses each named `<code>-<group>`. */
function department(
  code: (g: number, c: number) => string,
  nGroups = 12,
): { college: College; timetable: Timetable } {
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const periods = Array.from({ length: 8 }, (_, p) => ({
    label: String(p + 1),
    start: `${String(9 + p).padStart(2, '0')}:00`,
    end: `${String(10 + p).padStart(2, '0')}:00`,
  }));
  const groups = Array.from({ length: nGroups }, (_, g) => ({
    id: `ECE${1 + Math.floor(g / 4)}${'ABCD'[g % 4]}`,
    name: `Group ${g}`,
    size: 30,
    department: 'ECE',
  }));
  const courses = groups.flatMap((g, gi) =>
    Array.from({ length: 10 }, (_, c) => ({
      id: `${code(gi, c)}-${g.id}`,
      name: `Course ${c}`,
      department: 'ECE',
      faculty: [`F${gi}`],
      groups: [g.id],
      sessions: 4,
    })),
  );
  const college = collegeSchema.parse({
    calendar: { days },
    periods,
    rooms: groups.map((_, i) => ({ id: `R${i}`, name: `Room ${i}`, capacity: 60 })),
    faculty: groups.map((_, i) => ({ id: `F${i}`, name: `Teacher ${i}`, department: 'ECE' })),
    groups,
    courses,
  });
  const assignments = courses.flatMap((c, ci) => {
    const gi = Math.floor(ci / 10);
    const k = ci % 10;
    return Array.from({ length: 4 }, (_, s) => {
      const slot = k * 4 + s; // 40 of the 48 slots of the week
      return {
        courseId: c.id,
        session: s + 1,
        day: Math.floor(slot / 8),
        period: slot % 8,
        roomId: `R${gi}`,
        locked: false,
      };
    });
  });
  return { college, timetable: timetableSchema.parse({ assignments }) };
}

/** The words of the department page with poppler (each placed text run is one or more words). */
function words(file: string): string[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((m) => m[1]);
}

describe('department overview codes', () => {
  it('drops the group id a code ends with, and splits at a sensible place', () => {
    expect(shortCode('MA101-CSE1A', ['CSE1A'])).toBe('MA101');
    expect(shortCode('CS201L-CSE2A-B1', ['CSE2A-B1', 'CSE2A'])).toBe('CS201L');
    expect(shortCode('OE301', ['CSE2A'])).toBe('OE301');
    expect(shortCode('CSE1A', ['CSE1A'])).toBe('CSE1A');
    expect(splitTwo('ELECTRONICS2101')).toEqual(['ELECTRONICS', '2101']);
    expect(splitTwo('CS201L/CS202L')).toEqual(['CS201L/', 'CS202L']);
    expect(pageChunks([1, 2, 3, 4, 5], 2).map((c) => c.length)).toEqual([2, 2, 1]);
    expect(
      pageChunks(
        Array.from({ length: 125 }, (_, i) => i),
        63,
      ).map((c) => c.length),
    ).toEqual([63, 62]);
  });

  it.skipIf(!poppler)('shows every code whole on a full six-day week (no "ECE2…")', async () => {
    const { college, timetable } = department((g, c) => `ECE${2101 + g * 10 + c}`);
    const out = join(dir, 'short');
    await exportTimetable('pdf', college, timetable, { out, view: 'group' });
    const found = new Set(words(join(out, 'departments.pdf')));
    for (const c of college.courses) expect(found, c.id).toContain(c.id.replace(/-ECE\d[A-D]$/, ''));
    expect([...found].filter((w) => w.includes('…'))).toEqual([]);
  });

  it.skipIf(!poppler)('puts long codes on two lines rather than cutting them', async () => {
    const { college, timetable } = department((g, c) => `EEE${2101 + g * 10 + c}LAB`);
    const out = join(dir, 'long');
    await exportTimetable('pdf', college, timetable, { out, view: 'group' });
    const found = words(join(out, 'departments.pdf'));
    expect(found.filter((w) => w.includes('…'))).toEqual([]);
    // "EEE2101LAB" is too wide for one legible line in a 48-slot week: "EEE" over "2101LAB".
    expect(found.filter((w) => w === 'EEE').length).toBe(12 * 40);
    for (const c of college.courses) expect(found, c.id).toContain(/EEE(\d+LAB)/.exec(c.id)?.[1]);
  });
});

describe('a big department', () => {
  it.skipIf(!poppler).each([
    ['short', (g: number, c: number) => `ECE${2101 + g * 10 + c}`],
    ['two-line', (g: number, c: number) => `EEE${2101 + g * 10 + c}LAB`],
  ])('continues on a second sheet rather than shrinking rows past reading (%s codes)', async (kind, code) => {
    const { college, timetable } = department(code, 100);
    const out = join(dir, `big-${kind}`);
    await exportTimetable('pdf', college, timetable, { out, view: 'group' });
    const file = join(out, 'departments.pdf');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(/Pages:\s+(\d+)/.exec(info)?.[1]).toBe('2');
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', file, '-'], {
      encoding: 'utf8',
    });
    expect(first).toMatch(/Department ECE \(1 of 2\)\s+groups 1.50 of 100/);
    const found = new Set(words(file));
    expect([...found].filter((w) => w.includes('…'))).toEqual([]);
    for (const c of college.courses) {
      const short = c.id.replace(/-ECE\d+[A-D]$/, '');
      // Whole on one line, or "EEE" over "2101LAB".
      expect(found.has(short) || found.has(short.replace(/^EEE/, '')), c.id).toBe(true);
    }
  });
});
