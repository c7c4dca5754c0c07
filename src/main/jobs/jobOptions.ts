// What a job remembers about how to run (stored as the job's JSON options, so that a job that was
// running when the app died resumes with the same settings), and the defaults.
import { z } from 'zod';
import { SOLVER_STAGES } from '../../shared/solver/protocol.ts';
import { timetableSchema } from '../../shared/model/schema.ts';
import type { SolverStage } from '../../shared/solver/protocol.ts';
import { DEFAULT_STALL_TIMEOUT_MS } from './Watchdog.ts';

export const DEFAULT_MAX_ATTEMPTS = 5;
/** Failures of one stage (for one dataset) after which that stage is skipped. */
export const CIRCUIT_THRESHOLD = 2;
/** Stages the solver can do without (its fallback constructor + local search covers them). */
export const SKIPPABLE_STAGES: readonly SolverStage[] = ['decompose', 'mip'];

export const storedJobOptionsSchema = z.object({
  /** Name of the timetable the job stores when it finishes. */
  name: z.string().min(1),
  kind: z.enum(['solution', 'variant']),
  timeLimitMs: z.number().int().positive(),
  seed: z.number().int(),
  weights: z.record(z.string(), z.number().nonnegative()).optional(),
  targetSoft: z.number().nonnegative().optional(),
  skipStages: z.array(z.enum(SOLVER_STAGES)).default([]),
  maxAttempts: z.number().int().positive().default(DEFAULT_MAX_ATTEMPTS),
  stallTimeoutMs: z.number().int().positive().default(DEFAULT_STALL_TIMEOUT_MS),
  /** Jobs of older versions: true = always make the result active. `activate` decides when given. */
  makeActive: z.boolean().default(false),
  /**
   * The college revision the job solves (projectState.ts): a result for an earlier revision than
   * the project's current one (the college was re-imported meanwhile) is stored stale, never active.
   * Absent in jobs stored before it was recorded.
   */
  collegeRevision: z.number().int().nonnegative().optional(),
  /** When the result becomes the active timetable (see activation.ts). */
  activate: z.enum(['always', 'if-better', 'never']).optional(),
  /** What the solve starts from: the locked sessions kept ('new') or a whole timetable ('improve'). */
  initial: timetableSchema.optional(),
  startMode: z.enum(['new', 'improve']).default('new'),
  /** The timetable `initial` was taken from. */
  startFrom: z.number().int().positive().nullable().default(null),
});

export type StoredJobOptions = z.infer<typeof storedJobOptionsSchema>;
export type StoredJobOptionsInput = z.input<typeof storedJobOptionsSchema>;

/** The activation policy of a job, for jobs stored before `activate` existed too. */
export function activatePolicy(opts: StoredJobOptions): 'always' | 'if-better' | 'never' {
  return opts.activate ?? (opts.makeActive ? 'always' : 'never');
}

/** The job's stored options, or a clear error when the stored JSON is not usable. */
export function parseStoredJobOptions(jobId: number, raw: unknown): StoredJobOptions {
  const r = storedJobOptionsSchema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new Error(`Job ${jobId} has unusable options (${issue?.path.join('.')}: ${issue?.message}).`);
}
