import { describe, expect, it } from 'vitest';
import { compile } from '../../shared/compiled/compile.ts';
import { IncrementalState } from '../../shared/eval/incremental/IncrementalState.ts';
import { HARD_KINDS } from '../../shared/eval/types.ts';
import { placementAt, testCollege, type CollegeInput } from '../../shared/eval/testing/testCollege.ts';
import { Rng } from '../Rng.ts';
import { startPoint } from '../startPoint.ts';
import { fittingRoom } from '../construct/placeChoice.ts';
import { repairRoom } from './repair/repairRoom.ts';
import { HardRepair } from './repair/HardRepair.ts';
import { ConflictSearch } from './repair/ConflictSearch.ts';
import { buildingPenalties } from './buildingRooms.ts';

// testCollege: Mon-Fri; periods 1-3 (09-12), lunch, 4-6 (13-16). G1 (30 students) has X at Mon 1
// in room BIG of building A; Y (G1 too, 1 session) is to go at Mon 2. FIT (building B, 40 seats)
// fits Y best, but B right after A is a building change with no free period before it.
const rooms = [
  { id: 'BIG', name: 'BIG', capacity: 200, building: 'A' },
  { id: 'FIT', name: 'FIT', capacity: 40, building: 'B' },
];
const limits = { minGapsBetweenBuildingChanges: 1, maxBuildingChangesPerDay: 0 };
const college = (groupLimits: object, extra: Partial<CollegeInput> = {}) =>
  compile(
    testCollege({
      rooms,
      faculty: ['F1', 'F2'].map((id) => ({ id, name: id })),
      groups: [{ id: 'G1', name: 'G1', size: 30, ...groupLimits }],
      courses: [
        { id: 'X', name: 'X', faculty: ['F1'], groups: ['G1'], sessions: 1, minDays: 0 },
        { id: 'Y', name: 'Y', faculty: ['F2'], groups: ['G1'], sessions: 1, minDays: 0 },
      ],
      ...extra,
    }),
  );
const KINDS = ['group_max_building_changes', 'group_min_building_gaps'].map((k) =>
  HARD_KINDS.indexOf(k as (typeof HARD_KINDS)[number]),
);
const buildingHard = (st: IncrementalState): number => KINDS.reduce((a, i) => a + st.hard[i], 0);
const MON_2 = 1;

