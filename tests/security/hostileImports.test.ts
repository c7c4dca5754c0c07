// Inputs that used to be read wrongly in silence, crash, or eat the machine: each is now a located
// error or warning (file, sheet, row, column), a bomb is refused before it is parsed, and an
// import that runs out of memory fails in its worker while this process goes on.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/cli/commands/import.ts';
import { importPath } from '../../src/main/import/index.ts';
import { checkXlsxBounds, XLSX_LIMITS, XlsxLimitError } from '../../src/main/import/readers/xlsxGuard.ts';
import type { ImportIssue, ImportResult } from '../../src/shared/model/index.ts';
import { csvCopy, patchedXlsx, sheetPart } from '../fixtures/import/hostileWorkbooks.ts';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slotwise-hostile-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function errors(r: ImportResult): ImportIssue[] {
  return r.ok ? [] : r.errors;
}

function located(issues: ImportIssue[], sheet: string): ImportIssue {
  const hit = issues.find((i) => i.sheet === sheet && i.row !== undefined && i.column !== undefined);
  if (!hit) throw new Error(`no located issue in ${sheet}: ${JSON.stringify(issues, null, 1)}`);
  return hit;
}

describe('CSV files read wrongly in silence before', () => {
  it('an unclosed quote in Calendar.csv is an error at its row', async () => {
    const folder = csvCopy(join(dir, 'csv'), (f, t) =>
      f === 'Calendar.csv' ? t.replace('days,Mon;Tue;Wed;Thu;Fri', 'days,"Mon;Tue;Wed;Thu;Fri') : t,
    );
    const result = await importPath(folder);
    expect(result.ok).toBe(false);
    const e = errors(result).find((i) => i.sheet === 'Calendar' && /never closed/.test(i.message));
    expect(e).toMatchObject({ file: 'Calendar.csv', row: 3 });
  });

  it('mixed line endings keep every row (Saturday stays a teaching day) and warn', async () => {
    const folder = csvCopy(join(dir, 'csv'), (f, t) =>
      f === 'Calendar.csv'
        ? t.replace('days,Mon;Tue;Wed;Thu;Fri\n', 'days,Mon;Tue;Wed;Thu;Fri;Sat\r').replace(/\n/g, '\r\n')
        : t,
    );
    const result = await importPath(folder);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.college.calendar.days).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
    expect(result.college.calendar.timezone).toBe('Asia/Kolkata');
    expect(result.warnings.find((w) => /line endings/.test(w.message))).toMatchObject({
      file: 'Calendar.csv',
    });
  });

  it('0x10, 1e3 and Infinity are not numbers', async () => {
    const folder = csvCopy(join(dir, 'csv'), (f, t) =>
      f === 'Rooms.csv'
        ? t.replace('R101,Room 101,70', 'R101,Room 101,0x10').replace('R102,Room 102,70', 'R102,Room 102,1e3')
        : t,
    );
    const result = await importPath(folder);
    const rooms = errors(result).filter((i) => i.sheet === 'Rooms');
    expect(rooms.map((i) => [i.row, i.column])).toEqual([
      [2, 'Capacity'],
      [3, 'Capacity'],
    ]);
    expect(rooms[0].message).toMatch(/"0x10" is not a whole number/);
  });

  it('a number above 2^53 and an id over 200 characters are located errors, not importer defects', async () => {
    const long = 'R'.repeat(201);
    const folder = csvCopy(join(dir, 'csv'), (f, t) =>
      f === 'Groups.csv'
        ? t.replace('CSE2B,CSE year 2 section B,60', 'CSE2B,CSE year 2 section B,9007199254740993')
        : f === 'Rooms.csv'
          ? t.replace('LAB2,CS Lab 2', `${long},CS Lab 2`)
          : t,
    );
    const result = await importPath(folder);
    const all = errors(result);
    expect(all.some((i) => /defect/.test(i.message + (i.hint ?? '')))).toBe(false);
    expect(located(all, 'Groups')).toMatchObject({ row: 5, column: 'size' });
    expect(located(all, 'Rooms')).toMatchObject({ row: 6, column: 'Room ID' });
    expect(located(all, 'Rooms').message).toMatch(/201 characters long; at most 200/);
  });

  it('a line break or control character in a name is a located warning and is cleaned', async () => {
    const folder = csvCopy(join(dir, 'csv'), (f, t) =>
      f === 'Faculty.csv' ? t.replace('F02;Teacher Two;', 'F02;"Teacher\r\nBEGIN:VEVENT\u0007Two";') : t,
    );
    const result = await importPath(folder);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const name = result.college.faculty.find((x) => x.id === 'F02')?.name;
    expect(name).toBe('Teacher BEGIN:VEVENTTwo');
    expect(result.warnings.find((w) => /line break or control character/.test(w.message))).toMatchObject({
      sheet: 'Faculty',
      row: 3,
      column: 'name',
    });
  });
});

