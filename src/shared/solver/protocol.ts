// The solver's public vocabulary: options, progress events, results. Shared by the solver, the
// job supervisor (main), the CLI and the renderer's progress view.
import type { Timetable } from '../model/types.ts';
import type { Evaluation } from '../eval/types.ts';

/** `quick` is the quick start before the MIP (stages/quickStart.ts: its own construct and repair). */
export const SOLVER_STAGES = [
  'precheck',
  'quick',
  'decompose',
  'mip',
  'construct',
  'search',
  'done',
] as const;
export type SolverStage = (typeof SOLVER_STAGES)[number];

export interface SolveOptions {
  /** Wall-clock budget for the whole solve. */
  timeLimitMs: number;
  seed: number;
  /** Soft weight overrides on top of the college's own. */
  weights?: Record<string, number>;
  /** Sessions kept where the given timetable has them (editor locks, resume from checkpoint). */
  initial?: Timetable;
  /** Skip stages (circuit breaker open, fallback): e.g. ['mip']. */
  skipStages?: SolverStage[];
  /** Stop early once hard = 0 and this soft cost is reached. */
  targetSoft?: number;
}

export interface SolveProgress {
  stage: SolverStage;
  /** 0..100 over the whole solve. */
  percent: number;
  /** Best so far; null before any complete assignment exists. */
  bestHard: number | null;
  bestSoft: number | null;
  message: string;
  elapsedMs: number;
  /**
   * The best complete timetable so far, attached when it improved (at most about once a second, and
   * at the end of a stage). The solver process turns it into a checkpoint that a retried or resumed
   * job starts from (options.initial); progress without it is fine.
   */
  best?: Timetable;
}

export interface PrecheckFinding {
  /** Stable code, e.g. `faculty_overload`. */
  code: string;
  /** Sheet and id of the row that causes it, e.g. { sheet: 'Faculty', id: 'F12' }. */
  rows: Array<{ sheet: string; id: string }>;
  message: string;
  /** What would fix it. */
  hint: string;
  /** true = proves infeasibility; false = a risk worth knowing. */
  fatal: boolean;
}

export interface UnplacedSession {
  courseId: string;
  session: number;
  reason: string;
}

export interface StageTime {
  stage: SolverStage;
  ms: number;
  /**
   * What the stage decided, when it decided something, e.g. on `quick`: "hard 3 of 580 sessions
   * (0.5 %), within 10 %: MIP stage skipped" (stages/mipDecision.ts).
   */
  note?: string;
}

export interface SolveResult {
  status: 'feasible' | 'partial' | 'infeasible' | 'cancelled';
  timetable: Timetable;
  evaluation: Evaluation;
  unplaced: UnplacedSession[];
  findings: PrecheckFinding[];
  stages: StageTime[];
  /** Best snapshots over time, for the progress chart and reports. */
  seed: number;
}
