// The solver process entry: runs solves for main, one at a time, over the protocol in
// src/shared/solver/messages.ts. Spawned by Electron's utilityProcess (messages on
// process.parentPort) or by child_process.fork (process.send) under the CLI and in tests.
// It reports progress at least twice a second while solving (main's watchdog kills a silent
// process), forwards improved best timetables as checkpoints, and exits when main goes away.
//
// `--solver-module=<path>` replaces the solver with another module exporting the same `solve`
// (fault-injection fixtures in tests use it); the default is ./solve.ts.
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SolveOptions, SolveProgress, SolveResult } from '../shared/solver/protocol.ts';
import { SOLVER_PROTOCOL_VERSION, assertNever, parseToSolver } from '../shared/solver/messages.ts';
import type { FromSolverMessage, ToSolverMessage } from '../shared/solver/messages.ts';
import type { College } from '../shared/model/types.ts';

type SolveFn = (
  college: College,
  options: SolveOptions,
  onProgress?: (p: SolveProgress) => void,
  signal?: AbortSignal,
) => Promise<SolveResult>;

interface ParentPortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const HEARTBEAT_MS = 400;
const PROGRESS_MIN_GAP_MS = 100;

interface ActiveSolve {
  requestId: string;
  abort: AbortController;
  startedAt: number;
  checkpointEveryMs: number;
  last: SolveProgress;
  lastSentAt: number;
  lastCheckpointAt: number;
  checkpointCost: [number, number] | null;
}

function connect(): {
  post: (m: FromSolverMessage) => void;
  onMessage: (cb: (raw: unknown) => void) => void;
} {
  const parentPort = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return {
      post: (m) => parentPort.postMessage(m),
      onMessage: (cb) => parentPort.on('message', (e) => cb(e.data)),
    };
  }
  if (!process.send) throw new Error('The solver process must be started by Slotwise (no IPC channel).');
  return {
    post: (m) => {
      if (process.connected) process.send?.(m);
    },
    onMessage: (cb) => process.on('message', (raw) => cb(raw)),
  };
}

// A solver stuck in a long synchronous loop cannot see its IPC channel close, so a tiny thread
// watches the parent pid: when main dies (even by SIGKILL) this process goes with it.
const ORPHAN_GUARD = `
const { workerData } = require('node:worker_threads');
setInterval(() => { if (process.ppid !== workerData) process.kill(process.pid, 'SIGKILL'); }, 500);
`;

function guardAgainstOrphaning(): void {
  new Worker(ORPHAN_GUARD, { eval: true, workerData: process.ppid }).unref();
}

async function loadSolve(): Promise<SolveFn> {
  const flag = process.argv.find((a) => a.startsWith('--solver-module='));
  const mod = (
    flag
      ? await import(pathToFileURL(flag.slice('--solver-module='.length)).href)
      : await import('./solve.ts')
  ) as { solve?: unknown };
  if (typeof mod.solve !== 'function') throw new Error('The solver module does not export solve().');
  return mod.solve as SolveFn;
}

function better(a: [number, number], b: [number, number] | null): boolean {
  return b === null || a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

async function main(): Promise<void> {
  const port = connect();
  guardAgainstOrphaning();
  const solve = await loadSolve();
  let active: ActiveSolve | null = null;

  const sendProgress = (a: ActiveSolve, p: SolveProgress): void => {
    const { stage, percent, bestHard, bestSoft, message } = p;
    const progress = { stage, percent, bestHard, bestSoft, message, elapsedMs: Date.now() - a.startedAt };
    port.post({ type: 'progress', requestId: a.requestId, progress });
    a.lastSentAt = Date.now();
  };

  const onProgress = (a: ActiveSolve, p: SolveProgress): void => {
    const now = Date.now();
    const stageChanged = a.last.stage !== p.stage;
    a.last = p;
    if (stageChanged || now - a.lastSentAt >= PROGRESS_MIN_GAP_MS) sendProgress(a, p);
    if (!p.best || p.bestHard === null || p.bestSoft === null) return;
    const cost: [number, number] = [p.bestHard, p.bestSoft];
    if (!better(cost, a.checkpointCost)) return;
    if (!stageChanged && a.checkpointCost !== null && now - a.lastCheckpointAt < a.checkpointEveryMs) return;
    a.checkpointCost = cost;
    a.lastCheckpointAt = now;
    port.post({
      type: 'checkpoint',
      requestId: a.requestId,
      stage: p.stage,
      timetable: p.best,
      hardTotal: cost[0],
      softTotal: cost[1],
    });
  };

  const run = (msg: Extract<ToSolverMessage, { type: 'solve' }>): void => {
    if (active) {
      port.post({
        type: 'error',
        requestId: msg.requestId,
        error: { code: 'busy', message: `This solver process is already running ${active.requestId}.` },
      });
      return;
    }
    const now = Date.now();
    const a: ActiveSolve = {
      requestId: msg.requestId,
      abort: new AbortController(),
      startedAt: now,
      checkpointEveryMs: msg.checkpointEveryMs,
      last: {
        stage: 'precheck',
        percent: 0,
        bestHard: null,
        bestSoft: null,
        message: 'Starting',
        elapsedMs: 0,
      },
      lastSentAt: 0,
      lastCheckpointAt: 0,
      checkpointCost: null,
    };
    active = a;
    sendProgress(a, a.last);
    solve(msg.college, msg.options, (p) => onProgress(a, p), a.abort.signal).then(
      (result) => {
        active = null;
        port.post({ type: 'result', requestId: a.requestId, result });
      },
      (err: unknown) => {
        active = null;
        const message = err instanceof Error ? err.message : String(err);
        const stack = err instanceof Error ? err.stack : undefined;
        port.post({
          type: 'error',
          requestId: a.requestId,
          error: { code: 'solver_error', message, details: stack },
        });
      },
    );
  };

  // Liveness while the solver is busy elsewhere (e.g. waiting on HiGHS in its worker thread).
  setInterval(() => {
    if (active && Date.now() - active.lastSentAt >= HEARTBEAT_MS) sendProgress(active, active.last);
  }, HEARTBEAT_MS / 2).unref();

  port.onMessage((raw) => {
    const parsed = parseToSolver(raw);
    if (!parsed.ok) {
      port.post({ type: 'error', requestId: null, error: { code: 'protocol', message: parsed.error } });
      return;
    }
    const msg = parsed.message;
    switch (msg.type) {
      case 'solve':
        run(msg);
        break;
      case 'cancel':
        if (active?.requestId === msg.requestId) active.abort.abort();
        break;
      case 'shutdown':
        active?.abort.abort();
        process.exit(0);
        break;
      default:
        assertNever(msg);
    }
  });
  // Main went away (crashed or quit): nobody is listening any more.
  process.on('disconnect', () => process.exit(0));
  port.post({ type: 'ready', protocol: SOLVER_PROTOCOL_VERSION, pid: process.pid });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(70);
});
