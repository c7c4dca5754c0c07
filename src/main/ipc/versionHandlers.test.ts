// timetable:explain / kpis / rename / delete and the job history of jobs:list, over the dispatcher with a
// real project file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addTimetable,
  createJob,
  getTimetable,
  loadCollege,
  openProject,
  recordProgress,
  saveCollege,
  updateJobStatus,
} from '../db/index.ts';
import { testCollege } from '../../shared/eval/testing/testCollege.ts';
import type { JobInfo, TimetableExplanation, TimetableInfo, VersionKpis } from '../../shared/ipc/contract.ts';
import { timetableKpis } from '../../shared/model/timetableKpis.ts';
import type { Assignment } from '../../shared/model/types.ts';
import { createDispatcher } from './dispatcher.ts';
import { createHandlers } from './handlers.ts';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'slotwise-ipc-versions-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const at = (courseId: string, session: number, day: number | null, period: number | null): Assignment => ({
  courseId,
  session,
  day,
  period,
  roomId: day === null ? null : 'R1',
  locked: false,
});
const zero = { hardTotal: 0, softTotal: 0, hard: {}, soft: {} } as never;

const twoCourses = (rooms = [{ id: 'R1', name: 'Room 1', capacity: 60 }]) =>
  testCollege({
    faculty: [{ id: 'F1', name: 'F1', maxPerDay: 1 }],
    rooms,
    courses: [
      { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 2 },
      { id: 'B', name: 'B', faculty: ['F1'], groups: ['G1'], sessions: 1 },
    ],
  });

async function project() {
  const file = join(tempDir(), 'p.slotwise');
  const db = openProject(file, { create: true });
  saveCollege(db, twoCourses());
  // A and B at the same time (F1 and G1 double-booked), A's second session unplaced.
  const broken = addTimetable(db, {
    name: 'Broken',
    kind: 'solution',
    timetable: { assignments: [at('A', 1, 0, 0), at('B', 1, 0, 0), at('A', 2, null, null)] },
    evaluation: zero,
    makeActive: true,
  });
  const fine = addTimetable(db, {
    name: 'Fine',
    kind: 'variant',
    timetable: { assignments: [at('A', 1, 0, 0), at('B', 1, 1, 0), at('A', 2, 2, 0)] },
    evaluation: zero,
  });
  const job = createJob(db, {
    kind: 'solution',
    options: { name: 'Solution (seed 4)', kind: 'solution', timeLimitMs: 5000, seed: 4 },
    seed: 4,
  });
  updateJobStatus(db, job, 'finished', { resultTimetableId: fine });
  recordProgress(db, job, {
    type: 'finished',
    jobId: job,
    elapsedMs: 4200,
    etaMs: 0,
    timetableId: fine,
    hardTotal: 0,
    softTotal: 0,
    status: 'feasible',
    note: null,
    activated: false,
  });
  const failed = createJob(db, {
    kind: 'solution',
    options: { name: 'Old job', kind: 'solution', timeLimitMs: 5000, seed: 2 },
    seed: 2,
  });
  updateJobStatus(db, failed, 'failed', { error: 'The job failed after 5 attempts.' });
  db.close();
  const userDataDir = tempDir();
  const dispatch = createDispatcher(createHandlers({ userDataDir }));
  await dispatch('project:open', { path: file });
  const call = async <T>(channel: string, payload?: unknown): Promise<T> => {
    const r = await dispatch(channel, payload);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.value as T;
  };
  return { dispatch, call, broken, fine, job, failed, userDataDir, file };
}

