// What a job's saved records say about its past: time already spent solving, attempts made, and
// the stage each failed attempt died in (the circuit breaker counts those). An attempt's failed
// stage is kept at the start of its reason as `[stage] ...`.
import type { Database } from 'better-sqlite3';
import { finishAttempt, getProgress, latestCheckpoint, listAttempts } from '../db/index.ts';
import type { CheckpointRecord } from '../db/index.ts';
import { SOLVER_STAGES } from '../../shared/solver/protocol.ts';
import type { SolverStage } from '../../shared/solver/protocol.ts';

export interface JobHistory {
  attempts: number;
  /** Attempts that were cut short by an app restart (or close), not by a solver failure. */
  interrupted: number;
  usedMs: number;
  failedStages: SolverStage[];
  best: CheckpointRecord | null;
}

const STAGE_PREFIX = /^\[([a-z]+)\] /;
/** Reason of an attempt that was running when the app stopped (not the solver's fault). */
export const INTERRUPTED_REASON = 'Interrupted: the app stopped while this attempt was running.';

export function reasonWithStage(stage: SolverStage | null, reason: string): string {
  return stage ? `[${stage}] ${reason}` : reason;
}

export function stageOfReason(reason: string | null): SolverStage | null {
  const m = reason ? STAGE_PREFIX.exec(reason) : null;
  const stage = m?.[1] as SolverStage | undefined;
  return stage && SOLVER_STAGES.includes(stage) ? stage : null;
}

export function readJobHistory(db: Database, jobId: number): JobHistory {
  const attempts = listAttempts(db, jobId);
  // The job's last recorded progress carries its total solving time, interrupted attempts included.
  const progress = getProgress(db, jobId)?.event as { elapsedMs?: unknown } | undefined;
  const recorded = typeof progress?.elapsedMs === 'number' ? progress.elapsedMs : 0;
  let ended = 0;
  let interrupted = 0;
  const failedStages: SolverStage[] = [];
  for (const a of attempts) {
    if (a.reason === INTERRUPTED_REASON) interrupted++;
    if (a.endedAt && a.reason !== INTERRUPTED_REASON) {
      ended += Math.max(0, Date.parse(a.endedAt) - Date.parse(a.startedAt));
    }
    const stage = a.status === 'failed' ? stageOfReason(a.reason) : null;
    if (stage) failedStages.push(stage);
  }
  return {
    attempts: attempts.length,
    interrupted,
    usedMs: Math.max(recorded, ended),
    failedStages,
    best: latestCheckpoint(db, jobId),
  };
}

/** Closes the attempts a previous run of the app left open (it died while they ran). */
export function closeInterruptedAttempts(db: Database, jobId: number): void {
  for (const a of listAttempts(db, jobId)) {
    if (a.status === 'running') finishAttempt(db, jobId, a.n, 'failed', INTERRUPTED_REASON);
  }
}

/** Lexicographic (hard, soft) comparison: is a strictly better than b? */
export function isBetter(
  a: { hard: number; soft: number },
  b: { hard: number; soft: number } | null,
): boolean {
  return b === null || a.hard < b.hard || (a.hard === b.hard && a.soft < b.soft);
}
