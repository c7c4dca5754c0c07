// The solver honours max_days_apart, ends_day and same_room_if_consecutive: on a generated college
// with hard rules of the three kinds that the planted timetable breaks (so they bind), the result is
// hard 0, agreed by the evaluator.
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/solver/solve.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { generateCollege } from '../../src/main/generate/index.ts';
import type { College, Rule } from '../../src/shared/model/types.ts';

/** Hard rules of the three kinds over theory courses of the first sections, chosen to bind. */
function withRules(college: College): College {
  const theory = college.courses.filter((c) => c.roomType === 'lecture' && c.groups.length === 1);
  const bySection = new Map<string, string[]>();
  for (const c of theory) bySection.set(c.groups[0], [...(bySection.get(c.groups[0]) ?? []), c.id]);
  const sections = [...bySection.values()].filter((l) => l.length >= 3).slice(0, 4);
  const rules: Rule[] = [];
  for (const [i, list] of sections.entries()) {
    rules.push({ kind: 'max_days_apart', courses: [list[0]], hard: true, weight: 1, value: 1 });
    rules.push({ kind: 'ends_day', courses: [list[1]], hard: true, weight: 1 });
    if (i < 2) rules.push({ kind: 'same_room_if_consecutive', courses: list, hard: true, weight: 1 });
  }
  return { ...college, rules: [...college.rules, ...rules] };
}

describe('solve with max_days_apart, ends_day and same_room_if_consecutive', () => {
  it('reaches hard 0 on a generated college where they bind', async () => {
    const generated = generateCollege('small', 3);
    const college = withRules(generated.college);
    const p = compile(college);
    const planted = evaluate(p, timetableToPlacement(p, generated.planted));
    // The rules bind: the planted timetable (hard 0 without them) breaks them.
    expect(planted.hard.rule).toBeGreaterThan(0);
    const result = await solve(college, { timeLimitMs: 8000, seed: 2 });
    expect(result.evaluation.hard.rule).toBe(0);
    expect(result.evaluation.hardTotal).toBe(0);
    expect(evaluate(p, timetableToPlacement(p, result.timetable)).hardTotal).toBe(0);
  }, 60_000);
});
