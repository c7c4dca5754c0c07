// Row shapes the repositories return (plain data; safe to send over IPC).
import type { Evaluation } from '../../shared/eval/types.ts';
import type { Timetable } from '../../shared/model/types.ts';

export type TimetableKind = 'solution' | 'variant' | 'manual' | 'import';

export type CostSummary = Pick<Evaluation, 'hardTotal' | 'softTotal' | 'hard' | 'soft'>;

export interface TimetableSummary extends CostSummary {
  id: number;
  name: string;
  kind: TimetableKind;
  parentId: number | null;
  jobId: number | null;
  seed: number | null;
  /** Sessions in the timetable, and how many of them have a day, period and room. */
  sessions: number;
  placed: number;
  /** Sessions locked by the user (Generate keeps them where they are). */
  locked: number;
  active: boolean;
  /** Made for an earlier import of the college: course ids or data may no longer match. */
  stale: boolean;
  /** Sessions were changed by hand (the editor) after it was made. */
  edited: boolean;
  collegeRevision: number;
  createdAt: string;
  updatedAt: string;
}

export type JobStatus = 'queued' | 'running' | 'finished' | 'failed' | 'cancelled';

export interface JobRecord {
  id: number;
  kind: string;
  status: JobStatus;
  options: unknown;
  seed: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  resultTimetableId: number | null;
}

export type AttemptStatus = 'running' | 'finished' | 'failed' | 'cancelled';

export interface AttemptRecord {
  id: number;
  jobId: number;
  n: number;
  strategy: string | null;
  status: AttemptStatus;
  reason: string | null;
  startedAt: string;
  endedAt: string | null;
}

export interface CheckpointRecord {
  id: number;
  jobId: number;
  stage: string;
  timetable: Timetable;
  hardTotal: number | null;
  softTotal: number | null;
  data: unknown;
  createdAt: string;
}
