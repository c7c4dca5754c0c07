import { describe, expect, it } from 'vitest';
import { compile } from '../../shared/compiled/compile.ts';
import { IncrementalState } from '../../shared/eval/incremental/IncrementalState.ts';
import { testCollege } from '../../shared/eval/testing/testCollege.ts';
import { construct } from '../construct/construct.ts';
import { Rng } from '../Rng.ts';
import { startPoint } from '../startPoint.ts';
import { Annealer } from './Annealer.ts';
import { groupWhole } from './repair/tieGroups.ts';
import { TieMover } from './TieMover.ts';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

/**
 * Eight courses of two sessions, each with its own faculty and group: A1-A2-A3 start together
 * with A4 right after A1; A5 and A6 start together; A7, A8 are free. F2 is away on Monday.
 */
function setup() {
  const p = compile(
    testCollege({
      rooms: ids('R', 4).map((id) => ({ id, name: id, capacity: 100 })),
      faculty: ids('F', 8).map((id) => ({
        id,
        name: id,
        unavailable: id === 'F2' ? Array.from({ length: 6 }, (_, period) => ({ day: 0, period })) : [],
      })),
      groups: ids('G', 8).map((id) => ({ id, name: id, size: 30 })),
      courses: ids('A', 8).map((id, i) => ({
        id,
        name: id,
        faculty: [`F${i + 1}`],
        groups: [`G${i + 1}`],
        sessions: 2,
        minDays: 0,
      })),
      rules: [
        { kind: 'same_time', courses: ['A1', 'A2', 'A3'] },
        { kind: 'consecutive', courses: ['A1', 'A4'] },
        { kind: 'same_time', courses: ['A5', 'A6'] },
      ],
    }),
  );
  const { model, placement } = startPoint(p, undefined);
  const st = new IncrementalState(p, placement);
  construct(st, model, new Rng(1), () => false);
  const groups = model.ties.offsets.length - 1;
  const allWhole = (): boolean => {
    for (let g = 0; g < groups; g++) if (!groupWhole(model.ties, st.slot, g)) return false;
    return true;
  };
  return { p, model, st, groups, allWhole };
}

describe('TieMover', () => {
  it('moves a tie group as a whole to a start where every member may be, and undoes it', () => {
    const { p, model, st, allWhole } = setup();
    expect(st.hardTotal).toBe(0);
    expect(allWhole()).toBe(true);
    const mover = new TieMover(st, model);
    const a1 = p.courseFirstSession[p.courseIds.indexOf('A1')];
    const a2 = p.courseFirstSession[p.courseIds.indexOf('A2')];
    const before = st.slot.slice();
    const rng = new Rng(4);
    for (let k = 0; k < 50; k++) {
      if (!mover.tryMove(rng, a1)) continue;
      expect(allWhole()).toBe(true);
      // A2's faculty is away on Monday: the group never starts there.
      expect(st.slot[a2]).toBeGreaterThanOrEqual(p.nPeriods);
      expect(st.slot[a1]).not.toBe(before[a1]);
      mover.undo();
      expect(Array.from(st.slot)).toEqual(Array.from(before));
    }
  });

  it('lets the annealer move tie groups but never split one, even when splitting costs next to nothing', () => {
    const { st, model, allWhole } = setup();
    const before = st.slot.slice();
    const annealer = new Annealer(st, model, new Rng(9), {
      start: 0,
      deadline: Infinity,
      maxIterations: 20_000,
      hardWeight: 0.001,
      startTemperature: 50,
      endTemperature: 10,
    });
    let slices = 0;
    while (!annealer.run(performance.now() + 5) && slices++ < 10_000) expect(allWhole()).toBe(true);
    expect(allWhole()).toBe(true);
    // The groups did move (as wholes).
    const members = Array.from(model.ties.members);
    expect(members.some((s) => st.slot[s] !== before[s])).toBe(true);
  });
});
