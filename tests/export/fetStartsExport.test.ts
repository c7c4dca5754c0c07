// `export --format fet` with Courses `starts`: each session of such a course gets FET's
// ActivityPreferredStartingTimes; re-imported, the courses list the same starts; fet-cl accepts the
// file, and the timetable it makes itself starts every session at a listed start.
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
import type { College, SlotRef, Timetable } from '../../src/shared/model/types.ts';
import { FET_CL } from '../fet/fetFiles.ts';
import { runFetCl } from '../fet/fetCl.ts';

const tmp = mkdtempSync(join(tmpdir(), 'slotwise-fet-starts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Three days, P1 P2 P3 | lunch | P4 P5; a theory course that starts at P1 or P4, a lab at P2 or Wed P4. */
function college(): College {
  return collegeSchema.parse({
    calendar: { days: ['Mon', 'Tue', 'Wed'] },
    periods: [
      { label: 'P1', start: '09:00', end: '10:00' },
      { label: 'P2', start: '10:00', end: '11:00' },
      { label: 'P3', start: '11:00', end: '12:00' },
      { label: 'P4', start: '13:00', end: '14:00' },
      { label: 'P5', start: '14:00', end: '15:00' },
    ],
    rooms: [
      { id: 'R1', name: 'Room 1', capacity: 60 },
      { id: 'L1', name: 'Lab 1', capacity: 60, type: 'lab' },
    ],
    faculty: [
      { id: 'F1', name: 'F1' },
      { id: 'F2', name: 'F2' },
    ],
    groups: [{ id: 'S', name: 'Section', size: 60 }],
    courses: [
      {
        id: 'TH',
        name: 'Theory',
        faculty: ['F1'],
        groups: ['S'],
        sessions: 3,
        starts: [0, 1, 2].flatMap((day) => [
          { day, period: 0 },
          { day, period: 3 },
        ]),
      },
      {
        id: 'LB',
        name: 'Lab',
        faculty: ['F2'],
        groups: ['S'],
        sessions: 2,
        length: 2,
        roomType: 'lab',
        starts: [
          { day: 0, period: 1 },
          { day: 1, period: 1 },
          { day: 2, period: 3 },
        ],
      },
      { id: 'X', name: 'Other', faculty: ['F1'], groups: ['S'], sessions: 1 },
    ],
  });
}

const timetable: Timetable = {
  assignments: [
    { courseId: 'TH', session: 1, day: 0, period: 0, roomId: 'R1', locked: false },
    { courseId: 'TH', session: 2, day: 1, period: 3, roomId: 'R1', locked: false },
    { courseId: 'TH', session: 3, day: 2, period: 0, roomId: 'R1', locked: false },
    { courseId: 'LB', session: 1, day: 0, period: 1, roomId: 'L1', locked: false },
    { courseId: 'LB', session: 2, day: 2, period: 3, roomId: 'L1', locked: false },
    { courseId: 'X', session: 1, day: 1, period: 2, roomId: 'R1', locked: false },
  ],
};

const startsByName = (c: College): Record<string, SlotRef[] | undefined> =>
  Object.fromEntries(c.courses.map((x) => [x.name, x.starts]));

function fetCl(name: string, text: string): College {
  const input = join(tmp, `${name}.fet`);
  writeFileSync(input, text);
  const log = runFetCl(input, join(tmp, name), 30);
  expect(log).toMatch(/Simulation successful/);
  const file = join(tmp, name, 'timetables', name, `${name}_data_and_timetable.fet`);
  const back = importFetBytes(readFileSync(file), `${name}_data_and_timetable.fet`).result;
  if (!back.ok) throw new Error(JSON.stringify(back.errors));
  return back.college;
}

describe('export --format fet: Courses starts', () => {
  it('writes the starts of every session and re-imports the same lists, the timetable still hard 0', () => {
    const p0 = compile(college());
    expect(evaluate(p0, timetableToPlacement(p0, timetable)).hardTotal).toBe(0);
    const text = formatFet(college(), timetable);
    expect(text.split('<ConstraintActivityPreferredStartingTimes>')).toHaveLength(1 + 3 + 2);
    const { result, build } = importFetBytes(Buffer.from(text), 'starts.fet');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const c = result.college;
    expect(startsByName(c)).toEqual({ ...startsByName(college()), Other: undefined });
    expect(build!.kinds.get('ConstraintActivityPreferredStartingTimes')).toMatchObject({
      mapped: 5,
      weakened: 0,
      dropped: 0,
    });
    const p = compile(c);
    expect(evaluate(p, timetableToPlacement(p, timetableFromFixed(c).timetable)).hardTotal).toBe(0);
  });

  const hasFet = existsSync(FET_CL);
  if (!hasFet)
    console.warn(`Skipped: ${FET_CL} is missing (install the Debian package "fet" to run this check).`);
  it.skipIf(!hasFet)(
    'is accepted by fet-cl, whose own timetable starts every session at a listed start',
    () => {
      // Nothing placed: fet-cl places every session itself under the exported starts.
      const c = fetCl('free', formatFet(college(), { assignments: [] }));
      const fixed = timetableFromFixed(c).timetable;
      expect(fixed.assignments.filter((a) => a.day !== null)).toHaveLength(6);
      const p = compile(c);
      const e = evaluate(p, timetableToPlacement(p, fixed));
      expect(e.hard.course_unavailable).toBe(0);
      expect(e.hardTotal).toBe(0);
      // And as read in the original college: every session at one of its course's starts.
      for (const a of fixed.assignments) {
        const course = c.courses.find((x) => x.id === a.courseId)!;
        const listed = college().courses.find((x) => x.name === course.name)!.starts;
        if (listed) expect(listed).toContainEqual({ day: a.day, period: a.period });
      }
    },
  );
});
