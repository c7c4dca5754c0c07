// The one owner of the solver processes (bulkhead): N processes, each with a heap cap, a ready
// handshake, least-loaded dispatch (a process runs one solve at a time), crash detection (exit,
// signal, OOM) that rejects the crashed process's task, restart with capped exponential backoff,
// and kill-all on shutdown or when this process exits. Every message is validated on arrival.
import type { SolveOptions, SolveResult } from '../../shared/solver/protocol.ts';
import type { College } from '../../shared/model/types.ts';
import { SOLVER_PROTOCOL_VERSION, assertNever, parseFromSolver } from '../../shared/solver/messages.ts';
import type { FromSolverMessage } from '../../shared/solver/messages.ts';
import type { ExitInfo } from './ProcessSpawner.ts';
import { AttemptError } from './AttemptError.ts';
import { DEFAULT_BACKOFF, nextRestart } from './backoff.ts';
import { systemClock } from './clock.ts';
import type { PoolTask, SolverPoolOptions, Task, TaskHandlers, Worker, WorkerEvent } from './poolTypes.ts';
import { defaultPoolSize } from './poolTypes.ts';

export type { PoolTask, SolverPoolOptions, TaskHandlers, WorkerEvent } from './poolTypes.ts';
export { defaultPoolSize } from './poolTypes.ts';

export class SolverPool {
  private readonly opts: Required<Omit<SolverPoolOptions, 'onWorkerEvent' | 'args' | 'env'>> &
    Pick<SolverPoolOptions, 'onWorkerEvent' | 'args' | 'env'>;
  private readonly workers: Worker[] = [];
  private readonly queue: Task[] = [];
  private nextTask = 1;
  private stopping = false;
  private readonly killAllOnExit = (): void => {
    for (const w of this.workers) w.child?.kill('SIGKILL');
  };

  constructor(options: SolverPoolOptions) {
    this.opts = {
      ...options,
      size: Math.max(1, Math.floor(options.size ?? defaultPoolSize())),
      maxOldSpaceMb: options.maxOldSpaceMb ?? 2048,
      readyTimeoutMs: options.readyTimeoutMs ?? 30_000,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      maxStartFailures: options.maxStartFailures ?? 5,
      checkpointEveryMs: options.checkpointEveryMs ?? 1000,
      clock: options.clock ?? systemClock,
    };
    for (let i = 0; i < this.opts.size; i++) {
      const w: Worker = {
        id: i + 1,
        child: null,
        state: 'down',
        task: null,
        served: 0,
        startFailures: 0,
        killedOnPurpose: false,
        timer: null,
      };
      this.workers.push(w);
      this.spawn(w);
    }
    process.on('exit', this.killAllOnExit);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Pids of the live processes (tests and diagnostics). */
  pids(): number[] {
    return this.workers.flatMap((w) =>
      w.child?.pid !== undefined && w.state !== 'down' ? [w.child.pid] : [],
    );
  }

  run(college: College, options: SolveOptions, handlers: TaskHandlers = {}): PoolTask {
    let resolve!: (r: SolveResult) => void;
    let reject!: (e: AttemptError) => void;
    const result = new Promise<SolveResult>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const task: Task = {
      id: `t${this.nextTask++}`,
      college,
      options,
      handlers,
      resolve,
      reject,
      worker: null,
      settled: false,
      cancelTimer: null,
    };
    if (this.stopping) this.fail(task, new AttemptError('shutdown', 'The solver pool is shutting down.'));
    else if (this.workers.every((w) => w.state === 'given_up')) this.fail(task, this.givenUpError());
    else {
      this.queue.push(task);
      this.dispatch();
    }
    return {
      id: task.id,
      result,
      cancel: (graceMs = 600) => this.cancel(task, graceMs),
      kill: (error) => this.killTask(task, error),
    };
  }

  /** Stops everything: running and queued tasks reject, processes get `graceMs` to exit, then SIGKILL. */
  async shutdown(graceMs = 1000): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    const error = new AttemptError('shutdown', 'The solver pool was shut down.');
    for (const t of this.queue.splice(0)) this.fail(t, error);
    const exits: Promise<void>[] = [];
    for (const w of this.workers) {
      w.timer?.cancel();
      if (w.task) this.fail(w.task, error);
      const child = w.child;
      if (!child || w.state === 'down' || w.state === 'given_up') continue;
      exits.push(new Promise<void>((done) => child.onExit(() => done())));
      child.send({ type: 'shutdown' });
    }
    if (graceMs <= 0) this.killAllOnExit();
    const timer = this.opts.clock.setTimeout(this.killAllOnExit, graceMs);
    await Promise.all(exits);
    timer.cancel();
    process.off('exit', this.killAllOnExit);
  }

