// `export --format fet`: the timetable as a FET file, every placed session locked. Re-imported, it
// gives the same sessions at the same times and rooms, and the same clash relation; FET's own
// command-line generator (fet-cl, Debian package `fet`) accepts it and keeps the timetable.
import { execFileSync } from 'node:child_process';
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

const FET_CL = '/usr/bin/fet-cl';
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
    const log = execFileSync(
      FET_CL,
      [`--inputfile=${input}`, `--outputdir=${out}`, '--timelimitseconds=30'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(log).toMatch(/Simulation successful/);
    const result = join(out, 'timetables', 'export', 'export_data_and_timetable.fet');
    const back = importFetBytes(readFileSync(result), 'export_data_and_timetable.fet').result;
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    const fixed = timetableFromFixed(back.college).timetable;
    expect(placedLines(back.college, fixed)).toEqual(placedLines(college(), timetable));
  });
});
