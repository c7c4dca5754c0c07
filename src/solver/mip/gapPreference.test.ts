// The greedy start's order of starts (gapPreference.ts): with a gap limit, a session goes next to
// what its group already has that day instead of to the day's first free period.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/eval/evaluate.ts';
import type { Placement } from '../../shared/eval/types.ts';
import { buildCommunityModel } from './buildModel.ts';
import { gapPreference } from './gapPreference.ts';
import { applyStarts } from './mipSchedule.ts';
import { occupancy } from './occupancy.ts';
import { roomClasses } from './roomClasses.ts';
import { tinyProblem } from './testing/tinyProblem.ts';
import { greedyStart } from './warmStart.ts';

/** One day of four periods; G1 has K fixed in P3 and A (one session) to place; no idle period allowed. */
function problem(): ReturnType<typeof tinyProblem> {
  const p = tinyProblem({
    days: 1,
    periods: 4,
    rooms: [
      { id: 'R1', capacity: 60 },
      { id: 'RK', capacity: 60, type: 'k' },
    ],
    faculty: [{ id: 'F1' }, { id: 'F2' }],
    groups: [{ id: 'G1', size: 20 }],
    courses: [
      { id: 'A', sessions: 1, faculty: ['F1'], groups: ['G1'] },
      { id: 'K', sessions: 1, faculty: ['F2'], groups: ['G1'], roomType: 'k' },
    ],
    fixed: [{ course: 'K', session: 0, slot: 2, room: 'RK' }],
  });
  p.groupMaxGapsPerDay[0] = 0;
  return p;
}

function greedyGaps(withPreference: boolean): { slot: number; gaps: number } {
  const p = problem();
  const placement: Placement = { slot: Int32Array.of(-1, 2), room: Int32Array.of(-1, 1) };
  const occ = occupancy(p, placement);
  const cm = buildCommunityModel(p, Int32Array.of(0), placement, occ, roomClasses(p), 1);
  const prefer = withPreference ? gapPreference(p, occ, cm.xCourse, cm.xSlot) : null;
  const start = greedyStart(cm.model, cm.xCourse, cm.xSlot, cm.freeOf, p.nPeriods, [], prefer);
  const x = new Float64Array(cm.model.numCols);
  for (let k = 0; k < start.indices.length; k++) x[start.indices[k]] = start.values[k];
  applyStarts(p, cm.xCourse, cm.xSlot, x, placement);
  placement.room[0] = 0;
  return { slot: placement.slot[0], gaps: evaluate(p, placement).hard.group_max_gaps };
}

describe('gap preference of the greedy start', () => {
  it("puts a session next to the group's fixed one rather than in the day's first period", () => {
    // First fit: A in P1, with P2 idle before K in P3.
    expect(greedyGaps(false)).toEqual({ slot: 0, gaps: 1 });
    expect(greedyGaps(true)).toEqual({ slot: 1, gaps: 0 });
  });

  it('is not used where no faculty member or group has a gap limit', () => {
    const p = problem();
    p.groupMaxGapsPerDay[0] = -1;
    const none: Placement = { slot: Int32Array.of(-1, 2), room: Int32Array.of(-1, 1) };
    const occ = occupancy(p, none);
    const cm = buildCommunityModel(p, Int32Array.of(0), none, occ, roomClasses(p), 1);
    expect(gapPreference(p, occ, cm.xCourse, cm.xSlot)).toBeNull();
  });
});
