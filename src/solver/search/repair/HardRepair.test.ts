import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { timetableToPlacement } from '../../../shared/compiled/placement.ts';
import { evaluate } from '../../../shared/eval/evaluate.ts';
import { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import { testCollege, type CollegeInput, type Place } from '../../../shared/eval/testing/testCollege.ts';
import { Rng } from '../../Rng.ts';
import { startPoint } from '../../startPoint.ts';
import { HardRepair } from './HardRepair.ts';
import { groupFits, tieGroups } from './tieGroups.ts';
import { ViolatingSessions } from './violatingSessions.ts';

const rooms = ['R1', 'R2', 'R3'].map((id) => ({ id, name: id, capacity: 100 }));
const course = (
  id: string,
  n: number,
  faculty: string,
  groups: string[],
): CollegeInput['courses'][number] => ({
  id,
  name: id,
  faculty: [faculty],
  groups,
  sessions: n,
  minDays: 0,
});

/** Build the state at `places` (others unplaced), repair it, and return the full evaluation before and after. */
function repair(over: Partial<CollegeInput>, places: Place[], maxSteps = 2000) {
  const p = compile(testCollege({ rooms, ...over }));
  const timetable = {
    assignments: places.map(([courseId, session, day, period, roomId]) => ({
      courseId,
      session,
      day,
      period,
      roomId,
      locked: false,
    })),
  };
  const placement = timetableToPlacement(p, timetable);
  const before = evaluate(p, placement);
  const st = new IncrementalState(p, placement);
  const { model } = startPoint(p, undefined);
  const r = new HardRepair(st, model, new Rng(7), { deadline: Infinity, maxSteps });
  while (!r.run(Infinity));
  r.restoreBest();
  const after = evaluate(p, st.snapshot());
  return { before, after, st, repair: r, p };
}

describe('HardRepair', () => {
  it('mends the weekly gap limits and the faculty minimums without creating any other hard cost', () => {
    const faculty = [
      { id: 'F1', name: 'F1', maxGapsPerWeek: 0, minPerDay: 2, minDays: 2 },
      { id: 'F2', name: 'F2' },
    ];
    const groups = [{ id: 'G1', name: 'G1', size: 30, maxGapsPerWeek: 1 }];
    const courses = [course('A', 4, 'F1', ['G1']), course('B', 3, 'F2', ['G1'])];
    // F1: Mon periods 1 and 3 (a gap), Tue period 1 alone (under 2), Wed nothing; G1: gaps on Mon
    // and Tue.
    const { before, after } = repair({ faculty, groups, courses }, [
      ['A', 1, 0, 0, 'R1'],
      ['A', 2, 0, 2, 'R1'],
      ['A', 3, 1, 0, 'R1'],
      ['A', 4, 0, 4, 'R1'],
      ['B', 1, 1, 3, 'R2'],
      ['B', 2, 1, 5, 'R2'],
      ['B', 3, 2, 0, 'R2'],
    ]);
    expect(before.hard.faculty_max_gaps_per_week).toBeGreaterThan(0);
    expect(before.hard.faculty_min_per_day).toBe(1);
    expect(before.hard.group_max_gaps_per_week).toBeGreaterThan(0);
    expect(after.hardTotal).toBe(0);
    // One teaching day only breaks min_days: the repair spreads F1 over two days.
    const one = repair({ faculty, groups: [{ id: 'G1', name: 'G1', size: 30 }], courses }, [
      ['A', 1, 0, 0, 'R1'],
      ['A', 2, 0, 1, 'R1'],
      ['A', 3, 0, 2, 'R1'],
      ['A', 4, 0, 3, 'R1'],
      ['B', 1, 1, 0, 'R2'],
      ['B', 2, 1, 1, 'R2'],
      ['B', 3, 2, 0, 'R2'],
    ]);
    expect(one.before.hard.faculty_min_days).toBe(1);
    expect(one.after.hardTotal).toBe(0);
  });

  it('mends runs of periods in a row over max_continuous of a teacher and of a group', () => {
    const faculty = [
      { id: 'F1', name: 'F1', maxContinuous: 2 },
      { id: 'F2', name: 'F2' },
    ];
    const groups = [{ id: 'G1', name: 'G1', size: 30, maxContinuous: 2 }];
    const courses = [course('A', 3, 'F1', ['G1']), course('B', 3, 'F2', ['G1'])];
    // F1: Mon periods 1-3 in a row; G1: Tue periods 4-6 in a row (B) and Mon 1-3 (A).
    const { before, after } = repair({ faculty, groups, courses }, [
      ['A', 1, 0, 0, 'R1'],
      ['A', 2, 0, 1, 'R1'],
      ['A', 3, 0, 2, 'R1'],
      ['B', 1, 1, 3, 'R2'],
      ['B', 2, 1, 4, 'R2'],
      ['B', 3, 1, 5, 'R2'],
    ]);
    expect(before.hard.faculty_max_continuous).toBe(1);
    expect(before.hard.group_max_continuous).toBe(2);
    expect(after.hardTotal).toBe(0);
  });

  it('mends days beginning after the first period beyond max_late_starts of a group above a batch', () => {
    const faculty = [
      { id: 'F1', name: 'F1' },
      { id: 'F2', name: 'F2' },
    ];
    const groups = [
      { id: 'G1', name: 'G1', size: 30, maxLateStarts: 0 },
      { id: 'B1', name: 'B1', size: 15, parent: 'G1' },
    ];
    const courses = [course('A', 3, 'F1', ['G1']), course('L', 2, 'F2', ['B1'])];
    // G1 (and its batch) begins Mon at period 2, Tue at period 3 and Wed after lunch; B1's lab on
    // Thu at period 2.
    const { before, after } = repair({ faculty, groups, courses }, [
      ['A', 1, 0, 1, 'R1'],
      ['A', 2, 1, 2, 'R1'],
      ['A', 3, 2, 3, 'R1'],
      ['L', 1, 3, 1, 'R2'],
      ['L', 2, 3, 2, 'R2'],
    ]);
    expect(before.hard.group_max_late_starts).toBe(6);
    expect(after.hardTotal).toBe(0);
  });

  it('mends days spanning more periods than max_span of a teacher and of a group', () => {
    const faculty = [
      { id: 'F1', name: 'F1', maxSpan: 3 },
      { id: 'F2', name: 'F2' },
    ];
    const groups = [{ id: 'G1', name: 'G1', size: 30, maxSpan: 4 }];
    const courses = [course('A', 3, 'F1', ['G1']), course('B', 2, 'F2', ['G1'])];
    // F1: Mon periods 1 and 6 (span 6); G1: Tue periods 1 and 6 (B) and Mon 1-6.
    const { before, after } = repair({ faculty, groups, courses }, [
      ['A', 1, 0, 0, 'R1'],
      ['A', 2, 0, 5, 'R1'],
      ['A', 3, 2, 0, 'R1'],
      ['B', 1, 1, 0, 'R2'],
      ['B', 2, 1, 5, 'R2'],
    ]);
    expect(before.hard.faculty_max_span).toBe(3);
    expect(before.hard.group_max_span).toBe(4);
    expect(after.hardTotal).toBe(0);
  });

  it('mends days resting less than min_rest of a teacher and of a group', () => {
    const faculty = [
      { id: 'F1', name: 'F1', minRest: 4 },
      { id: 'F2', name: 'F2' },
    ];
    const groups = [{ id: 'G1', name: 'G1', size: 30, minRest: 3 }];
    const courses = [course('A', 2, 'F1', ['G1']), course('B', 2, 'F2', ['G1'])];
    // F1: Mon period 6 then Tue period 1 (rest 0); G1 the same, and B: Wed period 6, Thu period 2.
    const { before, after } = repair({ faculty, groups, courses }, [
      ['A', 1, 0, 5, 'R1'],
      ['A', 2, 1, 0, 'R1'],
      ['B', 1, 2, 5, 'R2'],
      ['B', 2, 3, 1, 'R2'],
    ]);
    expect(before.hard.faculty_min_rest).toBe(4);
    expect(before.hard.group_min_rest).toBe(3 + 2);
    expect(after.hardTotal).toBe(0);
  });

  it('mends building changes over the limits of a teacher and of a group, by a room move or a time move', () => {
    const built = [
      { id: 'R1', name: 'R1', capacity: 100, building: 'North' },
      { id: 'R2', name: 'R2', capacity: 100, building: 'South' },
      { id: 'R3', name: 'R3', capacity: 100, building: 'North' },
    ];
    const faculty = [
      { id: 'F1', name: 'F1', maxBuildingChangesPerDay: 0 },
      { id: 'F2', name: 'F2' },
    ];
    const groups = [{ id: 'G1', name: 'G1', size: 30, minGapsBetweenBuildingChanges: 2 }];
    const courses = [course('A', 2, 'F1', ['G1']), course('B', 1, 'F2', ['G1'])];
    // Mon: A in North at 1, A in South at 2 (F1 changes once; G1 with no free period), B in North at 3.
    const { before, after } = repair({ rooms: built, faculty, groups, courses }, [
      ['A', 1, 0, 0, 'R1'],
      ['A', 2, 0, 1, 'R2'],
      ['B', 1, 0, 2, 'R3'],
    ]);
    expect([before.hard.faculty_max_building_changes, before.hard.group_min_building_gaps]).toEqual([1, 2]);
    expect(after.hardTotal).toBe(0);
  });

  it('removes a planted group gap without creating any other hard cost', () => {
    const { before, after } = repair(
      {
        faculty: [
          { id: 'F1', name: 'F1' },
          { id: 'F2', name: 'F2' },
        ],
        groups: [{ id: 'G1', name: 'G1', size: 30, maxGapsPerDay: 0 }],
        courses: [course('A', 2, 'F1', ['G1']), course('B', 1, 'F2', ['G1'])],
      },
      [
        ['A', 1, 0, 0, 'R1'],
        ['A', 2, 1, 0, 'R1'],
        ['B', 1, 0, 2, 'R2'],
      ],
    );
    expect(before.hard.group_max_gaps).toBe(1);
    expect(before.hardTotal).toBe(1);
    expect(after.hardTotal).toBe(0);
  });

  it('removes a planted faculty max_per_day violation without creating others', () => {
    const { before, after } = repair(
      {
        faculty: [{ id: 'F1', name: 'F1', maxPerDay: 2, maxGapsPerDay: 0 }],
        groups: [
          { id: 'G1', name: 'G1', size: 30 },
          { id: 'G2', name: 'G2', size: 30 },
        ],
        courses: [course('A', 2, 'F1', ['G1']), course('B', 1, 'F1', ['G2'])],
      },
      [
        ['A', 1, 0, 0, 'R1'],
        ['A', 2, 0, 1, 'R1'],
        ['B', 1, 0, 2, 'R2'],
      ],
    );
    expect(before.hard.faculty_max_per_day).toBe(1);
    expect(before.hardTotal).toBe(1);
    expect(after.hardTotal).toBe(0);
  });

  it('places an unplaced session by moving the one in its only start (an ejection)', () => {
    // C may only start at Monday period 1, where A sits with the same group; A has room elsewhere.
    const { before, after } = repair(
      {
        faculty: [
          { id: 'F1', name: 'F1' },
          { id: 'F2', name: 'F2' },
        ],
        courses: [
          course('A', 1, 'F1', ['G1']),
          {
            ...course('C', 1, 'F2', ['G1']),
            unavailable: Array.from({ length: 30 }, (_, i) => ({
              day: Math.floor(i / 6),
              period: i % 6,
            })).slice(1),
          },
        ],
      },
      [['A', 1, 0, 0, 'R1']],
    );
    expect(before.hard.unplaced).toBe(1);
    expect(after.hardTotal).toBe(0);
  });

  it('frees a room for a room clash by moving a session that is not in violation itself', () => {
    // A and B may only start at Monday 1 and only use R1 or R2; C sits in R2 then and may go anywhere.
    const onlyMonday1 = Array.from({ length: 30 }, (_, i) => ({
      day: Math.floor(i / 6),
      period: i % 6,
    })).slice(1);
    const { before, after } = repair(
      {
        faculty: ['F1', 'F2', 'F3'].map((id) => ({ id, name: id })),
        groups: ['G1', 'G2', 'G3'].map((id) => ({ id, name: id, size: 30 })),
        courses: [
          { ...course('A', 1, 'F1', ['G1']), unavailable: onlyMonday1, rooms: ['R1', 'R2'] },
          { ...course('B', 1, 'F2', ['G2']), unavailable: onlyMonday1, rooms: ['R1', 'R2'] },
          { ...course('C', 1, 'F3', ['G3']), rooms: ['R2'] },
        ],
      },
      [
        ['A', 1, 0, 0, 'R1'],
        ['B', 1, 0, 0, 'R1'],
        ['C', 1, 0, 0, 'R2'],
      ],
    );
    expect(before.hard.room_clash).toBe(1);
    expect(before.hardTotal).toBe(1);
    expect(after.hardTotal).toBe(0);
  });

  it('moves a same_time tie as a whole, placing its unplaced member next to the others', () => {
    const { before, after, st, p } = repair(
      {
        faculty: [
          { id: 'F1', name: 'F1' },
          { id: 'F2', name: 'F2' },
          { id: 'F3', name: 'F3', unavailable: [{ day: 0, period: 0 }] },
        ],
        groups: ['G1', 'G2', 'G3'].map((id) => ({ id, name: id, size: 30 })),
        courses: [course('A', 1, 'F1', ['G1']), course('B', 1, 'F2', ['G2']), course('C', 1, 'F3', ['G3'])],
        rules: [{ kind: 'same_time', courses: ['A', 'B', 'C'] }],
      },
      // A and B together at Monday 1, where C's faculty member is away; C unplaced: the three
      // must go to another start together.
      [
        ['A', 1, 0, 0, 'R1'],
        ['B', 1, 0, 0, 'R2'],
      ],
    );
    expect(before.hard.unplaced).toBe(1);
    expect(before.hardTotal).toBe(1);
    expect(after.hardTotal).toBe(0);
    const slots = [0, 1, 2].map((c) => st.slot[p.courseFirstSession[c]]);
    expect(new Set(slots).size).toBe(1);
  });

  it('keeps what the incremental state says equal to the full evaluator on a crowded instance', () => {
    // 3 groups x 10 one-period sessions, 2 faculty, gaps limited: many violations to start with.
    const courses = [0, 1, 2].flatMap((g) => [
      course(`A${g}`, 5, 'F1', [`G${g}`]),
      course(`B${g}`, 5, 'F2', [`G${g}`]),
    ]);
    const places: Place[] = courses.flatMap((c, i) =>
      [1, 2, 3, 4, 5].map((k): Place => [c.id, k, 0, (i + k) % 6, 'R1']),
    );
    const {
      after,
      st,
      repair: r,
    } = repair(
      {
        faculty: [
          { id: 'F1', name: 'F1', maxPerDay: 4 },
          { id: 'F2', name: 'F2', maxGapsPerDay: 1 },
        ],
        groups: [0, 1, 2].map((g) => ({ id: `G${g}`, name: `G${g}`, size: 30, maxGapsPerDay: 0 })),
        courses,
      },
      places,
      300,
    );
    expect(r.moves).toBeGreaterThan(0);
    expect(after.hardTotal).toBe(st.hardTotal);
    expect(after.softTotal).toBeCloseTo(st.softTotal, 6);
    expect(after.hardTotal).toBe(r.bestHard);
  });
});

describe('tieGroups', () => {
  it('groups same_time sessions at offset 0 and consecutive ones after the course before them', () => {
    const p = compile(
      testCollege({
        faculty: ['F1', 'F2', 'F3', 'F4'].map((id) => ({ id, name: id })),
        courses: [
          course('A', 2, 'F1', ['G1']),
          course('B', 2, 'F2', ['G1']),
          { ...course('C', 1, 'F3', ['G1']), length: 2 },
          course('D', 1, 'F4', ['G1']),
        ],
        rules: [
          { kind: 'same_time', courses: ['A', 'B'] },
          { kind: 'consecutive', courses: ['C', 'D'] },
        ],
      }),
    );
    const t = tieGroups(p);
    const first = (id: string): number => p.courseFirstSession[p.courseIds.indexOf(id)];
    const offsetOf = (s: number): number => {
      for (let i = 0; i < t.members.length; i++) if (t.members[i] === s) return t.memberOffset[i];
      return -1;
    };
    expect(t.offsets.length - 1).toBe(3);
    expect(t.groupOf[first('A')]).toBe(t.groupOf[first('B')]);
    expect(t.groupOf[first('A') + 1]).toBe(t.groupOf[first('B') + 1]);
    expect(t.groupOf[first('A')]).not.toBe(t.groupOf[first('A') + 1]);
    expect(offsetOf(first('A'))).toBe(0);
    expect(offsetOf(first('B'))).toBe(0);
    expect(offsetOf(first('C'))).toBe(0);
    expect(offsetOf(first('D'))).toBe(2);
  });
});

describe('tieGroups with consecutive_across_break', () => {
  it('ties B right after A by period index and lets the pair straddle lunch, which a consecutive pair may not', () => {
    const build = (kind: 'consecutive' | 'consecutive_across_break') =>
      compile(
        testCollege({
          faculty: ['F1', 'F2'].map((id) => ({ id, name: id })),
          courses: [course('A', 1, 'F1', ['G1']), course('B', 1, 'F2', ['G1'])],
          rules: [{ kind, courses: ['A', 'B'] }],
        }),
      );
    for (const kind of ['consecutive', 'consecutive_across_break'] as const) {
      const p = build(kind);
      const t = tieGroups(p);
      const a = p.courseFirstSession[p.courseIds.indexOf('A')];
      const b = p.courseFirstSession[p.courseIds.indexOf('B')];
      expect(t.offsets.length - 1).toBe(1);
      expect(t.groupOf[a]).toBe(t.groupOf[b]);
      const offsetOf = (s: number): number => t.memberOffset[Array.from(t.members).indexOf(s)];
      expect(offsetOf(b) - offsetOf(a)).toBe(1);
      const { model } = startPoint(p, undefined);
      // A in period 3 (11-12), B in period 4 after lunch (13-14), on Monday; A in period 1, B in 2.
      expect(groupFits(t, model, 0, 2)).toBe(kind === 'consecutive_across_break');
      expect(groupFits(t, model, 0, 0)).toBe(true);
      // Never across a day: A in Monday's last period would put B on Tuesday.
      expect(groupFits(t, model, 0, p.nPeriods - 1)).toBe(false);
    }
  });
});

describe('ViolatingSessions', () => {
  it('flags the sessions of a row over its gap limit and nothing else', () => {
    const p = compile(
      testCollege({
        rooms,
        faculty: [
          { id: 'F1', name: 'F1' },
          { id: 'F2', name: 'F2' },
        ],
        groups: [
          { id: 'G1', name: 'G1', size: 30, maxGapsPerDay: 0 },
          { id: 'G2', name: 'G2', size: 30 },
        ],
        courses: [course('A', 1, 'F1', ['G1']), course('B', 1, 'F2', ['G1']), course('C', 1, 'F1', ['G2'])],
      }),
    );
    const placement = timetableToPlacement(p, {
      assignments: [
        { courseId: 'A', session: 1, day: 0, period: 0, roomId: 'R1', locked: false },
        { courseId: 'B', session: 1, day: 0, period: 2, roomId: 'R1', locked: false },
        { courseId: 'C', session: 1, day: 0, period: 3, roomId: 'R2', locked: false },
      ],
    });
    const st = new IncrementalState(p, placement);
    const { model } = startPoint(p, undefined);
    const out = new Int32Array(p.nSessions);
    const n = new ViolatingSessions(st, model).collect(out);
    expect(Array.from(out.subarray(0, n))).toEqual([0, 1]);
  });
});

describe('ViolatingSessions and unavailability', () => {
  it('does not flag a faculty member whose only free period between sessions is one they are unavailable in', () => {
    const p = compile(
      testCollege({
        rooms,
        faculty: [
          { id: 'F1', name: 'F1', maxGapsPerDay: 0, maxGapsPerWeek: 0, unavailable: [{ day: 0, period: 1 }] },
          { id: 'F2', name: 'F2', maxGapsPerDay: 0, maxGapsPerWeek: 0 },
        ],
        courses: [course('A', 2, 'F1', ['G1']), course('B', 2, 'F2', ['G1'])],
      }),
    );
    // F1: Mon periods 1 and 3, unavailable in 2 (no idle period); F2: Tue periods 1 and 3 (one).
    const placement = timetableToPlacement(p, {
      assignments: [
        { courseId: 'A', session: 1, day: 0, period: 0, roomId: 'R1', locked: false },
        { courseId: 'A', session: 2, day: 0, period: 2, roomId: 'R1', locked: false },
        { courseId: 'B', session: 1, day: 1, period: 0, roomId: 'R1', locked: false },
        { courseId: 'B', session: 2, day: 1, period: 2, roomId: 'R1', locked: false },
      ],
    });
    const st = new IncrementalState(p, placement);
    const { model } = startPoint(p, undefined);
    const out = new Int32Array(p.nSessions);
    const n = new ViolatingSessions(st, model).collect(out);
    expect(Array.from(out.subarray(0, n))).toEqual([2, 3]);
  });
});

describe('HardRepair on max_days_apart, ends_day and same_room_if_consecutive', () => {
  const faculty = ['F1', 'F2', 'F3'].map((id) => ({ id, name: id }));
  const groups = [
    { id: 'G1', name: 'G1', size: 30 },
    { id: 'G2', name: 'G2', size: 30 },
  ];

  it('brings the sessions of a max_days_apart rule within its days', () => {
    // A Mon, Wed and Fri; B Tue: at most 1 day apart, all four.
    const { before, after } = repair(
      {
        faculty,
        groups,
        courses: [course('A', 3, 'F1', ['G1']), course('B', 1, 'F2', ['G2'])],
        rules: [{ kind: 'max_days_apart', courses: ['A', 'B'], value: 1 }],
      },
      [
        ['A', 1, 0, 0, 'R1'],
        ['A', 2, 2, 0, 'R1'],
        ['A', 3, 4, 0, 'R1'],
        ['B', 1, 1, 0, 'R2'],
      ],
    );
    expect(before.hard.rule).toBe(4);
    expect(after.hardTotal).toBe(0);
  });

  it('moves what comes after an ends_day session of the same students, or the session itself', () => {
    // A ends G1's day, but B (G1) follows it on Mon and Tue; C (G2, another group) may stay later.
    const { before, after } = repair(
      {
        faculty,
        groups,
        courses: [course('A', 2, 'F1', ['G1']), course('B', 2, 'F2', ['G1']), course('C', 2, 'F3', ['G2'])],
        rules: [{ kind: 'ends_day', courses: ['A'] }],
      },
      [
        ['A', 1, 0, 0, 'R1'],
        ['A', 2, 1, 0, 'R1'],
        ['B', 1, 0, 1, 'R2'],
        ['B', 2, 1, 2, 'R2'],
        ['C', 1, 0, 5, 'R3'],
        ['C', 2, 1, 5, 'R3'],
      ],
    );
    expect(before.hard.rule).toBe(2);
    expect(after.hardTotal).toBe(0);
  });

  it('puts back-to-back sessions of a same_room_if_consecutive rule in one room, or apart', () => {
    const { before, after } = repair(
      {
        faculty,
        groups,
        courses: [course('A', 2, 'F1', ['G1']), course('B', 2, 'F2', ['G2'])],
        rules: [{ kind: 'same_room_if_consecutive', courses: ['A', 'B'] }],
      },
      [
        ['A', 1, 0, 0, 'R1'],
        ['B', 1, 0, 1, 'R2'],
        ['A', 2, 1, 3, 'R3'],
        ['B', 2, 1, 4, 'R2'],
      ],
    );
    expect(before.hard.rule).toBe(2);
    expect(after.hardTotal).toBe(0);
  });

  it('puts sessions of an adjacent_if_same_day rule that share a day back to back, or apart', () => {
    // A's two sessions and B all on Mon with free periods between (3 pairs), and C's two sessions
    // kept on one day (max_days_apart 0) with a free period between them.
    const { before, after } = repair(
      {
        faculty,
        groups,
        courses: [course('A', 2, 'F1', ['G1']), course('B', 1, 'F2', ['G1']), course('C', 2, 'F3', ['G2'])],
        rules: [
          { kind: 'adjacent_if_same_day', courses: ['A', 'B'] },
          { kind: 'adjacent_if_same_day', courses: ['C'] },
          { kind: 'max_days_apart', courses: ['C'], value: 0 },
        ],
      },
      [
        ['A', 1, 0, 0, 'R1'],
        ['A', 2, 0, 2, 'R1'],
        ['B', 1, 0, 4, 'R2'],
        ['C', 1, 1, 0, 'R3'],
        ['C', 2, 1, 2, 'R3'],
      ],
    );
    expect(before.hard.rule).toBe(4);
    expect(after.hardTotal).toBe(0);
  });
});

describe('HardRepair on max_terms and max_per_term', () => {
  it('gathers sessions into few enough terms, and spreads them to few enough per term', () => {
    // Six days in terms of two. A (G1) in terms 1, 2 and 3 but allowed 1 term; B (G2) with 3
    // sessions in term 1 but allowed 1 per term.
    const { before, after } = repair(
      {
        calendar: { days: ['D1', 'D2', 'D3', 'D4', 'D5', 'D6'], daysPerTerm: 2 },
        faculty: ['F1', 'F2'].map((id) => ({ id, name: id })),
        groups: ['G1', 'G2'].map((id) => ({ id, name: id, size: 30 })),
        courses: [course('A', 3, 'F1', ['G1']), course('B', 3, 'F2', ['G2'])],
        rules: [
          { kind: 'max_terms', courses: ['A'], value: 1 },
          { kind: 'max_per_term', courses: ['B'], value: 1 },
        ],
      },
      [
        ['A', 1, 0, 0, 'R1'],
        ['A', 2, 2, 0, 'R1'],
        ['A', 3, 4, 0, 'R1'],
        ['B', 1, 0, 1, 'R2'],
        ['B', 2, 1, 1, 'R2'],
        ['B', 3, 1, 2, 'R2'],
      ],
    );
    expect(before.hard.rule).toBe(4);
    expect(after.hardTotal).toBe(0);
  });
});

describe('HardRepair on grouped', () => {
  it('brings session k of every course of a grouped rule into one block of one day', () => {
    // Sessions 1: A and B on Mon with a free period between, C on Tue; sessions 2: A, B, C on Wed
    // with C one period too late.
    const { before, after } = repair(
      {
        faculty: ['F1', 'F2', 'F3'].map((id) => ({ id, name: id })),
        groups: ['G1', 'G2', 'G3'].map((id) => ({ id, name: id, size: 30 })),
        courses: [course('A', 2, 'F1', ['G1']), course('B', 2, 'F2', ['G2']), course('C', 2, 'F3', ['G3'])],
        rules: [{ kind: 'grouped', courses: ['A', 'B', 'C'] }],
      },
      [
        ['A', 1, 0, 0, 'R1'],
        ['B', 1, 0, 2, 'R2'],
        ['C', 1, 1, 0, 'R3'],
        ['A', 2, 2, 0, 'R1'],
        ['B', 2, 2, 1, 'R2'],
        ['C', 2, 2, 3, 'R3'],
      ],
    );
    expect(before.hard.rule).toBe(2);
    expect(after.hardTotal).toBe(0);
  });
});
