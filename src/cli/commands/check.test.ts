// `slotwise check` says in plain words how many students are double-booked and which course pairs
// cause it, in the text output and in --json.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { addTimetable, openProject, saveCollege } from '../../main/db/index.ts';
import { compile } from '../../shared/compiled/compile.ts';
import { timetableToPlacement } from '../../shared/compiled/placement.ts';
import { evaluate } from '../../shared/eval/evaluate.ts';
import { collegeSchema, type College, type Timetable } from '../../shared/model/index.ts';
import { captureCli } from '../../../tests/fixtures/cliCapture.ts';

/** Electives E1, E2, E3 (one teacher and group each) and 5 students: s1-s3 take E1+E2, s4 E2+E3. */
function electives(): College {
  const ids = ['E1', 'E2', 'E3'];
  const take: Record<string, string[]> = {
    s1: ['E1', 'E2'],
    s2: ['E1', 'E2'],
    s3: ['E1', 'E2'],
    s4: ['E2', 'E3'],
    s5: ['E1'],
  };
  return collegeSchema.parse({
    calendar: { days: ['Mon', 'Tue'] },
    periods: [
      { label: 'P1', start: '09:00', end: '10:00' },
      { label: 'P2', start: '10:00', end: '11:00' },
    ],
    rooms: ['R1', 'R2', 'R3'].map((id) => ({ id, name: id, capacity: 50 })),
    faculty: ids.map((c) => ({ id: `F${c}`, name: `F${c}` })),
    groups: ids.map((c) => ({ id: `G${c}`, name: `G${c}`, size: 10 })),
    courses: ids.map((c) => ({ id: c, name: c, faculty: [`F${c}`], groups: [`G${c}`], sessions: 1 })),
    students: Object.keys(take).map((id) => ({ id })),
    enrollments: Object.entries(take).flatMap(([s, cs]) => cs.map((c) => ({ studentId: s, courseId: c }))),
  });
}

const at = (courseId: string, day: number, period: number, roomId: string) => ({
  courseId,
  session: 1,
  day,
  period,
  roomId,
  locked: false,
});

function project(dir: string, college: College, timetable: Timetable, name = 'college'): string {
  const file = join(dir, `${name}.slotwise`);
  const db = openProject(file, { create: true });
  saveCollege(db, college);
  const p = compile(college);
  const evaluation = evaluate(p, timetableToPlacement(p, timetable), { details: false });
  addTimetable(db, { name: 'hand-made', kind: 'manual', timetable, evaluation, makeActive: true });
  db.close();
  return file;
}

const cli = captureCli('slotwise-check-');

describe('slotwise check: students double-booked', () => {
  // All three at Mon P1: E1+E2 share s1-s3, E2+E3 share s4 -> 4 double-bookings, 4 students, 2 pairs.
  const allAtOnce: Timetable = {
    assignments: [at('E1', 0, 0, 'R1'), at('E2', 0, 0, 'R2'), at('E3', 0, 0, 'R3')],
  };

  it('prints the double-bookings and the course pairs, most students first', async () => {
    const file = project(cli.dir, electives(), allAtOnce);
    expect(await main(['check', '--db', file])).toBe(0);
    const text = cli.out.join('\n');
    expect(text).toContain('Hard violations: 0 (feasible)');
    expect(text).toContain(
      'Students: 4 student double-bookings remain, from 2 course pairs; 4 students have two sessions at the same time.',
    );
    const pairs = text.split('\n').filter((l) => l.startsWith('  E'));
    expect(pairs).toEqual(['  E1 + E2: 3 at Mon period P1', '  E2 + E3: 1 at Mon period P1']);
  });

  it('lists them in --json with the sessions to highlight', async () => {
    const file = project(cli.dir, electives(), allAtOnce);
    expect(await main(['check', '--db', file, '--json'])).toBe(0);
    const report = JSON.parse(cli.out.join('\n')) as {
      student_clashes: unknown;
      soft: { student_clash: number };
    };
    expect(report.student_clashes).toEqual({
      students: 4,
      doubleBookings: 4,
      pairCount: 2,
      pairs: [
        {
          courses: ['E1', 'E2'],
          students: 3,
          doubleBookings: 3,
          sessions: [
            { courseId: 'E1', session: 1 },
            { courseId: 'E2', session: 1 },
          ],
          slots: ['Mon period P1'],
        },
        {
          courses: ['E2', 'E3'],
          students: 1,
          doubleBookings: 1,
          sessions: [
            { courseId: 'E2', session: 1 },
            { courseId: 'E3', session: 1 },
          ],
          slots: ['Mon period P1'],
        },
      ],
    });
    // The weighted cost is the same thing, times the student_clash weight (default 10).
    expect(report.soft.student_clash).toBe(40);
  });

  it('says when nobody is double-booked, and says nothing when no student is enrolled', async () => {
    const apart: Timetable = {
      assignments: [at('E1', 0, 0, 'R1'), at('E2', 0, 1, 'R1'), at('E3', 1, 0, 'R1')],
    };
    const file = project(cli.dir, electives(), apart);
    expect(await main(['check', '--db', file])).toBe(0);
    expect(cli.out.join('\n')).toContain('Students: no student is double-booked.');

    cli.out.length = 0;
    const noStudents = { ...electives(), students: [], enrollments: [] };
    const other = project(cli.dir, noStudents, allAtOnce, 'no-students');
    expect(await main(['check', '--db', other, '--json'])).toBe(0);
    expect((JSON.parse(cli.out.join('\n')) as { student_clashes: unknown }).student_clashes).toBeNull();
  });
});
