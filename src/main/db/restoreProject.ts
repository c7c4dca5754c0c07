// Restoring a project file from one of its backups. The backup must pass the same checks as any
// project that is opened (projectCheck.ts), and its rows must hold together (no foreign key to a
// missing row, every id the college names present); the project must not be in use
// (projectLock.ts: the app, a CLI command or a solve job has it open); the current file is backed
// up (or, when it cannot be opened, copied as it is) and then replaced in one rename, so the
// project is either the old file or the restored one, never a mix.
import Sqlite from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { backupProject, defaultBackupDir, pruneBackups } from './backups.ts';
import { loadCollege } from './collegeRepo.ts';
import { openProject } from './connection.ts';
import { lockExclusive } from './projectLock.ts';
import { ProjectFileError } from './ProjectFileError.ts';

export interface RestoreOptions {
  /** Where the copy of the current file goes (default `<file>.backups/`). */
  backupDir?: string;
}

export interface RestoreResult {
  /** The project file that now holds the backup's content. */
  projectPath: string;
  restoredFrom: string;
  /** The copy of the file as it was before the restore, or null when there was no file. */
  previousBackup: string | null;
}

/** A restore that was refused; the project file was not changed. */
export class RestoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RestoreError';
  }
}

/** Replaces the project at `projectPath` with the content of `backupPath`. */
export async function restoreProject(
  projectPath: string,
  backupPath: string,
  opts: RestoreOptions = {},
): Promise<RestoreResult> {
  const target = resolve(projectPath);
  const source = resolve(backupPath);
  if (target === source) throw new RestoreError(`${backupPath} is the project file itself; choose a backup.`);
  if (!existsSync(dirname(target))) {
    throw new RestoreError(`Cannot restore to ${projectPath}: the folder ${dirname(target)} does not exist.`);
  }
  assertProject(source, `${backupPath} cannot be restored`);
  const lock = lockExclusive(target);
  if (!lock) throw inUse(target);
  try {
    return await replaceWith(source, target, backupPath, opts);
  } finally {
    lock.release();
  }
}

function inUse(target: string, cause?: unknown): RestoreError {
  return new RestoreError(
    `${target} is in use by Slotwise (the app, a command or a solve has it open); close it or wait for the solve to end, then retry. The project was not changed.`,
    { cause },
  );
}

async function replaceWith(
  source: string,
  target: string,
  backupPath: string,
  opts: RestoreOptions,
): Promise<RestoreResult> {
  // Snapshot the backup (with any write-ahead log it has) into a temporary file beside the target,
  // so the final rename stays on one file system.
  const staging = `${target}.restoring-${process.pid}`;
  removeDatabaseFiles(staging);
  try {
    const from = new Sqlite(source, { readonly: true, fileMustExist: true });
    try {
      await from.backup(staging);
    } finally {
      from.close();
    }
    assertProject(staging, `${backupPath} cannot be restored`);
    const previousBackup = existsSync(target) ? await backUpCurrent(target, opts.backupDir) : null;
    removeDatabaseFiles(target, ['-wal', '-shm']);
    renameSync(staging, target);
    return { projectPath: target, restoredFrom: source, previousBackup };
  } finally {
    removeDatabaseFiles(staging);
  }
}

/**
 * Throws a RestoreError unless `path` opens as a Slotwise project (an older schema is fine) whose
 * rows hold together: the checks of every open (foreign keys among them), and the college loads
 * with every id it names present, as every command checks before it reads the college.
 */
function assertProject(path: string, what: string): void {
  try {
    const db = openProject(path, { readonly: true, lock: false });
    try {
      loadCollege(db);
    } finally {
      db.close();
    }
  } catch (err) {
    // An older schema passed the file checks; its college is checked once it is upgraded.
    if (err instanceof ProjectFileError && err.code === 'needs_upgrade') return;
    const reason = err instanceof Error ? err.message : String(err);
    throw new RestoreError(`${what}: ${reason} The project was not changed.`, { cause: err });
  }
}

/**
 * Backs up the file being replaced and makes sure no other connection is using it: its log is
 * folded into the main file, which fails while another window or process holds the project open.
 */
async function backUpCurrent(target: string, backupDir?: string): Promise<string> {
  let copy: string;
  try {
    const db = openProject(target, { readonly: true, lock: false });
    try {
      copy = await backupProject(db, backupDir);
    } finally {
      db.close();
    }
  } catch (err) {
    if (!(err instanceof ProjectFileError)) throw err;
    // A damaged or foreign file is kept byte for byte, with its log, before it is replaced.
    copy = rawCopy(target, backupDir ?? defaultBackupDir(target));
  }
  assertNotInUse(target);
  return copy;
}

function assertNotInUse(target: string): void {
  let db: Sqlite.Database;
  try {
    db = new Sqlite(target, { fileMustExist: true, timeout: 500 });
  } catch {
    return; // not an SQLite file: no log to fold in and no SQLite user to disturb
  }
  try {
    const rows = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    if (rows[0]?.busy) throw inUse(target);
  } catch (err) {
    if (err instanceof RestoreError) throw err;
    if (err instanceof Error && /locked|busy/i.test(err.message)) throw inUse(target, err);
  } finally {
    db.close();
  }
}

function rawCopy(target: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const base = basename(target);
  const stem = base.slice(0, base.length - extname(base).length) || base;
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('.', '');
  let file = join(dir, `${stem}-${stamp}-before-restore.slotwise`);
  for (let n = 2; existsSync(file); n++) file = join(dir, `${stem}-${stamp}-before-restore-${n}.slotwise`);
  copyFileSync(target, file);
  if (existsSync(`${target}-wal`)) copyFileSync(`${target}-wal`, `${file}-wal`);
  pruneBackups(dir, target);
  return file;
}

function removeDatabaseFiles(path: string, suffixes = ['', '-wal', '-shm', '-journal']): void {
  for (const suffix of suffixes) rmSync(path + suffix, { force: true });
}
