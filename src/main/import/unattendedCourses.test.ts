// A course nobody teaches or nobody attends imports (a warning, located), never silently.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importSheets } from './importSheets.ts';
import type { RawSheet } from './rawSheet.ts';
import { parseCsv, readCsvFolder } from './readers/readCsvFolder.ts';

const CLEAN = join(import.meta.dirname, '../../../tests/fixtures/import/clean');
let clean: RawSheet[];
let CLEAN_COURSES = '';
beforeAll(async () => {
  clean = await readCsvFolder(CLEAN);
  // The clean fixture's course rows (OE301 has no groups but enrolled students).
  CLEAN_COURSES = readFileSync(join(CLEAN, 'courses.csv'), 'utf8').trim().split('\n').slice(1).join('\n');
});

const HEAD =
  'course_id,name,department,faculty,groups,sessions,length,room_type,rooms,students,min_days,unavailable\n';

function importCourses(rows: string) {
  const sheets = [
    ...clean.filter((s) => s.name.toLowerCase() !== 'courses'),
    parseCsv('Courses', 'courses.csv', HEAD + rows),
  ];
  return importSheets(sheets, { kind: 'csv', name: 'test', fileFor: (s) => `${s}.csv` });
}

describe('courses without faculty or attendees', () => {
  it('warns with sheet, row and column, and still imports', () => {
    const result = importCourses(
      `${CLEAN_COURSES}\nLIB1,Library hour,CSE,,CSE2A,1,1,lecture,,,,\nGHOST,Unattended,CSE,F02,,2,1,lecture,,,,\n`,
    );
    expect(result.ok).toBe(true);
    const shown = result.warnings.map((w) => `${w.sheet}:${w.row}:${w.column}: ${w.message}`);
    expect(shown).toEqual([
      "Courses:10:faculty: Course LIB1 has no faculty: nobody teaches it, so no teacher's clashes or limits apply to it",
      'Courses:11:groups: Course GHOST has no groups and no enrolled students: nobody attends it, so it clashes with no class',
    ]);
    // OE301 has no groups but enrolled students (Enrollments sheet): nothing to say.
    expect(result.warnings.every((w) => w.hint && w.hint.length > 10)).toBe(true);
  });
});
