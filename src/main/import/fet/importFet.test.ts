import { gzipSync } from 'node:zlib';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { College, ImportResult } from '../../../shared/model/index.ts';
import { compile } from '../../../shared/compiled/compile.ts';
import { timetableToPlacement } from '../../../shared/compiled/placement.ts';
import { evaluate } from '../../../shared/eval/evaluate.ts';
import { importPathDirect } from '../importDirect.ts';
import { importFetBytes, importFetDetailed } from './importFet.ts';
import { hardRuleCount, ruleCosts, type FetPlace } from './testing/ruleCosts.ts';

const FIXTURES = join(import.meta.dirname, '../../../../tests/fixtures/fet');
const fixture = (name: string): string => join(FIXTURES, name);

async function college(name: string): Promise<{ c: College; result: ImportResult & { ok: true } }> {
  const result = await importPathDirect(fixture(name));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { c: result.college, result };
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'slotwise-fet-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Hard cost of a timetable where only the given courses' first sessions are placed, all at Mon 1. */
function clashCost(c: College, courseIds: string[]): number {
  const problem = compile(c);
  const assignments = courseIds.map((id) => {
    const course = c.courses.find((x) => x.id === id)!;
    return { courseId: id, session: 1, day: 0, period: 0, roomId: course.rooms[0] ?? null, locked: false };
  });
  const e = evaluate(problem, timetableToPlacement(problem, { assignments }));
  return e.hard.group_clash + e.hard.faculty_clash + e.hard.room_clash;
}

describe('FET students tree', () => {
  it("keeps FET's clash relation: two activities clash exactly when they share a subgroup", async () => {
    const { c } = await college('subgroups.fet');
    // Subgroups by activity, from the file's tree (groups G1/G2 and L1/L2 are two categories).
    const subgroups: Record<number, string[]> = {
      1: ['G1 L1', 'G1 L2'],
      2: ['G2 L1', 'G2 L2'],
      3: ['G1 L1', 'G2 L1'],
      4: ['G2 L2'],
      5: ['G1 L1', 'G1 L2', 'G2 L1', 'G2 L2'],
      6: ['Y2', 'G1 L1'],
    };
    for (let a = 1; a <= 6; a++) {
      expect([...c.courses.find((x) => x.id === `A${a}`)!.groups].sort()).toEqual([...subgroups[a]].sort());
      for (let b = a + 1; b <= 6; b++) {
        const fetClash = subgroups[a].some((s) => subgroups[b].includes(s));
        expect(clashCost(c, [`A${a}`, `A${b}`]) > 0, `activities ${a} and ${b}`).toBe(fetClash);
      }
    }
    expect(c.groups.map((g) => g.id).sort()).toEqual(['G1 L1', 'G1 L2', 'G2 L1', 'G2 L2', 'Y2']);
    expect(c.groups.find((g) => g.id === 'G1 L1')).toMatchObject({ size: 10, department: 'Y1' });
  });
});

describe('FET split activities', () => {
  it('makes the parts that agree one course, and a part of another duration its own course', async () => {
    const { c, result } = await college('split.fet');
    expect(c.courses.map((x) => [x.id, x.sessions, x.length])).toEqual([
      ['A10', 2, 1],
      ['A12', 1, 2],
      ['A20', 2, 1],
    ]);
    // The given head count (not the computed one) and the inactive activity 30 skipped.
    expect(c.courses.find((x) => x.id === 'A20')!.students).toBe(45);
    expect(result.counts.Activities).toBe(5);
    expect(result.warnings.map((w) => w.message)).toContain('1 inactive activity was skipped');
    // Min days 1 over the whole split activity = pairwise different days over its two courses.
    expect(c.rules).toContainEqual({
      kind: 'different_days',
      courses: ['A10', 'A12'],
      hard: true,
      weight: 1,
    });
    // A soft min days (95 %) with "consecutive if same day": a soft rule for the days, and a hard
    // adjacent_if_same_day (FET keeps the same-day part at any weight); nothing reported weaker.
    expect(c.rules).toContainEqual({
      kind: 'min_days_apart',
      courses: ['A20'],
      hard: false,
      weight: 95,
      value: 2,
    });
    expect(c.rules).toContainEqual({ kind: 'adjacent_if_same_day', courses: ['A20'], hard: true, weight: 1 });
    expect(result.warnings.some((w) => /consecutive if on the same day/.test(w.message))).toBe(false);
    // Subject preferred room -> allowed rooms; no room constraint -> a room of its own (FET gives none).
    expect(c.courses.find((x) => x.id === 'A10')!.rooms).toEqual(['R1']);
    expect(c.courses.find((x) => x.id === 'A20')!.rooms).toEqual(['no-room:A20']);
    expect(c.rooms.find((r) => r.id === 'no-room:A20')).toMatchObject({ capacity: 45, type: 'no-room:A20' });
    // Period times read from the hour names.
    expect(c.periods[0]).toEqual({ label: '08:00-09:00', start: '08:00', end: '09:00' });
  });
});

describe('FET breaks', () => {
  it('leaves an every-day break out as a gap and makes other breaks unavailable', async () => {
    const { c } = await college('breaks.fet');
    expect(c.periods.map((p) => p.label)).toEqual(['1', '2', '3', '4']);
    // "2" ends 10:00, "3" starts 11:00: not adjacent, so a 2-period lab cannot span the break.
    expect(c.periods[1].end).toBe('10:00');
    expect(c.periods[2].start).toBe('11:00');
    // Monday hour 2 is a break: a 2-hour lab cannot start at 1 or 2 on Monday.
    expect(c.courses[0].unavailable).toEqual([
      { day: 0, period: 0 },
      { day: 0, period: 1 },
    ]);
    const problem = compile(c);
    const place = (day: number, period: number): number =>
      evaluate(
        problem,
        timetableToPlacement(problem, {
          assignments: [{ courseId: 'A1', session: 1, day, period, roomId: 'no-room:A1', locked: false }],
        }),
      ).hardTotal;
    expect(place(1, 1)).toBeGreaterThan(0); // across the lunch gap
    expect(place(0, 0)).toBeGreaterThan(0); // into Monday's break
    expect(place(1, 0)).toBe(0);
    expect(place(0, 2)).toBe(0);
  });
});

describe('FET max hours continuously', () => {
  it('maps teacher and students limits onto max_continuous (the smaller one wins), soft ones reported', async () => {
    const { c, result } = await college('continuous.fet');
    expect(c.faculty.map((f) => [f.id, f.maxContinuous])).toEqual([
      ['T', 2],
      ['U', 3],
    ]);
    expect(c.groups.map((g) => [g.id, g.maxContinuous])).toEqual([['Y', 2]]);
    const soft = result.warnings.find((w) => w.sheet === 'ConstraintStudentsMaxHoursContinuously');
    expect(soft?.message).toMatch(/soft/);
    const kinds = (await importFetDetailed(fixture('continuous.fet'))).build!.kinds;
    for (const k of [
      'ConstraintTeacherMaxHoursContinuously',
      'ConstraintTeachersMaxHoursContinuously',
      'ConstraintStudentsSetMaxHoursContinuously',
    ])
      expect([k, kinds.get(k)]).toMatchObject([k, { mapped: 1, weakened: 0, dropped: 0 }]);
  });

  it("ends a run at FET's break hour, as FET does: hours 3 and 4 around the break are two runs", async () => {
    const { c } = await college('continuous.fet');
    const problem = compile(c);
    // A1's four sessions on Monday at the given periods (1, 2, 3 before the break; 4, 5 after).
    const hard = (periods: number[]): { faculty: number; group: number } => {
      const e = evaluate(
        problem,
        timetableToPlacement(problem, {
          assignments: periods.map((period, k) => ({
            courseId: 'A1',
            session: k + 1,
            day: 0,
            period,
            roomId: 'no-room:A1',
            locked: false,
          })),
        }),
      );
      return { faculty: e.hard.faculty_max_continuous, group: e.hard.group_max_continuous };
    };
    expect(hard([0, 1, 2, 3])).toEqual({ faculty: 1, group: 1 }); // hours 1-3 in a row
    expect(hard([1, 2, 3, 4])).toEqual({ faculty: 0, group: 0 }); // 2-3, break, 4-5
    expect(hard([0, 1, 3, 4])).toEqual({ faculty: 0, group: 0 });
  });
});

describe('FET students early, max beginnings at second hour', () => {
  it('maps both kinds onto max_late_starts of each subgroup (the smaller one wins), except where FET counts from a later hour', async () => {
    const { c, result } = await college('early.fet');
    // Y: all students 2, Y itself 1. Z is not available at Monday's first hour, so FET's first hour
    // there is the second: the limit is left off Z and the all-students constraint is weakened.
    expect(c.groups.map((g) => [g.id, g.maxLateStarts])).toEqual([
      ['Y', 1],
      ['Z', undefined],
    ]);
    const kinds = (await importFetDetailed(fixture('early.fet'))).build!.kinds;
    expect(kinds.get('ConstraintStudentsEarlyMaxBeginningsAtSecondHour')).toMatchObject({
      mapped: 0,
      weakened: 1,
      dropped: 0,
    });
    expect(kinds.get('ConstraintStudentsSetEarlyMaxBeginningsAtSecondHour')).toMatchObject({
      mapped: 1,
      weakened: 0,
      dropped: 1,
    });
    const bySheet = new Map(result.warnings.map((w) => [w.sheet, w.message]));
    expect(bySheet.get('ConstraintStudentsEarlyMaxBeginningsAtSecondHour')).toMatch(
      /not imported for subgroups whose first or second hour .*: Z/,
    );
    expect(bySheet.get('ConstraintStudentsSetEarlyMaxBeginningsAtSecondHour')).toMatch(/soft/);
  });

  it('counts as FET does: a late day beyond the limit 1, a day from the third hour 1 more, the hour after the break the fourth', async () => {
    const { c } = await college('early.fet');
    const problem = compile(c);
    // A1's three sessions at (day, period): periods 1-3, then 4 after the break.
    const late = (at: Array<[number, number]>): number =>
      evaluate(
        problem,
        timetableToPlacement(problem, {
          assignments: at.map(([day, period], k) => ({
            courseId: 'A1',
            session: k + 1,
            day,
            period,
            roomId: 'no-room:A1',
            locked: false,
          })),
        }),
      ).hard.group_max_late_starts;
    expect(
      late([
        [0, 1],
        [1, 0],
        [2, 0],
      ]),
    ).toBe(0); // one day at the second hour
    expect(
      late([
        [0, 1],
        [1, 1],
        [2, 0],
      ]),
    ).toBe(1); // two
    expect(
      late([
        [0, 1],
        [1, 2],
        [2, 0],
      ]),
    ).toBe(2); // Tue at the third hour: 1, and a second late day
    expect(
      late([
        [0, 0],
        [1, 3],
        [2, 0],
      ]),
    ).toBe(1); // Tue after the break: the fourth hour
    expect(
      late([
        [0, 0],
        [0, 1],
        [0, 2],
      ]),
    ).toBe(0); // one day, at the first hour; Tue and Wed free
  });
});

describe('FET max span per day', () => {
  const limits = (c: College): unknown => [
    c.faculty.map((f) => [f.id, f.maxSpan]),
    c.groups.map((g) => [g.id, g.maxSpan]),
  ];

  it('maps teacher and students max span onto max_span, exact without a break inside the day', async () => {
    const text = (await readFile(fixture('span.fet'), 'utf8')).replace(
      /<ConstraintBreakTimes>[\s\S]*?<\/ConstraintBreakTimes>/,
      '',
    );
    const { result, build } = importFetBytes(Buffer.from(text), 'span.fet');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    // FET 6's "one day of one hour more" is read as one period more on every day: weakened.
    expect(limits(result.college)).toEqual([[['T', 3]], [['Y', 5]]]);
    expect(build!.kinds.get('ConstraintTeacherMaxSpanPerDay')).toMatchObject({ mapped: 1, weakened: 0 });
    expect(build!.kinds.get('ConstraintStudentsSetMaxSpanPerDay')).toMatchObject({ mapped: 0, weakened: 1 });
  });

  it('reports it weakened where an every-day break falls inside the day (FET counts the break hour)', async () => {
    const { c } = await college('span.fet');
    expect(limits(c)).toEqual([[['T', 3]], [['Y', 5]]]);
    const kinds = (await importFetDetailed(fixture('span.fet'))).build!.kinds;
    expect(kinds.get('ConstraintTeacherMaxSpanPerDay')).toMatchObject({ mapped: 0, weakened: 1 });
    // Hours 2 and 4 around the break: FET's span 4 (over T's 3), here 3 periods (the break is no
    // period): kept here, which is why the mapping is weaker than FET's.
    const problem = compile(c);
    const e = evaluate(
      problem,
      timetableToPlacement(problem, {
        assignments: [1, 3].map((period, k) => ({
          courseId: 'A1',
          session: k + 1,
          day: 0,
          period,
          roomId: 'no-room:A1',
          locked: false,
        })),
      }),
    );
    expect(e.hard.faculty_max_span).toBe(0);
  });
});

describe('FET min resting hours', () => {
  it('maps teacher and students resting hours onto min_rest; circular ones weakened (no wrap round the week)', async () => {
    const { c } = await college('rest.fet');
    expect(c.faculty.map((f) => [f.id, f.minRest])).toEqual([['T', 3]]);
    expect(c.groups.map((g) => [g.id, g.minRest])).toEqual([['Y', 2]]);
    const kinds = (await importFetDetailed(fixture('rest.fet'))).build!.kinds;
    expect(kinds.get('ConstraintTeacherMinRestingHours')).toMatchObject({ mapped: 1, weakened: 0 });
    expect(kinds.get('ConstraintStudentsSetMinRestingHours')).toMatchObject({ mapped: 0, weakened: 1 });
    // Mon hour 4 then Tue hour 1: FET's rest 0 hours; here 3 periods missing for T, 2 for Y.
    const problem = compile(c);
    const e = evaluate(
      problem,
      timetableToPlacement(problem, {
        assignments: [
          [0, 3],
          [1, 0],
        ].map(([day, period], k) => ({
          courseId: 'A1',
          session: k + 1,
          day,
          period,
          roomId: 'no-room:A1',
          locked: false,
        })),
      }),
    );
    expect([e.hard.faculty_min_rest, e.hard.group_min_rest]).toEqual([3, 2]);
  });

  it('reads it twice the every-day break hours lower, weakened, where FET counts break hours', async () => {
    const text = (await readFile(fixture('span.fet'), 'utf8')).replace(
      '</Time_Constraints_List>',
      '<ConstraintTeacherMinRestingHours><Weight_Percentage>100</Weight_Percentage><Teacher_Name>T</Teacher_Name><Minimum_Resting_Hours>5</Minimum_Resting_Hours><Circular>false</Circular><Active>true</Active></ConstraintTeacherMinRestingHours></Time_Constraints_List>',
    );
    const { result, build } = importFetBytes(Buffer.from(text), 'rest-break.fet');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.college.faculty[0].minRest).toBe(3);
    expect(build!.kinds.get('ConstraintTeacherMinRestingHours')).toMatchObject({ mapped: 0, weakened: 1 });
  });
});

