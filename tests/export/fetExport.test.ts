// `export --format fet`: the timetable as a FET file, every placed session locked. Re-imported, it
// gives the same sessions at the same times and rooms, and the same clash relation; FET's own
// command-line generator (fet-cl, Debian package `fet`) accepts it and keeps the timetable.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatFet } from '../../src/main/export/fet.ts';
import { importFetBytes } from '../../src/main/import/fet/importFet.ts';
import { timetableFromFixed } from '../../src/main/import/fet/fixedTimetable.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { collegeSchema } from '../../src/shared/model/schema.ts';
import type { College, Timetable } from '../../src/shared/model/types.ts';
import { FET_CL } from '../fet/fetFiles.ts';
import { runFetCl } from '../fet/fetCl.ts';

const tmp = mkdtempSync(join(tmpdir(), 'slotwise-fet-export-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A section with two lab batches (siblings do not clash, each clashes with the section), a lunch gap. */
function college(): College {
  return collegeSchema.parse({
    calendar: { institution: 'Round & Trip <College>', days: ['Mon', 'Tue'] },
    periods: [
      { label: 'P1', start: '09:00', end: '10:00' },
      { label: 'P2', start: '10:00', end: '11:00' },
      { label: 'P3', start: '12:00', end: '13:00' },
      { label: 'P4', start: '13:00', end: '14:00' },
    ],
    rooms: [
      { id: 'R1', name: 'Room 1', capacity: 60, building: 'Main' },
      { id: 'L1', name: 'Lab 1', capacity: 30, type: 'lab' },
      { id: 'L2', name: 'Lab 2', capacity: 30, type: 'lab', unavailable: [{ day: 1, period: 3 }] },
    ],
    faculty: [
      { id: 'F1', name: 'Faculty One', unavailable: [{ day: 0, period: 3 }] },
      { id: 'F2', name: 'Faculty Two' },
      { id: 'F3', name: 'Faculty Three' },
    ],
    groups: [
      { id: 'S', name: 'Section', size: 60 },
      { id: 'S-B1', name: 'Batch 1', size: 30, parent: 'S' },
      { id: 'S-B2', name: 'Batch 2', size: 30, parent: 'S' },
    ],
    courses: [
      { id: 'TH', name: 'Theory', faculty: ['F1'], groups: ['S'], sessions: 2 },
      { id: 'LB1', name: 'Lab', faculty: ['F2'], groups: ['S-B1'], sessions: 1, length: 2, roomType: 'lab' },
      { id: 'LB2', name: 'Lab', faculty: ['F3'], groups: ['S-B2'], sessions: 1, length: 2, roomType: 'lab' },
    ],
  });
}

const timetable: Timetable = {
  assignments: [
    { courseId: 'TH', session: 1, day: 0, period: 0, roomId: 'R1', locked: false },
    { courseId: 'TH', session: 2, day: 1, period: 0, roomId: 'R1', locked: false },
    // The two batches' labs run in parallel after lunch (siblings), in two labs.
    { courseId: 'LB1', session: 1, day: 0, period: 2, roomId: 'L1', locked: false },
    { courseId: 'LB2', session: 1, day: 0, period: 2, roomId: 'L2', locked: false },
  ],
};

/** Placed sessions as (course name, faculty, day, period label, room) lines, sorted. */
function placedLines(c: College, t: Timetable): string[] {
  return t.assignments
    .filter((a) => a.day !== null)
    .map((a) => {
      const course = c.courses.find((x) => x.id === a.courseId)!;
      return `${course.name} ${course.faculty.join('+')} ${c.calendar.days[a.day!]} ${c.periods[a.period!].label} ${a.roomId}`;
    })
    .sort();
}

describe('export --format fet', () => {
  const text = formatFet(college(), timetable);

  it('re-imports as the same timetable, locked, with the clash relation of the groups', () => {
    const back = importFetBytes(Buffer.from(text), 'round-trip.fet').result;
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    const c = back.college;
    expect(c.calendar.institution).toBe('Round & Trip <College>');
    // The lunch gap comes back as a gap: P2 and P3 are not adjacent.
    expect(c.periods.map((p) => p.label)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(c.periods[1].end).not.toBe(c.periods[2].start);
    const fixed = timetableFromFixed(c).timetable;
    expect(placedLines(c, fixed)).toEqual(placedLines(college(), timetable));
    // Unavailability comes back too.
    expect(c.faculty.find((f) => f.id === 'F1')!.unavailable).toEqual([{ day: 0, period: 3 }]);
    expect(c.rooms.find((r) => r.id === 'L2')!.unavailable).toEqual([{ day: 1, period: 3 }]);
    // Same clash relation: the labs of the two batches share no group, each shares one with theory.
    const groupsOf = (name: string, f: string): string[] =>
      c.courses.find((x) => x.name === name && x.faculty.includes(f))!.groups;
    const shared = (a: string[], b: string[]): boolean => a.some((g) => b.includes(g));
    expect(shared(groupsOf('Lab', 'F2'), groupsOf('Lab', 'F3'))).toBe(false);
    expect(shared(groupsOf('Lab', 'F2'), groupsOf('Theory', 'F1'))).toBe(true);
    expect(shared(groupsOf('Lab', 'F3'), groupsOf('Theory', 'F1'))).toBe(true);
    const problem = compile(c);
    expect(evaluate(problem, timetableToPlacement(problem, fixed)).hardTotal).toBe(0);
  });

  it('leaves unplaced sessions unlocked', () => {
    const partial: Timetable = { assignments: timetable.assignments.slice(0, 3) };
    const back = importFetBytes(Buffer.from(formatFet(college(), partial)), 'partial.fet').result;
    expect(back.ok && back.college.fixed).toHaveLength(3);
  });

  const hasFet = existsSync(FET_CL);
  if (!hasFet)
    console.warn(`Skipped: ${FET_CL} is missing (install the Debian package "fet" to run this check).`);
  it.skipIf(!hasFet)('is accepted by fet-cl, which keeps the timetable as it is', () => {
    const input = join(tmp, 'export.fet');
    writeFileSync(input, text);
    const out = join(tmp, 'fet-out');
    const log = runFetCl(input, out, 30);
    expect(log).toMatch(/Simulation successful/);
    const result = join(out, 'timetables', 'export', 'export_data_and_timetable.fet');
    const back = importFetBytes(readFileSync(result), 'export_data_and_timetable.fet').result;
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    const fixed = timetableFromFixed(back.college).timetable;
    expect(placedLines(back.college, fixed)).toEqual(placedLines(college(), timetable));
  });
});

describe('export --format fet: Rules', () => {
  /** The college above plus Y (one session after theory, batch 2) and a rule of every kind. */
  function withRules(): College {
    const c = college();
    return collegeSchema.parse({
      ...c,
      courses: [...c.courses, { id: 'Y', name: 'Tutorial', faculty: ['F3'], groups: ['S-B2'], sessions: 1 }],
      rules: [
        { kind: 'same_time', courses: ['LB1', 'LB2'] },
        { kind: 'same_period', courses: ['TH#1', 'TH#2'] },
        { kind: 'same_day', courses: ['TH#1', 'LB2'] },
        { kind: 'consecutive', courses: ['TH#1', 'Y'] },
        { kind: 'adjacent', courses: ['Y', 'TH#1'] },
        { kind: 'ordered', courses: ['TH#1', 'LB1'] },
        { kind: 'not_overlapping', courses: ['TH', 'LB1'] },
        { kind: 'min_days_apart', courses: ['TH'], value: 1 },
        { kind: 'min_days_between', courses: ['TH#2', 'LB1'], value: 1 },
        { kind: 'different_days', courses: ['TH#2', 'Y'] },
        { kind: 'same_room', courses: ['TH'] },
        { kind: 'min_gap', courses: ['TH#1', 'LB1'], value: 1 },
        { kind: 'max_days_apart', courses: ['TH', 'Y'], value: 1 },
        { kind: 'ends_day', courses: ['LB2'] },
        { kind: 'same_room_if_consecutive', courses: ['TH#1', 'Y'] },
        { kind: 'same_time', courses: ['TH', 'LB1'], hard: false, weight: 40 },
      ],
    });
  }
  const keeping: Timetable = {
    assignments: [
      ...timetable.assignments,
      { courseId: 'Y', session: 1, day: 0, period: 1, roomId: 'R1', locked: false },
    ],
  };
  const count = (xml: string, name: string): number => xml.split(`<${name}>`).length - 1;

  it('writes each rule as the FET constraints over the activities of the sessions it names', () => {
    const c = withRules();
    const p = compile(c);
    const e = evaluate(p, timetableToPlacement(p, keeping));
    expect(e.hardTotal).toBe(0);
    expect(e.soft.soft_rule).toBeGreaterThan(0);
    const xml = formatFet(c, keeping);
    // Activities: TH 1-2, LB1 3, LB2 4, Y 5.
    expect(xml).toContain(
      '<ConstraintActivitiesSameStartingTime><Weight_Percentage>100</Weight_Percentage><Number_of_Activities>2</Number_of_Activities><Activity_Id>3</Activity_Id><Activity_Id>4</Activity_Id>',
    );
    expect(xml).toContain(
      '<ConstraintActivitiesSameStartingTime><Weight_Percentage>40</Weight_Percentage><Number_of_Activities>2</Number_of_Activities><Activity_Id>1</Activity_Id><Activity_Id>3</Activity_Id>',
    );
    expect(xml).toContain(
      '<ConstraintTwoActivitiesConsecutive><Weight_Percentage>100</Weight_Percentage><First_Activity_Id>1</First_Activity_Id><Second_Activity_Id>5</Second_Activity_Id>',
    );
    expect(count(xml, 'ConstraintActivitiesSameStartingTime')).toBe(2);
    expect(count(xml, 'ConstraintActivitiesSameStartingHour')).toBe(1);
    expect(count(xml, 'ConstraintActivitiesSameStartingDay')).toBe(1);
    expect(count(xml, 'ConstraintTwoActivitiesConsecutive')).toBe(1);
    expect(count(xml, 'ConstraintTwoActivitiesGrouped')).toBe(1);
    expect(count(xml, 'ConstraintTwoActivitiesOrdered')).toBe(1);
    // TH's two sessions against LB1: one constraint per pair (TH's own sessions may overlap).
    expect(count(xml, 'ConstraintActivitiesNotOverlapping')).toBe(2);
    expect(count(xml, 'ConstraintMinDaysBetweenActivities')).toBe(3);
    expect(count(xml, 'ConstraintActivitiesOccupyMaxDifferentRooms')).toBe(1);
    expect(xml).toContain(
      '<ConstraintMinGapsBetweenActivities><Weight_Percentage>100</Weight_Percentage><Number_of_Activities>2</Number_of_Activities><Activity_Id>1</Activity_Id><Activity_Id>3</Activity_Id><MinGaps>1</MinGaps>',
    );
    expect(xml).toContain(
      '<ConstraintMaxDaysBetweenActivities><Weight_Percentage>100</Weight_Percentage><Number_of_Activities>3</Number_of_Activities><Activity_Id>1</Activity_Id><Activity_Id>2</Activity_Id><Activity_Id>5</Activity_Id><MaxDays>1</MaxDays>',
    );
    expect(xml).toContain(
      '<ConstraintActivityEndsStudentsDay><Weight_Percentage>100</Weight_Percentage><Activity_Id>4</Activity_Id>',
    );
    expect(xml).toContain(
      '<ConstraintActivitiesSameRoomIfConsecutive><Weight_Percentage>100</Weight_Percentage><Number_of_Activities>2</Number_of_Activities><Activity_Id>1</Activity_Id><Activity_Id>5</Activity_Id>',
    );
  });

  it('re-imports the rules: every constraint mapped, the timetable still hard 0', () => {
    const back = importFetBytes(Buffer.from(formatFet(withRules(), keeping)), 'rules.fet');
    if (!back.result.ok) throw new Error(JSON.stringify(back.result.errors));
    // The lunch gap is a FET break inside the day on every day: FET's consecutive and grouped
    // activities come back as the _across_break rules (FET lets a break fall between them), and
    // min gaps as min_gap_counting_breaks (FET counts the break hour as a gap); all mapped exactly.
    const notMapped = [...back.build!.kinds]
      .filter(([, k]) => k.dropped + k.weakened > 0)
      .map(([kind, k]) => `${kind}: ${[...k.reasons.values()].map((r) => r.reason).join('; ')}`);
    expect(notMapped).toEqual([]);
    const c = back.result.college;
    expect(c.rules.map((r) => r.kind).sort()).toEqual(
      [
        'adjacent_across_break',
        'consecutive_across_break',
        'ends_day',
        'max_days_apart',
        'min_gap_counting_breaks',
        'same_room_if_consecutive',
        'min_days_apart',
        'min_days_between',
        'min_days_between', // different_days TH#2;Y: FET's min days 1 over two sessions
        'not_overlapping',
        'not_overlapping',
        'ordered',
        'same_day',
        'same_period',
        'same_room',
        'same_time',
        'same_time',
      ].sort(),
    );
    const fixed = timetableFromFixed(c).timetable;
    const p = compile(c);
    const e = evaluate(p, timetableToPlacement(p, fixed));
    expect(e.hardTotal).toBe(0);
    expect(e.soft.soft_rule).toBeGreaterThan(0);
  });

  const hasFet = existsSync(FET_CL);
  it.skipIf(!hasFet)(
    'is accepted by fet-cl with the rules, which keeps the timetable that keeps them',
    () => {
      const input = join(tmp, 'rules.fet');
      writeFileSync(input, formatFet(withRules(), keeping));
      const log = runFetCl(input, join(tmp, 'rules-out'), 30);
      expect(log).toMatch(/Simulation successful/);
    },
  );
});

describe('export --format fet: max_days_apart, ends_day and same_room_if_consecutive as FET reads them', () => {
  /** The college above, nothing placed, with the three rules so tight that each decides where things go. */
  function tight(): College {
    const c = college();
    return collegeSchema.parse({
      ...c,
      courses: [...c.courses, { id: 'Y', name: 'Tutorial', faculty: ['F3'], groups: ['S'], sessions: 1 }],
      rules: [
        { kind: 'max_days_apart', courses: ['TH', 'Y'], value: 0 },
        { kind: 'ends_day', courses: ['TH#1', 'LB2'] },
        { kind: 'same_room_if_consecutive', courses: ['TH', 'Y'] },
      ],
    });
  }

  const hasFet = existsSync(FET_CL);
  it.skipIf(!hasFet)(
    'fet-cl makes a timetable that keeps the three rules as the evaluator reads them',
    () => {
      const input = join(tmp, 'tight.fet');
      writeFileSync(input, formatFet(tight(), { assignments: [] }));
      const out = join(tmp, 'tight-out');
      const log = runFetCl(input, out, 30);
      expect(log).toMatch(/Simulation successful/);
      const result = join(out, 'timetables', 'tight', 'tight_data_and_timetable.fet');
      const back = importFetBytes(readFileSync(result), 'tight_data_and_timetable.fet').result;
      if (!back.ok) throw new Error(JSON.stringify(back.errors));
      expect(back.college.rules.map((r) => r.kind).sort()).toEqual([
        'ends_day',
        'ends_day',
        'max_days_apart',
        'same_room_if_consecutive',
      ]);
      const fixed = timetableFromFixed(back.college).timetable;
      const p = compile(back.college);
      // FET's own file recounts each activity's students over the sets it lists (the section and its
      // batches), which room capacity reads differently; the rules and the clashes are what is compared.
      const ev = evaluate(p, timetableToPlacement(p, fixed));
      expect(ev.hard.rule).toBe(0);
      expect([ev.hard.group_clash, ev.hard.faculty_clash, ev.hard.room_clash, ev.hard.unplaced]).toEqual([
        0, 0, 0, 0,
      ]);
      // The rules decided where things went: TH and Y on one day, TH#1 the last of the section's day.
      const days = new Set(
        fixed.assignments.filter((a) => a.courseId !== 'A3' && a.courseId !== 'A4').map((a) => a.day),
      );
      expect(days.size).toBe(1);
    },
  );
});

describe('export --format fet: adjacent_if_same_day as FET reads it', () => {
  // TH's two sessions on one day (max_days_apart 0), so back to back: P1-P2 or P3-P4, lunch between
  // P2 and P3; a soft min_days_apart on TH goes out and comes back with its weight.
  const rules = [
    { kind: 'max_days_apart', courses: ['TH'], value: 0 },
    { kind: 'adjacent_if_same_day', courses: ['TH'] },
    { kind: 'min_days_apart', courses: ['TH'], value: 1, hard: false, weight: 95 },
  ];

  it('writes a min days constraint at 0 % with consecutive if on the same day, read back as the rule', () => {
    const text = formatFet(collegeSchema.parse({ ...college(), rules }), { assignments: [] });
    const back = importFetBytes(Buffer.from(text), 'same-day.fet').result;
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    const th = back.college.rules.find((r) => r.kind === 'max_days_apart')!.courses;
    expect(back.college.rules).toEqual([
      { kind: 'max_days_apart', courses: th, hard: true, weight: 1, value: 0 },
      { kind: 'adjacent_if_same_day', courses: th, hard: true, weight: 1 },
      { kind: 'min_days_apart', courses: th, hard: false, weight: 95, value: 1 },
    ]);
  });

  const hasFet = existsSync(FET_CL);
  it.skipIf(!hasFet)('fet-cl makes a timetable that keeps it as the evaluator reads it', () => {
    const input = join(tmp, 'same-day.fet');
    writeFileSync(input, formatFet(collegeSchema.parse({ ...college(), rules }), { assignments: [] }));
    const out = join(tmp, 'same-day-out');
    const log = runFetCl(input, out, 30);
    expect(log).toMatch(/Simulation successful/);
    const result = join(out, 'timetables', 'same-day', 'same-day_data_and_timetable.fet');
    const back = importFetBytes(readFileSync(result), 'same-day_data_and_timetable.fet').result;
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    const fixed = timetableFromFixed(back.college).timetable;
    const p = compile(back.college);
    const ev = evaluate(p, timetableToPlacement(p, fixed));
    expect(ev.hard.rule).toBe(0);
    const th = back.college.rules.find((r) => r.kind === 'max_days_apart')!.courses[0];
    const periods = fixed.assignments
      .filter((a) => a.courseId === th)
      .map((a) => [a.day, a.period])
      .sort();
    expect(periods).toHaveLength(2);
    expect(periods[0][0]).toBe(periods[1][0]);
    expect([
      [0, 1],
      [2, 3],
    ]).toContainEqual([periods[0][1], periods[1][1]]);
  });
});

describe('export --format fet: terms (days_per_term, max_terms, max_per_term) as FET reads them', () => {
  // Terms of one day: TH's two sessions in one term (so one day), LB1 and LB2 one per term.
  function withTerms(): College {
    const c = college();
    return collegeSchema.parse({
      ...c,
      calendar: { ...c.calendar, daysPerTerm: 1 },
      rules: [
        { kind: 'max_terms', courses: ['TH'], value: 1 },
        { kind: 'max_per_term', courses: ['LB1', 'LB2'], value: 1 },
      ],
    });
  }

  it('writes the Terms mode and the two constraints, read back as the calendar and the rules', () => {
    const back = importFetBytes(Buffer.from(formatFet(withTerms(), { assignments: [] })), 'terms.fet').result;
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.college.calendar.daysPerTerm).toBe(1);
    expect(back.college.rules.map((r) => [r.kind, r.courses.length, r.hard, r.value])).toEqual([
      ['max_terms', 1, true, 1],
      ['max_per_term', 2, true, 1],
    ]);
  });

  const hasFet = existsSync(FET_CL);
  it.skipIf(!hasFet)('fet-cl makes a timetable that keeps them as the evaluator reads them', () => {
    const input = join(tmp, 'terms.fet');
    writeFileSync(input, formatFet(withTerms(), { assignments: [] }));
    const out = join(tmp, 'terms-out');
    const log = runFetCl(input, out, 30);
    expect(log).toMatch(/Simulation successful/);
    const result = join(out, 'timetables', 'terms', 'terms_data_and_timetable.fet');
    const back = importFetBytes(readFileSync(result), 'terms_data_and_timetable.fet').result;
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    const fixed = timetableFromFixed(back.college).timetable;
    const p = compile(back.college);
    expect(evaluate(p, timetableToPlacement(p, fixed)).hard.rule).toBe(0);
    const daysOf = (kind: string): Array<number | null> => {
      const courses = back.college.rules.find((r) => r.kind === kind)!.courses;
      return fixed.assignments.filter((a) => courses.includes(a.courseId)).map((a) => a.day);
    };
    expect(new Set(daysOf('max_terms')).size).toBe(1);
    expect(new Set(daysOf('max_per_term')).size).toBe(2);
  });
});

describe('export --format fet: Faculty and Groups limits', () => {
  /** The college above with every limit column set; the timetable above keeps them all. */
  function withLimits(): College {
    const c = college();
    const faculty = c.faculty.map((f) =>
      f.id === 'F1'
        ? {
            ...f,
            maxPerDay: 2,
            maxDays: 2,
            maxGapsPerDay: 0,
            maxGapsPerWeek: 1,
            minPerDay: 1,
            minDays: 1,
            maxContinuous: 2,
          }
        : f.id === 'F2'
          ? { ...f, maxContinuous: 2, minPerDay: 2 }
          : f,
    );
    const limits: Record<string, Partial<College['groups'][number]>> = {
      S: { maxPerDay: 3, maxGapsPerDay: 1, maxContinuous: 2, maxLateStarts: 1 },
      'S-B1': { maxContinuous: 3, maxLateStarts: 0 },
      'S-B2': { minPerDay: 1, maxGapsPerWeek: 2, maxPerDay: 4 }, // min 1: trivial, not written
    };
    const groups = c.groups.map((g) => ({ ...g, ...limits[g.id] }));
    return collegeSchema.parse({ ...c, faculty, groups });
  }

  it('writes them as FET constraints that re-import as the same limits of every teacher and student set', () => {
    const c = withLimits();
    const p = compile(c);
    expect(evaluate(p, timetableToPlacement(p, timetable)).hardTotal).toBe(0);
    const back = importFetBytes(Buffer.from(formatFet(c, timetable)), 'limits.fet');
    if (!back.result.ok) throw new Error(JSON.stringify(back.result.errors));
    const notMapped = [...back.build!.kinds]
      .filter(([, k]) => k.dropped + k.weakened > 0)
      .map(([kind]) => kind);
    expect(notMapped).toEqual([]);
    const again = back.result.college;
    const limitsOf = (x: object): Record<string, unknown> =>
      Object.fromEntries(Object.entries(x).filter(([k]) => /^(max|min)[A-Z]/.test(k)));
    // A minimum of 1 period per teaching day says nothing (FET refuses it): left out.
    const { minPerDay: _trivial, ...f1 } = limitsOf(c.faculty[0]);
    expect(again.faculty.map((f) => [f.id, limitsOf(f)])).toEqual([
      ['F1', f1],
      ['F2', { maxContinuous: 2, minPerDay: 2 }],
      ['F3', {}],
    ]);
    // A group's limit holds for each student set below it: the sets (the batches) carry the
    // strictest of their own and their section's; the section itself is no student set.
    expect(Object.fromEntries(again.groups.map((g) => [g.id, limitsOf(g)]))).toEqual({
      S: {},
      'S-B1': { maxPerDay: 3, maxGapsPerDay: 1, maxContinuous: 2, maxLateStarts: 0 },
      'S-B2': { maxPerDay: 3, maxGapsPerDay: 1, maxGapsPerWeek: 2, maxContinuous: 2, maxLateStarts: 1 },
    });
    // The imported limits judge timetables as the college's do.
    const q = compile(again);
    const fixed = timetableFromFixed(again).timetable;
    expect(evaluate(q, timetableToPlacement(q, fixed)).hardTotal).toBe(0);
  });

  const hasFet = existsSync(FET_CL);
  it.skipIf(!hasFet)(
    'is accepted by fet-cl with the limits, which keeps the timetable that keeps them',
    () => {
      const input = join(tmp, 'limits.fet');
      writeFileSync(input, formatFet(withLimits(), timetable));
      const log = runFetCl(input, join(tmp, 'limits-out'), 30);
      expect(log).toMatch(/Simulation successful/);
    },
  );
});

describe('export --format fet: max_late_starts', () => {
  it.skipIf(!existsSync(FET_CL))(
    'fet-cl keeps a timetable that begins late on as many days as the limit allows',
    () => {
      // One group, two days, periods P1 P2 | break | P3; TH on Mon P2 (late) and Tue P1.
      const c = collegeSchema.parse({
        calendar: { days: ['Mon', 'Tue'] },
        periods: [
          { label: 'P1', start: '09:00', end: '10:00' },
          { label: 'P2', start: '10:00', end: '11:00' },
          { label: 'P3', start: '12:00', end: '13:00' },
        ],
        rooms: [{ id: 'R1', name: 'R1', capacity: 60 }],
        faculty: [{ id: 'F1', name: 'F1' }],
        groups: [{ id: 'S', name: 'S', size: 30, maxLateStarts: 1 }],
        courses: [{ id: 'TH', name: 'TH', faculty: ['F1'], groups: ['S'], sessions: 2 }],
      });
      const t: Timetable = {
        assignments: [
          { courseId: 'TH', session: 1, day: 0, period: 1, roomId: 'R1', locked: false },
          { courseId: 'TH', session: 2, day: 1, period: 0, roomId: 'R1', locked: false },
        ],
      };
      const p = compile(c);
      expect(evaluate(p, timetableToPlacement(p, t)).hardTotal).toBe(0);
      const text = formatFet(c, t);
      expect(text).toContain('<ConstraintStudentsSetEarlyMaxBeginningsAtSecondHour>');
      const input = join(tmp, 'late.fet');
      writeFileSync(input, text);
      const log = runFetCl(input, join(tmp, 'late-out'), 30);
      expect(log).toMatch(/Simulation successful/);
    },
  );
});

describe('export --format fet: max_span and min_rest', () => {
  /** One group, one day; TH on P1 and P3 (span 3); `gap`: a break between P2 and P3. */
  function spanCollege(gap: boolean): { c: College; t: Timetable } {
    const c = collegeSchema.parse({
      calendar: { days: ['Mon'] },
      periods: [
        { label: 'P1', start: '09:00', end: '10:00' },
        { label: 'P2', start: '10:00', end: '11:00' },
        { label: 'P3', start: gap ? '11:30' : '11:00', end: gap ? '12:30' : '12:00' },
      ],
      rooms: [{ id: 'R1', name: 'R1', capacity: 60 }],
      faculty: [{ id: 'F1', name: 'F1', maxSpan: 3, minRest: 1 }],
      groups: [{ id: 'S', name: 'S', size: 30, maxSpan: 3, minRest: 1 }],
      courses: [{ id: 'TH', name: 'TH', faculty: ['F1'], groups: ['S'], sessions: 2 }],
    });
    const t: Timetable = {
      assignments: [
        { courseId: 'TH', session: 1, day: 0, period: 0, roomId: 'R1', locked: false },
        { courseId: 'TH', session: 2, day: 0, period: 2, roomId: 'R1', locked: false },
      ],
    };
    return { c, t };
  }

  it('writes it for teachers and student sets when no break falls inside the day, and re-imports it', () => {
    const { c, t } = spanCollege(false);
    const text = formatFet(c, t);
    expect(text).toContain('<ConstraintTeacherMaxSpanPerDay>');
    expect(text).toContain('<ConstraintStudentsSetMaxSpanPerDay>');
    const back = importFetBytes(Buffer.from(text), 'span.fet');
    if (!back.result.ok) throw new Error(JSON.stringify(back.result.errors));
    expect(back.result.college.faculty[0].maxSpan).toBe(3);
    expect(back.result.college.groups[0].maxSpan).toBe(3);
    // min_rest likewise, not circular (the contract's week does not wrap round).
    expect(text).toContain('<ConstraintTeacherMinRestingHours>');
    expect(back.result.college.faculty[0].minRest).toBe(1);
    expect(back.result.college.groups[0].minRest).toBe(1);
    expect([...back.build!.kinds].filter(([, k]) => k.weakened + k.dropped > 0)).toEqual([]);
    // With a break between P2 and P3, FET would count the break hour in the span: not written.
    const gapped = spanCollege(true);
    expect(formatFet(gapped.c, gapped.t)).not.toMatch(/MaxSpanPerDay|MinRestingHours/);
  });

  it.skipIf(!existsSync(FET_CL))('is accepted by fet-cl, which keeps the timetable within it', () => {
    const { c, t } = spanCollege(false);
    const input = join(tmp, 'span.fet');
    writeFileSync(input, formatFet(c, t));
    const log = runFetCl(input, join(tmp, 'span-out'), 30);
    expect(log).toMatch(/Simulation successful/);
  });
});

describe('export --format fet: building changes', () => {
  /** One day, TH in building A at P1 and LAB in B at P3 (one change, one free period before it). */
  function buildingCollege(gap: boolean): { c: College; t: Timetable } {
    const limits = {
      maxBuildingChangesPerDay: 1,
      maxBuildingChangesPerWeek: 1,
      minGapsBetweenBuildingChanges: 1,
    };
    const c = collegeSchema.parse({
      calendar: { days: ['Mon'] },
      periods: [
        { label: 'P1', start: '09:00', end: '10:00' },
        { label: 'P2', start: '10:00', end: '11:00' },
        { label: 'P3', start: gap ? '11:30' : '11:00', end: gap ? '12:30' : '12:00' },
      ],
      rooms: [
        { id: 'RA', name: 'RA', capacity: 60, building: 'A' },
        { id: 'RB', name: 'RB', capacity: 60, building: 'B' },
      ],
      faculty: [{ id: 'F1', name: 'F1', ...limits }],
      groups: [
        { id: 'S', name: 'S', size: 30, maxBuildingChangesPerDay: 2 },
        { id: 'S1', name: 'S1', size: 30, parent: 'S', ...limits },
      ],
      courses: [
        { id: 'TH', name: 'TH', faculty: ['F1'], groups: ['S1'], sessions: 1, rooms: ['RA'] },
        { id: 'LAB', name: 'LAB', faculty: ['F1'], groups: ['S1'], sessions: 1, rooms: ['RB'] },
      ],
    });
    const t: Timetable = {
      assignments: [
        { courseId: 'TH', session: 1, day: 0, period: 0, roomId: 'RA', locked: false },
        { courseId: 'LAB', session: 1, day: 0, period: 2, roomId: 'RB', locked: false },
      ],
    };
    return { c, t };
  }
  const limits = (x: {
    maxBuildingChangesPerDay?: number;
    maxBuildingChangesPerWeek?: number;
    minGapsBetweenBuildingChanges?: number;
  }) => [x.maxBuildingChangesPerDay, x.maxBuildingChangesPerWeek, x.minGapsBetweenBuildingChanges];

  it('writes the three limits for teachers and student sets (the strictest of the chain), and re-imports them', () => {
    const { c, t } = buildingCollege(false);
    const text = formatFet(c, t);
    for (const who of ['Teacher', 'StudentsSet'])
      for (const kind of [
        'MaxBuildingChangesPerDay',
        'MaxBuildingChangesPerWeek',
        'MinGapsBetweenBuildingChanges',
      ])
        expect(text).toContain(`<Constraint${who}${kind}>`);
    const back = importFetBytes(Buffer.from(text), 'buildings.fet');
    if (!back.result.ok) throw new Error(JSON.stringify(back.result.errors));
    expect(limits(back.result.college.faculty[0])).toEqual([1, 1, 1]);
    expect(
      back.result.college.groups.filter((g) => g.maxBuildingChangesPerDay !== undefined).map(limits),
    ).toEqual([[1, 1, 1]]);
    expect([...back.build!.kinds].filter(([, k]) => k.weakened + k.dropped > 0)).toEqual([]);
    // A break between P2 and P3 is a FET hour that counts as a gap: min gaps is not written.
    const gapped = buildingCollege(true);
    const gappedText = formatFet(gapped.c, gapped.t);
    expect(gappedText).not.toContain('MinGapsBetweenBuildingChanges');
    expect(gappedText).toContain('<ConstraintTeacherMaxBuildingChangesPerDay>');
  });

  it.skipIf(!existsSync(FET_CL))('is accepted by fet-cl, which keeps the timetable within it', () => {
    const { c, t } = buildingCollege(false);
    const input = join(tmp, 'buildings.fet');
    writeFileSync(input, formatFet(c, t));
    const log = runFetCl(input, join(tmp, 'buildings-out'), 30);
    expect(log).toMatch(/Simulation successful/);
  });
});
