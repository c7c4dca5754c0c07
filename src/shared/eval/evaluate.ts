// THE definition of a timetable's cost. Solver, editor, CLI `check` and exports all call this; the
// incremental evaluator (./incremental) must agree with it. Each constraint family lives in its
// own file, which documents exactly how it counts; weights.ts documents the soft weights.
import type { CompiledProblem } from '../compiled/types.ts';
import type { Evaluation, Placement } from './types.ts';
import { EvalSink } from './sink.ts';
import { buildState } from './state.ts';
import { problemFacts } from './problemFacts.ts';
import { checkSessions } from './sessionChecks.ts';
import { checkClashes } from './clashes.ts';
import { checkFacultyDays } from './facultyDays.ts';
import { checkGroupDays } from './groupDays.ts';
import { checkCourseSpread } from './courseSpread.ts';
import { checkRules } from './rules.ts';
import { checkBuildingChanges } from './buildings.ts';

export interface EvaluateOptions {
  /** Build the list of violations with messages (default true). False = totals only, faster. */
  details?: boolean;
}

export function evaluate(
  problem: CompiledProblem,
  placement: Placement,
  options: EvaluateOptions = {},
): Evaluation {
  const sink = new EvalSink(options.details ?? true);
  const st = buildState(problem, placement);
  const facts = problemFacts(problem);
  checkSessions(st, facts, sink);
  checkClashes(st, sink);
  checkFacultyDays(st, facts, sink);
  checkGroupDays(st, facts, sink);
  checkBuildingChanges(st, facts, sink);
  checkCourseSpread(st, sink);
  checkRules(st, sink);
  return sink.result();
}
