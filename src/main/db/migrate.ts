// Brings a project database up to the latest schema: every pending migration in one transaction,
// then `user_version` = the number applied. A database from a newer Slotwise is refused.
import type { Database } from 'better-sqlite3';
import { migrations as allMigrations, type Migration } from './migrations/index.ts';

export function getSchemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies the migrations after the current version up to `target` (default: all of them).
 * Returns the versions before and after. Throws when the database is newer than `list` knows.
 */
export function migrate(
  db: Database,
  list: readonly Migration[] = allMigrations,
  target: number = list.length,
): { from: number; to: number } {
  list.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migration ${m.name} is numbered ${m.version}, expected ${i + 1}.`);
  });
  if (target > list.length) throw new Error(`No migration ${target}; the latest is ${list.length}.`);
  // The version is read inside the write transaction: another process opening the same file at
  // the same moment waits, then finds the work done.
  return db
    .transaction((): { from: number; to: number } => {
      const from = getSchemaVersion(db);
      if (from > list.length) {
        throw new Error(
          `Database schema version ${from} is newer than this version of Slotwise (${list.length}).`,
        );
      }
      if (from >= target) return { from, to: from };
      for (const m of list.slice(from, target)) m.up(db);
      db.pragma(`user_version = ${target}`);
      return { from, to: target };
    })
    .immediate();
}
