// timetable:explain over the dispatcher, with a real project file: the students double-booked and
// the course pairs causing it, typed as the IPC contract says (what the Generate result lists).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addTimetable, openProject, saveCollege } from '../db/index.ts';
import { testCollege } from '../../shared/eval/testing/testCollege.ts';
import type { TimetableExplanation } from '../../shared/ipc/contract.ts';
import type { Assignment } from '../../shared/model/types.ts';
import { createDispatcher } from './dispatcher.ts';
import { createHandlers } from './handlers.ts';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'slotwise-ipc-students-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const at = (courseId: string, session: number, day: number, period: number, roomId: string): Assignment => ({
  courseId,
  session,
  day,
  period,
  roomId,
  locked: false,
});
const zero = { hardTotal: 0, softTotal: 0, hard: {}, soft: {} } as never;

/** Electives E1-E3 taught to groups X, Y, Z; s1-s3 take E1+E2, s4 takes E2+E3 (2 sessions). */
async function project(withStudents: boolean) {
  const file = join(tempDir(), 'p.slotwise');
  const db = openProject(file, { create: true });
  const take: Record<string, string[]> = {
    s1: ['E1', 'E2'],
    s2: ['E1', 'E2'],
    s3: ['E1', 'E2'],
    s4: ['E2', 'E3'],
  };
  saveCollege(
    db,
    testCollege({
      rooms: ['R1', 'R2', 'R3'].map((id) => ({ id, name: id, capacity: 60 })),
      faculty: ['F1', 'F2', 'F3'].map((id) => ({ id, name: id })),
      groups: ['X', 'Y', 'Z'].map((id) => ({ id, name: id, size: 10 })),
      courses: [
        { id: 'E1', name: 'E1', faculty: ['F1'], groups: ['X'], sessions: 1 },
        { id: 'E2', name: 'E2', faculty: ['F2'], groups: ['Y'], sessions: 1 },
        { id: 'E3', name: 'E3', faculty: ['F3'], groups: ['Z'], sessions: 2 },
      ],
      ...(withStudents
        ? {
            students: Object.keys(take).map((id) => ({ id })),
            enrollments: Object.entries(take).flatMap(([s, cs]) =>
              cs.map((c) => ({ studentId: s, courseId: c })),
            ),
          }
        : {}),
    }),
  );
  // Mon period 1: E1, E2 and E3 (session 1) at once; E3 session 2 on Tuesday.
  addTimetable(db, {
    name: 'Electives',
    kind: 'manual',
    timetable: {
      assignments: [
        at('E1', 1, 0, 0, 'R1'),
        at('E2', 1, 0, 0, 'R2'),
        at('E3', 1, 0, 0, 'R3'),
        at('E3', 2, 1, 0, 'R1'),
      ],
    },
    evaluation: zero,
    makeActive: true,
  });
  db.close();
  const dispatch = createDispatcher(createHandlers({ userDataDir: tempDir() }));
  await dispatch('project:open', { path: file });
  return async (): Promise<TimetableExplanation> => {
    const r = await dispatch('timetable:explain', {});
    if (!r.ok) throw new Error(r.error.message);
    return r.value as TimetableExplanation;
  };
}

describe('timetable:explain: students double-booked', () => {
  it('counts double-bookings and students and lists the course pairs with their sessions and times', async () => {
    const explain = await project(true);
    const e = await explain();
    expect(e.hardTotal).toBe(0);
    expect(e.studentClashes).toEqual({
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
          slots: ['Mon period 1'],
        },
        {
          courses: ['E2', 'E3'],
          students: 1,
          doubleBookings: 1,
          sessions: [
            { courseId: 'E2', session: 1 },
            { courseId: 'E3', session: 1 },
          ],
          slots: ['Mon period 1'],
        },
      ],
    });
  });

  it('is null when no student is enrolled individually', async () => {
    const explain = await project(false);
    expect((await explain()).studentClashes).toBeNull();
  });
});
