// "This project is in use": a lock file beside the project (`<file>-lock`, a tiny SQLite
// database) on which every connection openProject hands out holds a shared lock (a read
// transaction) until it closes, and a restore takes the exclusive lock. The locks are the
// operating system's file locks, as SQLite takes them: a process that dies, even by SIGKILL,
// releases its lock at once, so there is never a stale lock to clean up. A restore refuses while
// the app, a CLI command or a solve job has the project open; a command started during a restore
// waits for it briefly, then refuses.
import Sqlite from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { resolve } from 'node:path';
import { ProjectFileError } from './ProjectFileError.ts';

export const LOCK_SUFFIX = '-lock';

export interface ProjectLock {
  release(): void;
}

export function lockPathOf(projectPath: string): string {
  return `${resolve(projectPath)}${LOCK_SUFFIX}`;
}

function isBusy(err: unknown): boolean {
  return err instanceof Error && /locked|busy/i.test(err.message);
}

/** Opens the lock database (creating it), or null when the folder is not writable. */
function openLockDb(projectPath: string, timeoutMs: number): Database | null {
  let db: Database;
  try {
    db = new Sqlite(lockPathOf(projectPath), { timeout: timeoutMs });
  } catch {
    return null; // a read-only folder: nothing there can be restored over either
  }
  try {
    db.pragma('journal_mode = MEMORY');
    const ready = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'holders'").get();
    // A lock on an empty database file is not held: the file needs one page.
    if (!ready) db.exec('CREATE TABLE IF NOT EXISTS holders (note TEXT)');
    return db;
  } catch (err) {
    db.close();
    if (isBusy(err)) throw err;
    return null;
  }
}

/**
 * Marks the project in use until `release()`. Waits up to `waitMs` for a restore in progress;
 * then throws a ProjectFileError `in_use`. Returns a no-op lock when no lock file can be made.
 */
export function lockShared(projectPath: string, waitMs = 3000): ProjectLock {
  let db: Database | null;
  try {
    db = openLockDb(projectPath, waitMs);
    if (!db) return { release: () => {} };
    db.exec('BEGIN');
    db.prepare('SELECT count(*) FROM holders').get();
  } catch (err) {
    if (!isBusy(err)) throw err;
    throw new ProjectFileError(
      'in_use',
      projectPath,
      `${projectPath} is being restored from a backup by another Slotwise process; try again when it has finished.`,
      { cause: err },
    );
  }
  const held = db;
  return {
    release: () => {
      if (held.open) held.close();
    },
  };
}

/**
 * Takes the project for a restore: succeeds only when no other connection (the app, a CLI
 * command, a solve) has it open. Returns null when it is in use.
 */
export function lockExclusive(projectPath: string): ProjectLock | null {
  let db: Database | null;
  try {
    db = openLockDb(projectPath, 0);
  } catch (err) {
    if (isBusy(err)) return null;
    throw err;
  }
  if (!db) return { release: () => {} };
  try {
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    db.close();
    if (isBusy(err)) return null;
    throw err;
  }
  const held = db;
  return {
    release: () => {
      if (held.open) held.close();
    },
  };
}

/** Ties `lock` to `db`: closing the connection releases it, then runs `afterClose`. */
export function holdWhileOpen(db: Database, lock: ProjectLock, afterClose: () => void = () => {}): void {
  const close = db.close.bind(db);
  Object.defineProperty(db, 'close', {
    configurable: true,
    value: (): Database => {
      const wasOpen = db.open;
      try {
        return close();
      } finally {
        lock.release();
        if (wasOpen) afterClose();
      }
    },
  });
}