describe('FET constraints', () => {
  it('maps each kind the contract can say onto its field, Fixed row or Rule', async () => {
    const { c } = await college('constraints.fet');
    const course = (id: string): College['courses'][number] => c.courses.find((x) => x.id === id)!;
    const teacher = (id: string): College['faculty'][number] => c.faculty.find((x) => x.id === id)!;
    const group = (id: string): College['groups'][number] => c.groups.find((x) => x.id === id)!;
    // Teacher limits (the smaller of "all teachers" and "this teacher") and not-available times.
    expect(teacher('T1')).toMatchObject({
      maxPerDay: 3,
      maxDays: 4,
      unavailable: [
        { day: 4, period: 0 },
        { day: 4, period: 1 },
      ],
    });
    expect(teacher('T2')).toMatchObject({ maxDays: 3, maxGapsPerDay: 1, maxGapsPerWeek: 3 });
    // Minimum hours daily (empty days allowed), weekly gaps and minimum days.
    expect(teacher('T3')).toMatchObject({ minPerDay: 2, maxGapsPerWeek: 3 });
    expect(teacher('T4')).toMatchObject({ minDays: 2 });
    expect(teacher('T1').maxContinuous).toBe(2);
    expect(teacher('T1').maxSpan).toBe(4);
    expect(group('B').maxGapsPerWeek).toBe(2);
    expect(group('A1').maxGapsPerWeek).toBeUndefined();
    // The soft (50 %) max hours daily of T4 and the inactive one of T3 are not imported.
    expect(teacher('T4').maxPerDay).toBeUndefined();
    expect(teacher('T3').maxPerDay).toBeUndefined();
    // Students limits land on every subgroup of the set.
    expect(group('A1')).toMatchObject({ maxPerDay: 4, maxGapsPerDay: 1 });
    expect(group('A2')).toMatchObject({ maxPerDay: 4, maxGapsPerDay: 1 });
    expect(group('B')).toMatchObject({ minPerDay: 2, maxGapsPerDay: 1 });
    // Students set not available -> unavailable on every course of its subgroups.
    for (const id of ['A1', 'A5', 'A6', 'A9', 'A10'])
      expect(course(id).unavailable).toContainEqual({ day: 0, period: 5 });
    expect(course('A3').unavailable).toEqual([]);
    // Room not available.
    expect(c.rooms.find((r) => r.id === 'R1')!.unavailable).toEqual([{ day: 3, period: 0 }]);
    // Fixed start + fixed room; the course may otherwise use any real room.
    expect(c.fixed).toEqual([{ courseId: 'A10', session: 1, day: 0, period: 0, roomId: 'R2' }]);
    expect(course('A10').rooms).toEqual([]);
    // Preferred starting times: everything but Tue 1-2 unavailable.
    const chem = course('A11').unavailable;
    expect(chem).toHaveLength(28);
    expect(chem).not.toContainEqual({ day: 1, period: 0 });
    expect(chem).not.toContainEqual({ day: 1, period: 1 });
    // Preferred time slots: only Wed 3-5.
    expect(course('A12').unavailable).toHaveLength(27);
    // Rooms: activity, subject and home rooms.
    expect(course('A5').rooms).toEqual(['Lab']);
    expect(course('A1').rooms).toEqual(['R1', 'R2']);
    expect(course('A3').rooms).toEqual(['R2']);
    // Relations between activities -> Rules between courses.
    expect(c.rules).toEqual(
      expect.arrayContaining([
        { kind: 'same_time', courses: ['A1', 'A3'], hard: true, weight: 1 },
        { kind: 'consecutive', courses: ['A6', 'A5'], hard: true, weight: 1 },
        { kind: 'ordered', courses: ['A7', 'A8'], hard: true, weight: 1 },
        { kind: 'not_overlapping', courses: ['A9', 'A7'], hard: true, weight: 1 },
        { kind: 'min_days_apart', courses: ['A1'], hard: true, weight: 1, value: 2 },
        { kind: 'min_days_apart', courses: ['A3'], hard: false, weight: 90, value: 1 },
        { kind: 'same_room', courses: ['A1'], hard: true, weight: 1 },
        { kind: 'same_time', courses: ['A12', 'A9'], hard: false, weight: 80 },
        { kind: 'adjacent', courses: ['A1', 'A6'], hard: true, weight: 1 },
        // Min days between activities 1 and 3, one session each of A1 and A3: named by session.
        { kind: 'min_days_between', courses: ['A1#1', 'A3#1'], hard: true, weight: 1, value: 1 },
      ]),
    );
    expect(c.rules).toHaveLength(10);
  });

  it('pairs sessions k with k so that same-time activities are the same session numbers', async () => {
    const { c } = await college('constraints.fet');
    const problem = compile(c);
    // Activities 1+3 start together and 2+4 start together (written as 4, 2 in the file).
    const at = (day: number, period: number, id: string, session: number, roomId: string) => ({
      courseId: id,
      session,
      day,
      period,
      roomId,
      locked: false,
    });
    const good = timetableToPlacement(problem, {
      assignments: [
        at(0, 0, 'A1', 1, 'R1'),
        at(0, 0, 'A3', 1, 'R2'),
        at(2, 1, 'A1', 2, 'R1'),
        at(2, 1, 'A3', 2, 'R2'),
      ],
    });
    const rule = (p: ReturnType<typeof timetableToPlacement>): number =>
      evaluate(problem, p).violations.filter((v) => v.kind === 'rule' && /same_time/.test(v.message)).length;
    expect(rule(good)).toBe(0);
    const bad = timetableToPlacement(problem, {
      assignments: [at(0, 0, 'A1', 1, 'R1'), at(0, 1, 'A3', 1, 'R2')],
    });
    expect(rule(bad)).toBe(1);
  });

  it('reports what it cannot map, per kind, with counts and the activities concerned', async () => {
    // The fixture's teacher max building changes per day, once the example of a kind without an
    // equivalent, is imported since the contract has Faculty max_building_changes_day; a kind still
    // without one (max room changes) is added to the file for that.
    const xml = (await readFile(fixture('constraints.fet'), 'utf8')).replace(
      '</Space_Constraints_List>',
      '<ConstraintTeacherMaxRoomChangesPerDay><Weight_Percentage>100</Weight_Percentage><Teacher_Name>T1</Teacher_Name><Max_Room_Changes_Per_Day>1</Max_Room_Changes_Per_Day><Active>true</Active></ConstraintTeacherMaxRoomChangesPerDay></Space_Constraints_List>',
    );
    const result = importFetBytes(Buffer.from(xml), 'constraints.fet').result;
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const bySheet = new Map(result.warnings.map((w) => [w.sheet, w.message]));
    expect(bySheet.get('ConstraintTeacherMaxRoomChangesPerDay')).toBe(
      '1 ConstraintTeacherMaxRoomChangesPerDay not imported: no equivalent in the college contract. Activities: 1, 2, 12',
    );
    expect(bySheet.get('ConstraintTeacherMaxBuildingChangesPerDay')).toBeUndefined();
    expect(result.college.faculty.map((f) => f.maxBuildingChangesPerDay)).toEqual([
      1,
      undefined,
      undefined,
      undefined,
    ]);
    expect(bySheet.get('ConstraintTeacherMaxHoursContinuously')).toBeUndefined();
    expect(bySheet.get('ConstraintTwoActivitiesGrouped')).toBeUndefined();
    expect(bySheet.get('ConstraintTeacherMaxHoursDaily')).toMatch(/soft.*Activities: 7, 8, 10$/);
    expect(bySheet.get('ConstraintMinDaysBetweenActivities')).toBeUndefined();
    const detailed = await importFetDetailed(fixture('constraints.fet'));
    const kinds = detailed.build!.kinds;
    expect(kinds.get('ConstraintMinDaysBetweenActivities')).toMatchObject({
      mapped: 3,
      dropped: 0,
      weakened: 0,
    });
    expect(kinds.get('ConstraintActivitiesSameStartingTime')).toMatchObject({ mapped: 3, dropped: 0 });
  });
});

