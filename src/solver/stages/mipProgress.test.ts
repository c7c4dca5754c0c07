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

describe('MIP stage progress with two communities side by side', () => {
  it('keeps moving while the big one runs after a small one has landed', () => {
    // The sample college with 24 one-session courses that may only start on Monday period 1:
    // their community (24 sessions) lands at once next to one of 66 sessions.
    let t = 0;
    const seen: Array<[number, string]> = [];
    const tracker = new MipProgressTracker(
      180,
      (f, m) => seen.push([f, m]),
      () => t,
    );
    const at = (done: number, extra: Partial<MipProgress> = {}): MipProgress => ({
      ...report(done, { sessions: 180, ...extra }),
    });
    tracker.update(at(0, { current: { index: 0, sessions: 24, limitMs: 5000 } }));
    tracker.update(at(0, { current: { index: 1, sessions: 66, limitMs: 5000 } }));
    t = 100;
    tracker.update(at(1, { placed: 24, finished: 0 }));
    const afterSmall = seen.at(-1)![0];
    expect(afterSmall).toBeCloseTo((24 + (66 * 100) / 5000) / 180);
    // The community still running is the one named, and its seconds move the bar.
    const during: number[] = [];
    for (t = 1000; t <= 3000; t += 500) {
      tracker.tick();
      expect(seen.at(-1)![1]).toMatch(/^MIP community 2 of 3 \(66 sessions\)/);
      during.push(seen.at(-1)![0]);
    }
    expect(new Set(during).size).toBe(during.length);
    expect(during[0]).toBeGreaterThan(afterSmall);
    // Its landing counts its own sessions, not the small one's again.
    tracker.update(at(2, { placed: 90, finished: 1 }));
    expect(seen.at(-1)![0]).toBeCloseTo(90 / 180);
    // A community that never went to HiGHS (no time left) lands without touching one in flight.
    tracker.update(at(2, { placed: 90, current: { index: 2, sessions: 90, limitMs: 4000 } }));
    t = 5000;
    tracker.update(at(2, { placed: 90, finished: 7 }));
    expect(seen.at(-1)![1]).toMatch(/^MIP community 3 of 3/);
    tracker.update(at(3, { placed: 180, finished: 2 }));
    expect(seen.at(-1)).toEqual([1, 'MIP 3/3 communities, 180/180 placed']);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
  });
});