  private spawn(w: Worker): void {
    if (this.stopping) return;
    w.state = 'starting';
    w.killedOnPurpose = false;
    const child = this.opts.spawner.spawn({
      maxOldSpaceMb: this.opts.maxOldSpaceMb,
      args: this.opts.args,
      env: this.opts.env,
    });
    w.child = child;
    this.emit(w, 'spawned', `solver process ${child.pid ?? '?'} started`);
    w.timer = this.opts.clock.setTimeout(() => {
      this.emit(w, 'exited', `no ready handshake within ${this.opts.readyTimeoutMs} ms`);
      child.kill('SIGKILL');
    }, this.opts.readyTimeoutMs);
    child.onMessage((raw) => {
      if (w.child === child) this.onMessage(w, raw);
    });
    child.onExit((info) => {
      if (w.child === child) this.onExit(w, info);
    });
  }

  private onMessage(w: Worker, raw: unknown): void {
    const parsed = parseFromSolver(raw);
    if (!parsed.ok) {
      this.killWorker(
        w,
        new AttemptError('protocol', `The solver sent an invalid message (${parsed.error}).`),
      );
      return;
    }
    const msg: FromSolverMessage = parsed.message;
    switch (msg.type) {
      case 'ready':
        if (msg.protocol !== SOLVER_PROTOCOL_VERSION) {
          this.killWorker(
            w,
            new AttemptError(
              'protocol',
              `Solver protocol ${msg.protocol} is not ${SOLVER_PROTOCOL_VERSION}.`,
            ),
          );
          return;
        }
        w.timer?.cancel();
        w.timer = null;
        w.state = 'ready';
        w.startFailures = 0;
        this.emit(w, 'ready', 'ready');
        this.dispatch();
        return;
      case 'progress':
        if (w.task?.id === msg.requestId) w.task.handlers.onProgress?.(msg.progress);
        return;
      case 'checkpoint':
        if (w.task?.id === msg.requestId) {
          const { stage, timetable, hardTotal, softTotal } = msg;
          w.task.handlers.onCheckpoint?.({ stage, timetable, hardTotal, softTotal });
        }
        return;
      case 'result':
        if (w.task?.id === msg.requestId) {
          const task = w.task;
          this.detach(task);
          task.settled = true;
          task.resolve(msg.result);
          w.served++;
          this.dispatch();
        }
        return;
      case 'error':
        if (msg.requestId !== null && w.task?.id === msg.requestId) {
          const task = w.task;
          this.detach(task);
          this.fail(task, new AttemptError('solver_error', `The solver failed: ${msg.error.message}`));
          this.dispatch();
        } else if (msg.requestId === null) {
          this.killWorker(
            w,
            new AttemptError('protocol', `The solver rejected a request: ${msg.error.message}`),
          );
        }
        return;
      default:
        assertNever(msg);
    }
  }

