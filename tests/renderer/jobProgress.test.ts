import { describe, expect, it } from 'vitest';
import type { JobEvent } from '../../src/shared/ipc/jobEvents.ts';
import { applyJobEvent, formatDuration } from '../../src/renderer/src/generate/jobProgress.ts';
import type { JobView } from '../../src/renderer/src/generate/jobProgress.ts';

const base = { jobId: 3, elapsedMs: 0, etaMs: null };
const progress = (stage: 'construct' | 'search', percent: number, hard: number | null): JobEvent => ({
  type: 'progress',
  ...base,
  elapsedMs: percent * 10,
  attempt: 1,
  stage,
  percent,
  bestHard: hard,
  bestSoft: hard === null ? null : hard * 10,
  message: '',
});

function fold(events: JobEvent[]): JobView {
  let v: JobView | undefined;
  for (const e of events) v = applyJobEvent(v, e);
  if (!v) throw new Error('no events');
  return v;
}

describe('applyJobEvent', () => {
  it('tracks stage, percent and the cost history (only points with a cost)', () => {
    const v = fold([
      { type: 'queued', ...base, name: 'Solution (seed 1)', seed: 1 },
      progress('construct', 10, null),
      progress('search', 60, 4),
      progress('search', 80, 1),
    ]);
    expect(v.name).toBe('Solution (seed 1)');
    expect(v.stage).toBe('search');
    expect(v.percent).toBe(80);
    expect(v.history.map((p) => p.hard)).toEqual([4, 1]);
  });

  it('keeps the stuck state through a retry that stalls at the same place, clears it once past', () => {
    const stuck: JobEvent = { type: 'stuck', ...base, attempt: 1, silentMs: 1000 };
    const retry: JobEvent = {
      type: 'retrying',
      ...base,
      attempt: 1,
      failure: 'hung',
      reason: 'No progress',
      failedStage: 'search',
      skipStages: [],
    };
    const v = fold([progress('search', 50, 2), stuck, retry, progress('construct', 20, 3)]);
    expect(v.stuck).not.toBeNull();
    expect(v.retries).toHaveLength(1);
    expect(applyJobEvent(v, progress('search', 55, 1)).stuck).toBeNull();
  });

  it('ends with the finished result and no stuck panel', () => {
    const v = fold([
      { type: 'stuck', ...base, attempt: 1, silentMs: 1000 },
      {
        type: 'finished',
        ...base,
        timetableId: 7,
        hardTotal: 0,
        softTotal: 12,
        status: 'feasible',
        note: null,
      },
    ]);
    expect(v.status).toBe('finished');
    expect(v.stuck).toBeNull();
    expect(v.finished?.timetableId).toBe(7);
  });
});

describe('formatDuration', () => {
  it('reads as seconds, then minutes and seconds', () => {
    expect(formatDuration(4_400)).toBe('4 s');
    expect(formatDuration(65_000)).toBe('1 min 05 s');
    expect(formatDuration(null)).toBe('\u2014');
  });
});
