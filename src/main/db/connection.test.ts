import Sqlite from 'better-sqlite3';
import {
  existsSync,
  openSync,
  readFileSync,
  readdirSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, openProject } from './connection.ts';
import { loadCollege, saveCollege } from './collegeRepo.ts';
import { backupProject, KEEP_BACKUPS, listBackups } from './backups.ts';
import { migrate } from './migrate.ts';
import { LATEST_VERSION } from './migrations/index.ts';
import { ProjectFileError } from './ProjectFileError.ts';
import { richCollege } from './testing/richCollege.ts';
import type { College } from '../../shared/model/types.ts';
import { useTempDir } from './testing/tempDir.ts';

const tmp = useTempDir();

function openError(path: string, opts?: Parameters<typeof openProject>[1]): ProjectFileError {
  try {
    openProject(path, opts).close();
  } catch (err) {
    if (err instanceof ProjectFileError) return err;
    throw err;
  }
  throw new Error('expected openProject to fail');
}

/** Opens `path` expecting refusal with `code`, and checks the file's bytes did not change. */
function expectRefusedUnchanged(
  path: string,
  code: ProjectFileError['code'],
  opts?: Parameters<typeof openProject>[1],
): ProjectFileError {
  const before = readFileSync(path);
  const err = openError(path, opts);
  expect(err.code).toBe(code);
  expect(readFileSync(path).equals(before)).toBe(true);
  return err;
}

function makeProject(path: string): void {
  const db = openProject(path);
  saveCollege(db, richCollege());
  db.close();
}

