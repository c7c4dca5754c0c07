import { describe, expect, it } from 'vitest';
import { compile } from '../../shared/compiled/compile.ts';
import { IncrementalState } from '../../shared/eval/incremental/IncrementalState.ts';
import { testCollege, type CollegeInput } from '../../shared/eval/testing/testCollege.ts';
import { Rng } from '../Rng.ts';
import { startPoint } from '../startPoint.ts';
import { construct, explainNoPlace } from './construct.ts';

/** Every (day, period) of the test week but the listed slots (day * 6 + period). */
const allBut = (...slots: number[]) =>
  Array.from({ length: 30 }, (_, i) => i)
    .filter((i) => !slots.includes(i))
    .map((i) => ({ day: Math.floor(i / 6), period: i % 6 }));

/**
 * A may start only at Monday periods 1-3 (slots 0, 1, 2). At slot 0 its faculty teaches X; at
 * slot 1 the one room holds Y; slot 2 is free, and with `rule` a hard different_days with Z (fixed
 * on Monday) rules it out.
 */
function setup(rule: boolean) {
  const over: Partial<CollegeInput> = {
    faculty: ['F1', 'F2', 'F3'].map((id) => ({ id, name: id })),
    groups: ['G1', 'G2', 'G3', 'G4'].map((id) => ({ id, name: id, size: 30 })),
    courses: [
      { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 1, unavailable: allBut(0, 1, 2) },
      { id: 'X', name: 'X', faculty: ['F1'], groups: ['G2'], sessions: 1 },
      { id: 'Y', name: 'Y', faculty: ['F2'], groups: ['G3'], sessions: 1 },
      { id: 'Z', name: 'Z', faculty: ['F3'], groups: ['G4'], sessions: 1 },
    ],
    fixed: [
      { courseId: 'X', session: 1, day: 0, period: 0, roomId: 'R1' },
      { courseId: 'Y', session: 1, day: 0, period: 1, roomId: 'R1' },
      { courseId: 'Z', session: 1, day: 0, period: 4, roomId: 'R1' },
    ],
    rules: rule ? [{ kind: 'different_days', courses: ['A', 'Z'] }] : [],
  };
  const p = compile(testCollege(over));
  const { model, placement } = startPoint(p, undefined);
  const st = new IncrementalState(p, placement);
  return { p, model, st, a: p.courseFirstSession[p.courseIds.indexOf('A')] };
}

describe('explainNoPlace', () => {
  it('accounts for every allowed start of an unplaced session: clashes, no room, a hard rule', () => {
    const { p, model, st, a } = setup(true);
    expect(st.slot[a]).toBe(-1);
    const hard = st.hardTotal;
    expect(explainNoPlace(st, model, p.sessionCourse[a], a)).toBe(
      'all 3 allowed start times are taken or ruled out: 1 clash with its faculty or groups, 1 have no free suitable room, 1 would break a hard rule or a faculty or group limit',
    );
    // The explanation leaves the state as it was.
    expect(st.hardTotal).toBe(hard);
    expect(st.slot[a]).toBe(-1);
    // The constructor, which places a session wherever it clashes with nothing, puts it at slot 2.
    expect(construct(st, model, new Rng(1), () => false).unplaced).toEqual([]);
    expect(st.slot[a]).toBe(2);
  });

  it('names a free start the search did not reach instead of calling every start taken', () => {
    const { p, model, st, a } = setup(false);
    expect(st.slot[a]).toBe(-1);
    expect(explainNoPlace(st, model, p.sessionCourse[a], a)).toBe(
      '2 of its 3 allowed start times are taken or ruled out: 1 clash with its faculty or groups, 1 have no free suitable room, 0 would break a hard rule or a faculty or group limit; 1 could take it, but the search stopped before it placed it there',
    );
    // Without the session, the count of taken starts alone.
    expect(explainNoPlace(st, model, p.sessionCourse[a])).toBe(
      'all 3 allowed start times are taken: 1 clash with its faculty or groups, 1 have no free suitable room',
    );
  });
});
