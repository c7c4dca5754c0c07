// The quick start before the MIP stage (src/solver/stages/quickStart.ts): a college that construct
// + conflict search + hard repair bring to hard 0 skips the MIP; one where they do not still runs it; the quick start
// keeps to its deadline.
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/solver/solve.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { testCollege } from '../../src/shared/eval/testing/testCollege.ts';
import { generateCollege } from '../../src/main/generate/index.ts';
import { quickStart } from '../../src/solver/stages/quickStart.ts';
import { startPoint } from '../../src/solver/startPoint.ts';

/** Two courses of one group that may only start on Monday period 1: never without a clash. */
function impossible() {
  const onlyFirst = Array.from({ length: 30 }, (_, i) => ({ day: Math.floor(i / 6), period: i % 6 })).filter(
    (x) => x.day !== 0 || x.period !== 0,
  );
  return testCollege({
    rooms: ['R1', 'R2'].map((id) => ({ id, name: id, capacity: 60 })),
    faculty: [
      { id: 'F1', name: 'F1', maxPerDay: 4 },
      { id: 'F2', name: 'F2' },
    ],
    courses: [
      { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 1, unavailable: onlyFirst },
      { id: 'B', name: 'B', faculty: ['F2'], groups: ['G1'], sessions: 1, unavailable: onlyFirst },
      { id: 'C', name: 'C', faculty: ['F1'], groups: ['G1'], sessions: 3 },
    ],
  });
}

describe('quick start', () => {
  it('skips the MIP stage when construct + hard repair already reach hard 0', async () => {
    const { college } = generateCollege('small', 3);
    const result = await solve(college, { timeLimitMs: 6000, seed: 1, targetSoft: Infinity });
    expect(result.evaluation.hardTotal).toBe(0);
    const stages = result.stages.map((s) => s.stage);
    expect(stages).not.toContain('mip');
    expect(stages).not.toContain('decompose');
    // The quick start comes first as a stage of its own, then the pipeline goes on from there.
    expect(stages).toEqual(['precheck', 'quick', 'construct', 'search']);
    const p = compile(college);
    expect(evaluate(p, timetableToPlacement(p, result.timetable)).hardTotal).toBe(0);
  });

  it('still runs the MIP stage, within the time limit, when the quick start ends above hard 0', async () => {
    const limitMs = 6000;
    const t0 = performance.now();
    const result = await solve(impossible(), { timeLimitMs: limitMs, seed: 1 });
    const took = performance.now() - t0;
    expect(result.evaluation.hardTotal).toBeGreaterThan(0);
    const stages = result.stages.map((s) => s.stage);
    expect(stages.slice(0, 2)).toEqual(['precheck', 'quick']);
    expect(stages).toContain('mip');
    // The quick start keeps to its share (a fifth of the limit), give or take a time slice.
    const quickMs = result.stages[1].ms;
    expect(quickMs).toBeLessThan(0.2 * limitMs + 500);
    // A guard against unbounded overrun, not a benchmark.
    expect(took).toBeLessThan(limitMs + 3000);
  });

  it('stops at its deadline, construction unfinished or not', async () => {
    const { college } = generateCollege('medium', 5);
    const p = compile(college);
    const start = startPoint(p, undefined);
    const given = start.placement.slot.slice();
    const deadline = performance.now() + 150;
    const q = await quickStart(p, start.model, start.placement, {
      seed: 1,
      deadline,
      cancelled: () => false,
    });
    expect(q).not.toBeNull();
    // One time slice past the deadline at most, with room for a slow machine.
    expect(performance.now() - deadline).toBeLessThan(1000);
    // It works on a state of its own: the start placement it was given is left as it was.
    expect(Array.from(start.placement.slot)).toEqual(Array.from(given));
    expect(q!.st.slot.some((t, s) => t !== given[s])).toBe(true);
  });
});
