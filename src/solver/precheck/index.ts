// Stage "precheck": counting and pigeonhole tests that prove a college infeasible before any search,
// each finding tied to the spreadsheet rows that cause it and saying what would fix it.
//
//   precheck(problem, college?) -> PrecheckFinding[]   (fatal first; linear time, milliseconds at SIH scale)
//
// Checks: faculty load vs available periods, max_per_week, max_per_day × max_days; student-set load
// (own and ancestors' sessions) vs the week and max/min_per_day; course start slots (blocks of adjacent
// available periods for multi-period sessions); head count vs the largest allowed room (capacity hard);
// room-class demand vs room-slots; fixed sessions at forbidden times or clashing; hard paired rules
// with unequal session counts; hard rules no week can keep (days apart beyond the week, back-to-back
// pairs longer than a run of periods without a break); hard max_days_apart, ends_day and
// same_room_if_consecutive rules the pinned sessions already break; sessions longer than a
// max_continuous or max_span of their faculty or groups. `college` is optional and only adds
// room-type names to messages.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { College } from '../../shared/model/types.ts';
import type { PrecheckFinding } from '../../shared/solver/protocol.ts';
import { courseChecks } from './courseChecks.ts';
import { fixedChecks, ruleChecks, ruleFitChecks } from './fixedChecks.ts';
import { fixedRuleChecks } from './fixedRuleChecks.ts';
import { facultyChecks, groupChecks } from './loadChecks.ts';
import { continuousChecks } from './continuousChecks.ts';

export function precheck(problem: CompiledProblem, college?: College): PrecheckFinding[] {
  const out: PrecheckFinding[] = [];
  facultyChecks(problem, out);
  groupChecks(problem, out);
  courseChecks(problem, out, college);
  fixedChecks(problem, out);
  ruleChecks(problem, out);
  ruleFitChecks(problem, out);
  fixedRuleChecks(problem, out);
  continuousChecks(problem, out);
  return [...out.filter((f) => f.fatal), ...out.filter((f) => !f.fatal)];
}

/** True when some finding proves the problem infeasible. */
export function hasFatal(findings: readonly PrecheckFinding[]): boolean {
  return findings.some((f) => f.fatal);
}
