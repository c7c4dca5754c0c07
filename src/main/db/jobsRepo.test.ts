import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { latestCheckpoint, listCheckpoints, saveCheckpoint } from './checkpointsRepo.ts';
import { openProject } from './connection.ts';
import {
  addAttempt,
  createJob,
  finishAttempt,
  getJob,
  getProgress,
  listAttempts,
  listJobs,
  recordProgress,
  updateJobStatus,
} from './jobsRepo.ts';

let db: Database;
beforeEach(() => {
  db = openProject(':memory:');
});
afterEach(() => {
  db.close();
});

describe('jobs', () => {
  it('records a job through its life: queued, running, finished with a result', () => {
    const id = createJob(db, { kind: 'solve', options: { timeLimitMs: 60000, seed: 3 }, seed: 3 });
    expect(getJob(db, id)).toMatchObject({
      status: 'queued',
      options: { timeLimitMs: 60000 },
      seed: 3,
      startedAt: null,
    });
    updateJobStatus(db, id, 'running');
    const started = getJob(db, id)?.startedAt;
    expect(started).not.toBeNull();
    updateJobStatus(db, id, 'running');
    expect(getJob(db, id)?.startedAt).toBe(started);
    updateJobStatus(db, id, 'failed', { error: 'solver crashed twice' });
    expect(getJob(db, id)).toMatchObject({ status: 'failed', error: 'solver crashed twice' });
    expect(getJob(db, id)?.finishedAt).not.toBeNull();
    expect(() => updateJobStatus(db, 999, 'running')).toThrow(/No job with id 999/);
    expect(() => updateJobStatus(db, id, 'paused' as 'running')).toThrow(/CHECK/);
  });

  it('lists jobs newest first, filtered by status (to find jobs to resume)', () => {
    const a = createJob(db, { kind: 'solve', options: {} });
    const b = createJob(db, { kind: 'resolve', options: {} });
    const c = createJob(db, { kind: 'solve', options: {} });
    updateJobStatus(db, b, 'running');
    updateJobStatus(db, c, 'finished');
    expect(listJobs(db).map((j) => j.id)).toEqual([c, b, a]);
    expect(listJobs(db, { status: ['queued', 'running'] }).map((j) => j.id)).toEqual([b, a]);
    expect(listJobs(db, { limit: 1 }).map((j) => j.id)).toEqual([c]);
  });

  it('numbers attempts and records how each ended', () => {
    const job = createJob(db, { kind: 'solve', options: {} });
    expect(addAttempt(db, job, 'mip')).toBe(1);
    finishAttempt(db, job, 1, 'failed', 'hung: no heartbeat for 5 s');
    expect(addAttempt(db, job, 'fallback')).toBe(2);
    finishAttempt(db, job, 2, 'finished');
    expect(listAttempts(db, job).map((a) => [a.n, a.strategy, a.status, a.reason])).toEqual([
      [1, 'mip', 'failed', 'hung: no heartbeat for 5 s'],
      [2, 'fallback', 'finished', null],
    ]);
    expect(() => finishAttempt(db, job, 3, 'failed')).toThrow(/no attempt 3/);
    expect(() => addAttempt(db, 999)).toThrow(/FOREIGN KEY/);
  });

  it('keeps only the latest progress event', () => {
    const job = createJob(db, { kind: 'solve', options: {} });
    expect(getProgress(db, job)).toBeNull();
    recordProgress(db, job, { stage: 'mip', percent: 10 });
    recordProgress(db, job, { stage: 'search', percent: 55, bestHard: 0 });
    expect(getProgress(db, job)?.event).toEqual({ stage: 'search', percent: 55, bestHard: 0 });
  });
});

describe('checkpoints', () => {
  it('returns the latest checkpoint and keeps only the newest few per job', () => {
    const job = createJob(db, { kind: 'solve', options: {} });
    const other = createJob(db, { kind: 'solve', options: {} });
    expect(latestCheckpoint(db, job)).toBeNull();
    saveCheckpoint(db, { jobId: other, stage: 'mip', timetable: { assignments: [] } });
    for (let i = 0; i < 5; i++) {
      saveCheckpoint(
        db,
        {
          jobId: job,
          stage: i < 2 ? 'mip' : 'search',
          timetable: {
            assignments: [{ courseId: 'C1', session: 1, day: i, period: 0, roomId: 'R1', locked: false }],
          },
          hardTotal: 5 - i,
          softTotal: 10 * i,
          data: { iteration: i },
        },
        3,
      );
    }
    const latest = latestCheckpoint(db, job);
    expect(latest).toMatchObject({ stage: 'search', hardTotal: 1, softTotal: 40, data: { iteration: 4 } });
    expect(latest?.timetable.assignments[0].day).toBe(4);
    expect(listCheckpoints(db, job).map((c) => c.hardTotal)).toEqual([3, 2, 1]);
    expect(listCheckpoints(db, other)).toHaveLength(1);
  });
});