describe('FET relations the contract says with min_days_between, same_period and adjacent', () => {
  /** Hard rule count of a timetable given as [course, session, day, period] (each course in its own room). */
  const ruleCost = (c: College, places: FetPlace[]): number => ruleCosts(c, places).hard;
  // A1 (activities 1, 2) and A4 (4, 5) all at one hour, A3 two days from A1, A6 and A7 back to back.
  const good: FetPlace[] = [
    ['A1', 1, 0, 0],
    ['A1', 2, 2, 0],
    ['A3', 1, 4, 1],
    ['A4', 1, 1, 0],
    ['A4', 2, 3, 0],
    ['A6', 1, 0, 2],
    ['A7', 1, 0, 1],
  ];
  const moved = (id: string, session: number, day: number, period: number): FetPlace[] =>
    good.map((x) => (x[0] === id && x[1] === session ? [id, session, day, period] : x));

  it('maps each onto its rule, numbering sessions to follow the pairs FET states', async () => {
    const { c, result } = await college('relations.fet');
    expect(c.rules).toEqual([
      { kind: 'min_days_between', courses: ['A1', 'A3'], hard: true, weight: 1, value: 2 },
      { kind: 'min_days_apart', courses: ['A1'], hard: true, weight: 1, value: 2 },
      { kind: 'same_period', courses: ['A1', 'A4'], hard: true, weight: 1 },
      { kind: 'adjacent', courses: ['A6', 'A7'], hard: true, weight: 1 },
      // Activities 4 and 5 are both sessions of A4: a rule naming the two sessions.
      { kind: 'same_period', courses: ['A4#1', 'A4#2'], hard: true, weight: 1 },
    ]);
    const { build } = await importFetDetailed(fixture('relations.fet'));
    // Activity 2 pairs with 5 (written "5, 2"): both are session 2.
    expect(build!.sessionOf.get(2)).toEqual({ courseId: 'A1', session: 2 });
    expect(build!.sessionOf.get(5)).toEqual({ courseId: 'A4', session: 2 });
    expect(build!.kinds.get('ConstraintMinDaysBetweenActivities')).toMatchObject({ mapped: 1, dropped: 0 });
    expect(build!.kinds.get('ConstraintTwoActivitiesGrouped')).toMatchObject({ mapped: 1, dropped: 0 });
    expect(build!.kinds.get('ConstraintActivitiesSameStartingHour')).toMatchObject({ mapped: 3, dropped: 0 });
    expect(result.warnings).toEqual([]);
  });

  it('scores a timetable that keeps them at 0 and counts each broken one', async () => {
    const { c } = await college('relations.fet');
    expect(ruleCost(c, good)).toBe(0);
    // A7 right after A6 instead of before it: still back to back.
    expect(ruleCost(c, moved('A7', 1, 0, 3))).toBe(0);
    // A3 one day after A1's second session: min days between broken once.
    expect(ruleCost(c, moved('A3', 1, 3, 1))).toBe(1);
    // A1's sessions one day apart: min days (within the course) broken once, and A3 stays 2+ away.
    expect(ruleCost(c, moved('A1', 2, 1, 0))).toBe(1);
    // A4's second session in another hour: same period broken with A1's second session and with
    // A4's first (the two sessions of one course FET puts at one hour).
    expect(ruleCost(c, moved('A4', 2, 3, 1))).toBe(2);
    // All four at another common hour: kept.
    expect(
      ruleCost(
        c,
        good.map((x): FetPlace => (x[0] === 'A1' || x[0] === 'A4' ? [x[0], x[1], x[2], 3] : x)),
      ),
    ).toBe(0);
    // A7 on another day, or one hour apart: not back to back.
    expect(ruleCost(c, moved('A7', 1, 1, 1))).toBe(1);
    expect(ruleCost(c, moved('A7', 1, 0, 0))).toBe(1);
  });

  it('reports FET grouped and consecutive activities in a file with a break inside the day, instead of a stricter rule', async () => {
    const text = await readFile(fixture('relations.fet'), 'utf8');
    const withBreak = (day: string, hour: string): string =>
      text.replace(
        '</Time_Constraints_List>',
        `<ConstraintBreakTimes><Weight_Percentage>100</Weight_Percentage><Number_of_Break_Times>1</Number_of_Break_Times><Break_Time><Day>${day}</Day><Hour>${hour}</Hour></Break_Time><Active>true</Active></ConstraintBreakTimes>\n</Time_Constraints_List>`,
      );
    const inner = join(tmp, 'inner-break.fet');
    await writeFile(inner, withBreak('Tue', '2'));
    const a = await importFetDetailed(inner);
    expect(a.result.ok && a.result.college.rules.map((r) => r.kind)).toEqual([
      'min_days_between',
      'min_days_apart',
      'same_period',
      'same_period',
    ]);
    expect(a.build!.kinds.get('ConstraintTwoActivitiesGrouped')).toMatchObject({ mapped: 0, dropped: 1 });
    expect(a.result.warnings.map((w) => w.message).join('\n')).toMatch(
      /TwoActivitiesGrouped not imported: FET lets a break fall between the two activities.*Activities: 6, 7/,
    );
    // The same break on every day is left out of the periods: FET's grouped activities become
    // adjacent_across_break, which lets that break fall between them as FET does.
    const everyDay = join(tmp, 'every-day-break.fet');
    await writeFile(
      everyDay,
      text.replace(
        '</Time_Constraints_List>',
        `<ConstraintBreakTimes><Weight_Percentage>100</Weight_Percentage><Number_of_Break_Times>5</Number_of_Break_Times>${['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].map((d) => `<Break_Time><Day>${d}</Day><Hour>2</Hour></Break_Time>`).join('')}<Active>true</Active></ConstraintBreakTimes>\n</Time_Constraints_List>`,
      ),
    );
    const e = await importFetDetailed(everyDay);
    expect(e.result.ok && e.result.college.rules).toContainEqual({
      kind: 'adjacent_across_break',
      courses: ['A6', 'A7'],
      hard: true,
      weight: 1,
    });
    expect(e.build!.kinds.get('ConstraintTwoActivitiesGrouped')).toMatchObject({ mapped: 1, dropped: 0 });
    // A break at the end of a day lies between no two teaching hours: the rule stays.
    const last = join(tmp, 'last-hour-break.fet');
    await writeFile(last, withBreak('Tue', '4'));
    const b = await importFetDetailed(last);
    expect(b.build!.kinds.get('ConstraintTwoActivitiesGrouped')).toMatchObject({ mapped: 1, dropped: 0 });
  });
});

