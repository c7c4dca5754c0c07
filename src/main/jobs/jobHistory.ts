// What a job's saved records say about its past: time already spent solving, attempts made, and
// the stage each failed attempt died in (the circuit breaker counts those). An attempt's failed
// stage is kept at the start of its reason as `[stage] ...`.
import type { Database } from 'better-sqlite3';
import { getProgress, latestCheckpoint, listAttempts } from '../db/index.ts';
import type { CheckpointRecord } from '../db/index.ts';
import { SOLVER_STAGES } from '../../shared/solver/protocol.ts';
import type { SolverStage } from '../../shared/solver/protocol.ts';

export interface JobHistory {
  attempts: number;
  usedMs: number;
  failedStages: SolverStage[];
  best: CheckpointRecord | null;
}

const STAGE_PREFIX = /^\[([a-z]+)\] /;

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
  const lastSeen = getProgress(db, jobId)?.updatedAt ?? null;
  let usedMs = 0;
  const failedStages: SolverStage[] = [];
  for (const a of attempts) {
    // An attempt still 'running' was cut short by a restart: it ran until its last progress.
    const end = a.endedAt ?? (lastSeen && lastSeen > a.startedAt ? lastSeen : a.startedAt);
    usedMs += Math.max(0, Date.parse(end) - Date.parse(a.startedAt));
    const stage = a.status === 'failed' ? stageOfReason(a.reason) : null;
    if (stage) failedStages.push(stage);
  }
  return { attempts: attempts.length, usedMs, failedStages, best: latestCheckpoint(db, jobId) };
}

/** Lexicographic (hard, soft) comparison: is a strictly better than b? */
export function isBetter(
  a: { hard: number; soft: number },
  b: { hard: number; soft: number } | null,
): boolean {
  return b === null || a.hard < b.hard || (a.hard === b.hard && a.soft < b.soft);
}
