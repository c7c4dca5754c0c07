export { parseCtt, cttDayNames, cttPeriods } from './ctt.ts';
export { parseItcSolution, readItcSolution, formatItcSolution } from './solution.ts';
export type { ItcSolutionRead } from './solution.ts';
