// The solver honours max_continuous: on a generated college where every teacher may have at most 2
// periods in a row (or their longest session), which the planted timetable breaks, the result is
// hard 0, agreed by the evaluator.
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/solver/solve.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { generateCollege } from '../../src/main/generate/index.ts';
import type { College } from '../../src/shared/model/types.ts';

/** Every teacher at most 2 periods in a row, or their longest session if longer. */
function withRunLimits(college: College): College {
  const longest = (f: string): number =>
    Math.max(2, ...college.courses.filter((c) => c.faculty.includes(f)).map((c) => c.length));
  return { ...college, faculty: college.faculty.map((f) => ({ ...f, maxContinuous: longest(f.id) })) };
}

describe('solve with max_continuous', () => {
  it('reaches hard 0 on a generated college where the limit binds', async () => {
    const generated = generateCollege('small', 3);
    const college = withRunLimits(generated.college);
    const p = compile(college);
    const planted = evaluate(p, timetableToPlacement(p, generated.planted));
    // The limit binds: the planted timetable (hard 0 without it) breaks it.
    expect(planted.hard.faculty_max_continuous).toBeGreaterThan(0);
    const result = await solve(college, { timeLimitMs: 6000, seed: 2, skipStages: ['mip'] });
    expect(result.evaluation.hard).toMatchObject({ faculty_max_continuous: 0, group_max_continuous: 0 });
    expect(result.evaluation.hardTotal).toBe(0);
    expect(evaluate(p, timetableToPlacement(p, result.timetable)).hardTotal).toBe(0);
  });
});
