import { describe, expect, it } from 'vitest';
import { compile } from '../compiled/compile.ts';
import { timetableToPlacement } from '../compiled/placement.ts';
import { IncrementalState } from '../eval/incremental/IncrementalState.ts';
import { testCollege, type CollegeInput } from '../eval/testing/testCollege.ts';
import { checkSlot } from './moveCheck.ts';
import { collegeNaming } from './naming.ts';

type Place = [string, number, number, number, string];

function setup(over: Partial<CollegeInput>, places: Place[]) {
  const college = testCollege(over);
  const problem = compile(college);
  const assignments = places.map(([courseId, session, day, period, roomId]) => ({
    courseId,
    session,
    day,
    period,
    roomId,
    locked: false,
  }));
  const state = new IncrementalState(problem, timetableToPlacement(problem, { assignments }));
  const session = (courseId: string, k = 1) =>
    problem.courseFirstSession[problem.courseIds.indexOf(courseId)] + k - 1;
  const slot = (day: number, period: number) => day * problem.nPeriods + period;
  const room = (id: string) => problem.roomIds.indexOf(id);
  return { college, problem, state, session, slot, room };
}

describe('refusal reasons name the room, the teacher, the limit and the rule', () => {
  it('a room of the wrong type, too small, or away then', () => {
    const t = setup(
      {
        rooms: [
          { id: 'R1', name: 'Room 1', capacity: 60 },
          { id: 'SMALL', name: 'Small', capacity: 10, unavailable: [{ day: 2, period: 0 }] },
          { id: 'LAB', name: 'Lab', capacity: 60, type: 'lab' },
        ],
        courses: [{ id: 'A', name: 'Algebra', faculty: ['F1'], groups: ['G1'], sessions: 1, students: 40 }],
      },
      [['A', 1, 0, 0, 'R1']],
    );
    const s = t.session('A');
    expect(checkSlot(t.state, s, t.slot(1, 0), t.room('LAB')).reasons).toContain(
      'room LAB is a lab room; A needs a lecture room',
    );
    const small = checkSlot(t.state, s, t.slot(2, 0), t.room('SMALL')).reasons;
    expect(small).toContain('room SMALL has 10 seats; A has 40 students');
    expect(small).toContain('room SMALL is not available at Wed period 1');
  });

  it('a course that may not be taught then, a session that would cross the lunch break, a fixed session', () => {
    const t = setup(
      {
        courses: [
          { id: 'A', name: 'A', groups: ['G1'], sessions: 1, unavailable: [{ day: 1, period: 1 }] },
          { id: 'L', name: 'Lab', groups: ['G1'], sessions: 1, length: 2 },
          { id: 'P', name: 'Pinned', groups: ['G1'], sessions: 1 },
        ],
        fixed: [{ courseId: 'P', session: 1, day: 4, period: 0, roomId: 'R1' }],
      },
      [
        ['A', 1, 0, 0, 'R1'],
        ['L', 1, 0, 1, 'R1'],
        ['P', 1, 4, 0, 'R1'],
      ],
    );
    expect(checkSlot(t.state, t.session('A'), t.slot(1, 1)).reasons).toContain(
      'A may not be taught at Tue period 2',
    );
    expect(checkSlot(t.state, t.session('L'), t.slot(3, 2)).reasons).toContain(
      "L lasts 2 periods: from Thu period 3 it would run across a break or past the day's end",
    );
    expect(checkSlot(t.state, t.session('P'), t.slot(3, 0)).reasons).toContain(
      'P is fixed to Fri period 1 in room R1 (the Fixed sheet)',
    );
  });

  it('a start the course does not list, also without a room', () => {
    const t = setup(
      {
        rooms: [
          { id: 'R1', name: 'Room 1', capacity: 60 },
          { id: 'R2', name: 'Room 2', capacity: 60 },
        ],
        courses: [
          {
            id: 'L',
            name: 'Lab',
            groups: ['G1'],
            sessions: 1,
            length: 2,
            starts: [
              { day: 0, period: 0 },
              { day: 2, period: 3 },
            ],
          },
        ],
      },
      [['L', 1, 0, 0, 'R1']],
    );
    const why = 'L may not start at Tue period 1: it is not one of the starts the course lists';
    expect(checkSlot(t.state, t.session('L'), t.slot(1, 0)).reasons).toContain(why);
    expect(checkSlot(t.state, t.session('L'), t.slot(1, 0), -1).reasons).toContain(why);
    expect(checkSlot(t.state, t.session('L'), t.slot(2, 3), t.room('R2')).reasons).toEqual([]);
  });

  it("a teacher's limits per day, per week, days and gaps, with the teacher's name", () => {
    const t = setup(
      {
        faculty: [
          { id: 'F1', name: 'Dr. Ada Rao', maxPerDay: 2, maxPerWeek: 3, maxDays: 2, maxGapsPerDay: 0 },
        ],
        groups: [
          { id: 'G1', name: 'G1', size: 30 },
          { id: 'G2', name: 'G2', size: 30 },
          { id: 'G3', name: 'G3', size: 30 },
        ],
        rooms: [
          { id: 'R1', name: 'Room 1', capacity: 60 },
          { id: 'R2', name: 'Room 2', capacity: 60 },
        ],
        courses: [
          { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 1 },
          { id: 'B', name: 'B', faculty: ['F1'], groups: ['G2'], sessions: 1 },
          { id: 'C', name: 'C', faculty: ['F1'], groups: ['G3'], sessions: 1 },
        ],
      },
      [
        ['A', 1, 0, 0, 'R1'],
        ['B', 1, 0, 1, 'R1'],
        ['C', 1, 1, 0, 'R1'],
      ],
    );
    const naming = collegeNaming(t.problem, t.college);
    // C next to A and B on Monday: three periods, over the daily limit of 2.
    expect(checkSlot(t.state, t.session('C'), t.slot(0, 2), -1, naming).reasons).toContain(
      'Dr. Ada Rao (F1) would teach 3 periods on Mon, more than their limit of 2',
    );
    // C on Monday period 4: a gap of 1 after period 2.
    expect(checkSlot(t.state, t.session('C'), t.slot(0, 4), -1, naming).reasons).toContain(
      'Dr. Ada Rao (F1) would have 2 idle periods on Mon, more than their limit of 0',
    );
    // B to Wednesday: three teaching days, over the limit of 2.
    expect(checkSlot(t.state, t.session('B'), t.slot(2, 0), -1, naming).reasons).toContain(
      'Dr. Ada Rao (F1) would teach on 3 days, more than their limit of 2',
    );
  });

  it("a teacher's idle periods leave out the periods they are unavailable in", () => {
    const t = setup(
      {
        faculty: [{ id: 'F1', name: 'F1', maxGapsPerDay: 0, unavailable: [{ day: 0, period: 1 }] }],
        courses: [{ id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 2 }],
      },
      [
        ['A', 1, 0, 0, 'R1'],
        ['A', 2, 1, 0, 'R1'],
      ],
    );
    // A's second session to Monday period 3: period 2 is unavailable, not idle.
    expect(checkSlot(t.state, t.session('A', 2), t.slot(0, 2)).reasons).toEqual([]);
    // To period 4: period 3 is idle (1, not 2).
    expect(checkSlot(t.state, t.session('A', 2), t.slot(0, 3)).reasons).toContain(
      'F1 would have 1 idle period on Mon, more than their limit of 0',
    );
  });

  it("a group's limits per day (over and under) and gaps", () => {
    const t = setup(
      {
        groups: [{ id: 'G1', name: 'G1', size: 30, maxPerDay: 2, minPerDay: 2, maxGapsPerDay: 0 }],
        faculty: [
          { id: 'F1', name: 'F1' },
          { id: 'F2', name: 'F2' },
          { id: 'F3', name: 'F3' },
        ],
        courses: [
          { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 1 },
          { id: 'B', name: 'B', faculty: ['F2'], groups: ['G1'], sessions: 1 },
          { id: 'C', name: 'C', faculty: ['F3'], groups: ['G1'], sessions: 1 },
        ],
      },
      [
        ['A', 1, 0, 0, 'R1'],
        ['B', 1, 0, 1, 'R1'],
        ['C', 1, 1, 0, 'R1'],
      ],
    );
    const over = checkSlot(t.state, t.session('C'), t.slot(0, 2)).reasons;
    expect(over).toContain('group G1 would have 3 periods on Mon, more than its limit of 2');
    // C alone on Wednesday: one period, under the minimum of 2 (and Tuesday is then empty).
    expect(checkSlot(t.state, t.session('B'), t.slot(2, 0)).reasons).toContain(
      'group G1 would have only 1 period on Mon, fewer than its minimum of 2',
    );
  });

  it('the hard rule that would break, as the evaluator words it', () => {
    const t = setup(
      {
        rooms: [
          { id: 'R1', name: 'Room 1', capacity: 60 },
          { id: 'R2', name: 'Room 2', capacity: 60 },
        ],
        groups: [
          { id: 'G1', name: 'G1', size: 30 },
          { id: 'G2', name: 'G2', size: 30 },
        ],
        faculty: [
          { id: 'F1', name: 'F1' },
          { id: 'F2', name: 'F2' },
        ],
        courses: [
          { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 1 },
          { id: 'B', name: 'B', faculty: ['F2'], groups: ['G2'], sessions: 1 },
        ],
        rules: [{ kind: 'same_time', courses: ['A', 'B'] }],
      },
      [
        ['A', 1, 0, 0, 'R1'],
        ['B', 1, 0, 0, 'R2'],
      ],
    );
    expect(checkSlot(t.state, t.session('B'), t.slot(1, 0)).reasons).toContain(
      'rule 1 (same_time): A (session 1) and B (session 1) should start at the same time',
    );
  });
});

