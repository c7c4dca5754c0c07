// Hard same_room_if_consecutive in the room stage (consecutiveRooms.ts): two back-to-back sessions
// whose best-fitting rooms differ share a room when the rule asks it, and keep their own without it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MipRunner } from './index.ts';
import { solveMip } from './testing/ruleCase.ts';
import type { TinySpec } from './testing/tinyProblem.ts';

const runner = new MipRunner();
beforeAll(() => runner.warmUp(), 60_000);
afterAll(() => runner.close());

/**
 * One day of two periods: A (50 students, only R1 fits) and B (30, R2 fits best) share group G, so
 * one follows the other (the rule lists B first: either order counts).
 */
function spec(rule: boolean, opts: { breakBetween?: boolean } = {}): TinySpec {
  return {
    days: 1,
    periods: 2,
    breaksAfter: opts.breakBetween ? [0] : undefined,
    rooms: [
      { id: 'R1', capacity: 60 },
      { id: 'R2', capacity: 40 },
    ],
    faculty: [{ id: 'FA' }, { id: 'FB' }],
    groups: [{ id: 'G', size: 30 }],
    courses: [
      { id: 'A', sessions: 1, faculty: ['FA'], groups: ['G'], students: 50 },
      { id: 'B', sessions: 1, faculty: ['FB'], groups: ['G'], students: 30 },
    ],
    capacityHard: true,
    rules: rule ? [{ kind: 'same_room_if_consecutive', courses: ['B', 'A'] }] : [],
  };
}

describe('same_room_if_consecutive in the room matching', () => {
  it('puts two back-to-back sessions of the listed courses in one room', async () => {
    const { ev, pl } = await solveMip(runner, spec(true));
    expect(ev.hardTotal).toBe(0);
    expect(pl.room[0]).toBe(pl.room[1]);
  });

  it('leaves the best-fitting rooms alone without the rule, or across a break', async () => {
    // Without the rule B takes the closer fit R2; across a break the two are not back to back.
    for (const s of [spec(false), spec(true, { breakBetween: true })]) {
      const { ev, pl } = await solveMip(runner, s);
      expect(ev.hardTotal).toBe(0);
      expect([pl.room[0], pl.room[1]]).toEqual([0, 1]);
    }
  });
});
