// The main <-> solver-process protocol: one discriminated union each way. Main validates every
// message from a solver process with these schemas on arrival (a solver is untrusted output: it can
// crash mid-write, run old code, or be a different build); the solver validates requests too.
import { z } from 'zod';
import { collegeSchema, timetableSchema } from '../model/schema.ts';
import type { College, Timetable } from '../model/types.ts';
import { HARD_KINDS, SOFT_KINDS } from '../eval/types.ts';
import type { ErrorBody } from '../ipc/envelope.ts';
import { SOLVER_STAGES } from './protocol.ts';
import type { SolveOptions, SolveProgress, SolveResult, SolverStage } from './protocol.ts';

/** Bumped whenever a message changes shape; the ready handshake refuses a mismatch. */
export const SOLVER_PROTOCOL_VERSION = 1;

/** A compile-time exhaustiveness check for switches over the unions below. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

// ---- main -> solver -------------------------------------------------------------------------

export type ToSolverMessage =
  | {
      type: 'solve';
      requestId: string;
      college: College;
      options: SolveOptions;
      /** Least time between two checkpoint messages (an improved best is sent at most this often). */
      checkpointEveryMs: number;
    }
  | { type: 'cancel'; requestId: string }
  | { type: 'shutdown' };

// ---- solver -> main -------------------------------------------------------------------------

export interface SolverCheckpoint {
  stage: SolverStage;
  timetable: Timetable;
  hardTotal: number;
  softTotal: number;
}

export type FromSolverMessage =
  | { type: 'ready'; protocol: number; pid: number }
  | { type: 'progress'; requestId: string; progress: SolveProgress }
  | ({ type: 'checkpoint'; requestId: string } & SolverCheckpoint)
  | { type: 'result'; requestId: string; result: SolveResult }
  | { type: 'error'; requestId: string | null; error: ErrorBody };

// ---- schemas --------------------------------------------------------------------------------

const requestId = z.string().min(1).max(200);
const stage = z.enum(SOLVER_STAGES);
const cost = z.number().finite().nonnegative();
const ms = z.number().finite().nonnegative();

export const solveOptionsSchema = z.object({
  timeLimitMs: ms,
  seed: z.number().int(),
  weights: z.record(z.string(), z.number().nonnegative()).optional(),
  initial: timetableSchema.optional(),
  skipStages: z.array(stage).optional(),
  targetSoft: cost.optional(),
});

export const solveProgressSchema = z.object({
  stage,
  percent: z.number().finite().min(0).max(100),
  bestHard: cost.nullable(),
  bestSoft: cost.nullable(),
  message: z.string(),
  elapsedMs: ms,
});

const violationSchema = z.object({
  kind: z.enum([...HARD_KINDS, ...SOFT_KINDS]),
  hard: z.boolean(),
  cost: z.number().finite(),
  sessions: z.array(z.number().int()),
  message: z.string(),
});

export const evaluationSchema = z.object({
  hardTotal: cost,
  softTotal: cost,
  hard: z.record(z.enum(HARD_KINDS), z.number().finite()),
  soft: z.record(z.enum(SOFT_KINDS), z.number().finite()),
  violations: z.array(violationSchema),
});

export const solveResultSchema = z.object({
  status: z.enum(['feasible', 'partial', 'infeasible', 'cancelled']),
  timetable: timetableSchema,
  evaluation: evaluationSchema,
  unplaced: z.array(z.object({ courseId: z.string(), session: z.number().int(), reason: z.string() })),
  findings: z.array(
    z.object({
      code: z.string(),
      rows: z.array(z.object({ sheet: z.string(), id: z.string() })),
      message: z.string(),
      hint: z.string(),
      fatal: z.boolean(),
    }),
  ),
  stages: z.array(z.object({ stage, ms, note: z.string().optional() })),
  seed: z.number().int(),
});

const errorBodySchema = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });

export const fromSolverSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), protocol: z.number().int(), pid: z.number().int() }),
  z.object({ type: z.literal('progress'), requestId, progress: solveProgressSchema }),
  z.object({
    type: z.literal('checkpoint'),
    requestId,
    stage,
    timetable: timetableSchema,
    hardTotal: cost,
    softTotal: cost,
  }),
  z.object({ type: z.literal('result'), requestId, result: solveResultSchema }),
  z.object({ type: z.literal('error'), requestId: requestId.nullable(), error: errorBodySchema }),
]);

export const toSolverSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('solve'),
    requestId,
    college: collegeSchema,
    options: solveOptionsSchema,
    checkpointEveryMs: ms,
  }),
  z.object({ type: z.literal('cancel'), requestId }),
  z.object({ type: z.literal('shutdown') }),
]);

export type ParsedMessage<T> = { ok: true; message: T } | { ok: false; error: string };

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/** Validates a message that arrived from a solver process. */
export function parseFromSolver(raw: unknown): ParsedMessage<FromSolverMessage> {
  const r = fromSolverSchema.safeParse(raw);
  return r.success ? { ok: true, message: r.data } : { ok: false, error: describe(r.error) };
}

/** Validates a request that arrived in a solver process. */
export function parseToSolver(raw: unknown): ParsedMessage<ToSolverMessage> {
  const r = toSolverSchema.safeParse(raw);
  return r.success ? { ok: true, message: r.data } : { ok: false, error: describe(r.error) };
}