describe('FET min gaps between activities', () => {
  const minGaps = (ids: number[], gaps: number): string =>
    `<ConstraintMinGapsBetweenActivities><Weight_Percentage>100</Weight_Percentage><Number_of_Activities>${ids.length}</Number_of_Activities>${ids.map((id) => `<Activity_Id>${id}</Activity_Id>`).join('')}<MinGaps>${gaps}</MinGaps><Active>true</Active></ConstraintMinGapsBetweenActivities>`;

  it('maps them onto min_gap over whole courses or single sessions, and scores them', async () => {
    const text = await readFile(fixture('relations.fet'), 'utf8');
    const file = join(tmp, 'min-gaps.fet');
    // Activities 4, 5 are all of A4; 1 is one session of A1 and 3 all of A3.
    await writeFile(
      file,
      text.replace(
        '</Time_Constraints_List>',
        `${minGaps([4, 5], 1)}\n${minGaps([1, 3], 2)}\n</Time_Constraints_List>`,
      ),
    );
    const { result, build } = await importFetDetailed(file);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.college.rules).toEqual(
      expect.arrayContaining([
        { kind: 'min_gap', courses: ['A4'], hard: true, weight: 1, value: 1 },
        { kind: 'min_gap', courses: ['A1#1', 'A3#1'], hard: true, weight: 1, value: 2 },
      ]),
    );
    expect(build!.kinds.get('ConstraintMinGapsBetweenActivities')).toMatchObject({ mapped: 2, dropped: 0 });
    const c = { ...result.college, rules: result.college.rules.filter((r) => r.kind === 'min_gap') };
    const cost = (places: FetPlace[]): number => hardRuleCount(c, places);
    // A1 session 1 at hour 1, A3 at hour 4: two free hours between (kept); at hour 3: one (broken).
    expect(
      cost([
        ['A1', 1, 0, 0],
        ['A3', 1, 0, 3],
      ]),
    ).toBe(0);
    expect(
      cost([
        ['A1', 1, 0, 0],
        ['A3', 1, 0, 2],
      ]),
    ).toBe(1);
    // A4's two sessions back to back on one day (broken), or a day apart (kept).
    expect(
      cost([
        ['A4', 1, 1, 0],
        ['A4', 2, 1, 1],
      ]),
    ).toBe(1);
    expect(
      cost([
        ['A4', 1, 1, 0],
        ['A4', 2, 2, 1],
      ]),
    ).toBe(0);
  });

  // FET counts a break hour inside the day as a gap (fet-cl places two activities with min gaps 1
  // around a break hour and nowhere else: tests/fet/fetMinGapBreaks.test.ts); the contract leaves the
  // hour out of the periods, and min_gap_counting_breaks counts the gap between the periods as one.
  const withBreaks = async (name: string, hours: string[]) => {
    const text = await readFile(fixture('relations.fet'), 'utf8');
    const file = join(tmp, name);
    const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];
    const brk = days.flatMap((d) =>
      hours.map((h) => `<Break_Time><Day>${d}</Day><Hour>${h}</Hour></Break_Time>`),
    );
    await writeFile(
      file,
      text.replace(
        '</Time_Constraints_List>',
        `${minGaps([4, 5], 1)}\n<ConstraintBreakTimes><Weight_Percentage>100</Weight_Percentage><Number_of_Break_Times>${brk.length}</Number_of_Break_Times>${brk.join('')}<Active>true</Active></ConstraintBreakTimes>\n</Time_Constraints_List>`,
      ),
    );
    const { result, build } = await importFetDetailed(file);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return { c: result.college, kinds: build!.kinds.get('ConstraintMinGapsBetweenActivities') };
  };

  it('maps them onto min_gap_counting_breaks in a file with a break hour inside the day', async () => {
    const { c, kinds } = await withBreaks('min-gaps-break.fet', ['2']);
    expect(c.rules.filter((r) => r.kind === 'min_gap' || r.kind === 'min_gap_counting_breaks')).toEqual([
      { kind: 'min_gap_counting_breaks', courses: ['A4'], hard: true, weight: 1, value: 1 },
    ]);
    expect(kinds).toMatchObject({ mapped: 1, weakened: 0, dropped: 0 });
    const only = { ...c, rules: c.rules.filter((r) => r.kind === 'min_gap_counting_breaks') };
    // The rule's count alone (the fixture's other courses stay unplaced).
    const cost = (places: FetPlace[]): number => hardRuleCount(only, places);
    // Periods are hours 1, 3 and 4: around the break (hours 1 and 3) one free hour, as in FET; hours
    // 3 and 4 none.
    expect(
      cost([
        ['A4', 1, 1, 0],
        ['A4', 2, 1, 1],
      ]),
    ).toBe(0);
    expect(
      cost([
        ['A4', 1, 1, 1],
        ['A4', 2, 1, 2],
      ]),
    ).toBe(1);
  });

  it('reports them weakened when two break hours in a row sit inside the day (counted as one)', async () => {
    const { c, kinds } = await withBreaks('min-gaps-long-break.fet', ['2', '3']);
    expect(c.rules.some((r) => r.kind === 'min_gap_counting_breaks')).toBe(true);
    expect(kinds).toMatchObject({ mapped: 0, weakened: 1, dropped: 0 });
  });
});

