// The quick start before the MIP stage (src/solver/stages/quickStart.ts): a college that construct
// + conflict search + hard repair bring to hard 0, or within 10 % of the sessions of it, skips the
// MIP (stages/mipDecision.ts), and the result's quick stage says so; one where they end further
// away still runs it; the quick start keeps to its deadline.
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
    expect(result.stages[1].note).toBe('hard 0: MIP stage skipped');
    const p = compile(college);
    expect(evaluate(p, timetableToPlacement(p, result.timetable)).hardTotal).toBe(0);
  });

  it('skips the MIP stage when the quick start ends within 10 % of the sessions of hard 0', async () => {
    // A generated college with two more one-session courses of one group that may both only start
    // on Monday period 1: the quick start cannot do better than hard 1, and the MIP (which cannot
    // either) is not run; its time goes to the search.
    const { college } = generateCollege('small', 3);
    const like = college.courses[0];
    for (const id of ['XA', 'XB'])
      college.courses.push({
        ...like,
        id,
        name: id,
        sessions: 1,
        length: 1,
        starts: [{ day: 0, period: 0 }],
      });
    const p = compile(college);
    expect(p.nSessions).toBeGreaterThanOrEqual(20);
    const result = await solve(college, { timeLimitMs: 6000, seed: 1 });
    const stages = result.stages.map((s) => s.stage);
    expect(stages).toEqual(['precheck', 'quick', 'construct', 'search']);
    const [, quick] = result.stages;
    expect(quick.note).toMatch(
      new RegExp(`^hard (\\d+) of ${p.nSessions} sessions \\([\\d.]+ %\\), within 10 %: MIP stage skipped$`),
    );
    const quickHard = Number(/^hard (\d+)/.exec(quick.note ?? '')?.[1]);
    expect(quickHard).toBeGreaterThan(0);
    expect(quickHard).toBeLessThanOrEqual(0.1 * p.nSessions);
    // The search goes on from the quick start's timetable: no worse than where it ended.
    expect(result.evaluation.hardTotal).toBeGreaterThan(0);
    expect(result.evaluation.hardTotal).toBeLessThanOrEqual(quickHard);
    expect(evaluate(p, timetableToPlacement(p, result.timetable)).hardTotal).toBe(
      result.evaluation.hardTotal,
    );
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
    // Hard 1 of 5 sessions is over the 10 %: the quick stage says why the MIP ran, and the
    // construct stage which start went on.
    expect(result.stages[1].note).toMatch(/^hard \d+ of 5 sessions \([\d.]+ %\), over 10 %: MIP stage run$/);
    expect(result.stages.find((s) => s.stage === 'construct')?.note).toMatch(
      /^the (quick start's timetable|MIP's start) kept: hard \d+, the (MIP's start|quick start's) \d+$/,
    );
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
