// The XLSX read back with read-excel-file (an independent reader), and the full round trip: the
// exported Timetable sheet pasted as a workbook's Fixed sheet imports as exactly the timetable.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import readXlsxFile, { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallCollege, smallTimetable } from '../../../../tests/export/smallCollege.ts';
import type { College, Timetable } from '../../../shared/model/index.ts';
import { generateCollege } from '../../generate/index.ts';
import { importPath } from '../../import/index.ts';
import { writeWorkbookXlsx } from '../../workbook/index.ts';
import { FLAT_COLUMNS } from '../flatRows.ts';
import { exportTimetable } from '../index.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slotwise-xlsx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Placed = { courseId: string; session: number; day: number; period: number; roomId: string | null };
const key = (p: Placed) => `${p.courseId}#${p.session}`;
const sorted = (list: Placed[]) => [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

function placedOf(timetable: Timetable): Placed[] {
  return sorted(
    timetable.assignments
      .filter((a) => a.day !== null && a.period !== null)
      .map((a) => ({
        courseId: a.courseId,
        session: a.session,
        day: a.day ?? -1,
        period: a.period ?? -1,
        roomId: a.roomId,
      })),
  );
}

async function timetableSheet(file: string, college: College): Promise<Placed[]> {
  const rows = await readSheet(file, 'Timetable');
  expect(rows[0]).toEqual([...FLAT_COLUMNS]);
  return sorted(
    rows.slice(1).map((r) => ({
      courseId: String(r[0]),
      session: Number(r[1]),
      day: college.calendar.days.indexOf(String(r[2])),
      period: college.periods.findIndex((p) => p.label === String(r[3])),
      roomId: r[5] === null ? null : String(r[5]),
    })),
  );
}

describe('XLSX export', () => {
  it('writes a sheet per view and a Timetable sheet that reads back as the timetable', async () => {
    const college = smallCollege();
    const timetable = smallTimetable();
    const out = join(dir, 'small.xlsx');
    const result = await exportTimetable('xlsx', college, timetable, { out });
    expect(result.count).toBe(4);
    const sheets = await readXlsxFile(out);
    expect(sheets.map((s) => s.sheet)).toEqual(['Student groups', 'Faculty', 'Rooms', 'Timetable']);
    expect(await timetableSheet(out, college)).toEqual(placedOf(timetable));

    const groups = sheets[0].data.map((row) => row.map((c) => (c === null ? '' : String(c))));
    const title = groups.findIndex((row) => row[0] === 'Group CSE2A-B1');
    expect(groups[title + 1]).toEqual([
      'Day',
      ...college.periods.map((p) => `${p.label} ${p.start}-${p.end}`),
    ]);
    const tuesday = groups[title + 3];
    expect(tuesday[0]).toBe('Tue');
    expect(tuesday[5]).toBe('CS201L Data Structures Lab\nNguyễn Văn An\nLAB1 · CSE2A-B1');
    expect(tuesday[6]).toBe('(CS201L continued)');
  });

  it('round-trips through the import: the Timetable sheet as Fixed pins exactly the timetable', async () => {
    const { college: generated, planted } = generateCollege('small', 7);
    const college: College = { ...generated, fixed: [] };
    const exported = join(dir, 'generated.xlsx');
    await exportTimetable('xlsx', college, planted, { out: exported, view: 'room' });

    const workbookFile = join(dir, 'college.xlsx');
    await writeWorkbookXlsx(college, workbookFile);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(workbookFile);
    const existing = workbook.getWorksheet('Fixed');
    if (existing) workbook.removeWorksheet(existing.id);
    workbook.addWorksheet('Fixed').addRows(await readSheet(exported, 'Timetable'));
    const withFixed = join(dir, 'college-fixed.xlsx');
    await workbook.xlsx.writeFile(withFixed);

    const imported = await importPath(withFixed);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors.slice(0, 5)));
    const fixed = sorted(imported.college.fixed.map((f) => ({ ...f, roomId: f.roomId ?? null })));
    expect(fixed).toEqual(placedOf(planted));
    expect(fixed.length).toBeGreaterThan(100);
  });
});
