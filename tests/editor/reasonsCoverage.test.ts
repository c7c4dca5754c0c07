// Every refused move on a realistic college (the generated `small` preset: limits, rules, labs,
// batches, electives) is explained in words that name what breaks: never the catch-all text, and
// always as many reasons as broken kinds need. Moves are drawn at random with a fixed seed.
import { describe, expect, it } from 'vitest';
import { generateCollege } from '../../src/main/generate/index.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { IncrementalState } from '../../src/shared/eval/incremental/IncrementalState.ts';
import { checkSlot } from '../../src/shared/editor/moveCheck.ts';
import { collegeNaming } from '../../src/shared/editor/naming.ts';
import { tryMoves } from '../../src/shared/editor/trial.ts';

describe('refusal reasons on a generated college', () => {
  it('name a cause for every refused move, and leave the state as it was', () => {
    const { college, planted } = generateCollege('small', 7);
    const problem = compile(college);
    const state = new IncrementalState(problem, timetableToPlacement(problem, planted));
    const naming = collegeNaming(problem, college);
    const slot0 = state.slot.slice();
    const hard0 = state.hardTotal;
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let refused = 0;
    const kindsSeen = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const s = rand(problem.nSessions);
      const t = rand(problem.nSlots);
      const check = checkSlot(state, s, t, -1, naming);
      const { kinds } = tryMoves(state, [{ session: s, slot: t, room: check.room }]);
      for (const k of kinds) kindsSeen.add(k);
      if (kinds.size === 0) {
        expect(check.reasons).toEqual([]);
        continue;
      }
      refused++;
      expect(check.reasons.length).toBeGreaterThan(0);
      for (const r of check.reasons)
        expect(r, `session ${s} at slot ${t}`).not.toMatch(/^it breaks a hard constraint/);
    }
    expect(refused).toBeGreaterThan(100);
    // The draw covers clashes and limits, not only one kind.
    expect(kindsSeen.size).toBeGreaterThanOrEqual(4);
    expect(state.slot).toEqual(slot0);
    expect(state.hardTotal).toBe(hard0);
  });
});
