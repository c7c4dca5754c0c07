// Whether the MIP stage runs after the quick start (quickStart.ts), and why, in words that go into
// the result's stages (StageTime.note) and the progress messages. Pure, so it is unit-tested.

/**
 * A quick start that ends this close to feasible (hard cost at most this share of the sessions) is
 * kept and the MIP stage skipped, its time left to the search. On the real FET files (bench:real,
 * 30 s) the MIP's start after the constructor was always several times further from feasible than
 * the quick start's, which went on instead: at seeds 1 and 2 (2026-12-07, with the MIP run after
 * every quick start short of hard 0) SNV-BBA 133 and 122 against 21 and 18 of 580 sessions,
 * Eng_College 208 and 230 against 16 and 32 of 844, GYR 214 and 197 against 24 and 26 of 1,477,
 * MED 86 and 71 against 11 and 12 of 658, Econ-Timisoara 408 and 407 against 19 and 10 of 1,166;
 * the quick starts ended at 0.9-3.8 % of the sessions (earlier up to 5.7 %, SNV-BBA 33 against 133).
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
