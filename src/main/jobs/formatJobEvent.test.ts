import { describe, expect, it } from 'vitest';
import type { JobEvent } from '../../shared/ipc/jobEvents.ts';
import { formatJobEvent } from './formatJobEvent.ts';

const finished = (extra: Partial<Extract<JobEvent, { type: 'finished' }>>): JobEvent => ({
  type: 'finished',
  jobId: 3,
  elapsedMs: 12_400,
  etaMs: 0,
  timetableId: 5,
  hardTotal: 0,
  softTotal: 143,
  status: 'feasible',
  note: null,
  ...extra,
});

describe('the finished line of the CLI progress', () => {
  it('names the student double-bookings left, when students are enrolled and double-booked', () => {
    expect(
      formatJobEvent(finished({ studentClashTotals: { students: 1150, doubleBookings: 3209, pairs: 41 } })),
    ).toBe(
      'job 3 finished: hard 0 soft 143, 3,209 student double-bookings remain, from 41 course pairs -> timetable 5 in 12.4s',
    );
    expect(
      formatJobEvent(finished({ studentClashTotals: { students: 0, doubleBookings: 0, pairs: 0 } })),
    ).toBe('job 3 finished: hard 0 soft 143 -> timetable 5 in 12.4s');
    expect(formatJobEvent(finished({ studentClashTotals: null }))).toBe(
      'job 3 finished: hard 0 soft 143 -> timetable 5 in 12.4s',
    );
  });
});
