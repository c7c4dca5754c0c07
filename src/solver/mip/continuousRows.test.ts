// The max_continuous rows (continuousRows.ts): small colleges where the cheapest timetable teaches
// or attends more periods in a row than the limit. Without the rows the MIP takes it; with them it
// pays a student clash instead and keeps the limit, reading a break as the end of a run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import { MipRunner } from './index.ts';
import { solveMip } from './testing/ruleCase.ts';
import type { TinySpec } from './testing/tinyProblem.ts';

const runner = new MipRunner();
beforeAll(() => runner.warmUp(), 60_000);
afterAll(() => runner.close());

/**
 * One day of `periods` periods; `n` one-session courses C1..Cn, each with faculty and groups from
 * `who`; K fixed in the periods `kSlots`, sharing a student with every Ci, so those cost a clash.
 */
function spec(opts: {
  periods: number;
  breaksAfter?: number[];
  n: number;
  who: (i: number) => { faculty: string[]; groups: string[] };
  kSlots: number[];
}): TinySpec {
  const courses: TinySpec['courses'] = [];
  for (let i = 1; i <= opts.n; i++) courses.push({ id: `C${i}`, sessions: 1, ...opts.who(i) });
  courses.push({ id: 'K', sessions: opts.kSlots.length, roomType: 'k', students: 10 });
  return {
    days: 1,
    periods: opts.periods,
    breaksAfter: opts.breaksAfter,
    rooms: [
      ...Array.from({ length: opts.n }, (_, i) => ({ id: `R${i + 1}`, capacity: 60 })),
      { id: 'RK', capacity: 60, type: 'k' },
    ],
    faculty: Array.from({ length: opts.n }, (_, i) => ({ id: `F${i + 1}` })),
    groups: Array.from({ length: opts.n }, (_, i) => ({ id: `G${i + 1}`, size: 20 })),
    courses,
    fixed: opts.kSlots.map((slot, session) => ({ course: 'K', session, slot, room: 'RK' })),
    shared: Array.from({ length: opts.n }, (_, i): [string, string, number] => ['K', `C${i + 1}`, 1]),
  };
}

async function both(
  s: TinySpec,
  tweak: (p: CompiledProblem) => void,
): Promise<{ on: Awaited<ReturnType<typeof solveMip>>; off: Awaited<ReturnType<typeof solveMip>> }> {
  const on = await solveMip(runner, s, undefined, tweak);
  const off = await solveMip(runner, s, { continuousRows: false }, tweak);
  return { on, off };
}

describe('max_continuous rows', () => {
  it("keep a faculty member's limit that the cheapest timetable breaks", async () => {
    // F1 teaches C1..C3; P4 costs a clash, so P1-P3 (three in a row) is cheapest; the limit is 2.
    const s = spec({ periods: 4, n: 3, who: () => ({ faculty: ['F1'], groups: [] }), kSlots: [3] });
    s.courses.forEach((c, i) => c.id !== 'K' && (c.groups = [`G${i + 1}`]));
    const { on, off } = await both(s, (p) => void (p.facultyMaxContinuous[0] = 2));
    expect(off.ev.hard.faculty_max_continuous).toBe(1);
    expect(on.ev.hard.faculty_max_continuous).toBe(0);
    expect(on.ev.hardTotal).toBe(0);
  });

  it("keep a group's limit for its sub-batch, whatever faculty teach", async () => {
    // G1 (through its batch G1B) attends C1..C3, each taught by someone else; the limit is G1's.
    const s = spec({ periods: 4, n: 3, who: (i) => ({ faculty: [`F${i}`], groups: ['G1'] }), kSlots: [3] });
    s.groups.push({ id: 'G1B', size: 10, parent: 'G1' });
    const { on, off } = await both(s, (p) => void (p.groupMaxContinuous[0] = 2));
    expect(off.ev.hard.group_max_continuous).toBe(1);
    expect(on.ev.hard.group_max_continuous).toBe(0);
    expect(on.ev.hardTotal).toBe(0);
  });

  it('count a run of a 2-period session as two periods', async () => {
    // C1 is 2 periods long; C1 then C2 in P1-P3 is cheapest, three periods in a row over a limit of 2.
    const s = spec({ periods: 4, n: 2, who: () => ({ faculty: ['F1'], groups: ['G1'] }), kSlots: [3] });
    s.courses[0].length = 2;
    const { on, off } = await both(s, (p) => void (p.facultyMaxContinuous[0] = 2));
    expect(off.ev.hard.faculty_max_continuous).toBe(1);
    expect(on.ev.hard.faculty_max_continuous).toBe(0);
    expect(on.ev.hardTotal).toBe(0);
  });

  it('let a break end a run: four periods around lunch are two runs within a limit of 2', async () => {
    // P1 P2 | lunch | P3 P4 P5, P5 costs a clash: P1-P4 keeps the limit and is the cheapest.
    const s = spec({
      periods: 5,
      breaksAfter: [1],
      n: 4,
      who: () => ({ faculty: ['F1'], groups: ['G1'] }),
      kSlots: [4],
    });
    const { on } = await both(s, (p) => void (p.facultyMaxContinuous[0] = 2));
    expect(on.ev.hardTotal).toBe(0);
    expect([...on.pl.slot.slice(0, 4)].sort()).toEqual([0, 1, 2, 3]);
  });
});
