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
