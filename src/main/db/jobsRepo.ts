// Solver jobs, their attempts (one per solver process run) and their last progress event.
// The job supervisor owns the state machine; these functions only record it.
import type { Database } from 'better-sqlite3';
import type { AttemptRecord, AttemptStatus, JobRecord, JobStatus } from './types.ts';

interface JobRow {
  id: number;
  kind: string;
  status: JobStatus;
  options: string;
  seed: number | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  error: string | null;
  result_timetable_id: number | null;
}

interface AttemptRow {
  id: number;
  job_id: number;
  n: number;
  strategy: string | null;
  status: AttemptStatus;
  reason: string | null;
  started_at: string;
  ended_at: string | null;
}

const FINAL: readonly JobStatus[] = ['finished', 'failed', 'cancelled'];

function toJob(r: JobRow): JobRecord {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    options: JSON.parse(r.options) as unknown,
    seed: r.seed,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    error: r.error,
    resultTimetableId: r.result_timetable_id,
  };
}

function toAttempt(r: AttemptRow): AttemptRecord {
  return {
    id: r.id,
    jobId: r.job_id,
    n: r.n,
    strategy: r.strategy,
    status: r.status,
    reason: r.reason,
    startedAt: r.started_at,
    endedAt: r.ended_at,
  };
}

/** Queues a job; `options` is stored as JSON. Returns the job id. */
export function createJob(db: Database, job: { kind: string; options: unknown; seed?: number }): number {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO jobs (kind, status, options, seed, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(job.kind, 'queued', JSON.stringify(job.options ?? {}), job.seed ?? null, new Date().toISOString());
  return Number(lastInsertRowid);
}

/**
 * Moves a job to `status`. `running` stamps started_at (first time only); a final status stamps
 * finished_at and records `error` / `resultTimetableId` when given.
 */
export function updateJobStatus(
  db: Database,
  id: number,
  status: JobStatus,
  extra: { error?: string | null; resultTimetableId?: number | null } = {},
): void {
  const now = new Date().toISOString();
  const { changes } = db
    .prepare(
      `UPDATE jobs SET status = @status,
         started_at = CASE WHEN @status = 'running' THEN coalesce(started_at, @now) ELSE started_at END,
         finished_at = CASE WHEN @final THEN @now ELSE finished_at END,
         error = CASE WHEN @setError THEN @error ELSE error END,
         result_timetable_id = CASE WHEN @setResult THEN @result ELSE result_timetable_id END
       WHERE id = @id`,
    )
    .run({
      id,
      status,
      now,
      final: FINAL.includes(status) ? 1 : 0,
      setError: extra.error !== undefined ? 1 : 0,
      error: extra.error ?? null,
      setResult: extra.resultTimetableId !== undefined ? 1 : 0,
      result: extra.resultTimetableId ?? null,
    });
  if (changes === 0) throw new Error(`No job with id ${id} in this project.`);
}

export function getJob(db: Database, id: number): JobRecord | null {
  const row = db.prepare<[number], JobRow>('SELECT * FROM jobs WHERE id = ?').get(id);
  return row ? toJob(row) : null;
}

/** Jobs, newest first; optionally only those in the given statuses (e.g. unfinished ones to resume). */
export function listJobs(
  db: Database,
  filter: { status?: readonly JobStatus[]; limit?: number } = {},
): JobRecord[] {
  const statuses = filter.status ?? [];
  const where = statuses.length ? `WHERE status IN (${statuses.map(() => '?').join(', ')})` : '';
  return db
    .prepare<unknown[], JobRow>(`SELECT * FROM jobs ${where} ORDER BY id DESC LIMIT ?`)
    .all(...statuses, filter.limit ?? -1)
    .map(toJob);
}

/** Starts attempt number n+1 of a job (n = attempts so far); returns the attempt's number. */
export function addAttempt(db: Database, jobId: number, strategy?: string): number {
  return db
    .transaction((): number => {
      const last = db
        .prepare<[number], { n: number | null }>('SELECT max(n) AS n FROM job_attempts WHERE job_id = ?')
        .get(jobId);
      const n = (last?.n ?? 0) + 1;
      db.prepare(
        'INSERT INTO job_attempts (job_id, n, strategy, status, started_at) VALUES (?, ?, ?, ?, ?)',
      ).run(jobId, n, strategy ?? null, 'running', new Date().toISOString());
      return n;
    })
    .immediate();
}

/** Ends attempt `n` of a job; `reason` says why it failed (crash, hang, timeout, error text). */
export function finishAttempt(
  db: Database,
  jobId: number,
  n: number,
  status: Exclude<AttemptStatus, 'running'>,
  reason?: string,
): void {
  const { changes } = db
    .prepare('UPDATE job_attempts SET status = ?, reason = ?, ended_at = ? WHERE job_id = ? AND n = ?')
    .run(status, reason ?? null, new Date().toISOString(), jobId, n);
  if (changes === 0) throw new Error(`Job ${jobId} has no attempt ${n}.`);
}

export function listAttempts(db: Database, jobId: number): AttemptRecord[] {
  return db
    .prepare<[number], AttemptRow>('SELECT * FROM job_attempts WHERE job_id = ? ORDER BY n')
    .all(jobId)
    .map(toAttempt);
}

/** Keeps the job's latest progress event (JSON), replacing the previous one. */
export function recordProgress(db: Database, jobId: number, event: unknown): void {
  db.prepare(
    `INSERT INTO job_progress (job_id, event, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (job_id) DO UPDATE SET event = excluded.event, updated_at = excluded.updated_at`,
  ).run(jobId, JSON.stringify(event), new Date().toISOString());
}

export function getProgress(db: Database, jobId: number): { event: unknown; updatedAt: string } | null {
  const row = db
    .prepare<[number], { event: string; updated_at: string }>(
      'SELECT event, updated_at FROM job_progress WHERE job_id = ?',
    )
    .get(jobId);
  return row ? { event: JSON.parse(row.event) as unknown, updatedAt: row.updated_at } : null;
}