describe('FET files that cannot be imported', () => {
  it('refuses XML that is not a FET file, with the line and column', async () => {
    const result = await importPathDirect(fixture('not-fet.fet'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ file: 'not-fet.fet', sheet: 'FET file', row: 2 });
    expect(result.errors[0].message).toMatch(/not a FET file: the document element is <timetable>/);
  });

  it('refuses malformed XML at the place it breaks', async () => {
    const result = await importPathDirect(fixture('malformed.fet'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ row: 4 });
    expect(result.errors[0].message).toMatch(/close tag.*line 4, column \d+/);
  });

  it('refuses an activity naming an unknown teacher, at that activity', async () => {
    const text = await readFile(fixture('split.fet'), 'utf8');
    const bad = join(tmp, 'unknown-teacher.fet');
    await writeFile(
      bad,
      text.replace(
        '<Teacher>Ben</Teacher><Subject>Chemistry</Subject>',
        '<Teacher>Zed</Teacher><Subject>Chemistry</Subject>',
      ),
    );
    const result = await importPathDirect(bad);
    expect(!result.ok && result.errors[0]).toMatchObject({ row: 20 });
    expect(!result.ok && result.errors[0].message).toMatch(/teacher "Zed"/);
  });

  it('reads a gzipped .fet.gz the same as the plain file', async () => {
    const gz = join(tmp, 'split.fet.gz');
    await writeFile(gz, gzipSync(await readFile(fixture('split.fet'))));
    const plain = await importPathDirect(fixture('split.fet'));
    const zipped = await importPathDirect(gz);
    expect(zipped.ok && plain.ok && zipped.college.courses).toEqual(plain.ok && plain.college.courses);
  });
});

