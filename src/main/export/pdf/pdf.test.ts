// The PDFs read back with poppler's pdftotext/pdfinfo (Debian package poppler-utils): one page per
// entity after the contents, each entity's sessions on its own page, Unicode names intact.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallCollege, smallTimetable } from '../../../../tests/export/smallCollege.ts';
import { exportTimetable } from '../index.ts';
import { resolveSessions } from '../sessions.ts';
import { viewEntities } from '../views.ts';

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
if (!poppler)
  console.warn('PDF tests skipped: pdftotext not found (install the Debian package poppler-utils).');

const pageCount = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
const pageText = (file: string, page: number) =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], {
    encoding: 'utf8',
  });

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slotwise-pdf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!poppler)('PDF export', () => {
  it('writes a booklet per view (contents + one page per entity) and the department overview', async () => {
    const college = smallCollege();
    const out = join(dir, 'all');
    const result = await exportTimetable('pdf', college, smallTimetable(), {
      out,
      generatedAt: new Date('2026-02-01T09:30:00Z'),
    });
    expect((await readdir(out)).sort()).toEqual([
      'departments.pdf',
      'faculty.pdf',
      'groups.pdf',
      'rooms.pdf',
    ]);
    expect(pageCount(join(out, 'groups.pdf'))).toBe(1 + college.groups.length);
    expect(pageCount(join(out, 'faculty.pdf'))).toBe(1 + college.faculty.length);
    expect(pageCount(join(out, 'rooms.pdf'))).toBe(1 + college.rooms.length);
    expect(pageCount(join(out, 'departments.pdf'))).toBe(
      new Set(college.groups.map((g) => g.department)).size,
    );
    expect(result.pages).toBe(
      2 + 3 * 1 + college.groups.length + college.faculty.length + college.rooms.length,
    );

    const footer = pageText(join(out, 'groups.pdf'), 2);
    expect(footer).toContain('Generated on 2026-02-01 10:30 (Europe/Berlin)');
    expect(footer).toContain('Page 2 of 5');
    expect(footer).toContain('Śrī Vidyā College of Engineering');
    expect(footer).toContain('Term 2026-03-02 to 2026-04-10');
  });

  it.each(['group', 'faculty', 'room'] as const)(
    'shows every session of each %s on its own page',
    async (view) => {
      const college = smallCollege();
      const timetable = smallTimetable();
      const out = join(dir, view);
      await exportTimetable('pdf', college, timetable, { out, view });
      const file = join(out, `${view === 'group' ? 'groups' : view === 'room' ? 'rooms' : 'faculty'}.pdf`);
      const entities = viewEntities(college, resolveSessions(college, timetable), view);
      const contents = pageText(file, 1);
      entities.forEach((entity, i) => {
        expect(contents).toMatch(new RegExp(`\\b${i + 2}\\s+${entity.id}\\b`));
        const text = pageText(file, i + 2);
        expect(text).toContain(entity.id);
        for (const s of entity.sessions) {
          expect(text).toContain(s.courseId);
          expect(text).toContain(s.courseName);
          expect(text).toContain(`Room ${s.roomId}`);
          for (const f of s.faculty) expect(text).toContain(college.faculty.find((x) => x.id === f)?.name);
        }
        const count = (text.match(/Room (R|LAB)\d+/g) ?? []).length;
        const heading = view === 'room' ? 1 : 0; // a room's page is headed "Room <id>"
        expect(count, `${entity.id}: cards on the page`).toBe(entity.sessions.length + heading);
      });
    },
  );

  it('keeps only the entities asked for and shows unplaced sessions', async () => {
    const college = smallCollege();
    const timetable = smallTimetable();
    timetable.assignments[0] = { ...timetable.assignments[0], day: null, period: null, roomId: null };
    const out = join(dir, 'only');
    await exportTimetable('pdf', college, timetable, { out, only: ['CSE2A', 'F3'] });
    expect((await readdir(out)).sort()).toEqual(['departments.pdf', 'faculty.pdf', 'groups.pdf']);
    expect(pageCount(join(out, 'groups.pdf'))).toBe(2);
    expect(pageText(join(out, 'groups.pdf'), 2)).toContain('Not placed yet (1): CS201 #1');
    expect(pageText(join(out, 'faculty.pdf'), 2)).toContain('Anna Müller');
  });
});
