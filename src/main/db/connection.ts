// The one owner of a project's SQLite connection. A project is one file (`*.slotwise`) that
// Slotwise marks with its own application id; opening checks the mark, the file's integrity and
// its schema version before anything is written, backs the file up, then runs pending migrations.
import Sqlite from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { backupBeforeMigration } from './backups.ts';
import { getSchemaVersion, migrate } from './migrate.ts';
import { LATEST_VERSION } from './migrations/index.ts';
import { ProjectFileError } from './ProjectFileError.ts';

/** `PRAGMA application_id` of every Slotwise project: 'SLWS'. */
export const APPLICATION_ID = 0x534c5753;
export const PROJECT_EXTENSION = '.slotwise';
const SQLITE_MAGIC = 'SQLite format 3\0';

export interface OpenProjectOptions {
  /** Create the file when it is missing (default true; never with `readonly`). */
  create?: boolean;
  /** Open without writing; a file that needs a schema upgrade is then refused. */
  readonly?: boolean;
  /** How long to wait for another connection's lock, in ms (default 5000). */
  busyTimeoutMs?: number;
  /** Where the pre-migration backup goes (default `<file>.backups/`). */
  backupDir?: string;
}

/** Opens (or creates) a project database, migrated to the latest schema. */
export function openProject(path: string, opts: OpenProjectOptions = {}): Database {
  const timeout = opts.busyTimeoutMs ?? 5000;
  if (path === ':memory:') {
    const db = new Sqlite(':memory:', { timeout });
    initializeNew(db);
    return db;
  }
  if (!existsSync(path)) {
    if (opts.readonly || opts.create === false) {
      throw new ProjectFileError(
        'not_found',
        path,
        `No project file at ${path}. Check the path, or import data to create it.`,
      );
    }
    return createProject(path, timeout);
  }
  checkHeader(path);
  const version = verifyReadonly(path, timeout);
  const db = openSqlite(path, { readonly: opts.readonly ?? false, fileMustExist: true, timeout });
  try {
    configure(db);
    if (version < LATEST_VERSION) {
      if (opts.readonly) {
        throw new ProjectFileError(
          'needs_upgrade',
          path,
          `${path} was made by an older Slotwise (schema ${version}, now ${LATEST_VERSION}); open it once read-write to upgrade it.`,
        );
      }
      if (version > 0) backupBeforeMigration(db, path, version, opts.backupDir);
      migrate(db);
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function openSqlite(path: string, options: Sqlite.Options): Database {
  try {
    return new Sqlite(path, options);
  } catch (err) {
    throw new ProjectFileError('cannot_open', path, `Cannot open ${path}: ${messageOf(err)}`, { cause: err });
  }
}

function configure(db: Database): void {
  if (!db.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
}

function initializeNew(db: Database): void {
  // Set before WAL so the mark lands in the main file's header at once.
  db.pragma(`application_id = ${APPLICATION_ID}`);
  configure(db);
  migrate(db);
}

function createProject(path: string, timeout: number): Database {
  if (!existsSync(dirname(resolve(path)))) {
    throw new ProjectFileError(
      'cannot_open',
      path,
      `Cannot create ${path}: the folder ${dirname(resolve(path))} does not exist.`,
    );
  }
  const db = openSqlite(path, { timeout });
  try {
    initializeNew(db);
    return db;
  } catch (err) {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    throw err;
  }
}

/** Refuses a non-SQLite file or another program's SQLite file from its first 100 bytes, without SQLite. */
function checkHeader(path: string): void {
  const header = Buffer.alloc(100);
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new Error('it is a folder, not a project file');
    size = stats.size;
    const fd = openSync(path, 'r');
    try {
      readSync(fd, header, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    throw new ProjectFileError('cannot_open', path, `Cannot open ${path}: ${messageOf(err)}`, { cause: err });
  }
  if (size < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new ProjectFileError(
      'not_sqlite',
      path,
      `${path} is not a Slotwise project (it is not an SQLite database${size === 0 ? '; the file is empty' : ''}). It was left unchanged.`,
    );
  }
  const appId = header.readUInt32BE(68);
  if (appId !== APPLICATION_ID) {
    throw new ProjectFileError(
      'foreign',
      path,
      `${path} is an SQLite database of another program (application id 0x${appId.toString(16)}), not a Slotwise project. It was left unchanged.`,
    );
  }
}

/** Checks the mark, integrity and schema version on a read-only connection; returns the version. */
function verifyReadonly(path: string, timeout: number): number {
  const db = openSqlite(path, { readonly: true, fileMustExist: true, timeout });
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID) {
      throw new ProjectFileError(
        'foreign',
        path,
        `${path} is not a Slotwise project. It was left unchanged.`,
      );
    }
    const problems = (db.pragma('integrity_check(20)') as Array<{ integrity_check: string }>).map(
      (r) => r.integrity_check,
    );
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw corrupt(path, problems.join('; '));
    }
    const version = getSchemaVersion(db);
    if (version > LATEST_VERSION) {
      throw new ProjectFileError(
        'too_new',
        path,
        `${path} was created by a newer Slotwise (schema ${version}; this version knows up to ${LATEST_VERSION}). Update Slotwise to open it. The file was left unchanged.`,
      );
    }
    return version;
  } catch (err) {
    if (err instanceof ProjectFileError) throw err;
    throw corrupt(path, messageOf(err), err);
  } finally {
    db.close();
  }
}

function corrupt(path: string, detail: string, cause?: unknown): ProjectFileError {
  return new ProjectFileError(
    'corrupt',
    path,
    `${path} is damaged and cannot be opened (${detail}). It was left unchanged; restore a copy from ${path}.backups/ or re-import the workbook.`,
    { cause },
  );
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
