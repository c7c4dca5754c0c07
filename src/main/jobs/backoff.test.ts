import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff.ts';

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
