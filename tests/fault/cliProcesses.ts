// Running the real `slotwise` command as child processes, for tests of several processes on one
// project. Every child started here is killed after the test if it is still running.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { alive } from './harness.ts';

export const BIN = fileURLToPath(new URL('../../bin/slotwise.js', import.meta.url));

export interface CliChild {
  pid: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Registers the clean-up hook; returns a function that starts `slotwise <args>`. */
export function cliProcesses(): (args: string[], env?: Record<string, string>) => CliChild {
  const pids: number[] = [];
  afterEach(() => {
    for (const pid of pids.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
  });
  return (args, env = {}) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (c: string) => (out += c));
    child.stderr.on('data', (c: string) => (err += c));
    pids.push(child.pid ?? 0);
    return {
      pid: child.pid ?? 0,
      stdout: () => out,
      stderr: () => err,
      exited: new Promise((resolve) => child.on('close', (code) => resolve(code))),
    };
  };
}
