// Each hard rule kind and per-day minimum, kept by the MIP stage on its own. Every college is built so
// that keeping the rule costs something soft: a fixed course K shares enrolled students with the
// course that must move, so the starts that keep the rule carry a student-clash cost. Without the
// rule's rows the MIP takes the cheap starts and breaks the rule (each test checks that too, by
// switching the rows off), with them it keeps the rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { RuleKind } from '../../shared/model/types.ts';
import type { BuildOptions } from './buildModel.ts';
import { MipRunner } from './index.ts';
import { allBut, at, college, solveMip as solve, withAndWithout as bothWays } from './testing/ruleCase.ts';
import type { TinySpec } from './testing/tinyProblem.ts';

const runner = new MipRunner();
beforeAll(() => runner.warmUp(), 60_000);
afterAll(() => runner.close());

const solveMip = (spec: TinySpec, build?: BuildOptions, tweak?: (p: CompiledProblem) => void) =>
  solve(runner, spec, build, tweak);
const withAndWithout = (spec: TinySpec, kind: RuleKind) => bothWays(runner, spec, kind);

describe('the MIP keeps every hard rule kind on its own', () => {
  it('same_time: B starts with A though K makes that start cost a clash', async () => {
    const spec = college({
      days: 2,
      periods: 2,
      rule: { kind: 'same_time' },
      a: { unavailable: allBut(2, 2, [at(2, 1, 0)]) },
      kSlots: [at(2, 1, 0)],
    });
    const [on, off] = await withAndWithout(spec, 'same_time');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBe(1);
  });

  it('same_day: B on A’s day', async () => {
    const spec = college({
      days: 2,
      periods: 2,
      rule: { kind: 'same_day' },
      a: { unavailable: allBut(2, 2, [at(2, 0, 0)]) },
      kSlots: [at(2, 0, 0), at(2, 0, 1)],
    });
    const [on, off] = await withAndWithout(spec, 'same_day');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBe(1);
  });

  it('same_period: B in A’s period, on any day', async () => {
    const spec = college({
      days: 2,
      periods: 2,
      rule: { kind: 'same_period' },
      a: { unavailable: allBut(2, 2, [at(2, 0, 0)]) },
      kSlots: [at(2, 0, 0), at(2, 1, 0)],
    });
    const [on, off] = await withAndWithout(spec, 'same_period');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBe(1);
  });

  it('same_period with two sessions each: session k with session k, not just the same periods', async () => {
    // A only at (day 1, P1) and (day 2, P2); K makes B's same starts cost, so B takes (day 1, P2) and
    // (day 2, P1): the right periods, but in time order session 1 would be in P2 and session 2 in P1.
    const spec = college({
      days: 2,
      periods: 2,
      rule: { kind: 'same_period' },
      a: { sessions: 2, unavailable: allBut(2, 2, [at(2, 0, 0), at(2, 1, 1)]) },
      b: { sessions: 2 },
      kSlots: [at(2, 0, 0), at(2, 1, 1)],
    });
    const { ev } = await solveMip(spec);
    expect(ev.hardTotal).toBe(0);
  });

  it('adjacent: B right before A when the period after A is across the break', async () => {
    const spec = college({
      days: 1,
      periods: 4,
      breaksAfter: [1],
      rule: { kind: 'adjacent' },
      a: { unavailable: allBut(1, 4, [1]) },
      kSlots: [0],
    });
    const [on, off] = await withAndWithout(spec, 'adjacent');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBe(1);
  });

  it('ordered: B after A in the week', async () => {
    const spec = college({
      days: 2,
      periods: 2,
      rule: { kind: 'ordered' },
      a: { unavailable: allBut(2, 2, [at(2, 1, 0)]) },
      kSlots: [at(2, 1, 1)],
    });
    const [on, off] = await withAndWithout(spec, 'ordered');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBe(1);
  });

  it('different_days and min_days_between 1: B not on A’s day', async () => {
    for (const kind of ['different_days', 'min_days_between'] as const) {
      const spec = college({
        days: 2,
        periods: 2,
        rule: { kind, value: 1 },
        a: { unavailable: allBut(2, 2, [at(2, 0, 0)]) },
        kSlots: [at(2, 1, 0), at(2, 1, 1)],
      });
      const [on, off] = await withAndWithout(spec, kind);
      expect(on.hardTotal).toBe(0);
      expect(off.hard.rule).toBe(1);
    }
  });

  it('min_days_between 2: B two days away from A', async () => {
    const spec = college({
      days: 3,
      periods: 1,
      rule: { kind: 'min_days_between', value: 2 },
      a: { unavailable: [1, 2] },
      kSlots: [2],
    });
    const [on, off] = await withAndWithout(spec, 'min_days_between');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBe(1);
  });

  it('min_days_apart 2: a course’s two sessions two days apart', async () => {
    const spec = college({
      days: 3,
      periods: 1,
      rule: { kind: 'min_days_apart', courses: ['A'], value: 2 },
      a: { sessions: 2 },
      kSlots: [2],
      pushed: 'A',
    });
    const [on, off] = await withAndWithout(spec, 'min_days_apart');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBe(1);
  });

  it('same_room: both courses in the one room they can share', async () => {
    // A fits best in R1 (the room matching's choice), B needs R2's 50 seats: only R2 keeps the rule.
    const spec = college({
      days: 1,
      periods: 2,
      rule: { kind: 'same_room' },
      a: { students: 30 },
      b: { students: 50 },
      kSlots: [],
    });
    spec.rooms = [
      { id: 'R1', capacity: 30 },
      { id: 'R2', capacity: 50 },
    ];
    spec.courses.pop();
    spec.shared = [];
    const [on, off] = await withAndWithout(spec, 'same_room');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBe(1);
  });
});

