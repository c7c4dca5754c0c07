// The max_span rows (maxSpanRows.ts): small colleges where the cheapest timetable spreads a faculty
// member's or a student set's day over more periods than its limit. Without the rows the MIP takes
// it; with them it pays a student clash instead and keeps the span.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MipRunner } from './index.ts';
import { allBut, at, college, solveMip } from './testing/ruleCase.ts';

const runner = new MipRunner();
beforeAll(() => runner.warmUp(), 60_000);
afterAll(() => runner.close());

/**
 * One day of three periods: A only in period 1; K in period 2 shares students with B, so B's cheap
 * start is period 3, which makes a day of A and B span three periods. `b` says who B shares with A.
 */
function spec(b: { faculty?: string[]; groups?: string[] }) {
  const s = college({
    days: 1,
    periods: 3,
    // A rule that holds wherever A and B go: the college() cases always carry one.
    rule: { kind: 'not_overlapping' },
    a: { unavailable: allBut(1, 3, [at(3, 0, 0)]) },
    b,
    kSlots: [at(3, 0, 1)],
  });
  return s;
}

describe('max_span rows', () => {
  it("keep a faculty member's day within its span", async () => {
    const s = spec({ faculty: ['FA'] });
    const tweak = (p: { facultyMaxSpan: Int32Array }): void => void (p.facultyMaxSpan[0] = 2);
    const off = await solveMip(runner, s, { maxSpanRows: false }, tweak);
    const on = await solveMip(runner, s, undefined, tweak);
    expect(off.ev.hard.faculty_max_span).toBe(1);
    expect(on.ev.hard.faculty_max_span).toBe(0);
    expect(on.ev.hardTotal).toBe(0);
  });

  it("keep a group's span for its sub-batch", async () => {
    // GA's batch GAB attends B (GA through the batch), taught by someone else.
    const s = spec({ groups: ['GAB'] });
    s.groups.push({ id: 'GAB', size: 10, parent: 'GA' });
    const tweak = (p: { groupMaxSpan: Int32Array }): void => void (p.groupMaxSpan[0] = 2);
    const off = await solveMip(runner, s, { maxSpanRows: false }, tweak);
    const on = await solveMip(runner, s, undefined, tweak);
    expect(off.ev.hard.group_max_span).toBe(1);
    expect(on.ev.hard.group_max_span).toBe(0);
    expect(on.ev.hardTotal).toBe(0);
  });
});
