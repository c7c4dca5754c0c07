// Two HiGHS workers side by side (mipSchedule.ts): communities that share nothing are solved at the
// same time, and a community that shares a faculty member with the one in flight waits for it, so
// its model sees where the other's sessions landed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/eval/evaluate.ts';
import type { Placement } from '../../shared/eval/types.ts';
import { MipRunner, mipSchedule, type MipProgress } from './index.ts';
import { tinyProblem, type TinySpec } from './testing/tinyProblem.ts';

const runners = [new MipRunner(), new MipRunner()];
beforeAll(() => Promise.all(runners.map((r) => r.warmUp())), 60_000);
afterAll(() => Promise.all(runners.map((r) => r.close())));

const free = (n: number): Placement => ({
  slot: new Int32Array(n).fill(-1),
  room: new Int32Array(n).fill(-1),
});

/**
 * Courses C1..C4, one session each, in groups G1..G4 and rooms of their own; C1 and C2 taught by
 * `f12`, C3 and C4 by `f34`. K, fixed in P2, shares students with all of them: P1 is the cheap start.
 */
function spec(f12: string, f34: string): TinySpec {
  const ids = ['C1', 'C2', 'C3', 'C4'];
  return {
    days: 1,
    periods: 2,
    rooms: [...ids.map((_, i) => ({ id: `R${i + 1}`, capacity: 60 })), { id: 'RK', capacity: 60, type: 'k' }],
    faculty: [{ id: 'F1' }, { id: 'F2' }],
    groups: ids.map((_, i) => ({ id: `G${i + 1}`, size: 20 })),
    courses: [
      ...ids.map((id, i) => ({
        id,
        sessions: 1,
        faculty: [i < 2 ? f12 : f34],
        groups: [`G${i + 1}`],
        rooms: [`R${i + 1}`],
      })),
      { id: 'K', sessions: 1, roomType: 'k', students: 10 },
    ],
    fixed: [{ course: 'K', session: 0, slot: 1, room: 'RK' }],
    shared: ids.map((id): [string, string, number] => ['K', id, 1]),
  };
}

async function run(s: TinySpec, communities: number[][]): Promise<{ hard: number; overlapped: boolean }> {
  const p = tinyProblem(s);
  const events: MipProgress[] = [];
  const out = await mipSchedule(
    p,
    free(p.nSessions),
    communities.map((cs) => Int32Array.from(cs)),
    { timeLimitMs: 20_000, seed: 1, runner: runners, workers: 2, onProgress: (e) => events.push(e) },
  );
  // Side by side: a community started before the one started first had landed.
  const firstLanding = events.findIndex((e) => !e.current);
  const overlapped = events.slice(0, firstLanding).filter((e) => e.current).length > 1;
  expect(out.stats.workers).toBe(2);
  return { hard: evaluate(p, out.placement).hardTotal, overlapped };
}

describe('MIP workers side by side', () => {
  it('solve communities that share no faculty member at the same time', async () => {
    // {C1, C2} is F1's, {C3, C4} F2's: nothing shared.
    const r = await run(spec('F1', 'F2'), [
      [0, 1],
      [2, 3],
    ]);
    expect(r.overlapped).toBe(true);
    expect(r.hard).toBe(0);
  });

  it('keep a community that shares a faculty member with the one in flight waiting for it', async () => {
    // Both communities have a course of F1 and one of F2; solved side by side, each would put its
    // F1 course in the cheap P1 and F1 would teach two sessions at once.
    const r = await run(spec('F1', 'F2'), [
      [0, 2],
      [1, 3],
    ]);
    expect(r.hard).toBe(0);
    expect(r.overlapped).toBe(false);
  });
});
