import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import { placementAt, testCollege } from '../../../shared/eval/testing/testCollege.ts';
import { Rng } from '../../Rng.ts';
import { startPoint } from '../../startPoint.ts';
import { ConflictSearch } from './ConflictSearch.ts';
import { HoleChains, type WayFinder } from './holeChain.ts';

/** The conflict search with its look-up of what is in the way open to the test. */
class Probe extends ConflictSearch {
  lookUp(s: number, t: number, r: number, most?: number): number[] | null {
    const n = this.inTheWay(s, t, r, most);
    return n < 0 ? null : Array.from(this.way.subarray(0, n));
  }
}

/**
 * Monday: A (G1), B (G2) and C (G3) at period 0, D (G1) at period 1; L, a joint lesson of the
 * three groups, is unplaced (session 4). Rooms R1-R4.
 */
function joint() {
  const p = compile(
    testCollege({
      calendar: { days: ['Mon'] },
      rooms: ['R1', 'R2', 'R3', 'R4'].map((id) => ({ id, name: id, capacity: 90 })),
      faculty: ['FA', 'FB', 'FC', 'FD', 'FL'].map((id) => ({ id, name: id })),
      groups: ['G1', 'G2', 'G3'].map((id) => ({ id, name: id, size: 30 })),
      courses: [
        { id: 'A', name: 'A', faculty: ['FA'], groups: ['G1'], sessions: 1 },
        { id: 'B', name: 'B', faculty: ['FB'], groups: ['G2'], sessions: 1 },
        { id: 'C', name: 'C', faculty: ['FC'], groups: ['G3'], sessions: 1 },
        { id: 'D', name: 'D', faculty: ['FD'], groups: ['G1'], sessions: 1 },
        { id: 'L', name: 'L', faculty: ['FL'], groups: ['G1', 'G2', 'G3'], sessions: 1 },
      ],
    }),
  );
  const st = new IncrementalState(
    p,
    placementAt(p, [
      ['A', 1, 0, 0, 'R1'],
      ['B', 1, 0, 0, 'R2'],
      ['C', 1, 0, 0, 'R3'],
      ['D', 1, 0, 1, 'R1'],
    ]),
  );
  const { model } = startPoint(p, undefined);
  return { p, st, cs: new Probe(st, model, new Rng(1), { deadline: Infinity, maxSteps: 0 }) };
}

describe('what is in the way, looked up only as far as the caller needs', () => {
  it('stops once more than `most` sessions are in the way, and finds the same where fewer are', () => {
    const { cs } = joint();
    const r4 = 3;
    expect(cs.lookUp(4, 0, r4)).toEqual([0, 1, 2]);
    // Past the first two the look-up stops: a hole chain skips the start either way.
    expect(cs.lookUp(4, 0, r4, 1)).toEqual([0, 1]);
    expect(cs.lookUp(4, 0, r4, 0)).toEqual([0]);
    // One in the way (D at period 1): the same answer with or without the cap.
    expect(cs.lookUp(4, 1, r4, 1)).toEqual([3]);
    expect(cs.lookUp(4, 1, r4)).toEqual([3]);
    // Nothing in the way at period 2.
    expect(cs.lookUp(4, 2, r4, 1)).toEqual([]);
  });

  it('the hole chains ask for at most one session in the way', () => {
    const { p, st, cs } = joint();
    const asked: (number | undefined)[] = [];
    const w: WayFinder = {
      roomFor: (x, t) => cs.wayAt(x, t)?.room ?? -1,
      inTheWay: (x, t, r, most) => {
        asked.push(most);
        const n = cs.lookUp(x, t, r, most);
        if (n === null) return -1;
        w.way.set(n);
        return n.length;
      },
      way: new Int32Array(p.nSessions),
    };
    const chains = new HoleChains(st, startPoint(p, undefined).model, w, new Uint8Array(p.nSessions).fill(1));
    expect(chains.place(4, () => true)).toBe(true);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((most) => most === 1)).toBe(true);
  });
});
