// Messages between the MIP runner (main thread of the solver process) and the HiGHS worker thread.
import type { MipModel } from './mipModel.ts';
import type { SparseStart } from './warmStart.ts';

export interface MipSolveRequest {
  id: number;
  model: MipModel;
  /** Soft limit: the worker interrupts HiGHS itself past it (the runner kills the worker later). */
  timeLimitMs: number;
  seed: number;
  /** Stop at this relative MIP gap. */
  relGap: number;
  /** A feasible starting point for the integer columns, if any. */
  start?: SparseStart;
}

export type MipRunStatus = 'optimal' | 'interrupted' | 'time_limit' | 'infeasible' | 'other';

/** Passed at spawn: the HiGHS WASM module compiled once per process, so a restart is cheap. */
export interface MipWorkerData {
  /** A WebAssembly.Module (structured-cloneable between threads). */
  wasmModule?: object;
}

export type MipWorkerMessage =
  | { kind: 'ready'; id: 0 }
  | { kind: 'incumbent'; id: number; objective: number; x: Float64Array }
  | { kind: 'done'; id: number; status: MipRunStatus; objective: number; x: Float64Array | null; ms: number }
  | { kind: 'error'; id: number; message: string };