describe('FET max days between, ends students day and same room if consecutive', () => {
  type Place = [string, number, number, number, string];
  function hardOf(c: College, places: Place[]): { rule: number; other: number; soft: number } {
    const problem = compile(c);
    const assignments = places.map(([courseId, session, day, period, roomId]) => ({
      courseId,
      session,
      day,
      period,
      roomId,
      locked: false,
    }));
    const e = evaluate(problem, timetableToPlacement(problem, { assignments }));
    return { rule: e.hard.rule, other: e.hardTotal - e.hard.rule, soft: e.soft.soft_rule };
  }
  // A1 (activities 1, 2: Y1) Mon 1 and Tue 1 in R1, A3 (Y1 a) Mon 4, A4 (Y1 b) Mon 2 in R1 then
  // nothing later for Y1 b, A5 (Y2) Mon 1.
  const good: Place[] = [
    ['A1', 1, 0, 0, 'R1'],
    ['A1', 2, 1, 0, 'R1'],
    ['A3', 1, 0, 3, 'R2'],
    ['A4', 1, 0, 1, 'R1'],
    ['A5', 1, 0, 0, 'no-room:A5'],
  ];
  const moved = (id: string, session: number, day: number, period: number, room: string): Place[] =>
    good.map((x) => (x[0] === id && x[1] === session ? [id, session, day, period, room] : x));

  it('maps each exactly onto a rule, over whole courses or single sessions', async () => {
    const { c, result } = await college('days-ends-rooms.fet');
    expect(c.rules).toEqual([
      { kind: 'max_days_apart', courses: ['A1', 'A3'], hard: true, weight: 1, value: 1 },
      { kind: 'ends_day', courses: ['A3'], hard: true, weight: 1 },
      { kind: 'ends_day', courses: ['A4'], hard: true, weight: 1 },
      // Activity 5 uses no room, which FET's constraints skip.
      { kind: 'same_room_if_consecutive', courses: ['A1', 'A4'], hard: true, weight: 1 },
      { kind: 'same_room', courses: ['A1'], hard: true, weight: 1 },
      // Activity 1 is one session of A1: a rule naming it, soft at FET's weight.
      { kind: 'max_days_apart', courses: ['A1#1', 'A5#1'], hard: false, weight: 90, value: 0 },
    ]);
    expect(result.warnings).toEqual([]);
    const { build } = await importFetDetailed(fixture('days-ends-rooms.fet'));
    for (const kind of [
      'ConstraintMaxDaysBetweenActivities',
      'ConstraintActivityEndsStudentsDay',
      'ConstraintActivitiesEndStudentsDay',
      'ConstraintActivitiesSameRoomIfConsecutive',
    ])
      expect(build!.kinds.get(kind), kind).toMatchObject({ weakened: 0, dropped: 0 });
  });

  it('scores a timetable that keeps them at 0 and counts each broken one', async () => {
    const { c } = await college('days-ends-rooms.fet');
    expect(hardOf(c, good)).toEqual({ rule: 0, other: 0, soft: 0 });
    // A1's second session on Wed: two days from its first and from A3 (Mon).
    expect(hardOf(c, moved('A1', 2, 2, 0, 'R1')).rule).toBe(2);
    // A4 (Y1 b) at Mon 3 in R2: no longer back to back with A1, still the last of Y1 b's day, and
    // A3 (Mon 4) concerns Y1 a only.
    expect(hardOf(c, moved('A4', 1, 0, 2, 'R2')).rule).toBe(0);
    // A1's first session at Mon 3 (Y1 a and Y1 b both attend): A4 (Mon 2) no longer ends Y1 b's day;
    // A3 (Mon 4) still ends Y1 a's.
    expect(hardOf(c, moved('A1', 1, 0, 2, 'R1')).rule).toBe(1);
    // A4 right after A1 (Mon 1) but in R2: same room if consecutive broken once.
    expect(hardOf(c, moved('A4', 1, 0, 1, 'R2')).rule).toBe(1);
    // The soft rule: A5 on another day than A1's first session.
    expect(hardOf(c, moved('A5', 1, 1, 2, 'no-room:A5')).soft).toBeGreaterThan(0);
  });
});
