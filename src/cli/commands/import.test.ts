import Sqlite from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { addTimetable, getCollegeRevision, loadCollege, openProject } from '../../main/db/index.ts';
import { importPath } from '../../main/import/index.ts';
import { main } from '../main.ts';
import type { ImportReport } from './import.ts';
import { formatTable } from './import.ts';
import { captureCli } from '../../../tests/fixtures/cliCapture.ts';

const FIXTURES = join(import.meta.dirname, '../../../tests/fixtures/import');
const CLEAN = join(FIXTURES, 'clean');
const MISTAKES = join(FIXTURES, 'mistakes');

const cli = captureCli('slotwise-cli-import-');

const run = (...args: string[]): Promise<number> => main(['import', ...args]);

function jsonReport(): ImportReport {
  return JSON.parse(cli.out.join('\n')) as ImportReport;
}

function withProject<T>(file: string, fn: (db: ReturnType<typeof openProject>) => T): T {
  const db = openProject(file, { create: false });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

describe('slotwise import', () => {
  it('creates the project, stores exactly the imported college and prints counts per sheet', async () => {
    const file = join(cli.dir, 'college.slotwise');
    expect(await run(CLEAN, '--db', file)).toBe(0);
    const expected = await importPath(CLEAN);
    if (!expected.ok) throw new Error('clean fixture must import');
    withProject(file, (db) => expect(loadCollege(db)).toStrictEqual(expected.college));
    const text = cli.out.join('\n');
    expect(text).toMatch(/new project/);
    for (const [sheet, n] of Object.entries(expected.counts))
      expect(text).toMatch(new RegExp(`${sheet}\\s+${n}\\b`));
  });

  it('on bad data lists every located error, exits 1 and leaves the earlier import untouched', async () => {
    const file = join(cli.dir, 'college.slotwise');
    expect(await run(CLEAN, '--db', file)).toBe(0);
    const before = withProject(file, (db) => ({
      college: loadCollege(db),
      revision: getCollegeRevision(db),
    }));
    const bytes = readFileSync(file);

    expect(await run(MISTAKES, '--db', file)).toBe(1);
    const bad = await importPath(MISTAKES);
    if (bad.ok) throw new Error('mistakes fixture must fail');
    const text = cli.err.join('\n');
    expect(text).toMatch(new RegExp(`${bad.errors.length} errors`));
    expect(text).toMatch(/Nothing was saved; .* is unchanged/);
    const lines = text.split('\n');
    for (const e of bad.errors) {
      const row = lines.find(
        (l) =>
          l.includes(e.file) &&
          l.includes(e.sheet) &&
          (e.row === undefined || new RegExp(`\\s${e.row}\\s`).test(l)),
      );
      expect(row, `a table row for ${e.sheet} row ${e.row}`).toBeDefined();
      if (e.column) expect(row).toContain(e.column);
      expect(row).toContain(e.message.split(' ').slice(0, 3).join(' '));
    }

    expect(readFileSync(file).equals(bytes)).toBe(true);
    withProject(file, (db) => {
      expect(loadCollege(db)).toStrictEqual(before.college);
      expect(getCollegeRevision(db)).toBe(before.revision);
    });
  });

  it('creates no project file when the first import fails', async () => {
    const file = join(cli.dir, 'never.slotwise');
    expect(await run(MISTAKES, '--db', file)).toBe(1);
    expect(existsSync(file)).toBe(false);
    expect(cli.err.join('\n')).toMatch(/was not created/);
  });

  it('reports in JSON with --json, on success and on failure', async () => {
    const file = join(cli.dir, 'college.slotwise');
    expect(await run(CLEAN, '--db', file, '--json')).toBe(0);
    const ok = jsonReport();
    const expected = await importPath(CLEAN);
    expect(ok).toMatchObject({ ok: true, created: true, db: file, staleTimetables: 0 });
    if (ok.ok && expected.ok) expect(ok.counts).toEqual(expected.counts);

    cli.out = [];
    expect(await run(MISTAKES, '--db', file, '--json')).toBe(1);
    const failed = jsonReport();
    const bad = await importPath(MISTAKES);
    expect(failed.ok).toBe(false);
    if (!failed.ok && !bad.ok) {
      expect(failed.errors).toEqual(bad.errors);
      expect(failed.warnings).toEqual(bad.warnings);
    }
  });

  it('keeps earlier timetables on a re-import and says they are stale', async () => {
    const file = join(cli.dir, 'college.slotwise');
    await run(CLEAN, '--db', file);
    withProject(file, (db) =>
      addTimetable(db, {
        name: 'first',
        kind: 'solution',
        timetable: { assignments: [] },
        evaluation: { hardTotal: 0, softTotal: 0, hard: {} as never, soft: {} as never },
      }),
    );
    cli.out = [];
    expect(await run(CLEAN, '--db', file, '--json')).toBe(0);
    expect(jsonReport()).toMatchObject({ ok: true, created: false, staleTimetables: 1 });
  });

  it("refuses another program's database and a project name without the extension", async () => {
    const foreign = join(cli.dir, 'other.slotwise');
    const db = new Sqlite(foreign);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const bytes = readFileSync(foreign);
    expect(await run(CLEAN, '--db', foreign)).toBe(1);
    expect(cli.err.join('\n')).toMatch(/not a Slotwise project/);
    expect(readFileSync(foreign).equals(bytes)).toBe(true);

    cli.err = [];
    expect(await run(CLEAN, '--db', join(cli.dir, 'college.db'))).toBe(1);
    expect(cli.err.join('\n')).toMatch(/must end in \.slotwise/);
    expect(existsSync(join(cli.dir, 'college.db'))).toBe(false);

    writeFileSync(join(cli.dir, 'notes.slotwise'), 'hello');
    expect(await run(CLEAN, '--db', join(cli.dir, 'notes.slotwise'))).toBe(1);
    expect(cli.err.join('\n')).toMatch(/not an SQLite database/);
  });

  it('requires --db', async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    expect(await run(CLEAN)).not.toBe(0);
    expect(written.join('')).toMatch(/required option '--db <file>'/);
  });
});

describe('formatTable', () => {
  it('aligns columns, right-aligns numbers and wraps long text at word boundaries', () => {
    const text = formatTable(
      ['Name', 'N', 'Note'],
      [
        ['a', '5', 'short'],
        ['longer', '123', 'one two three four'],
      ],
      [1],
      { 2: 9 },
    );
    expect(text.split('\n')).toEqual([
      '  Name      N  Note',
      '  ------  ---  -------',
      '  a         5  short',
      '  longer  123  one two',
      '               three',
      '               four',
    ]);
  });
});