describe('openProject', () => {
  it('creates a marked, migrated project in WAL mode with the safety pragmas on', () => {
    const file = join(tmp(), 'p.slotwise');
    const db = openProject(file);
    try {
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      db.close();
    }
    // The mark is in the main file's header itself, not only in the WAL.
    expect(readFileSync(file).readUInt32BE(68)).toBe(APPLICATION_ID);
  });

  it('reopens an existing project with its data, without making a backup when no upgrade is due', () => {
    const file = join(tmp(), 'p.slotwise');
    makeProject(file);
    const db = openProject(file, { create: false });
    expect(loadCollege(db)).toStrictEqual(richCollege());
    db.close();
    expect(listBackups(file)).toEqual([]);
  });

  it('refuses a missing file when create is false or readonly, and creates nothing', () => {
    const file = join(tmp(), 'missing.slotwise');
    expect(openError(file, { create: false }).code).toBe('not_found');
    expect(openError(file, { readonly: true }).code).toBe('not_found');
    expect(existsSync(file)).toBe(false);
  });

  it('explains a folder given as the project, and a missing folder for a new project', () => {
    expect(openError(tmp()).message).toMatch(/is a folder/);
    const err = openError(join(tmp(), 'no', 'such', 'p.slotwise'));
    expect(err.code).toBe('cannot_open');
    expect(err.message).toMatch(/does not exist/);
  });

  it('lets two connections share one file: writes are seen by both and nothing is migrated twice', () => {
    const file = join(tmp(), 'shared.slotwise');
    const a = openProject(file);
    const b = openProject(file);
    saveCollege(a, richCollege());
    expect(loadCollege(b)).toStrictEqual(richCollege());
    expect(migrate(b)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION });
    a.close();
    b.close();
  });

  it('refuses a file that is not SQLite, and an empty file, leaving them unchanged', () => {
    const text = join(tmp(), 'notes.slotwise');
    writeFileSync(text, 'room_id,name,capacity\nR1,Hall,60\n'.repeat(20));
    expect(expectRefusedUnchanged(text, 'not_sqlite').message).toMatch(/not a Slotwise project/);
    const empty = join(tmp(), 'empty.slotwise');
    writeFileSync(empty, '');
    expect(expectRefusedUnchanged(empty, 'not_sqlite').message).toMatch(/empty/);
  });

  it("refuses another program's SQLite database and never modifies it", () => {
    const file = join(tmp(), 'other.db');
    const other = new Sqlite(file);
    other.exec("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('keep me');");
    other.close();
    const err = expectRefusedUnchanged(file, 'foreign');
    expect(err.message).toMatch(/another program/);
    const check = new Sqlite(file, { readonly: true });
    expect(check.prepare('SELECT count(*) AS n FROM sqlite_master').get()).toEqual({ n: 1 });
    check.close();
  });

  it('refuses a project created by a newer Slotwise, leaving it unchanged', () => {
    const file = join(tmp(), 'future.slotwise');
    makeProject(file);
    const raw = new Sqlite(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const err = expectRefusedUnchanged(file, 'too_new');
    expect(err.message).toMatch(/newer Slotwise/);
  });

  it('refuses a damaged file with a clear error and leaves it byte-for-byte unchanged', () => {
    const file = join(tmp(), 'damaged.slotwise');
    makeProject(file);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(64, 0xee), 0, 64, 4096 * 4);
    closeSync(fd);
    const err = expectRefusedUnchanged(file, 'corrupt');
    expect(err.message).toMatch(/damaged/);
  });

  it('opens read-only without writing and refuses writes', () => {
    const file = join(tmp(), 'p.slotwise');
    makeProject(file);
    const db = openProject(file, { readonly: true });
    expect(loadCollege(db)?.courses.length).toBe(richCollege().courses.length);
    expect(() => saveCollege(db, richCollege())).toThrow(/readonly/);
    db.close();
  });

  it('backs the file up before upgrading an older schema, then upgrades it', () => {
    const file = join(tmp(), 'old.slotwise');
    const old = new Sqlite(file);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.pragma('journal_mode = WAL');
    // A file of the previous version: the college saved, then the latest migration's columns taken
    // away again (the repository writes the latest columns only).
    migrate(old);
    const college = withoutLatestColumns(richCollege());
    saveCollege(old, college);
    old.exec('ALTER TABLE rules DROP COLUMN parts;');
    old.pragma(`user_version = ${LATEST_VERSION - 1}`);
    old.close();

    const db = openProject(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(loadCollege(db)).toStrictEqual(college);
    db.close();

    const backups = listBackups(file);
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(new RegExp(`before-v${LATEST_VERSION}\\.slotwise$`));
    const copy = new Sqlite(backups[0], { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_VERSION - 1);
    expect(copy.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(copy.prepare('SELECT count(*) AS n FROM courses').get()).toEqual({
      n: richCollege().courses.length,
    });
    copy.close();
  });

  it('refuses read-only access to a project that needs an upgrade', () => {
    const file = join(tmp(), 'old.slotwise');
    const old = new Sqlite(file);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(old, undefined, 1);
    old.close();
    expect(expectRefusedUnchanged(file, 'needs_upgrade', { readonly: true }).message).toMatch(
      /older Slotwise/,
    );
  });
});

describe('backupProject', () => {
  it('writes an openable copy with the same data and keeps only the newest backups', async () => {
    const file = join(tmp(), 'p.slotwise');
    makeProject(file);
    const db = openProject(file);
    const first = await backupProject(db);
    const copy = openProject(first, { create: false });
    expect(loadCollege(copy)).toStrictEqual(richCollege());
    copy.close();
    for (let i = 0; i < KEEP_BACKUPS + 2; i++) await backupProject(db);
    db.close();
    const kept = listBackups(file);
    expect(kept).toHaveLength(KEEP_BACKUPS);
    expect(kept).not.toContain(first);
    expect(readdirSync(`${file}.backups`).filter((f) => f.endsWith('.slotwise'))).toHaveLength(KEEP_BACKUPS);
  });

  it('writes to a chosen folder', async () => {
    const file = join(tmp(), 'p.slotwise');
    const db = openProject(file);
    const out = await backupProject(db, join(tmp(), 'elsewhere'));
    db.close();
    expect(out.startsWith(join(tmp(), 'elsewhere'))).toBe(true);
    expect(existsSync(out)).toBe(true);
  });
});

/** The college without the fields that the latest migration (011_building_changes) added columns for. */
function withoutLatestColumns(college: College): College {
  return { ...college, rules: college.rules.map(({ parts: _p, ...r }) => r) };
}
