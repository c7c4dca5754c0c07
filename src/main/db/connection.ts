// The one owner of a project's SQLite connection. A project is one file (`*.slotwise`) that
// Slotwise marks with its own application id; opening checks the file (projectCheck.ts: header,
// integrity, schema, JSON cells) on a read-only connection before anything is written, marks the
// project in use (projectLock.ts), backs the file up, then runs pending migrations. A new project
// is made under a temporary name and renamed into place once set up, so an interrupted creation
// leaves no file behind.
import Sqlite from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { backupBeforeMigration } from './backups.ts';
import { migrate } from './migrate.ts';
import { LATEST_VERSION } from './migrations/index.ts';
import { APPLICATION_ID, checkContents, checkHeader, damaged, messageOf } from './projectCheck.ts';
import { holdWhileOpen, lockExclusive, lockPathOf, lockShared, type ProjectLock } from './projectLock.ts';
import { ProjectFileError } from './ProjectFileError.ts';

export { APPLICATION_ID } from './projectCheck.ts';
export const PROJECT_EXTENSION = '.slotwise';
const SIDECARS = ['-wal', '-shm', '-journal'];

export interface OpenProjectOptions {
  /** Create the file when it is missing (default true; never with `readonly`). */
  create?: boolean;
  /** Open without writing; a file that needs a schema upgrade is then refused. */
  readonly?: boolean;
  /** How long to wait for another connection's lock, in ms (default 5000). */
  busyTimeoutMs?: number;
  /** Where the pre-migration backup goes (default `<file>.backups/`). */
  backupDir?: string;
  /**
   * Mark the project in use while the connection is open (default true), so that a restore
   * refuses meanwhile. Only the restore itself opens without it.
   */
  lock?: boolean;
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
    createProject(path, timeout);
  }
  checkHeader(path);
  const locking = opts.lock !== false;
  const lockExisted = existsSync(lockPathOf(path));
  const lock: ProjectLock = locking ? lockShared(path) : { release: () => {} };
  const sidecars = SIDECARS.filter((s) => existsSync(path + s));
  let version: number;
  let db: Database;
  try {
    version = verifyReadonly(path, timeout);
    db = openSqlite(path, { readonly: opts.readonly ?? false, fileMustExist: true, timeout });
  } catch (err) {
    lock.release();
    // Nothing is left beside a refused file: the -wal/-shm the check made, the lock file.
    const made = SIDECARS.filter((s) => !sidecars.includes(s));
    if (locking && made.length > 0) removeSidecarsIfUnused(path, made);
    if (locking && !lockExisted) removeLockIfUnused(path);
    throw err;
  }
  holdWhileOpen(db, lock, () => {
    if (locking && db.readonly) removeSidecarsIfUnused(path);
  });
  try {
    if (db.readonly && !opts.readonly) {
      throw new ProjectFileError(
        'read_only',
        path,
        `${path} can only be read (check the file's permissions, or copy it to a folder you can write to). It was left unchanged.`,
      );
    }
    configure(db);
    if (version < LATEST_VERSION) {
      if (opts.readonly) {
        throw new ProjectFileError(
          'needs_upgrade',
          path,
          `${path} was made by an older Slotwise (schema ${version}, now ${LATEST_VERSION}); open it once read-write to upgrade it.`,
        );
      }
      backupBeforeMigration(db, path, version, opts.backupDir);
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

/** Makes a new, empty project at `path` (set up under a temporary name, then linked into place). */
function createProject(path: string, timeout: number): void {
  const target = resolve(path);
  if (!existsSync(dirname(target))) {
    throw new ProjectFileError(
      'cannot_open',
      path,
      `Cannot create ${path}: the folder ${dirname(target)} does not exist.`,
    );
  }
  const temp = `${target}.creating-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const db = openSqlite(temp, { timeout });
    try {
      initializeNew(db);
    } finally {
      db.close();
    }
    try {
      linkSync(temp, target); // never replaces a project another process created meanwhile
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  } catch (err) {
    if (err instanceof ProjectFileError) throw err;
    throw new ProjectFileError('cannot_open', path, `Cannot create ${path}: ${messageOf(err)}`, {
      cause: err,
    });
  } finally {
    for (const suffix of ['', ...SIDECARS]) rmSync(temp + suffix, { force: true });
  }
}

/** Checks the file on a read-only connection (projectCheck.ts); returns its schema version. */
function verifyReadonly(path: string, timeout: number): number {
  let db: Database | null = null;
  try {
    db = openSqlite(path, { readonly: true, fileMustExist: true, timeout });
    return checkContents(db, path);
  } catch (err) {
    if (err instanceof ProjectFileError) throw err;
    throw damaged(path, messageOf(err), err);
  } finally {
    db?.close();
  }
}

/**
 * A read-only connection leaves SQLite's -wal/-shm files behind (only a writer removes them). When
 * no other connection has the project open and the log holds nothing, they are removed.
 */
function removeSidecarsIfUnused(path: string, which: readonly string[] = ['-wal', '-shm']): void {
  const probe = lockExclusive(path);
  if (!probe) return;
  try {
    const wal = `${path}-wal`;
    if (existsSync(wal) && statSync(wal).size > 0) return;
    for (const s of which) rmSync(path + s, { force: true });
  } catch {
    // litter at worst
  } finally {
    probe.release();
  }
}

/** The lock file made for a file that was then refused goes again, unless someone holds it. */
function removeLockIfUnused(path: string): void {
  const probe = lockExclusive(path);
  if (!probe) return;
  probe.release();
  rmSync(lockPathOf(path), { force: true });
}