describe('room choice that sees building changes', () => {
  it('repairRoom and fittingRoom put Y in the building of the session before it, not the best fit', () => {
    const p = compile(testCollege({ rooms }));
    expect(p.buildings.length).toBe(2);
    const limited = college(limits);
    const st = new IncrementalState(limited, placementAt(limited, [['X', 1, 0, 0, 'BIG']]));
    const { model } = startPoint(limited, undefined);
    const y = limited.courseFirstSession[limited.courseIds.indexOf('Y')];
    const big = limited.roomIds.indexOf('BIG');
    const fit = limited.roomIds.indexOf('FIT');
    expect(repairRoom(st, model, y, MON_2, -1)).toBe(big);
    expect(fittingRoom(st, model, y, MON_2)).toBe(big);
    // The penalty of B: one change (over the daily limit of 0) with no free period before it.
    expect(Array.from(buildingPenalties(st, model, y, MON_2) ?? [])).toEqual([0, 0, 2]);
    // With X in B the choice follows it; at Mon 3 (a free period after X) only the change counts.
    const inB = new IncrementalState(limited, placementAt(limited, [['X', 1, 0, 0, 'FIT']]));
    expect(repairRoom(inB, model, y, MON_2, -1)).toBe(fit);
    expect(Array.from(buildingPenalties(st, model, y, 2) ?? [])).toEqual([0, 0, 1]);
    // Without a limit the best fit is kept, as before.
    const free = college({});
    const st0 = new IncrementalState(free, placementAt(free, [['X', 1, 0, 0, 'BIG']]));
    const m0 = startPoint(free, undefined).model;
    expect(buildingPenalties(st0, m0, y, MON_2)).toBeNull();
    expect(repairRoom(st0, m0, y, MON_2, -1)).toBe(fit);
  });

  it('the hard repair mends a building change by a room-only move when the time cannot change', () => {
    // Y may only start at Mon 2; it starts there in FIT (a change with no free period before it).
    const starts = [{ day: 0, period: MON_2 }];
    const p = college(limits, {
      courses: [
        {
          id: 'X',
          name: 'X',
          faculty: ['F1'],
          groups: ['G1'],
          sessions: 1,
          minDays: 0,
          starts: [{ day: 0, period: 0 }],
        },
        { id: 'Y', name: 'Y', faculty: ['F2'], groups: ['G1'], sessions: 1, minDays: 0, starts },
      ],
    });
    const st = new IncrementalState(
      p,
      placementAt(p, [
        ['X', 1, 0, 0, 'BIG'],
        ['Y', 1, 0, MON_2, 'FIT'],
      ]),
    );
    expect(buildingHard(st)).toBe(2);
    const { model } = startPoint(p, undefined);
    const r = new HardRepair(st, model, new Rng(1), { deadline: Infinity, maxSteps: 200 });
    while (!r.finished) r.run(Infinity);
    r.restoreBest();
    expect(st.hardTotal).toBe(0);
    const y = p.courseFirstSession[p.courseIds.indexOf('Y')];
    expect([st.slot[y], p.roomIds[st.room[y]]]).toEqual([MON_2, 'BIG']);
  });

  it("the conflict search's way at a start holds the session changing building too close to it", () => {
    // Y may only use FIT (building B); X is in BIG (building A) at Mon 1, G1 needs a free period
    // between them: at Mon 2 X is in Y's way, at Mon 3 (one free period) and Tue 2 nothing is.
    const p = college(
      { minGapsBetweenBuildingChanges: 1 },
      {
        courses: [
          { id: 'X', name: 'X', faculty: ['F1'], groups: ['G1'], sessions: 1, minDays: 0 },
          { id: 'Y', name: 'Y', faculty: ['F2'], groups: ['G1'], sessions: 1, minDays: 0, rooms: ['FIT'] },
        ],
      },
    );
    const st = new IncrementalState(p, placementAt(p, [['X', 1, 0, 0, 'BIG']]));
    const { model } = startPoint(p, undefined);
    const x = p.courseFirstSession[p.courseIds.indexOf('X')];
    const y = p.courseFirstSession[p.courseIds.indexOf('Y')];
    const cs = new ConflictSearch(st, model, new Rng(1), { deadline: Infinity, maxSteps: 10 });
    expect(cs.wayAt(y, MON_2)?.way).toEqual([x]);
    expect(cs.wayAt(y, 2)?.way).toEqual([]);
    expect(cs.wayAt(y, p.nPeriods + MON_2)?.way).toEqual([]);
    const blind = new ConflictSearch(st, model, new Rng(1), { deadline: Infinity, buildingWays: false });
    expect(blind.wayAt(y, MON_2)?.way).toEqual([]);
  });

  it("the conflict search's way holds the neighbour whose building change takes the day past its limit", () => {
    // G1 may change building once a day: X in A at Mon 1, Z in B at Mon 3 (one change). Y, only in
    // C, at Mon 5 makes a second: Z, its neighbour in another building, is in its way.
    const courses = ['X', 'Y', 'Z'].map((id) => ({
      id,
      name: id,
      faculty: [id === 'Y' ? 'F2' : 'F1'],
      groups: ['G1'],
      sessions: 1,
      minDays: 0,
      rooms: id === 'Y' ? ['C1'] : [],
    }));
    const all = [...rooms, { id: 'C1', name: 'C1', capacity: 100, building: 'C' }];
    const state = (maxDay: number) => {
      const p = college({ maxBuildingChangesPerDay: maxDay }, { rooms: all, courses });
      const st = new IncrementalState(
        p,
        placementAt(p, [
          ['X', 1, 0, 0, 'BIG'],
          ['Z', 1, 0, 2, 'FIT'],
        ]),
      );
      const cs = new ConflictSearch(st, startPoint(p, undefined).model, new Rng(1), { deadline: Infinity });
      const id = (c: string): number => p.courseFirstSession[p.courseIds.indexOf(c)];
      return { cs, y: id('Y'), z: id('Z') };
    };
    const one = state(1);
    expect(one.cs.wayAt(one.y, 4)?.way).toEqual([one.z]);
    const two = state(2);
    expect(two.cs.wayAt(two.y, 4)?.way).toEqual([]);
  });
});
