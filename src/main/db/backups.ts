// Copies of a project file: one before every schema upgrade, and on demand. Both go to a folder
// next to the project (`<file>.backups/`) unless told otherwise; only the newest KEEP_BACKUPS stay.
import type { Database } from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';

export const KEEP_BACKUPS = 10;

export function defaultBackupDir(projectPath: string): string {
  return `${resolve(projectPath)}.backups`;
}

function stem(projectPath: string): string {
  const base = basename(projectPath);
  return base.slice(0, base.length - extname(base).length) || base;
}

/** A new, unused backup file name: `<stem>-<UTC timestamp>-<label>.slotwise`, sortable by time. */
function nextBackupPath(dir: string, projectPath: string, label: string): string {
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('.', '');
  const prefix = `${stem(projectPath)}-${stamp}-${label}`;
  let file = join(dir, `${prefix}.slotwise`);
  for (let n = 2; existsSync(file); n++) file = join(dir, `${prefix}-${n}.slotwise`);
  return file;
}

/** Deletes all but the newest `keep` backups of this project in `dir`. */
export function pruneBackups(dir: string, projectPath: string, keep = KEEP_BACKUPS): void {
  const prefix = `${stem(projectPath)}-`;
  const mine = readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.slotwise'))
    .sort();
  for (const f of mine.slice(0, Math.max(0, mine.length - keep))) rmSync(join(dir, f), { force: true });
}

/** Lists this project's backups in `dir`, oldest first. */
export function listBackups(projectPath: string, dir = defaultBackupDir(projectPath)): string[] {
  if (!existsSync(dir)) return [];
  const prefix = `${stem(projectPath)}-`;
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.slotwise'))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Synchronous consistent copy taken while opening, before migrations run (opening cannot await).
 * `VACUUM INTO` writes a transaction-consistent snapshot, header fields included.
 */
export function backupBeforeMigration(
  db: Database,
  projectPath: string,
  fromVersion: number,
  dir?: string,
): string {
  const target = dir ?? defaultBackupDir(projectPath);
  const file = nextBackupPath(target, projectPath, `before-v${fromVersion + 1}`);
  db.prepare('VACUUM INTO ?').run(file);
  pruneBackups(target, projectPath);
  return file;
}

/**
 * On-demand backup through SQLite's online backup API: other work on `db` may continue while it
 * copies. Resolves to the backup's path.
 */
export async function backupProject(db: Database, dir?: string): Promise<string> {
  if (db.memory) throw new Error('An in-memory project has no file to back up.');
  const projectPath = db.name;
  const target = dir ?? defaultBackupDir(projectPath);
  const file = nextBackupPath(target, projectPath, 'manual');
  await db.backup(file);
  pruneBackups(target, projectPath);
  return file;
}
