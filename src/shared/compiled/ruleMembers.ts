// The members of a compiled rule as session ranges: a whole course (problem.rules) or one session
// of it (problem.sessionRules, `course_id#k`). The evaluator, the incremental state and the repair
// read rules through these, so both lists follow one definition.
import type { CompiledProblem, CompiledRule } from './types.ts';

const cache = new WeakMap<CompiledProblem, CompiledRule[]>();

/** problem.rules followed by problem.sessionRules: every rule the evaluator counts. */
export function everyRule(p: CompiledProblem): CompiledRule[] {
  if (!p.sessionRules || p.sessionRules.length === 0) return p.rules;
  let all = cache.get(p);
  if (!all) cache.set(p, (all = [...p.rules, ...p.sessionRules]));
  return all;
}

/** First session of member i of the rule. */
export function memberFirst(p: CompiledProblem, rule: CompiledRule, i: number): number {
  return rule.first ? rule.first[i] : p.courseFirstSession[rule.courses[i]];
}

/** Number of sessions of member i of the rule. */
export function memberCount(p: CompiledProblem, rule: CompiledRule, i: number): number {
  return rule.count ? rule.count[i] : p.courseSessionCount[rule.courses[i]];
}

/** The rule's member indices without repeats (a course listed twice counts once). */
export function distinctMembers(p: CompiledProblem, rule: CompiledRule): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  for (let i = 0; i < rule.courses.length; i++) {
    const f = memberFirst(p, rule, i);
    if (seen.has(f)) continue;
    seen.add(f);
    out.push(i);
  }
  return out;
}

/** Member i as the Rules sheet names it: `course_id`, or `course_id#k` for one session. */
export function memberName(p: CompiledProblem, rule: CompiledRule, i: number): string {
  const c = rule.courses[i];
  const f = memberFirst(p, rule, i);
  const whole = f === p.courseFirstSession[c] && memberCount(p, rule, i) === p.courseSessionCount[c];
  return whole ? p.courseIds[c] : `${p.courseIds[c]}#${f - p.courseFirstSession[c] + 1}`;
}
