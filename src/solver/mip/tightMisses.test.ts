// Misses of courses with few allowed starts cost more (buildModel.ts missFactor): where a community
// cannot place everything, the MIP leaves out the session that can still go in many places.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MipRunner } from './index.ts';
import { solveMip } from './testing/ruleCase.ts';
import type { TinySpec } from './testing/tinyProblem.ts';

const runner = new MipRunner();
beforeAll(() => runner.warmUp(), 60_000);
afterAll(() => runner.close());

/**
 * Two days of four periods; the one lecture room is open only in the first period of day 1. N may
 * start only there (its `starts`), F anywhere; K, fixed there in a room of its own, shares students
 * with N, so placing N costs a student clash and placing F costs nothing: one of them is missed.
 */
const spec: TinySpec = {
  days: 2,
  periods: 4,
  rooms: [
    { id: 'R1', capacity: 60, unavailable: [1, 2, 3, 4, 5, 6, 7] },
    { id: 'RK', capacity: 60, type: 'k' },
  ],
  faculty: [{ id: 'FN' }, { id: 'FF' }],
  groups: [
    { id: 'GN', size: 20 },
    { id: 'GF', size: 20 },
  ],
  courses: [
    { id: 'N', sessions: 1, faculty: ['FN'], groups: ['GN'], rooms: ['R1'], starts: [0] },
    { id: 'F', sessions: 1, faculty: ['FF'], groups: ['GF'], rooms: ['R1'] },
    { id: 'K', sessions: 1, roomType: 'k', students: 10 },
  ],
  fixed: [{ course: 'K', session: 0, slot: 0, room: 'RK' }],
  shared: [['K', 'N', 10]],
};

describe('misses of courses with few allowed starts', () => {
  it('the MIP misses the flexible course rather than the one with a single allowed start', async () => {
    const off = await solveMip(runner, spec, { tightMisses: false });
    const on = await solveMip(runner, spec);
    // Sessions: N = 0, F = 1.
    expect(off.pl.slot[0]).toBe(-1);
    expect(off.pl.slot[1]).toBe(0);
    expect(on.pl.slot[0]).toBe(0);
    expect(on.pl.slot[1]).toBe(-1);
  });
});
