// What the progress view (and the CLI's progress line) hears about a solve job. Every event names
// its job, the time spent solving so far and an ETA estimate (null when there is nothing to base
// one on). Main sends these over IPC; the schema lets the receiver validate them.
import { z } from 'zod';
// The shared zone's '**/solver/**' pattern is meant for src/solver, not src/shared/solver.
import { SOLVER_STAGES } from '../solver/protocol.ts';

const stage = z.enum(SOLVER_STAGES);
const cost = z.number().finite().nonnegative();
const base = {
  jobId: z.number().int().positive(),
  /** Solving time spent on this job so far (all attempts; time waiting for a free solver excluded). */
  elapsedMs: z.number().finite().nonnegative(),
  /** Estimated time to completion; null when unknown. */
  etaMs: z.number().finite().nonnegative().nullable(),
};

/** Why an attempt ended without a result. */
export const attemptFailureKinds = [
  'crash',
  'oom',
  'hung',
  'timeout',
  'solver_error',
  'protocol',
  'spawn',
  'shutdown',
] as const;
export type AttemptFailureKind = (typeof attemptFailureKinds)[number];

/** The active timetable a finished result was compared with (costs under the job's evaluation). */
export const activeComparisonSchema = z.object({
  timetableId: z.number().int().positive(),
  name: z.string(),
  hardTotal: cost,
  softTotal: cost,
  /** Students double-booked (two sessions at once); null when the college has no enrollments. */
  studentClashes: z.number().int().nonnegative().nullable(),
  /** False when it was made for an earlier import and could not be evaluated against this one. */
  comparable: z.boolean(),
});
export type ActiveComparison = z.infer<typeof activeComparisonSchema>;

/** A result's student double-bookings in plain counts (src/shared/eval/studentClashes.ts). */
export const studentClashTotalsSchema = z.object({
  /** Distinct students with two sessions at once. */
  students: z.number().int().nonnegative(),
  /** One per student and pair of overlapping sessions. */
  doubleBookings: z.number().int().nonnegative(),
  /** Course pairs causing them. */
  pairs: z.number().int().nonnegative(),
});
export type StudentClashTotals = z.infer<typeof studentClashTotalsSchema>;

/** Where a job starts: a new timetable keeping locks, or an improvement of a timetable. */
export const jobOriginSchema = z.object({
  mode: z.enum(['new', 'improve']),
  /** The timetable whose locks are kept / that is improved; null when there was none. */
  from: z.object({ id: z.number().int().positive(), name: z.string() }).nullable(),
  /** Locked sessions kept in place. */
  locked: z.number().int().nonnegative(),
  /** Sessions of `from` that no longer fit the college data (left out). */
  dropped: z.number().int().nonnegative(),
});
export type JobOrigin = z.infer<typeof jobOriginSchema>;

export const jobEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('queued'),
    ...base,
    name: z.string(),
    seed: z.number().int(),
    origin: jobOriginSchema.optional(),
  }),
  z.object({
    type: z.literal('started'),
    ...base,
    attempt: z.number().int().positive(),
    pid: z.number().int().nullable(),
    /** The stage of the checkpoint this attempt resumes from, null on a fresh start. */
    resumedFrom: stage.nullable(),
    skipStages: z.array(stage),
  }),
  z.object({
    type: z.literal('progress'),
    ...base,
    attempt: z.number().int().positive(),
    stage,
    percent: z.number().finite().min(0).max(100),
    bestHard: cost.nullable(),
    bestSoft: cost.nullable(),
    message: z.string(),
  }),
  z.object({
    type: z.literal('stuck'),
    ...base,
    attempt: z.number().int().positive(),
    /** How long the solver has been silent. */
    silentMs: z.number().finite().nonnegative(),
  }),
  z.object({
    type: z.literal('retrying'),
    ...base,
    /** The attempt that failed. */
    attempt: z.number().int().positive(),
    failure: z.enum(attemptFailureKinds),
    reason: z.string(),
    /** Stage the failed attempt was in. */
    failedStage: stage.nullable(),
    /** Stages the next attempt skips (circuit breaker open). */
    skipStages: z.array(stage),
  }),
  z.object({
    type: z.literal('finished'),
    ...base,
    timetableId: z.number().int().positive(),
    hardTotal: cost,
    softTotal: cost,
    status: z.enum(['feasible', 'partial', 'infeasible', 'cancelled']),
    /** Set when the stored timetable is a checkpoint (the solver's result was worse or missing). */
    note: z.string().nullable(),
    /** Whether the result became the active timetable (absent in events of older versions). */
    activated: z.boolean().optional(),
    /** The active timetable before this result, when there was one and the job compared with it. */
    previous: activeComparisonSchema.nullable().optional(),
    /** Students double-booked in the result; null when the college has no enrollments. */
    studentClashes: z.number().int().nonnegative().nullable().optional(),
    /** The same in full: double-bookings and course pairs too; null when no enrollments. */
    studentClashTotals: studentClashTotalsSchema.nullable().optional(),
  }),
  z.object({
    type: z.literal('failed'),
    ...base,
    reason: z.string(),
    /** Cost of the best checkpoint kept for this job, null when there is none. */
    bestHard: cost.nullable(),
    bestSoft: cost.nullable(),
  }),
  z.object({ type: z.literal('cancelled'), ...base }),
]);

export type JobEvent = z.infer<typeof jobEventSchema>;
export type JobEventType = JobEvent['type'];

/** ETA from the share done so far, never beyond the remaining time budget. */
export function estimateEtaMs(
  elapsedMs: number,
  percent: number,
  remainingBudgetMs: number | null,
): number | null {
  const budget = remainingBudgetMs === null ? null : Math.max(0, remainingBudgetMs);
  if (percent <= 0 || percent > 100) return budget;
  const byRate = (elapsedMs * (100 - percent)) / percent;
  return budget === null ? Math.round(byRate) : Math.round(Math.min(byRate, budget));
}

/** The channel main sends JobEvents on (main -> renderer). */
export const JOB_EVENT_CHANNEL = 'jobs:event';

/** Request of a "generate" action from the UI (validated in main before it reaches the job queue). */
export const jobStartRequestSchema = z.strictObject({
  timeLimitS: z
    .number()
    .positive()
    .max(24 * 3600),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  /** K > 1: K variants with seeds seed..seed+K-1, stored as named variants. */
  variants: z.number().int().min(1).max(50).optional(),
  /** Silence after which a solver counts as hung. */
  stallTimeoutS: z.number().positive().max(600).optional(),
  name: z.string().trim().min(1).max(200).optional(),
  weights: z.record(z.string(), z.number().nonnegative()).optional(),
  /**
   * 'new' (default): a new timetable that keeps the locked sessions of `from`; 'improve': start from
   * `from` as it is and improve it. Fixed sessions (the Fixed sheet) are kept in both.
   */
  start: z.enum(['new', 'improve']).optional(),
  /** The timetable to keep the locks of, or to improve; default the active one. */
  from: z.number().int().positive().optional(),
});
export type JobStartRequest = z.infer<typeof jobStartRequestSchema>;

export const jobCancelRequestSchema = z.strictObject({ jobId: z.number().int().positive() });
