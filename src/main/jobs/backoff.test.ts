import { describe, expect, it } from 'vitest';
import { backoffDelayMs, nextRestart } from './backoff.ts';

describe('backoffDelayMs', () => {
  const policy = { baseMs: 100, maxMs: 1500 };

  it('doubles from the base after each consecutive failure', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, policy))).toEqual([100, 200, 400, 800]);
  });

  it('never exceeds the cap, however many failures', () => {
    expect(backoffDelayMs(5, policy)).toBe(1500);
    expect(backoffDelayMs(60, policy)).toBe(1500);
    expect(backoffDelayMs(10_000, policy)).toBe(1500);
  });

  it('restarts at once when nothing failed', () => {
    expect(backoffDelayMs(0, policy)).toBe(0);
  });
});

describe('nextRestart', () => {
  const policy = { baseMs: 100, maxMs: 1500 };
  const crash = { wasReady: false, onPurpose: false };

  it('gives up on a process that keeps dying before its handshake, with capped delays until then', () => {
    let failures = 0;
    const delays: Array<number | null> = [];
    for (let i = 0; i < 8; i++) {
      const next = nextRestart(failures, crash, policy, 8);
      failures = next.failures;
      delays.push(next.delayMs);
    }
    expect(delays).toEqual([100, 200, 400, 800, 1500, 1500, 1500, null]);
  });

  it('restarts a process that crashed after its handshake after the base delay, streak reset', () => {
    expect(nextRestart(6, { wasReady: true, onPurpose: false }, policy, 8)).toEqual({
      failures: 1,
      delayMs: 100,
    });
  });

  it('restarts at once after a deliberate kill', () => {
    expect(nextRestart(3, { wasReady: true, onPurpose: true }, policy, 8)).toEqual({
      failures: 3,
      delayMs: 0,
    });
  });
});
