// A workbook whose zip directory is damaged: the fuzz campaign's xlsx case 257 (seed 20261206,
// kept as tests/fixtures/import/damaged/zip-directory.xlsx) has an entry whose name length was
// changed, so its "name" runs into the bytes of the following entries and its size claims 1.7 GB.
// The refusal used to quote those bytes as the part's name; it now names the file and the entry
// and says what to do.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { importPath } from '../index.ts';
import { checkXlsxBounds, readableMessage, readablePartName } from './xlsxGuard.ts';

const FIXTURE = join(import.meta.dirname, '../../../../tests/fixtures/import/damaged/zip-directory.xlsx');
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNREADABLE = /[\u0000-\u001f\u007f-\u009f\ufffd]/;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('a workbook with a damaged zip directory', () => {
  it('is refused with the file, the entry and what to do, never with raw bytes', async () => {
    const result = await importPath(FIXTURE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    const [e] = result.errors;
    expect(e.file).toBe('zip-directory.xlsx');
    expect(e.message).toMatch(
      /^zip-directory\.xlsx is damaged: entry \d+ of the \d+ in its zip directory \(the one after [\w/.[\]-]+\) has no readable part name/,
    );
    expect(e.message).not.toMatch(UNREADABLE);
    expect(e.message.length).toBeLessThan(300);
    expect(e.hint).toMatch(/save it again as Excel Workbook \(\.xlsx\)/);
  });

  it('refuses a part name with control characters before inflating anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotwise-xlsxguard-'));
    dirs.push(dir);
    const file = join(dir, 'Timetable data.xlsx');
    writeFileSync(
      file,
      zipSync({
        '[Content_Types].xml': strToU8('<Types/>'),
        'xl/workbook.xml': strToU8('<workbook/>'),
        'xl/worksheets/\u0001\u0000sheet1.xml': strToU8('<worksheet/>'),
      }),
    );
    await expect(checkXlsxBounds(file)).rejects.toThrow(
      'Timetable data.xlsx is damaged: entry 3 of the 3 in its zip directory (the one after xl/workbook.xml) has no readable part name',
    );
  });

  it('tells readable part names and messages from raw bytes', () => {
    expect(readablePartName('xl/worksheets/sheet1.xml')).toBe(true);
    expect(readablePartName('[Content_Types].xml')).toBe(true);
    expect(readablePartName('xl/\u0000\u000bPK\u0001')).toBe(false);
    expect(readablePartName('')).toBe(false);
    expect(readablePartName('x'.repeat(261))).toBe(false);
    expect(readableMessage('invalid\u0000\u0000 zip\ufffd data\n')).toBe('invalid zip data');
    expect(readableMessage('y'.repeat(400))).toHaveLength(300);
  });
});
