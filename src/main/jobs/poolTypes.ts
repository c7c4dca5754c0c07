// Types of the solver pool: its options, the tasks it runs and the processes it supervises.
import { availableParallelism } from 'node:os';
import type { SolveOptions, SolveProgress, SolveResult } from '../../shared/solver/protocol.ts';
import type { College } from '../../shared/model/types.ts';
import type { SolverCheckpoint } from '../../shared/solver/messages.ts';
import type { ProcessSpawner, SolverChild } from './ProcessSpawner.ts';
import type { AttemptError } from './AttemptError.ts';
import type { BackoffPolicy } from './backoff.ts';
import type { Clock, TimerHandle } from './clock.ts';

export interface SolverPoolOptions {
  spawner: ProcessSpawner;
  /** Number of processes; default cores - 1, at least 1. */
  size?: number;
  /** Heap cap per process in MB. */
  maxOldSpaceMb?: number;
  readyTimeoutMs?: number;
  backoff?: BackoffPolicy;
  /** A process that fails to start this many times in a row is given up. */
  maxStartFailures?: number;
  checkpointEveryMs?: number;
  args?: string[];
  env?: Record<string, string>;
  clock?: Clock;
  onWorkerEvent?: (e: WorkerEvent) => void;
}

export interface WorkerEvent {
  type: 'spawned' | 'ready' | 'exited' | 'restart_scheduled' | 'given_up';
  worker: number;
  pid: number | undefined;
  detail: string;
  delayMs?: number;
}

export interface TaskHandlers {
  onStarted?: (pid: number | undefined) => void;
  onProgress?: (p: SolveProgress) => void;
  onCheckpoint?: (c: SolverCheckpoint) => void;
}

export interface PoolTask {
  readonly id: string;
  /** The solver's result; rejects with an AttemptError when the attempt ends without one. */
  readonly result: Promise<SolveResult>;
  /** Asks the solver to stop (it answers with its best so far); kills the process after graceMs. */
  cancel(graceMs?: number): void;
  /** Kills the process running this task now; the result rejects with this failure. */
  kill(error: AttemptError): void;
}

export interface Task {
  id: string;
  college: College;
  options: SolveOptions;
  handlers: TaskHandlers;
  resolve: (r: SolveResult) => void;
  reject: (e: AttemptError) => void;
  worker: Worker | null;
  settled: boolean;
  cancelTimer: TimerHandle | null;
}

export interface Worker {
  id: number;
  child: SolverChild | null;
  /** `stopping`: killed by the pool, exit not yet seen (nothing is dispatched to it). */
  state: 'starting' | 'ready' | 'stopping' | 'down' | 'given_up';
  task: Task | null;
  served: number;
  startFailures: number;
  /** Set when the pool itself killed the process (hang, cancel, time limit): restart at once. */
  killedOnPurpose: boolean;
  timer: TimerHandle | null;
}

export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}
