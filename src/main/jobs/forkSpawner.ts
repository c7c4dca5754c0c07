// Solver processes as plain Node child processes (the CLI and tests; the app uses utilityProcess).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ExitInfo, ProcessSpawner, SolverChild, SpawnOptions } from './ProcessSpawner.ts';
import { TailBuffer, looksLikeOom } from './ProcessSpawner.ts';

/** The solver process entry, run by Node directly from its TypeScript source. */
export const SOLVER_ENTRY = fileURLToPath(new URL('../../solver/process.ts', import.meta.url));

export interface ForkSpawnerOptions {
  entry?: string;
  /** Copy the child's stderr to ours as well (it is always kept for failure reasons). */
  echoStderr?: boolean;
}

export function createForkSpawner(opts: ForkSpawnerOptions = {}): ProcessSpawner {
  const entry = opts.entry ?? SOLVER_ENTRY;
  return {
    spawn(options: SpawnOptions): SolverChild {
      const child = fork(entry, options.args ?? [], {
        execArgv: [`--max-old-space-size=${options.maxOldSpaceMb}`, '--disable-warning=ExperimentalWarning'],
        env: { ...process.env, ...options.env },
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        serialization: 'advanced',
      });
      const tail = new TailBuffer();
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => {
        tail.push(chunk);
        if (opts.echoStderr) process.stderr.write(chunk);
      });
      const exitListeners: Array<(info: ExitInfo) => void> = [];
      let exited: ExitInfo | null = null;
      const finish = (code: number | null, signal: string | null): void => {
        if (exited) return;
        const stderrTail = tail.toString();
        exited = { code, signal, oom: looksLikeOom(signal, code, stderrTail), stderrTail };
        for (const l of exitListeners) l(exited);
      };
      // 'close' comes after stderr is drained, so the OOM message is in the tail.
      child.on('close', (code, signal) => finish(code, signal));
      child.on('error', (err) => {
        tail.push(`\n${err.message}`);
        if (child.exitCode === null && child.signalCode === null && child.pid === undefined)
          finish(null, null);
      });
      return {
        get pid() {
          return child.pid;
        },
        send(message) {
          if (child.connected) child.send(message);
        },
        kill(signal = 'SIGKILL') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        },
        onMessage(listener) {
          child.on('message', (raw) => listener(raw));
        },
        onExit(listener) {
          if (exited) listener(exited);
          else exitListeners.push(listener);
        },
      };
    },
  };
}
