// Messages between the MIP runner (main thread of the solver process) and the HiGHS worker thread.
import type { MipModel } from './mipModel.ts';

export interface MipSolveRequest {
  id: number;
  model: MipModel;
  /** Soft limit: the worker interrupts HiGHS itself past it (the runner kills the worker later). */
  timeLimitMs: number;
  seed: number;
  /** Stop at this relative MIP gap. */
  relGap: number;
}

export type MipRunStatus = 'optimal' | 'interrupted' | 'time_limit' | 'infeasible' | 'other';

export type MipWorkerMessage =
  | { kind: 'incumbent'; id: number; objective: number; x: Float64Array }
  | { kind: 'done'; id: number; status: MipRunStatus; objective: number; x: Float64Array | null; ms: number }
  | { kind: 'error'; id: number; message: string };
