// Solver jobs and their saga state: attempts (each run of a solver process), the last progress
// event, and stage checkpoints a job resumes from after a crash or an app restart.
import type { Migration } from './types.ts';

export const migration002: Migration = {
  version: 2,
  name: 'jobs',
  up(db) {
    db.exec(`
      CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'finished', 'failed', 'cancelled')),
        options TEXT NOT NULL DEFAULT '{}',
        seed INTEGER,
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT,
        error TEXT,
        result_timetable_id INTEGER
      ) STRICT;
      CREATE INDEX jobs_status ON jobs(status);

      CREATE TABLE job_attempts (
        id INTEGER PRIMARY KEY,
        job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        strategy TEXT,
        status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'failed', 'cancelled')),
        reason TEXT,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        UNIQUE (job_id, n)
      ) STRICT;

      CREATE TABLE job_progress (
        job_id INTEGER PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,
        event TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE checkpoints (
        id INTEGER PRIMARY KEY,
        job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        stage TEXT NOT NULL,
        timetable TEXT NOT NULL,
        hard_total INTEGER,
        soft_total REAL,
        data TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX checkpoints_job ON checkpoints(job_id, id);
    `);
  },
};