describe('workbooks that crashed the importer before', () => {
  it('ids that are invalid XML character references are located errors, and no project file is left', async () => {
    const file = await patchedXlsx(join(dir, 'college.xlsx'), (part, xml) =>
      part === 'xl/sharedStrings.xml'
        ? xml.replace('<t>CS201</t>', '<t>&#xD800;</t>').replace('<t>CS203</t>', '<t>&#xD801;</t>')
        : xml,
    );
    const project = join(dir, 'new.slotwise');
    const report = await runImport(file, project);
    expect(report.ok).toBe(false);
    const e = located(report.ok ? [] : report.errors, 'Courses');
    expect(e.message).toMatch(/not valid text/);
    expect(existsSync(project)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('new.slotwise'))).toEqual([]);
  });

  it('one cell at XFD1048576 is refused before parsing, naming the sheet and the cell', async () => {
    const file = await patchedXlsx(join(dir, 'bomb.xlsx'), (part, xml) =>
      part.startsWith('xl/worksheets/') && xml.includes('<v>') ? xml : xml,
    );
    const rooms = sheetPart(file, 'Rooms');
    await patchedXlsx(file, (part, xml) =>
      part === rooms
        ? xml.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')
        : xml,
    );
    const started = Date.now();
    const result = await importPath(file);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.ok).toBe(false);
    const [e] = errors(result);
    expect(e.sheet).toBe('Rooms');
    expect(e.message).toMatch(/reaches cell XFD1048576/);
    expect(e.hint).toMatch(/delete them/);
  });

  it('a sheet whose zip directory understates its size is stopped while inflating', async () => {
    const body = `<sheetData>${'<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(60_000)}</sheetData>`;
    const xml = `<?xml version="1.0"?><worksheet>${body}</worksheet>`;
    const zip = zipSync({
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="Rooms" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(xml),
    });
    // Rewrite the uncompressed size of every entry in the central directory to 100 bytes.
    const bytes = Buffer.from(zip);
    for (let at = bytes.indexOf('PK\u0001\u0002'); at >= 0; at = bytes.indexOf('PK\u0001\u0002', at + 4)) {
      bytes.writeUInt32LE(100, at + 24);
    }
    const file = join(dir, 'liar.xlsx');
    writeFileSync(file, bytes);
    const limits = { ...XLSX_LIMITS, partBytes: 1024 * 1024 };
    await expect(checkXlsxBounds(file, limits)).rejects.toBeInstanceOf(XlsxLimitError);
    await expect(checkXlsxBounds(file, limits)).rejects.toThrow(/expands to more than 1 MB/);
  });

  it('a sheet that expands past the bound is refused from the zip directory', async () => {
    const file = await patchedXlsx(join(dir, 'big.xlsx'), (part, xml) => xml);
    const limits = { ...XLSX_LIMITS, partBytes: 1000 };
    await expect(checkXlsxBounds(file, limits)).rejects.toThrow(/expands to .*a part may be at most/);
  });
});

describe('the import worker', () => {
  it('an import that needs more memory than allowed fails cleanly; this process lives on', async () => {
    const folder = csvCopy(join(dir, 'csv'));
    const rows = Array.from({ length: 400_000 }, (_, i) => `S${i},Student ${i},CSE2A;CSE2A-B1`).join('\n');
    writeFileSync(join(folder, 'Students.csv'), `student_id,name,groups\n${rows}\n`);
    const result = await importPath(folder, { heapMb: 48 });
    expect(result.ok).toBe(false);
    expect(errors(result)[0].message).toMatch(/needed more than the 48 MB an import may use/);
    // and the same folder imports with the default cap
    const ok = await importPath(folder);
    expect(errors(ok).filter((e) => !/Enrollments|student/i.test(e.message))).toEqual([]);
    expect(readFileSync(join(folder, 'Students.csv')).length).toBeGreaterThan(1e6);
  }, 120_000);
});
