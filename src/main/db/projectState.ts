// Small project-level facts that outlive a re-import (the college revision).
import type { Database } from 'better-sqlite3';

export function getState(db: Database, key: string): string | null {
  const row = db
    .prepare<[string], { value: string }>('SELECT value FROM project_state WHERE key = ?')
    .get(key);
  return row ? row.value : null;
}

export function setState(db: Database, key: string, value: string): void {
  db.prepare(
    'INSERT INTO project_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/** How many times a college has been saved into this project (0 = never). */
export function getCollegeRevision(db: Database): number {
  return Number(getState(db, 'college_revision') ?? 0);
}

export function bumpCollegeRevision(db: Database): number {
  const next = getCollegeRevision(db) + 1;
  setState(db, 'college_revision', String(next));
  setState(db, 'college_saved_at', new Date().toISOString());
  return next;
}
