import { describe, expect, it } from 'vitest';
import { NEAR_FEASIBLE_SHARE, mipAfterQuickStart } from './mipDecision.ts';

describe('the MIP stage after the quick start', () => {
  it('is skipped at hard 0', () => {
    expect(mipAfterQuickStart(0, 580)).toEqual({ runMip: false, note: 'hard 0: MIP stage skipped' });
  });

  it('is skipped within 10 % of the sessions of hard 0, and says so with the figures', () => {
    expect(NEAR_FEASIBLE_SHARE).toBe(0.1);
    // SNV-BBA's quick start at seed 1: 33 of 580 sessions.
    expect(mipAfterQuickStart(33, 580)).toEqual({
      runMip: false,
      note: 'hard 33 of 580 sessions (5.7 %), within 10 %: MIP stage skipped',
    });
    expect(mipAfterQuickStart(1, 5000).runMip).toBe(false);
    // At the bound exactly, still skipped; one more, run.
    expect(mipAfterQuickStart(58, 580).runMip).toBe(false);
    expect(mipAfterQuickStart(59, 580)).toEqual({
      runMip: true,
      note: 'hard 59 of 580 sessions (10.2 %), over 10 %: MIP stage run',
    });
  });

  it('runs further from feasible, and on tiny colleges where one violation is over the share', () => {
    expect(mipAfterQuickStart(400, 1166).runMip).toBe(true);
    expect(mipAfterQuickStart(1, 5)).toEqual({
      runMip: true,
      note: 'hard 1 of 5 sessions (20.0 %), over 10 %: MIP stage run',
    });
  });
});
