// The progress view's state: job events folded into one view per job (pure, so it is unit-tested).
import type { JobEvent, JobOrigin } from '../../../shared/ipc/jobEvents.ts';

export type StageId = 'precheck' | 'quick' | 'decompose' | 'mip' | 'construct' | 'search' | 'done';

/** The solver's stages in order, with the words the screen uses for them. */
export const STAGES: ReadonlyArray<{ id: StageId; label: string }> = [
  { id: 'precheck', label: 'Pre-check' },
  { id: 'quick', label: 'Quick start' },
  { id: 'decompose', label: 'Clustering' },
  { id: 'mip', label: 'Exact model (MIP)' },
  { id: 'construct', label: 'Construct' },
  { id: 'search', label: 'Local search' },
];

export interface CostPoint {
  elapsedMs: number;
  hard: number;
  soft: number;
}

export interface JobView {
  jobId: number;
  name: string;
  seed: number;
  status: 'queued' | 'running' | 'finished' | 'failed' | 'cancelled';
  attempt: number;
  stage: StageId | null;
  percent: number;
  message: string;
  elapsedMs: number;
  etaMs: number | null;
  history: CostPoint[];
  skipStages: StageId[];
  /**
   * Set when the watchdog reports a silent solver; cleared once a later attempt gets further than
   * where it went silent (the watchdog's own retry may stall at the same place again).
   */
  stuck: { attempt: number; silentMs: number; stage: StageId | null; percent: number } | null;
  retries: Array<{ attempt: number; failure: string; reason: string }>;
  finished: Extract<JobEvent, { type: 'finished' }> | null;
  failedReason: string | null;
  /** Where it started: the locks it keeps, or the timetable it improves. */
  origin: JobOrigin | null;
}

function fresh(jobId: number): JobView {
  return {
    jobId,
    name: `Job ${jobId}`,
    seed: 0,
    status: 'queued',
    attempt: 0,
    stage: null,
    percent: 0,
    message: '',
    elapsedMs: 0,
    etaMs: null,
    history: [],
    skipStages: [],
    stuck: null,
    retries: [],
    finished: null,
    failedReason: null,
    origin: null,
  };
}

const order = (stage: StageId | null): number =>
  stage === null ? -1 : STAGES.findIndex((s) => s.id === stage);

function passed(stuck: NonNullable<JobView['stuck']>, stage: StageId, percent: number): boolean {
  if (stage === 'done') return true;
  const a = order(stuck.stage);
  const b = order(stage);
  return b > a || (b === a && percent > stuck.percent);
}

/** Folds one event into the job's view (a new object; the old one is left alone). */
export function applyJobEvent(prev: JobView | undefined, e: JobEvent): JobView {
  const v: JobView = { ...(prev ?? fresh(e.jobId)), elapsedMs: e.elapsedMs, etaMs: e.etaMs };
  switch (e.type) {
    case 'queued':
      return { ...v, name: e.name, seed: e.seed, status: 'queued', origin: e.origin ?? v.origin };
    case 'started':
      return { ...v, status: 'running', attempt: e.attempt, skipStages: e.skipStages };
    case 'progress': {
      const history =
        e.bestHard === null || e.bestSoft === null
          ? v.history
          : [...v.history, { elapsedMs: e.elapsedMs, hard: e.bestHard, soft: e.bestSoft }];
      return {
        ...v,
        status: 'running',
        attempt: e.attempt,
        stage: e.stage,
        percent: e.percent,
        message: e.message,
        history,
        stuck: v.stuck && !passed(v.stuck, e.stage, e.percent) ? v.stuck : null,
      };
    }
    case 'stuck':
      return {
        ...v,
        stuck: { attempt: e.attempt, silentMs: e.silentMs, stage: v.stage, percent: v.percent },
      };
    case 'retrying':
      return {
        ...v,
        skipStages: e.skipStages,
        retries: [...v.retries, { attempt: e.attempt, failure: e.failure, reason: e.reason }],
      };
    case 'finished':
      return { ...v, status: 'finished', percent: 100, stage: 'done', stuck: null, finished: e, etaMs: 0 };
    case 'failed':
      return { ...v, status: 'failed', stuck: null, failedReason: e.reason, etaMs: null };
    case 'cancelled':
      return { ...v, status: 'cancelled', stuck: null, etaMs: null };
  }
}

/** Plain words for why an attempt ended, shown under "retrying". */
export function explainFailure(failure: string): string {
  switch (failure) {
    case 'crash':
      return 'The solver process stopped unexpectedly.';
    case 'oom':
      return 'The solver ran out of memory.';
    case 'hung':
      return 'The solver stopped reporting progress, so it was stopped.';
    case 'timeout':
      return 'The solver did not stop at its time limit, so it was stopped.';
    case 'solver_error':
      return 'The solver reported an error.';
    case 'protocol':
      return 'The solver sent a message that could not be understood.';
    case 'spawn':
      return 'The solver process could not be started.';
    default:
      return 'The app was closing.';
  }
}

/** "1 min 05 s", "42 s". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '\u2014';
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}
