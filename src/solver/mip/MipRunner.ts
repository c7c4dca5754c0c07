// Runs MIPs in a HiGHS worker thread with a deadline enforced from outside: HiGHS's own time limit
// can overshoot and a WASM solve cannot be preempted, so past the deadline the worker is terminated
// and the call rejects with MipTimeoutError (carrying the best incumbent seen, if any). The worker is
// kept between solves (WASM loads once) and restarted after a kill or crash.
import { Worker } from 'node:worker_threads';
import { modelBuffers, type MipModel } from './mipModel.ts';
import type { MipRunStatus, MipSolveRequest, MipWorkerMessage } from './mipWorkerProtocol.ts';

export class MipTimeoutError extends Error {
  readonly code = 'mip_timeout';
  /** Best solution the worker reported before it was killed (feasible for the model), or null. */
  readonly incumbent: Float64Array | null;
  constructor(ms: number, incumbent: Float64Array | null) {
    super(`MIP did not finish within ${ms} ms; the worker was terminated`);
    this.name = 'MipTimeoutError';
    this.incumbent = incumbent;
  }
}

export class MipWorkerError extends Error {
  readonly code = 'mip_worker';
  constructor(message: string) {
    super(message);
    this.name = 'MipWorkerError';
  }
}

export interface MipRunOptions {
  timeLimitMs: number;
  seed: number;
  /** Relative gap to stop at (default 0.01). */
  relGap?: number;
  /** Extra time past timeLimitMs before the worker is killed (default max(500 ms, timeLimitMs / 2)). */
  graceMs?: number;
  /** Kill the worker this long after the call whatever the soft limit (overrides timeLimitMs + graceMs). */
  killAfterMs?: number;
  signal?: AbortSignal;
}

export interface MipOutcome {
  status: MipRunStatus;
  objective: number;
  /** Column values, or null when no feasible solution was found. */
  x: Float64Array | null;
  ms: number;
}

export class MipRunner {
  private worker: Worker | null = null;
  private nextId = 1;

  private spawn(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./mipWorker.ts', import.meta.url));
      this.worker.unref();
    }
    return this.worker;
  }

  /** True while a worker thread exists (false after close() or a kill). */
  get alive(): boolean {
    return this.worker !== null;
  }

  /** Kills the worker thread (the next solve starts a new one). */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  solve(model: MipModel, opts: MipRunOptions): Promise<MipOutcome> {
    if (opts.signal?.aborted) return Promise.reject(new DOMException('MIP cancelled', 'AbortError'));
    const worker = this.spawn();
    const id = this.nextId++;
    const started = Date.now();
    const killAfter =
      opts.killAfterMs ?? opts.timeLimitMs + (opts.graceMs ?? Math.max(500, opts.timeLimitMs / 2));
    return new Promise<MipOutcome>((resolve, reject) => {
      let incumbent: Float64Array | null = null;
      const cleanup = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        opts.signal?.removeEventListener('abort', onAbort);
      };
      const kill = (err: Error): void => {
        cleanup();
        if (this.worker === worker) this.worker = null;
        void worker.terminate();
        reject(err);
      };
      const onMessage = (msg: MipWorkerMessage): void => {
        if (msg.id !== id) return;
        if (msg.kind === 'incumbent') {
          incumbent = msg.x;
          return;
        }
        cleanup();
        if (msg.kind === 'error') reject(new MipWorkerError(msg.message));
        else resolve({ status: msg.status, objective: msg.objective, x: msg.x, ms: Date.now() - started });
      };
      const onError = (err: Error): void => kill(new MipWorkerError(`MIP worker crashed: ${err.message}`));
      const onExit = (code: number): void => kill(new MipWorkerError(`MIP worker exited (code ${code})`));
      const onAbort = (): void => kill(new DOMException('MIP cancelled', 'AbortError'));
      const timer = setTimeout(() => kill(new MipTimeoutError(killAfter, incumbent)), killAfter);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      opts.signal?.addEventListener('abort', onAbort);
      const req: MipSolveRequest = {
        id,
        model,
        timeLimitMs: opts.timeLimitMs,
        seed: opts.seed,
        relGap: opts.relGap ?? 0.01,
      };
      worker.postMessage(req, modelBuffers(model));
    });
  }
}
