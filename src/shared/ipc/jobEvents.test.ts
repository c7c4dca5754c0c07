import { describe, expect, it } from 'vitest';
import { estimateEtaMs, jobEventSchema } from './jobEvents.ts';

describe('estimateEtaMs', () => {
  it('extrapolates from the share done', () => {
    expect(estimateEtaMs(3000, 25, null)).toBe(9000);
  });
  it('never exceeds the remaining budget', () => {
    expect(estimateEtaMs(3000, 25, 4000)).toBe(4000);
  });
  it('falls back to the budget (or null) before any progress', () => {
    expect(estimateEtaMs(100, 0, 5000)).toBe(5000);
    expect(estimateEtaMs(100, 0, null)).toBeNull();
  });
});

describe('jobEventSchema', () => {
  it('accepts a stuck event and rejects one without its job', () => {
    const e = { type: 'stuck', jobId: 3, attempt: 1, silentMs: 2100, elapsedMs: 4000, etaMs: null };
    expect(jobEventSchema.safeParse(e).success).toBe(true);
    expect(jobEventSchema.safeParse({ ...e, jobId: undefined }).success).toBe(false);
  });
});