describe('refusal reasons for the weekly gap limits and the faculty minimums', () => {
  // Periods 1-3 before lunch, 4-6 after (testCollege). F1 teaches A (3 sessions) and B.
  const courses = [
    { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 3 },
    { id: 'B', name: 'B', faculty: ['F1'], groups: ['G1'], sessions: 1 },
  ];
  const places: Place[] = [
    ['A', 1, 0, 0, 'R1'],
    ['A', 2, 0, 1, 'R1'],
    ['A', 3, 1, 0, 'R1'],
    ['B', 1, 1, 1, 'R1'],
  ];

  it('a teacher under their daily minimum, or on fewer days than their minimum', () => {
    const t = setup({ faculty: [{ id: 'F1', name: 'F1', minPerDay: 2, minDays: 2 }], courses }, places);
    expect(t.state.hardTotal).toBe(0);
    // Moving B to Wednesday leaves Tuesday with 1 period and opens a third day with 1 period.
    expect(checkSlot(t.state, t.session('B'), t.slot(2, 0), t.room('R1')).reasons).toEqual(
      expect.arrayContaining([
        'F1 would teach only 1 period on Tue, fewer than their minimum of 2',
        'F1 would teach only 1 period on Wed, fewer than their minimum of 2',
      ]),
    );
    // Moving A's Tuesday session and B onto Monday would leave one teaching day.
    const mon = setup({ faculty: [{ id: 'F1', name: 'F1', minDays: 2 }], courses }, [
      ['A', 1, 0, 0, 'R1'],
      ['A', 2, 0, 1, 'R1'],
      ['A', 3, 0, 2, 'R1'],
      ['B', 1, 1, 1, 'R1'],
    ]);
    expect(checkSlot(mon.state, mon.session('B'), mon.slot(0, 3), mon.room('R1')).reasons).toContain(
      'F1 would teach on only 1 day, fewer than their minimum of 2',
    );
  });

  it('a teacher or a group over the idle periods allowed in the week', () => {
    const t = setup(
      {
        faculty: [{ id: 'F1', name: 'F1', maxGapsPerWeek: 1 }],
        groups: [{ id: 'G1', name: 'G1', size: 30, maxGapsPerWeek: 2 }],
        courses,
      },
      places,
    );
    expect(t.state.hardTotal).toBe(0);
    // B from Tue period 2 to Tue period 6: 4 idle periods on Tuesday.
    const reasons = checkSlot(t.state, t.session('B'), t.slot(1, 5), t.room('R1')).reasons;
    expect(reasons).toContain('F1 would have 4 idle periods in the week, more than their limit of 1');
    expect(reasons).toContain('group G1 would have 4 idle periods in the week, more than its limit of 2');
  });

  it('a teacher or a group over the periods in a row allowed, but not across lunch', () => {
    const t = setup(
      {
        faculty: [{ id: 'F1', name: 'F1', maxContinuous: 2 }],
        groups: [{ id: 'G1', name: 'G1', size: 30, maxContinuous: 2 }],
        courses,
      },
      places,
    );
    expect(t.state.hardTotal).toBe(0);
    // B to Mon period 3: periods 1-3 in a row.
    const reasons = checkSlot(t.state, t.session('B'), t.slot(0, 2), t.room('R1')).reasons;
    expect(reasons).toContain('F1 would teach 3 periods in a row on Mon, more than their limit of 2');
    expect(reasons).toContain('group G1 would have 3 periods in a row on Mon, more than its limit of 2');
    // B to Mon period 4, after lunch: two runs, allowed.
    expect(checkSlot(t.state, t.session('B'), t.slot(0, 3), t.room('R1')).reasons).toEqual([]);
  });

  it("a teacher's or a group's day spanning more periods than allowed", () => {
    const t = setup(
      {
        faculty: [{ id: 'F1', name: 'F1', maxSpan: 3 }],
        groups: [{ id: 'G1', name: 'G1', size: 30, maxSpan: 3 }],
        courses,
      },
      places,
    );
    expect(t.state.hardTotal).toBe(0);
    // B from Tue period 2 to Tue period 5: Tuesday spans periods 1 to 5.
    const reasons = checkSlot(t.state, t.session('B'), t.slot(1, 4), t.room('R1')).reasons;
    expect(reasons).toContain("F1's day on Tue would span 5 periods, more than their limit of 3");
    expect(reasons).toContain("group G1's day on Tue would span 5 periods, more than its limit of 3");
    expect(checkSlot(t.state, t.session('B'), t.slot(1, 2), t.room('R1')).reasons).toEqual([]);
  });

  it('a teacher or a group resting less between two days than required', () => {
    const t = setup(
      {
        faculty: [{ id: 'F1', name: 'F1', minRest: 4 }],
        groups: [{ id: 'G1', name: 'G1', size: 30, minRest: 4 }],
        courses,
      },
      places,
    );
    expect(t.state.hardTotal).toBe(0);
    // A's Monday session 2 to Mon period 6: Monday ends at period 6, Tuesday begins at period 1.
    const reasons = checkSlot(t.state, t.session('A', 2), t.slot(0, 5), t.room('R1')).reasons;
    expect(reasons).toContain(
      'F1 would rest only 0 periods between Mon and Tue, fewer than their minimum of 4',
    );
    expect(reasons).toContain(
      'group G1 would rest only 0 periods between Mon and Tue, fewer than its minimum of 4',
    );
  });

  it('a teacher or a group changing building more often than allowed, or without free periods', () => {
    const limits = { maxBuildingChangesPerDay: 0, minGapsBetweenBuildingChanges: 1 };
    const t = setup(
      {
        rooms: [
          { id: 'R1', name: 'R1', capacity: 100, building: 'North' },
          { id: 'R2', name: 'R2', capacity: 100, building: 'South' },
        ],
        faculty: [{ id: 'F1', name: 'F1', ...limits }],
        groups: [{ id: 'G1', name: 'G1', size: 30, maxBuildingChangesPerWeek: 0 }],
        courses,
      },
      places,
    );
    expect(t.state.hardTotal).toBe(0);
    // A's Monday session 2 stays at Mon period 2 but moves to R2, in the other building.
    const reasons = checkSlot(t.state, t.session('A', 2), t.slot(0, 1), t.room('R2')).reasons;
    expect(reasons).toContain('F1 would change building 1 time on Mon, more than their limit of 0');
    expect(reasons).toContain(
      'F1 would change building on Mon with fewer than 1 free period to get there (their minimum)',
    );
    expect(reasons).toContain('group G1 would change building 1 time in the week, more than its limit of 0');
  });

  it('a group beginning its days after the first period more often than allowed', () => {
    const t = setup({ groups: [{ id: 'G1', name: 'G1', size: 30, maxLateStarts: 1 }], courses }, places);
    expect(t.state.hardTotal).toBe(0);
    // A's Tuesday session to Wed period 1: Tuesday then begins with B at period 2, the one late day allowed.
    expect(checkSlot(t.state, t.session('A', 3), t.slot(2, 0), t.room('R1')).reasons).toEqual([]);
    // A's Monday sessions: session 1 to Wed period 2, so Monday begins at period 2 and Wednesday too.
    expect(checkSlot(t.state, t.session('A', 1), t.slot(2, 2), t.room('R1')).reasons).toContain(
      'group G1 would begin at the second period on Mon, and at the third period or later on Wed: it may begin at the second period on at most 1 day and never later',
    );
  });

  it('an ends_day rule broken by moving another course of the same students after the listed one', () => {
    const t = setup(
      {
        rooms: ['R1', 'R2'].map((id) => ({ id, name: id, capacity: 60 })),
        faculty: ['F1', 'F2'].map((id) => ({ id, name: id })),
        groups: ['G1', 'G2'].map((id) => ({ id, name: id, size: 30 })),
        courses: [
          { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 1 },
          { id: 'B', name: 'B', faculty: ['F2'], groups: ['G1'], sessions: 1 },
          { id: 'C', name: 'C', faculty: ['F2'], groups: ['G2'], sessions: 1 },
        ],
        rules: [{ kind: 'ends_day', courses: ['A'] }],
      },
      [
        ['A', 1, 0, 2, 'R1'],
        ['B', 1, 0, 0, 'R2'],
        ['C', 1, 1, 0, 'R2'],
      ],
    );
    // B (not listed, same group) after A on Mon: refused with the rule; before it, or C (another
    // group) after it: allowed.
    expect(checkSlot(t.state, t.session('B'), t.slot(0, 4), t.room('R2')).reasons).toEqual([
      "rule 1 (ends_day): A (session 1) and B (session 1) share students, and the second ends later that day (the first should end the students' day)",
    ]);
    expect(checkSlot(t.state, t.session('B'), t.slot(0, 1), t.room('R2')).reasons).toEqual([]);
    expect(checkSlot(t.state, t.session('C'), t.slot(0, 4), t.room('R2')).reasons).toEqual([]);
  });

  it('max_per_day and max_continuous: a drag that puts too many periods of the listed courses on a day, or in a row', () => {
    const t = setup(
      {
        rooms: ['R1', 'R2'].map((id) => ({ id, name: id, capacity: 60 })),
        faculty: ['F1', 'F2'].map((id) => ({ id, name: id })),
        groups: ['G1', 'G2'].map((id) => ({ id, name: id, size: 30 })),
        courses: [
          { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 1 },
          { id: 'B', name: 'B', faculty: ['F2'], groups: ['G2'], sessions: 1 },
          { id: 'C', name: 'C', faculty: ['F2'], groups: ['G2'], sessions: 1 },
        ],
        rules: [
          { kind: 'max_per_day', courses: ['A', 'B'], value: 1 },
          { kind: 'max_continuous', courses: ['A', 'C'], value: 1 },
        ],
      },
      [
        ['A', 1, 0, 0, 'R1'],
        ['B', 1, 1, 0, 'R2'],
        ['C', 1, 2, 0, 'R2'],
      ],
    );
    // B to Monday (A's day): two periods of A and B that day. C right after A: a run of 2.
    expect(checkSlot(t.state, t.session('B'), t.slot(0, 4), t.room('R2')).reasons).toEqual([
      'rule 1 (max_per_day): A (session 1), B (session 1) cover too many periods of one day on Mon (at most 1)',
    ]);
    expect(checkSlot(t.state, t.session('C'), t.slot(0, 1), t.room('R2')).reasons).toEqual([
      'rule 2 (max_continuous): A (session 1), C (session 1) cover too many periods in a row on Mon (at most 1)',
    ]);
    // C two periods after A: no run, and B's rule does not read C.
    expect(checkSlot(t.state, t.session('C'), t.slot(0, 2), t.room('R2')).reasons).toEqual([]);
  });
});
