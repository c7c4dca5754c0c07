import type { Database } from 'better-sqlite3';

/** One schema step. `up` runs inside the migration transaction; it must be synchronous. */
export interface Migration {
  /** 1-based, equal to its position in the list; becomes `user_version` once applied. */
  version: number;
  name: string;
  up(db: Database): void;
}
