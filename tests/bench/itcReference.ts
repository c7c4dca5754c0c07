// Reference results for the 21 ITC-2007 CB-CTT instances, transcribed from
// /work/shared/data/itc2007/README.md §7a (BKS: Bettinelli et al., TOP 23(2) 2015, "WBest", Udine site
// on 9 Oct 2014) and §7b (winner's average: T. Müller, 10 organiser runs in the final, competition
// time limit; Bettinelli et al. Table 3, column M09).
export const ITC_REFERENCE: Record<string, { bks: number; winnerAvg: number }> = {
  comp01: { bks: 5, winnerAvg: 5.0 },
  comp02: { bks: 24, winnerAvg: 61.3 },
  comp03: { bks: 64, winnerAvg: 94.8 },
  comp04: { bks: 35, winnerAvg: 42.8 },
  comp05: { bks: 284, winnerAvg: 343.5 },
  comp06: { bks: 27, winnerAvg: 56.8 },
  comp07: { bks: 6, winnerAvg: 33.9 },
  comp08: { bks: 37, winnerAvg: 46.5 },
  comp09: { bks: 96, winnerAvg: 113.1 },
  comp10: { bks: 4, winnerAvg: 21.3 },
  comp11: { bks: 0, winnerAvg: 0.0 },
  comp12: { bks: 298, winnerAvg: 351.6 },
  comp13: { bks: 59, winnerAvg: 73.9 },
  comp14: { bks: 51, winnerAvg: 61.8 },
  comp15: { bks: 64, winnerAvg: 94.8 },
  comp16: { bks: 18, winnerAvg: 41.2 },
  comp17: { bks: 56, winnerAvg: 86.6 },
  comp18: { bks: 61, winnerAvg: 91.7 },
  comp19: { bks: 57, winnerAvg: 68.8 },
  comp20: { bks: 4, winnerAvg: 34.3 },
  comp21: { bks: 74, winnerAvg: 108.0 },
};
