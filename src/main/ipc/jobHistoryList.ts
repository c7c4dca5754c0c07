// The project's solve jobs as the Generate screen lists them after a restart: each job's stored
// options (name, seed, where it started) and its last event: the final event kept in the database
// when it ended, or one made from the job's record (jobs of older versions, jobs still running).
import type { Database } from 'better-sqlite3';
import { getProgress, getTimetable, listJobs, listTimetables } from '../db/index.ts';
import type { JobRecord } from '../db/index.ts';
import { storedJobOptionsSchema } from '../jobs/jobOptions.ts';
import type { JobInfo } from '../../shared/ipc/contract.ts';
import { jobEventSchema } from '../../shared/ipc/jobEvents.ts';
import type { JobEvent, JobOrigin } from '../../shared/ipc/jobEvents.ts';

/** Jobs shown from the history (newest first). */
export const HISTORY_LIMIT = 30;

export function jobHistory(db: Database, limit = HISTORY_LIMIT): JobInfo[] {
  const timetables = new Map(listTimetables(db).map((t) => [t.id, t]));
  const out: JobInfo[] = [];
  for (const job of listJobs(db, { limit })) {
    const opts = storedJobOptionsSchema.safeParse(job.options);
    const name = opts.success ? opts.data.name : `Job ${job.id}`;
    const seed = opts.success ? opts.data.seed : (job.seed ?? 0);
    const last = lastEvent(db, job, timetables);
    if (!last) continue;
    let origin: JobOrigin | undefined;
    if (opts.success && (opts.data.initial || opts.data.startMode === 'improve')) {
      const fromId = opts.data.startFrom;
      const from =
        fromId === null ? undefined : (timetables.get(fromId) ?? getTimetable(db, fromId)?.summary);
      origin = {
        mode: opts.data.startMode,
        from: fromId !== null ? { id: fromId, name: from?.name ?? `timetable ${fromId}` } : null,
        locked: opts.data.initial?.assignments.filter((a) => a.locked && a.day !== null).length ?? 0,
        dropped: 0,
      };
    }
    out.push({
      jobId: job.id,
      name,
      seed,
      last,
      createdAt: job.createdAt,
      current: false,
      ...(origin ? { origin } : {}),
    });
  }
  return out;
}

function lastEvent(
  db: Database,
  job: JobRecord,
  timetables: Map<number, { hardTotal: number; softTotal: number; active: boolean }>,
): JobEvent | null {
  const progress = getProgress(db, job.id)?.event as { elapsedMs?: unknown } | undefined;
  const stored = jobEventSchema.safeParse(progress);
  if (stored.success && stored.data.jobId === job.id && isFinal(stored.data)) return stored.data;
  const base = {
    jobId: job.id,
    elapsedMs: typeof progress?.elapsedMs === 'number' && progress.elapsedMs >= 0 ? progress.elapsedMs : 0,
    etaMs: null,
  };
  switch (job.status) {
    case 'finished': {
      const made = job.resultTimetableId === null ? undefined : timetables.get(job.resultTimetableId);
      if (!made || job.resultTimetableId === null) return null;
      return {
        ...base,
        type: 'finished',
        timetableId: job.resultTimetableId,
        hardTotal: made.hardTotal,
        softTotal: made.softTotal,
        status: made.hardTotal === 0 ? 'feasible' : 'partial',
        note: job.error,
        activated: made.active,
      };
    }
    case 'failed':
      return {
        ...base,
        type: 'failed',
        reason: job.error ?? 'The job failed.',
        bestHard: null,
        bestSoft: null,
      };
    case 'cancelled':
      return { ...base, type: 'cancelled' };
    default:
      return { ...base, type: 'queued', name: '', seed: job.seed ?? 0 };
  }
}

function isFinal(e: JobEvent): boolean {
  return e.type === 'finished' || e.type === 'failed' || e.type === 'cancelled';
}
