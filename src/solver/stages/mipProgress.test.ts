import { describe, expect, it } from 'vitest';
import type { MipProgress } from '../mip/mipSchedule.ts';
import { MipProgressTracker } from './mipProgress.ts';

const report = (done: number, extra: Partial<MipProgress> = {}): MipProgress => ({
  done,
  total: 3,
  placed: 0,
  sessions: 100,
  elapsedMs: 0,
  message: '',
  ...extra,
});

describe('MIP stage progress', () => {
  it('moves while one big community is being solved instead of standing still', () => {
    let t = 0;
    const seen: Array<[number, string]> = [];
    const tracker = new MipProgressTracker(
      100,
      (f, m) => seen.push([f, m]),
      () => t,
    );
    tracker.update(report(0, { current: { index: 0, sessions: 80, limitMs: 10_000 } }));
    expect(seen.at(-1)?.[0]).toBe(0);
    t = 2000;
    tracker.tick();
    expect(seen.at(-1)?.[0]).toBeCloseTo(0.16);
    expect(seen.at(-1)?.[1]).toBe('MIP community 1 of 3 (80 sessions): 2 s of up to 10 s; 0/100 placed');
    t = 12_000; // past its limit: held short of done until it finishes
    tracker.tick();
    expect(seen.at(-1)?.[0]).toBeCloseTo(0.76);
    tracker.update(report(1, { placed: 80 }));
    expect(seen.at(-1)?.[0]).toBeCloseTo(0.8);
    tracker.update(report(1, { placed: 80, current: { index: 1, sessions: 20, limitMs: 1000 } }));
    t = 12_500;
    tracker.tick();
    expect(seen.at(-1)?.[0]).toBeCloseTo(0.9);
    tracker.update(report(2, { placed: 100 }));
    tracker.update(report(3, { placed: 100 }));
    expect(seen.at(-1)).toEqual([1, 'MIP 3/3 communities, 100/100 placed']);
    // Never backwards.
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
  });
});