describe('the MIP pairs a course with one placed before it', () => {
  /**
   * A's two sessions fixed in period 2, out of time order (session 1 on day 2, session 2 on day 1);
   * K makes B's starts in the periods `costly` cost a clash.
   */
  function fixedA(kind: RuleKind, courses = ['A', 'B'], costly = [1, 2]): TinySpec {
    const spec = college({
      days: 2,
      periods: 3,
      rule: { kind, courses },
      a: { sessions: 2 },
      b: { sessions: 2 },
      kSlots: costly.flatMap((q) => [at(3, 0, q), at(3, 1, q)]),
    });
    spec.fixed!.push(
      { course: 'A', session: 0, slot: at(3, 1, 1), room: 'R1' },
      { course: 'A', session: 1, slot: at(3, 0, 1), room: 'R1' },
    );
    return spec;
  }

  it('same_time: B at A’s fixed starts, session k with session k', async () => {
    const [on, off] = await withAndWithout(fixedA('same_time'), 'same_time');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBe(2);
  });

  it('consecutive: B right after A’s fixed sessions', async () => {
    const [on, off] = await withAndWithout(fixedA('consecutive'), 'consecutive');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBe(2);
  });

  it('consecutive with the fixed course second: B placed right before it', async () => {
    const [on, off] = await withAndWithout(fixedA('consecutive', ['B', 'A'], [0]), 'consecutive');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBe(2);
  });
});

describe('the MIP keeps per-day minimums', () => {
  /** Course A (two 1-period sessions), its faculty or group with min_per_day 2 over two days. */
  function minimum(who: 'faculty' | 'group'): TinySpec {
    const spec = college({
      days: 2,
      periods: 2,
      rule: { kind: 'not_overlapping' },
      a: { sessions: 2 },
      kSlots: [],
    });
    spec.courses.pop();
    spec.shared = [];
    if (who === 'faculty') spec.faculty[0].minPerDay = 2;
    else spec.groups[0].minPerDay = 2;
    return spec;
  }

  for (const who of ['faculty', 'group'] as const) {
    it(`${who} min_per_day: both sessions on one day, though the course asks for two days (soft)`, async () => {
      const on = await solveMip(minimum(who));
      const off = await solveMip(minimum(who), { minPerDay: false });
      expect(on.ev.hardTotal).toBe(0);
      expect(off.ev.hardTotal).toBe(2);
    });
  }
});

describe('the MIP keeps faculty min_days', () => {
  it('two teaching days, though K makes the second day cost a clash', async () => {
    const spec = college({
      days: 2,
      periods: 2,
      rule: { kind: 'not_overlapping' },
      a: { sessions: 2 },
      kSlots: [at(2, 1, 0), at(2, 1, 1)],
      pushed: 'A',
    });
    spec.rules = [];
    spec.faculty[0].minDays = 2;
    const on = await solveMip(spec);
    const off = await solveMip(spec, { minPerDay: false });
    expect(on.ev.hardTotal).toBe(0);
    expect(off.ev.hard.faculty_min_days).toBe(1);
  });
});

describe('the MIP keeps gap limits', () => {
  /** A's sessions (faculty FA, group GA) drawn to P1 and P4 of each day: K fills P2 and P3 with clashes. */
  function gappy(days: number): TinySpec {
    const kSlots: number[] = [];
    for (let d = 0; d < days; d++) kSlots.push(at(4, d, 1), at(4, d, 2));
    const spec = college({
      days,
      periods: 4,
      rule: { kind: 'not_overlapping' },
      a: { sessions: 2 * days },
      kSlots,
      pushed: 'A',
    });
    spec.rules = [];
    return spec;
  }

  it('faculty max_gaps_per_day 0: the two sessions of a day back to back', async () => {
    const limit = (p: CompiledProblem): void => void (p.facultyMaxGapsPerDay[0] = 0);
    const on = await solveMip(gappy(1), undefined, limit);
    const off = await solveMip(gappy(1), { gapRows: false }, limit);
    expect(on.ev.hardTotal).toBe(0);
    expect(off.ev.hard.faculty_max_gaps).toBe(2);
  });

  it('group max_gaps_per_week 1: no day with two idle periods', async () => {
    const limit = (p: CompiledProblem): void => void (p.groupMaxGapsPerWeek[0] = 1);
    const on = await solveMip(gappy(2), undefined, limit);
    const off = await solveMip(gappy(2), { gapRows: false }, limit);
    expect(on.ev.hardTotal).toBe(0);
    expect(off.ev.hard.group_max_gaps_per_week).toBe(3);
  });
});
