// Runs MIPs in a HiGHS worker thread with a deadline enforced from outside: HiGHS's own time limit
// can overshoot and a WASM solve cannot be preempted, so past the deadline the worker is terminated
// and the call rejects with MipTimeoutError (carrying the best incumbent seen, if any). The worker is
// kept between solves (WASM loads once) and restarted after a kill or crash.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { COL_AUX, ModelBuilder, modelBuffers, ROW_FREE, type MipModel } from './mipModel.ts';
import type { SparseStart } from './warmStart.ts';
import type { MipRunStatus, MipSolveRequest, MipWorkerData, MipWorkerMessage } from './mipWorkerProtocol.ts';

/** How long a new worker may take to load HiGHS before the runner gives up. */
export const WORKER_START_TIMEOUT_MS = 60_000;

/** The slice of the WebAssembly global used here (the Node lib config has no WebAssembly types). */
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<object> } })
  .WebAssembly;

let compiled: Promise<object | undefined> | null = null;

/** HiGHS's WASM compiled once per process (undefined if it cannot be found: workers then load it themselves). */
function highsModule(): Promise<object | undefined> {
  compiled ??= readFile(fileURLToPath(import.meta.resolve('highs/runtime')))
    .then((bytes) => wasm.compile(bytes))
    .catch(() => undefined);
  return compiled;
}

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
  /** Starting values for integer columns (see warmStart.ts); transferred to the worker. */
  start?: SparseStart;
}

export interface MipOutcome {
  status: MipRunStatus;
  objective: number;
  /** Column values, or null when no feasible solution was found. */
  x: Float64Array | null;
  ms: number;
  /** Time inside the worker (model handed to HiGHS, solve, solution read back). */
  workerMs: number;
}

/** A small timetabling-shaped MIP (starts, misses, resource and room rows, spread) for warmUp. */
function warmUpModel(): MipModel {
  const b = new ModelBuilder();
  const courses = 12;
  const slots = 20;
  const x: number[][] = [];
  for (let c = 0; c < courses; c++) {
    x.push(Array.from({ length: slots }, (_, s) => b.addCol(((c * 31 + s * 17) % 13) / 1000, 0, 1, true)));
    b.addRow([...x[c], b.addCol(1000, 0, 3, false, COL_AUX)], null, 3, 3, ROW_FREE);
  }
  for (let s = 0; s < slots; s++) {
    for (let g = 0; g < 4; g++) b.addRow([x[g * 3][s], x[g * 3 + 1][s], x[g * 3 + 2][s]], null, -Infinity, 1);
    b.addRow(
      Array.from({ length: courses }, (_, c) => x[c][s]),
      null,
      -Infinity,
      3,
    );
  }
  for (let c = 0; c < courses; c++) {
    const ws: number[] = [];
    for (let d = 0; d < 4; d++) {
      const w = b.addCol(0, 0, 1, false, COL_AUX);
      ws.push(w);
      const day = x[c].slice(d * 5, d * 5 + 5);
      b.addRow([w, ...day], [1, ...day.map(() => -1)], -Infinity, 0, ROW_FREE);
    }
    b.addRow([...ws, b.addCol(5, 0, 3, false, COL_AUX)], null, 3, Infinity, ROW_FREE);
  }
  return b.build();
}

export class MipRunner {
  private worker: Worker | null = null;
  private started: Promise<Worker> | null = null;
  private nextId = 1;
  private warm = false;
  private warming: Promise<void> | null = null;
  /** Counts close() calls: a spawn that a close() overtook while it loaded HiGHS starts no worker. */
  private closes = 0;

  /** The live worker, spawned and loaded (HiGHS ready) if needed. Deadlines start after this. */
  private async spawn(): Promise<Worker> {
    if (this.worker && this.started) return this.started;
    const closes = this.closes;
    const data: MipWorkerData = { wasmModule: await highsModule() };
    if (closes !== this.closes) throw new MipWorkerError('MIP runner closed while its worker was starting');
    const worker = new Worker(new URL('./mipWorker.ts', import.meta.url), { workerData: data });
    worker.unref();
    this.worker = worker;
    this.started = new Promise<Worker>((resolve, reject) => {
      const fail = (err: Error): void => {
        clearTimeout(timer);
        if (this.worker === worker) this.worker = null;
        void worker.terminate();
        reject(new MipWorkerError(`MIP worker did not start: ${err.message}`));
      };
      const timer = setTimeout(
        () => fail(new Error(`no ready signal in ${WORKER_START_TIMEOUT_MS} ms`)),
        WORKER_START_TIMEOUT_MS,
      );
      worker.once('error', fail);
      worker.once('message', (msg: MipWorkerMessage) => {
        clearTimeout(timer);
        worker.off('error', fail);
        if (msg.kind === 'ready') resolve(worker);
        else fail(new Error(`unexpected first message ${msg.kind}`));
      });
    });
    return this.started;
  }

  /**
   * Starts the worker and runs a tiny MIP through presolve, simplex and branching, so that the WASM
   * functions a real solve needs are compiled before any deadline runs (the first solve in a fresh
   * runtime is several times slower). Safe to call again: a warm worker returns at once, and calls
   * while one warms up wait for it.
   */
  warmUp(): Promise<void> {
    if (this.warm && this.worker) return Promise.resolve();
    // Callers at the same time share one warm-up.
    this.warming ??= (async () => {
      await this.spawn();
      await this.solve(warmUpModel(), { timeLimitMs: 30_000, seed: 0, graceMs: 30_000 });
      this.warm = true;
    })().finally(() => (this.warming = null));
    return this.warming;
  }

  /** True while a worker thread exists (false after close() or a kill). */
  get alive(): boolean {
    return this.worker !== null;
  }

  /** Kills the worker thread (the next solve starts a new one). */
  async close(): Promise<void> {
    this.closes++;
    const w = this.worker;
    this.worker = null;
    this.started = null;
    this.warm = false;
    if (w) await w.terminate();
  }

  /**
   * Solves `model` (its typed arrays are transferred to the worker: do not reuse them). The deadline
   * starts once the worker is ready; past it the worker is killed and the call rejects with
   * MipTimeoutError. A crash rejects with MipWorkerError, cancellation with an AbortError.
   */
  async solve(model: MipModel, opts: MipRunOptions): Promise<MipOutcome> {
    if (opts.signal?.aborted) throw new DOMException('MIP cancelled', 'AbortError');
    const worker = await this.spawn();
    if (opts.signal?.aborted) throw new DOMException('MIP cancelled', 'AbortError');
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
        if (this.worker === worker) {
          this.worker = null;
          this.started = null;
          this.warm = false;
        }
        void worker.terminate();
        reject(err);
      };
      const onMessage = (msg: MipWorkerMessage): void => {
        if (msg.kind === 'ready' || msg.id !== id) return;
        if (msg.kind === 'incumbent') {
          incumbent = msg.x;
          return;
        }
        cleanup();
        if (msg.kind === 'error') reject(new MipWorkerError(msg.message));
        else
          resolve({
            status: msg.status,
            objective: msg.objective,
            x: msg.x,
            ms: Date.now() - started,
            workerMs: msg.ms,
          });
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
        start: opts.start,
      };
      const transfer = modelBuffers(model);
      if (opts.start)
        transfer.push(opts.start.indices.buffer as ArrayBuffer, opts.start.values.buffer as ArrayBuffer);
      worker.postMessage(req, transfer);
    });
  }
}
