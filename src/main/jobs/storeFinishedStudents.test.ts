// A finished job reports its result's students double-booked in full (students, double-bookings,
// course pairs), and the active timetable it was compared with by its students too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addTimetable, createJob, openProject, saveCollege } from '../db/index.ts';
import { testCollege } from '../../shared/eval/testing/testCollege.ts';
import { jobEventSchema } from '../../shared/ipc/jobEvents.ts';
import type { Assignment, College, Timetable } from '../../shared/model/types.ts';
import type { SolveResult } from '../../shared/solver/protocol.ts';
import { storedJobOptionsSchema } from './jobOptions.ts';
import { storeFinishedJob } from './storeFinishedJob.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const at = (courseId: string, day: number, period: number, roomId: string): Assignment => ({
  courseId,
  session: 1,
  day,
  period,
  roomId,
  locked: false,
});

/** E1 and E2 share s1 and s2; E3 shares s3 with E2. */
function electives(enrolled: boolean): College {
  return testCollege({
    rooms: ['R1', 'R2', 'R3'].map((id) => ({ id, name: id, capacity: 60 })),
    faculty: ['F1', 'F2', 'F3'].map((id) => ({ id, name: id })),
    groups: ['X', 'Y', 'Z'].map((id) => ({ id, name: id, size: 10 })),
    courses: ['E1', 'E2', 'E3'].map((id, i) => ({
      id,
      name: id,
      faculty: [`F${i + 1}`],
      groups: [['X', 'Y', 'Z'][i]],
      sessions: 1,
    })),
    ...(enrolled
      ? {
          students: ['s1', 's2', 's3'].map((id) => ({ id })),
          enrollments: [
            ['s1', 'E1'],
            ['s1', 'E2'],
            ['s2', 'E1'],
            ['s2', 'E2'],
            ['s3', 'E2'],
            ['s3', 'E3'],
          ].map(([studentId, courseId]) => ({ studentId, courseId })),
        }
      : {}),
  });
}

const together: Timetable = {
  assignments: [at('E1', 0, 0, 'R1'), at('E2', 0, 0, 'R2'), at('E3', 0, 0, 'R3')],
};
const apart: Timetable = { assignments: [at('E1', 0, 0, 'R1'), at('E2', 0, 1, 'R1'), at('E3', 0, 2, 'R1')] };

function finish(college: College, active: Timetable | null, result: Timetable) {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-finished-'));
  dirs.push(dir);
  const db = openProject(join(dir, 'p.slotwise'), { create: true });
  try {
    saveCollege(db, college);
    if (active)
      addTimetable(db, {
        name: 'Active',
        kind: 'manual',
        timetable: active,
        evaluation: { hardTotal: 0, softTotal: 0, hard: {}, soft: {} } as never,
        makeActive: true,
      });
    const opts = storedJobOptionsSchema.parse({
      name: 'Result',
      kind: 'solution',
      timeLimitMs: 1000,
      seed: 1,
      activate: 'always',
    });
    const job = createJob(db, { kind: 'solution', options: opts, seed: 1 });
    const solved = { status: 'feasible', timetable: result } as unknown as SolveResult;
    return storeFinishedJob(db, college, job, opts, solved, null);
  } finally {
    db.close();
  }
}

describe('a finished job and its students double-booked', () => {
  it('counts students, double-bookings and course pairs of the result, and students of the one it replaced', () => {
    const stored = finish(electives(true), apart, together);
    expect(stored?.studentClashTotals).toEqual({ students: 3, doubleBookings: 3, pairs: 2 });
    expect(stored?.studentClashes).toBe(3);
    expect(stored?.previous).toMatchObject({ name: 'Active', studentClashes: 0 });
    // What the finished event carries passes the IPC schema.
    const event = {
      type: 'finished',
      jobId: 1,
      elapsedMs: 10,
      etaMs: 0,
      timetableId: stored!.timetableId,
      hardTotal: stored!.hardTotal,
      softTotal: stored!.softTotal,
      status: stored!.status,
      note: null,
      studentClashes: stored!.studentClashes,
      studentClashTotals: stored!.studentClashTotals,
    };
    expect(jobEventSchema.parse(event)).toMatchObject({
      studentClashTotals: { doubleBookings: 3, pairs: 2 },
    });
  });

  it('says zero when enrolled students are not double-booked, and null without enrollments', () => {
    expect(finish(electives(true), null, apart)?.studentClashTotals).toEqual({
      students: 0,
      doubleBookings: 0,
      pairs: 0,
    });
    const none = finish(electives(false), together, together);
    expect(none?.studentClashTotals).toBeNull();
    expect(none?.studentClashes).toBeNull();
    expect(none?.previous?.studentClashes).toBeNull();
  });
});
