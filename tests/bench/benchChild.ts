// Helpers shared by the solve benchmarks that run each case in a child process of their own (a
// clean heap, and a peak RSS that belongs to that case alone).
import { spawn } from 'node:child_process';
import type { Evaluation } from '../../src/shared/eval/types.ts';

/** Samples the RSS every 50 ms; the returned function stops and gives the peak in MB. */
export function rssSampler(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return () => {
    clearInterval(timer);
    return Math.round(Math.max(peak, process.resourceUsage().maxRSS * 1024) / 2 ** 20);
  };
}

export const nonZero = (r: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(r).filter(([, v]) => v !== 0));

/** Hard rule violations by rule kind (same_room, same_time, ...), from the evaluation's messages. */
export function hardRulesByKind(ev: Evaluation): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of ev.violations) {
    if (!v.hard || v.kind !== 'rule') continue;
    const kind = /^rule \d+ \((\w+)/.exec(v.message)?.[1] ?? 'other';
    out[kind] = (out[kind] ?? 0) + v.cost;
  }
  return out;
}

/**
 * Runs `script` with `args` in a child Node process and parses the last line of its stdout as
 * JSON; on a crash or bad output, `onError` builds the row from the message.
 */
export function runChild<T>(script: string, args: string[], onError: (message: string) => T): Promise<T> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as T);
      } catch {
        resolve(onError(`child exited ${code}: ${out.slice(-300)}`));
      }
    });
  });
}
