// Whether the MIP stage runs after the quick start (quickStart.ts), and why, in words that go into
// the result's stages (StageTime.note) and the progress messages. Pure, so it is unit-tested.

/**
 * A quick start that ends this close to feasible (hard cost at most this share of the sessions) is
 * kept and the MIP stage skipped, its time left to the search. On the real FET files (bench:real,
 * 30 s, seed 1) the MIP's start after the constructor was always several times further from
 * feasible than the quick start's, at every share measured up to 5.7 % (MED 44 against 5 of 658
 * sessions, Eng_College 83 against 3 of 844, GYR 219 against 41 of 1,477, SNV-BBA 133 against 33
 * of 580; Econ-Timisoara about 400 against 7-12 of 1,166), and was dropped for it.
 */
export const NEAR_FEASIBLE_SHARE = 0.1;

export interface MipDecision {
  /** Run the MIP stage (false: the quick start's timetable goes on to the search as it is). */
  runMip: boolean;
  /** The decision and its reason, e.g. "hard 3 of 580 sessions (0.5 %), within 10 %: MIP stage skipped". */
  note: string;
}

const percent = (x: number): string => `${(100 * x).toFixed(1)} %`;

/** The decision after a quick start that ended at `hard` on a college of `nSessions` sessions. */
export function mipAfterQuickStart(hard: number, nSessions: number): MipDecision {
  if (hard === 0) return { runMip: false, note: 'hard 0: MIP stage skipped' };
  const share = hard / Math.max(1, nSessions);
  const of = `hard ${hard} of ${nSessions} sessions (${percent(share)})`;
  const limit = `${Math.round(100 * NEAR_FEASIBLE_SHARE)} %`;
  return hard <= NEAR_FEASIBLE_SHARE * nSessions
    ? { runMip: false, note: `${of}, within ${limit}: MIP stage skipped` }
    : { runMip: true, note: `${of}, over ${limit}: MIP stage run` };
}
