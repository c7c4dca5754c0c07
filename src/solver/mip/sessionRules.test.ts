// The hard rules the course-level rows cannot state, kept by the MIP stage on its own (sessionRows.ts):
// the two _across_break kinds, min_gap, rules naming single sessions (`course_id#k`), and pairing
// rules over three courses or with a course partly fixed. As in hardRules.test.ts, keeping the rule
// costs something soft, and each test also switches the rule's rows off to show the MIP breaks it then.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleKind } from '../../shared/model/types.ts';
import { MipRunner } from './index.ts';
import { allBut, at, college, solveMip, withAndWithout } from './testing/ruleCase.ts';
import type { TinySpec } from './testing/tinyProblem.ts';

const runner = new MipRunner();
beforeAll(() => runner.warmUp(), 60_000);
afterAll(() => runner.close());

describe('the MIP keeps the kinds that allow a break or ask for a gap', () => {
  it('consecutive_across_break: B after the break that follows A', async () => {
    // One day, P1 P2 | P3 P4: A only in P2, K makes B's P3 cost a clash.
    const spec = college({
      days: 1,
      periods: 4,
      breaksAfter: [1],
      rule: { kind: 'consecutive_across_break' },
      a: { unavailable: allBut(1, 4, [1]) },
      kSlots: [2],
    });
    const [on, off] = await withAndWithout(runner, spec, 'consecutive_across_break');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBe(1);
  });

  it('adjacent_across_break: B before A across the break when the period after A is closed to B', async () => {
    const spec = college({
      days: 1,
      periods: 4,
      breaksAfter: [1],
      rule: { kind: 'adjacent_across_break' },
      a: { unavailable: allBut(1, 4, [2]) },
      b: { unavailable: [3] },
      kSlots: [1],
    });
    const [on, off] = await withAndWithout(runner, spec, 'adjacent_across_break');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBe(1);
  });

  it('min_gap 1: B a free period away from A, though K makes those periods cost a clash', async () => {
    const spec = college({
      days: 1,
      periods: 4,
      rule: { kind: 'min_gap', value: 1 },
      a: { unavailable: allBut(1, 4, [0]) },
      kSlots: [2, 3],
    });
    const [on, off] = await withAndWithout(runner, spec, 'min_gap');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBe(1);
  });
});

describe('the MIP keeps rules naming single sessions', () => {
  it('consecutive A#1;A#2: the two sessions back to back on one day, though A asks for two days (soft)', async () => {
    const spec = college({
      days: 2,
      periods: 2,
      rule: { kind: 'consecutive', courses: ['A#1', 'A#2'] },
      a: { sessions: 2 },
      kSlots: [],
    });
    spec.courses = spec.courses.filter((c) => c.id !== 'K');
    spec.shared = [];
    const [on, off] = await withAndWithout(runner, spec, 'consecutive');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBe(1);
  });

  it('same_time A#2;B: B with A’s second session, not with the first', async () => {
    // A only at P1 of both days (so in time order session 2 is on day 2); K makes day 2 cost B a clash.
    const spec = college({
      days: 2,
      periods: 2,
      rule: { kind: 'same_time', courses: ['A#2', 'B'] },
      a: { sessions: 2, unavailable: allBut(2, 2, [at(2, 0, 0), at(2, 1, 0)]) },
      kSlots: [at(2, 1, 0)],
    });
    const [on, off] = await withAndWithout(runner, spec, 'same_time');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBe(1);
  });

  it('min_days_between 1 over A#1 and B: B on a day without A’s first session', async () => {
    // A only at P1 of days 1 and 2 (in time order session 1 on day 1); K makes every start of B but
    // day 1 P2 cost a clash, so without the rows B sits on session 1's day.
    const spec = college({
      days: 3,
      periods: 2,
      rule: { kind: 'min_days_between', courses: ['A#1', 'B'], value: 1 },
      a: { sessions: 2, unavailable: allBut(3, 2, [at(2, 0, 0), at(2, 1, 0)]) },
      kSlots: [at(2, 1, 1), at(2, 2, 0), at(2, 2, 1)],
    });
    const [on, off] = await withAndWithout(runner, spec, 'min_days_between');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBeGreaterThanOrEqual(1);
  });
});

describe('the MIP keeps pairing rules over three courses and partly fixed courses', () => {
  /** A's two sessions fixed in period 2 out of time order; K makes period 2 cost B a clash. */
  function fixedA(kind: RuleKind, courses: string[]): TinySpec {
    const spec = college({
      days: 2,
      periods: 3,
      rule: { kind, courses },
      a: { sessions: 2 },
      b: { sessions: 2 },
      kSlots: [at(3, 0, 1), at(3, 1, 1)],
    });
    spec.rooms.push({ id: 'R3', capacity: 60 });
    spec.faculty.push({ id: 'FC' });
    spec.groups.push({ id: 'GC', size: 20 });
    spec.courses.push({ id: 'C', sessions: 2, faculty: ['FC'], groups: ['GC'] });
    spec.fixed!.push(
      { course: 'A', session: 0, slot: at(3, 1, 1), room: 'R1' },
      { course: 'A', session: 1, slot: at(3, 0, 1), room: 'R1' },
    );
    return spec;
  }

  it('same_time A;B;C with A fixed: B and C at A’s starts, session k with session k', async () => {
    const [on, off] = await withAndWithout(runner, fixedA('same_time', ['A', 'B', 'C']), 'same_time');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBeGreaterThanOrEqual(2);
  });

  it('same_day B;A;C with A fixed in the middle of the list', async () => {
    const [on, off] = await withAndWithout(runner, fixedA('same_day', ['B', 'A', 'C']), 'same_day');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBeGreaterThanOrEqual(1);
  });

  it('consecutive A;B with one of A’s sessions fixed and the other free', async () => {
    const spec = fixedA('consecutive', ['A', 'B']);
    spec.fixed!.pop();
    spec.courses = spec.courses.filter((c) => c.id !== 'C');
    // K makes B's P3 cost a clash: B's session 1 belongs right after A's fixed one (day 2, P2).
    spec.fixed = spec.fixed!.filter((f) => f.course !== 'K');
    spec.courses.find((c) => c.id === 'K')!.sessions = 2;
    spec.fixed.push(
      { course: 'K', session: 0, slot: at(3, 0, 2), room: 'RK' },
      { course: 'K', session: 1, slot: at(3, 1, 2), room: 'RK' },
    );
    const [on, off] = await withAndWithout(runner, spec, 'consecutive');
    expect(on.hardTotal).toBe(0);
    expect(off.hard.rule).toBeGreaterThanOrEqual(1);
  });
});

it('solves a college of only session rules without leaving a session out', async () => {
  const spec = college({
    days: 2,
    periods: 3,
    rule: { kind: 'same_period', courses: ['A#1', 'A#2', 'B#1'] },
    a: { sessions: 3 },
    b: { sessions: 2 },
    kSlots: [],
  });
  spec.courses = spec.courses.filter((c) => c.id !== 'K');
  spec.shared = [];
  const { ev, pl } = await solveMip(runner, spec);
  expect(ev.hardTotal).toBe(0);
  expect([...pl.slot].every((s) => s >= 0)).toBe(true);
});
