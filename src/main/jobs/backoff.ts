// Capped exponential backoff for restarting solver processes that keep failing to start.
export interface BackoffPolicy {
  /** Delay after the first failure. */
  baseMs: number;
  /** The delay never grows beyond this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 100, maxMs: 10_000 };

/** Delay before the next restart after `failures` consecutive failures (0 = no delay). */
export function backoffDelayMs(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (failures <= 0) return 0;
  const exponent = Math.min(failures - 1, 30);
  return Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
}

/**
 * What to do after a solver process ended: restart after `delayMs`, or give up (`delayMs` null).
 * A process the pool killed itself (hang, cancel, time limit) restarts at once. One that dies after
 * its handshake counts as a first failure; one that dies before it adds to the streak, which backs
 * off and, at `maxStartFailures`, gives up (no uncapped restart loop).
 */
export function nextRestart(
  failures: number,
  ended: { wasReady: boolean; onPurpose: boolean },
  policy: BackoffPolicy,
  maxStartFailures: number,
): { failures: number; delayMs: number | null } {
  if (ended.onPurpose) return { failures, delayMs: 0 };
  const streak = ended.wasReady ? 1 : failures + 1;
  if (!ended.wasReady && streak >= maxStartFailures) return { failures: streak, delayMs: null };
  return { failures: streak, delayMs: backoffDelayMs(streak, policy) };
}
