// Named timetable versions and variants with their cost summary, and their assignments.
// `college_revision` records which saved college a timetable was made for: a re-import bumps the
// revision, and older timetables read as stale (kept, so the editor can repair them).
import type { Migration } from './types.ts';

export const migration003: Migration = {
  version: 3,
  name: 'timetables',
  up(db) {
    db.exec(`
      CREATE TABLE timetables (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('solution', 'variant', 'manual', 'import')),
        parent_id INTEGER REFERENCES timetables(id) ON DELETE SET NULL,
        job_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL,
        seed INTEGER,
        hard_total INTEGER NOT NULL,
        soft_total REAL NOT NULL,
        hard_by_kind TEXT NOT NULL,
        soft_by_kind TEXT NOT NULL,
        college_revision INTEGER NOT NULL,
        is_active INTEGER NOT NULL DEFAULT 0 CHECK (is_active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX timetables_one_active ON timetables(is_active) WHERE is_active = 1;
      CREATE INDEX timetables_parent ON timetables(parent_id);
      CREATE INDEX timetables_job ON timetables(job_id);

      CREATE TABLE assignments (
        timetable_id INTEGER NOT NULL REFERENCES timetables(id) ON DELETE CASCADE,
        course_id TEXT NOT NULL,
        session INTEGER NOT NULL,
        pos INTEGER NOT NULL,
        day INTEGER,
        period INTEGER,
        room_id TEXT,
        locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
        PRIMARY KEY (timetable_id, course_id, session)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX assignments_order ON assignments(timetable_id, pos);
    `);
  },
};
