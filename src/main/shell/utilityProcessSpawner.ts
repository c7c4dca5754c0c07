// Solver processes in the app: Electron's utilityProcess, behind the same ProcessSpawner interface
// the CLI and tests use with child_process.fork (src/main/jobs/forkSpawner.ts).
import { utilityProcess } from 'electron';
import type { ProcessSpawner, SolverChild } from '../jobs/ProcessSpawner.ts';
import { TailBuffer, looksLikeOom } from '../jobs/ProcessSpawner.ts';
import type { ExitInfo } from '../jobs/ProcessSpawner.ts';

/** `entry`: the built solver process module (out/solver/process.js in a packaged app). */
export function createUtilityProcessSpawner(entry: string): ProcessSpawner {
  return {
    spawn(options): SolverChild {
      const child = utilityProcess.fork(entry, options.args ?? [], {
        serviceName: 'slotwise-solver',
        execArgv: [`--max-old-space-size=${options.maxOldSpaceMb}`],
        env: { ...process.env, ...options.env },
        stdio: 'pipe',
      });
      const tail = new TailBuffer();
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => tail.push(chunk));
      child.stdout?.resume();
      let exited: ExitInfo | null = null;
      const listeners: Array<(info: ExitInfo) => void> = [];
      child.on('exit', (code) => {
        // utilityProcess reports only a code; a V8 heap abort shows in stderr.
        const stderrTail = tail.toString();
        exited = { code, signal: null, oom: looksLikeOom(null, code, stderrTail), stderrTail };
        for (const l of listeners) l(exited);
      });
      return {
        get pid() {
          return child.pid;
        },
        send: (message) => child.postMessage(message),
        kill: (signal = 'SIGKILL') => {
          if (exited) return;
          try {
            if (child.pid !== undefined) process.kill(child.pid, signal);
            else child.kill();
          } catch {
            // already gone; its exit event follows
          }
        },
        onMessage: (listener) => child.on('message', (raw: unknown) => listener(raw)),
        onExit: (listener) => (exited ? listener(exited) : void listeners.push(listener)),
      };
    },
  };
}