describe('timetable:explain', () => {
  it('names each broken rule with its sessions, counts the unplaced, and says when there is nothing', async () => {
    const { call, broken, fine } = await project();
    const e = await call<TimetableExplanation>('timetable:explain', {});
    expect(e.timetableId).toBe(broken);
    expect(e.hardByKind).toEqual({ faculty_clash: 1, room_clash: 1, faculty_max_per_day: 1, unplaced: 1 });
    expect(e.unplaced).toBe(1);
    const both = [
      { courseId: 'A', session: 1 },
      { courseId: 'B', session: 1 },
    ];
    expect(e.violations.map((v) => v.kind).sort()).toEqual([
      'faculty_clash',
      'faculty_max_per_day',
      'room_clash',
    ]);
    const clash = e.violations.find((v) => v.kind === 'faculty_clash');
    expect(clash?.message).toMatch(/F1 teaches A \(session 1\) and B at Mon period 1/);
    expect(clash?.sessions).toEqual(both);
    expect(e.violations.find((v) => v.kind === 'room_clash')?.message).toMatch(/R1 holds 2 sessions/);
    expect(e.violations.find((v) => v.kind === 'faculty_max_per_day')?.message).toMatch(/F1/);
    expect(e.studentClashes).toBeNull();
    const ok = await call<TimetableExplanation>('timetable:explain', { id: fine });
    expect(ok).toMatchObject({ hardTotal: 0, violations: [], more: 0, unplaced: 0 });
    await expect(call('timetable:explain', { id: 99 })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('timetable:kpis', () => {
  it("gives every version the KPIs worked out from the project's college, and the week's names", async () => {
    const { call, broken, fine, file } = await project();
    const figures = await call<VersionKpis>('timetable:kpis');
    const db = openProject(file);
    try {
      const college = loadCollege(db);
      if (!college) throw new Error('no college');
      expect(figures.days).toEqual(college.calendar.days);
      expect(figures.periods).toEqual(college.periods.map((p) => p.label));
      const expected = [broken, fine].map((id) => {
        const found = getTimetable(db, id);
        if (!found) throw new Error(`no timetable ${id}`);
        return { id, ...timetableKpis(college, found.timetable) };
      });
      expect(figures.versions).toEqual(expected);
    } finally {
      db.close();
    }
  });

  it('follows an edit, a re-import and a deletion (nothing kept goes stale)', async () => {
    const { call, broken, fine, file } = await project();
    const roomUse = (f: VersionKpis, id: number): number | undefined =>
      f.versions.find((v) => v.id === id)?.roomUse;
    const before = await call<VersionKpis>('timetable:kpis');
    // Broken holds 2 room-periods of R1's week; its unplaced session placed, 3.
    expect(roomUse(before, broken)).toBeCloseTo(2 / 30);
    await call('timetable:update', {
      id: broken,
      changes: [{ courseId: 'A', session: 2, day: 3, period: 0, roomId: 'R1' }],
    });
    const edited = await call<VersionKpis>('timetable:kpis');
    expect(roomUse(edited, broken)).toBeCloseTo(3 / 30);
    expect(roomUse(edited, fine)).toBeCloseTo(3 / 30);
    // A re-import with a second room doubles the room-periods of the week.
    const db = openProject(file);
    try {
      saveCollege(
        db,
        twoCourses([
          { id: 'R1', name: 'Room 1', capacity: 60 },
          { id: 'R2', name: 'Room 2', capacity: 60 },
        ]),
      );
    } finally {
      db.close();
    }
    const reimported = await call<VersionKpis>('timetable:kpis');
    expect(roomUse(reimported, broken)).toBeCloseTo(3 / 60);
    expect(roomUse(reimported, fine)).toBeCloseTo(3 / 60);
    await call('timetable:setActive', { id: fine });
    await call('timetable:delete', { id: broken });
    expect((await call<VersionKpis>('timetable:kpis')).versions.map((v) => v.id)).toEqual([fine]);
  });

  it('is empty without a college', async () => {
    const dispatch = createDispatcher(createHandlers({ userDataDir: tempDir() }));
    await dispatch('project:create', { path: join(tempDir(), 'empty.slotwise') });
    expect(await dispatch('timetable:kpis', undefined)).toEqual({
      ok: true,
      value: { days: [], periods: [], versions: [] },
    });
  });
});

describe('timetable:rename and timetable:delete', () => {
  it('renames a version, refusing a name another version has', async () => {
    const { call, fine } = await project();
    expect(await call<TimetableInfo>('timetable:rename', { id: fine, name: '  Friday free ' })).toMatchObject(
      {
        id: fine,
        name: 'Friday free',
      },
    );
    await expect(call('timetable:rename', { id: fine, name: 'Broken' })).rejects.toMatchObject({
      code: 'name_taken',
      message: expect.stringMatching(/already called "Broken"/) as unknown,
    });
    await expect(call('timetable:rename', { id: fine, name: '   ' })).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });

  it('deletes a version but never the active one', async () => {
    const { call, broken, fine } = await project();
    await expect(call('timetable:delete', { id: broken })).rejects.toMatchObject({
      code: 'active_timetable',
      message: expect.stringMatching(/make another version active first/) as unknown,
    });
    expect(await call('timetable:delete', { id: fine })).toEqual({ deleted: fine });
    expect((await call<TimetableInfo[]>('timetable:list')).map((t) => t.name)).toEqual(['Broken']);
  });

  it('marks a version edited once the editor changed it (a rename is not an edit)', async () => {
    const { call, fine } = await project();
    await call('timetable:rename', { id: fine, name: 'Renamed' });
    expect((await call<TimetableInfo[]>('timetable:list')).map((t) => [t.name, t.edited])).toEqual([
      ['Broken', false],
      ['Renamed', false],
    ]);
    await call('timetable:update', { id: fine, changes: [{ courseId: 'B', session: 1, day: 3, period: 0 }] });
    expect((await call<TimetableInfo[]>('timetable:list')).find((t) => t.id === fine)?.edited).toBe(true);
  });
});

describe('jobs:list after a restart', () => {
  it('lists the project jobs from the database with their last event', async () => {
    const { call, job, failed, fine } = await project();
    const list = await call<JobInfo[]>('jobs:list');
    expect(list).toMatchObject([
      {
        jobId: failed,
        name: 'Old job',
        seed: 2,
        current: false,
        last: { type: 'failed', reason: 'The job failed after 5 attempts.' },
      },
      {
        jobId: job,
        name: 'Solution (seed 4)',
        seed: 4,
        current: false,
        last: { type: 'finished', timetableId: fine, elapsedMs: 4200, activated: false },
      },
    ]);
  });
});