  private onExit(w: Worker, info: ExitInfo): void {
    const wasReady = w.state === 'ready';
    w.timer?.cancel();
    w.timer = null;
    w.state = 'down';
    const how = info.signal ? `signal ${info.signal}` : `exit code ${info.code}`;
    this.emit(w, 'exited', `solver process ${w.child?.pid ?? '?'} ended (${how})`);
    if (w.task) {
      const task = w.task;
      this.detach(task);
      const lastLine = info.stderrTail.trim().split('\n').slice(-1)[0] ?? '';
      this.fail(
        task,
        info.oom
          ? new AttemptError('oom', `The solver ran out of memory (heap cap ${this.opts.maxOldSpaceMb} MB).`)
          : new AttemptError(
              'crash',
              `The solver process crashed (${how})${lastLine ? `: ${lastLine}` : ''}.`,
            ),
      );
    }
    if (this.stopping) return;
    const next = nextRestart(
      w.startFailures,
      { wasReady, onPurpose: w.killedOnPurpose },
      this.opts.backoff,
      this.opts.maxStartFailures,
    );
    w.startFailures = next.failures;
    if (next.delayMs === null) {
      w.state = 'given_up';
      this.emit(
        w,
        'given_up',
        `failed to start ${w.startFailures} times in a row: ${info.stderrTail.trim()}`,
      );
      if (this.workers.every((x) => x.state === 'given_up')) {
        for (const t of this.queue.splice(0)) this.fail(t, this.givenUpError());
      }
      return;
    }
    const delay = next.delayMs;
    this.emit(w, 'restart_scheduled', `restart in ${delay} ms`, delay);
    w.timer = this.opts.clock.setTimeout(() => {
      w.timer = null;
      this.spawn(w);
    }, delay);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = this.workers.filter((w) => w.state === 'ready' && w.task === null);
      if (idle.length === 0) return;
      // Least-loaded: every idle process has load 0; prefer the one that has served least.
      const w = idle.reduce((a, b) => (b.served < a.served ? b : a));
      const task = this.queue.shift() as Task;
      task.worker = w;
      w.task = task;
      w.child?.send({
        type: 'solve',
        requestId: task.id,
        college: task.college,
        options: task.options,
        checkpointEveryMs: this.opts.checkpointEveryMs,
      });
      task.handlers.onStarted?.(w.child?.pid);
    }
  }

  private cancel(task: Task, graceMs: number): void {
    if (task.settled) return;
    if (!task.worker) {
      this.queue.splice(this.queue.indexOf(task), 1);
      this.fail(task, new AttemptError('cancelled', 'Cancelled before it started.'));
      return;
    }
    task.worker.child?.send({ type: 'cancel', requestId: task.id });
    task.cancelTimer ??= this.opts.clock.setTimeout(
      () => this.killTask(task, new AttemptError('cancelled', 'Cancelled (the solver was stopped).')),
      graceMs,
    );
  }

  private killTask(task: Task, error: AttemptError): void {
    if (task.settled) return;
    const w = task.worker;
    if (!w) {
      this.queue.splice(this.queue.indexOf(task), 1);
      this.fail(task, error);
      return;
    }
    this.detach(task);
    this.fail(task, error);
    this.stopWorker(w);
  }

  private stopWorker(w: Worker): void {
    w.killedOnPurpose = true;
    if (w.state === 'ready' || w.state === 'starting') w.state = 'stopping';
    w.child?.kill('SIGKILL');
  }

  private killWorker(w: Worker, error: AttemptError): void {
    if (w.task) this.killTask(w.task, error);
    else this.stopWorker(w);
  }

  private detach(task: Task): void {
    task.cancelTimer?.cancel();
    if (task.worker && task.worker.task === task) task.worker.task = null;
  }

  private fail(task: Task, error: AttemptError): void {
    if (task.settled) return;
    task.settled = true;
    task.cancelTimer?.cancel();
    task.reject(error);
  }

  private givenUpError(): AttemptError {
    return new AttemptError('spawn', 'No solver process could be started (see the log for the reason).');
  }

  private emit(w: Worker, type: WorkerEvent['type'], detail: string, delayMs?: number): void {
    this.opts.onWorkerEvent?.({ type, worker: w.id, pid: w.child?.pid, detail, delayMs });
  }
}
