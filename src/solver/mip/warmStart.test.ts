// The greedy start HiGHS begins from: feasible for every row, and tie groups (same_time,
// consecutive) placed as blocks rather than left out.
import { describe, expect, it } from 'vitest';
import type { Placement } from '../../shared/eval/types.ts';
import { buildCommunityModel } from './buildModel.ts';
import type { MipModel } from './mipModel.ts';
import { occupancy } from './occupancy.ts';
import { roomClasses } from './roomClasses.ts';
import { tinyProblem } from './testing/tinyProblem.ts';
import { namedStarts } from './sessionVars.ts';
import { greedyStart } from './warmStart.ts';

/** Rows that list a column twice (HiGHS refuses the whole model). */
function rowsWithRepeats(m: MipModel): number {
  let bad = 0;
  for (let i = 0; i < m.numRows; i++) {
    const cols = m.indices.subarray(m.starts[i], m.starts[i + 1]);
    if (new Set(cols).size !== cols.length) bad++;
  }
  return bad;
}

function violatedRows(m: MipModel, x: Float64Array): number {
  let bad = 0;
  for (let i = 0; i < m.numRows; i++) {
    let act = 0;
    for (let k = m.starts[i]; k < m.starts[i + 1]; k++) act += m.values[k] * x[m.indices[k]];
    if (act < m.rowLower[i] - 1e-9 || act > m.rowUpper[i] + 1e-9) bad++;
  }
  return bad;
}

describe('greedyStart', () => {
  it('places a same_time + consecutive tie group as one block, every row kept, no column twice in a row', () => {
    const p = tinyProblem({
      days: 2,
      periods: 4,
      rooms: [
        { id: 'R1', capacity: 60 },
        { id: 'R2', capacity: 60 },
      ],
      faculty: [{ id: 'F1' }, { id: 'F2' }, { id: 'F3' }],
      groups: [
        { id: 'G1', size: 30, minPerDay: 2 },
        { id: 'G2', size: 30 },
      ],
      courses: [
        { id: 'A', sessions: 2, faculty: ['F1'], groups: ['G1'] },
        { id: 'B', sessions: 2, faculty: ['F2'], groups: ['G2'] },
        { id: 'C', sessions: 2, length: 2, faculty: ['F3'], groups: ['G1'] },
      ],
      rules: [
        { kind: 'same_time', courses: ['A', 'B'] },
        { kind: 'consecutive', courses: ['A', 'C'] },
        { kind: 'same_room', courses: ['B'] },
      ],
    });
    p.facultyMaxGapsPerDay[0] = 0;
    p.groupMaxGapsPerDay[0] = 1;
    p.groupMaxGapsPerWeek[0] = 1;
    const none: Placement = {
      slot: new Int32Array(p.nSessions).fill(-1),
      room: new Int32Array(p.nSessions).fill(-1),
    };
    const cm = buildCommunityModel(p, Int32Array.of(0, 1, 2), none, occupancy(p, none), roomClasses(p), 1);
    const start = greedyStart(cm.model, cm.xCourse, cm.xSlot, cm.freeOf, p.nPeriods);
    const chosen = (c: number): number[] =>
      Array.from(cm.xCourse.keys())
        .filter((j) => cm.xCourse[j] === c && start.values[j] > 0.5)
        .map((j) => cm.xSlot[j]);
    expect(chosen(0)).toHaveLength(2);
    expect(chosen(1)).toEqual(chosen(0));
    expect(chosen(2)).toEqual(chosen(0).map((s) => s + 1));
    expect(violatedRows(cm.model, start.values)).toBe(0);
    expect(rowsWithRepeats(cm.model)).toBe(0);
  });

  it('places sessions that rules name one by one, every row kept', () => {
    const p = tinyProblem({
      days: 3,
      periods: 3,
      rooms: [{ id: 'R1', capacity: 60 }],
      faculty: [{ id: 'F1' }, { id: 'F2' }],
      groups: [
        { id: 'G1', size: 30 },
        { id: 'G2', size: 30 },
      ],
      courses: [
        { id: 'A', sessions: 3, faculty: ['F1'], groups: ['G1'] },
        { id: 'B', sessions: 2, faculty: ['F2'], groups: ['G2'] },
      ],
      rules: [
        { kind: 'min_days_between', courses: ['A#1', 'B#2'], value: 1 },
        { kind: 'consecutive', courses: ['A#2', 'A#3'] },
        { kind: 'min_gap', courses: ['A#1', 'B'], value: 1 },
      ],
    });
    const none: Placement = {
      slot: new Int32Array(p.nSessions).fill(-1),
      room: new Int32Array(p.nSessions).fill(-1),
    };
    const cm = buildCommunityModel(p, Int32Array.of(0, 1), none, occupancy(p, none), roomClasses(p), 1);
    expect(cm.sessionVars.named.size).toBe(4);
    const start = greedyStart(
      cm.model,
      cm.xCourse,
      cm.xSlot,
      cm.freeOf,
      p.nPeriods,
      namedStarts(p.nSlots, cm.sessionVars),
    );
    const starts = Array.from(cm.xCourse.keys()).filter((j) => start.values[j] > 0.5);
    expect(starts).toHaveLength(5);
    const named = [...cm.sessionVars.y.values()].filter((j) => start.values[j] > 0.5);
    expect(named).toHaveLength(4);
    expect(violatedRows(cm.model, start.values)).toBe(0);
    expect(rowsWithRepeats(cm.model)).toBe(0);
  });

  it('gives a named session the start that keeps its rule when its course has one', () => {
    // B only on day 2; A's two starts spread over days 1 and 2: A#1 belongs with B, on day 2.
    const p = tinyProblem({
      days: 2,
      periods: 2,
      rooms: [{ id: 'R1', capacity: 60 }],
      faculty: [{ id: 'F1' }, { id: 'F2' }],
      groups: [
        { id: 'G1', size: 30 },
        { id: 'G2', size: 30 },
      ],
      courses: [
        { id: 'B', sessions: 1, faculty: ['F2'], groups: ['G2'], unavailable: [0, 1] },
        { id: 'A', sessions: 2, faculty: ['F1'], groups: ['G1'] },
      ],
      rules: [{ kind: 'same_day', courses: ['A#1', 'B'] }],
    });
    const none: Placement = {
      slot: new Int32Array(p.nSessions).fill(-1),
      room: new Int32Array(p.nSessions).fill(-1),
    };
    const cm = buildCommunityModel(p, Int32Array.of(0, 1), none, occupancy(p, none), roomClasses(p), 1);
    const start = greedyStart(
      cm.model,
      cm.xCourse,
      cm.xSlot,
      cm.freeOf,
      p.nPeriods,
      namedStarts(p.nSlots, cm.sessionVars),
    );
    const a1 = p.courseFirstSession[1];
    const at = [...cm.sessionVars.y].filter(
      ([key, j]) => Math.floor(key / p.nSlots) === a1 && start.values[j] > 0.5,
    );
    expect(at.map(([key]) => Math.floor((key % p.nSlots) / p.nPeriods))).toEqual([1]);
    expect(violatedRows(cm.model, start.values)).toBe(0);
  });
});
