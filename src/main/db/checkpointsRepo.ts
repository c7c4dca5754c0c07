// Stage checkpoints of a job: the timetable after a solver stage, so that a job resumes from its
// last good state after a crash, a hang or an app restart.
import type { Database } from 'better-sqlite3';
import type { Timetable } from '../../shared/model/index.ts';
import type { CheckpointRecord } from './types.ts';

/** Checkpoints kept per job; older ones are deleted when a new one is saved. */
export const KEEP_CHECKPOINTS = 5;

interface CheckpointRow {
  id: number;
  job_id: number;
  stage: string;
  timetable: string;
  hard_total: number | null;
  soft_total: number | null;
  data: string | null;
  created_at: string;
}

export interface NewCheckpoint {
  jobId: number;
  stage: string;
  timetable: Timetable;
  hardTotal?: number;
  softTotal?: number;
  /** Anything else the stage needs to resume (JSON-serialisable). */
  data?: unknown;
}

/** Saves a checkpoint and prunes the job's older ones in the same transaction; returns its id. */
export function saveCheckpoint(db: Database, cp: NewCheckpoint, keep = KEEP_CHECKPOINTS): number {
  return db
    .transaction((): number => {
      const { lastInsertRowid } = db
        .prepare(
          'INSERT INTO checkpoints (job_id, stage, timetable, hard_total, soft_total, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          cp.jobId,
          cp.stage,
          JSON.stringify(cp.timetable),
          cp.hardTotal ?? null,
          cp.softTotal ?? null,
          cp.data === undefined ? null : JSON.stringify(cp.data),
          new Date().toISOString(),
        );
      db.prepare(
        'DELETE FROM checkpoints WHERE job_id = ? AND id NOT IN (SELECT id FROM checkpoints WHERE job_id = ? ORDER BY id DESC LIMIT ?)',
      ).run(cp.jobId, cp.jobId, keep);
      return Number(lastInsertRowid);
    })
    .immediate();
}

function toCheckpoint(r: CheckpointRow): CheckpointRecord {
  return {
    id: r.id,
    jobId: r.job_id,
    stage: r.stage,
    timetable: JSON.parse(r.timetable) as Timetable,
    hardTotal: r.hard_total,
    softTotal: r.soft_total,
    data: r.data === null ? null : (JSON.parse(r.data) as unknown),
    createdAt: r.created_at,
  };
}

/** The job's most recent checkpoint, or null. */
export function latestCheckpoint(db: Database, jobId: number): CheckpointRecord | null {
  const row = db
    .prepare<[number], CheckpointRow>('SELECT * FROM checkpoints WHERE job_id = ? ORDER BY id DESC LIMIT 1')
    .get(jobId);
  return row ? toCheckpoint(row) : null;
}

export function listCheckpoints(db: Database, jobId: number): CheckpointRecord[] {
  return db
    .prepare<[number], CheckpointRow>('SELECT * FROM checkpoints WHERE job_id = ? ORDER BY id')
    .all(jobId)
    .map(toCheckpoint);
}
