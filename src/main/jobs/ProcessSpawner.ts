// How the pool starts a solver process. Two implementations: child_process.fork (CLI, tests;
// forkSpawner.ts) and Electron's utilityProcess.fork (the app; src/main/shell).
import type { ToSolverMessage } from '../../shared/solver/messages.ts';

export interface SpawnOptions {
  /** V8 heap cap of the process (`--max-old-space-size`), in MB. */
  maxOldSpaceMb: number;
  /** Extra arguments for the process entry (e.g. `--solver-module=<path>` in tests). */
  args?: string[];
  /** Extra environment variables on top of the parent's. */
  env?: Record<string, string>;
}

export interface ExitInfo {
  code: number | null;
  signal: string | null;
  /** The process ran out of its heap (V8 reported it, or it aborted as V8 does on OOM). */
  oom: boolean;
  /** The last lines the process wrote to stderr (for the failure reason). */
  stderrTail: string;
}

export interface SolverChild {
  readonly pid: number | undefined;
  send(message: ToSolverMessage): void;
  /** SIGKILL unless another signal is given. */
  kill(signal?: NodeJS.Signals): void;
  onMessage(listener: (raw: unknown) => void): void;
  /** Called once when the process has ended, whatever the cause. */
  onExit(listener: (info: ExitInfo) => void): void;
}

export interface ProcessSpawner {
  spawn(options: SpawnOptions): SolverChild;
}

const OOM_PATTERNS = [/heap out of memory/i, /Reached heap limit/i, /allocation failed/i];

/** Whether an exit looks like V8 running out of heap. */
export function looksLikeOom(signal: string | null, code: number | null, stderrTail: string): boolean {
  if (OOM_PATTERNS.some((p) => p.test(stderrTail))) return true;
  return signal === 'SIGABRT' || code === 134;
}

/** Keeps the last `limit` characters written to a stream. */
export class TailBuffer {
  private text = '';
  private readonly limit: number;
  constructor(limit = 4000) {
    this.limit = limit;
  }
  push(chunk: string): void {
    this.text = (this.text + chunk).slice(-this.limit);
  }
  toString(): string {
    return this.text;
  }
}
