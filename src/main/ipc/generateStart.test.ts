// Generate over IPC with real solver processes: a new timetable keeps the locked sessions of the
// active one, "improve" starts from the active timetable, and a worse result never becomes active
// on its own (the finished event carries both costs so the user can choose).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addTimetable,
  getActiveTimetable,
  getJob,
  getTimetable,
  openProject,
  saveCollege,
} from '../db/index.ts';
import { SolverPool, createForkSpawner } from '../jobs/index.ts';
import { testCollege } from '../../shared/eval/testing/testCollege.ts';
import { compile } from '../../shared/compiled/compile.ts';
import { timetableToPlacement } from '../../shared/compiled/placement.ts';
import { evaluate } from '../../shared/eval/evaluate.ts';
import type { JobEvent } from '../../shared/ipc/jobEvents.ts';
import type { Assignment, College } from '../../shared/model/types.ts';
import { createDispatcher } from './dispatcher.ts';
import { createHandlers } from './handlers.ts';

const FAKE = fileURLToPath(new URL('../../../tests/fixtures/fakeSolver.ts', import.meta.url));
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** Four courses of one group and teacher over a 5 x 6 week: many equally good places for each. */
const college = testCollege({
  rooms: [
    { id: 'R1', name: 'Room 1', capacity: 60 },
    { id: 'R2', name: 'Room 2', capacity: 60 },
  ],
  faculty: [
    { id: 'F1', name: 'F1' },
    { id: 'F2', name: 'F2' },
  ],
  groups: [
    { id: 'G1', name: 'G1', size: 30 },
    { id: 'G2', name: 'G2', size: 30 },
  ],
  courses: [
    { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 3 },
    { id: 'B', name: 'B', faculty: ['F2'], groups: ['G1'], sessions: 2 },
    { id: 'C', name: 'C', faculty: ['F1'], groups: ['G2'], sessions: 2 },
    { id: 'D', name: 'D', faculty: ['F2'], groups: ['G2'], sessions: 3 },
  ],
});

const place = (
  courseId: string,
  session: number,
  day: number,
  period: number,
  roomId: string,
  locked = false,
): Assignment => ({
  courseId,
  session,
  day,
  period,
  roomId,
  locked,
});

function costOf(c: College, assignments: Assignment[]) {
  const problem = compile(c);
  const e = evaluate(problem, timetableToPlacement(problem, { assignments }), { details: false });
  return { hardTotal: e.hardTotal, softTotal: e.softTotal, hard: e.hard, soft: e.soft };
}

async function setup(active: Assignment[] | null, solver: { fake?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-generate-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'p.slotwise');
  const db = openProject(file, { create: true });
  saveCollege(db, college);
  if (active)
    addTimetable(db, {
      name: 'Hand-edited',
      kind: 'manual',
      timetable: { assignments: active },
      evaluation: costOf(college, active),
      makeActive: true,
    });
  db.close();
  const log = join(dir, 'solver.log');
  const pool = new SolverPool({
    spawner: createForkSpawner(),
    size: 1,
    args: solver.fake ? [`--solver-module=${FAKE}`] : [],
    env: solver.fake ? { FAKE_SOLVER_MS: '300', FAKE_SOLVER_LOG: log } : {},
  });
  cleanup.push(() => pool.shutdown());
  const events: JobEvent[] = [];
  const dispatch = createDispatcher(
    createHandlers({ userDataDir: dir, emit: (e) => events.push(e), jobRunner: { pool } }),
  );
  await dispatch('project:open', { path: file });
  cleanup.push(async () => {
    await dispatch('project:open', { path: join(dir, 'other.slotwise') }).catch(() => undefined);
  });
  const run = async (request: Record<string, unknown>) => {
    const started = await dispatch('jobs:start', request);
    if (!started.ok) throw new Error(started.error.message);
    const [jobId] = (started.value as { jobIds: number[] }).jobIds;
    const end = Date.now() + 30_000;
    for (;;) {
      const last = events.find((e) => e.jobId === jobId && (e.type === 'finished' || e.type === 'failed'));
      if (last?.type === 'finished')
        return {
          jobId,
          finished: last,
          queued: events.find((e) => e.jobId === jobId && e.type === 'queued'),
        };
      if (last?.type === 'failed') throw new Error(last.reason);
      if (Date.now() > end) throw new Error('timed out waiting for the job');
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const solverCalls = () =>
    readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { initial: number | null; skipStages: string[] });
  return { dispatch, events, file, run, solverCalls };
}

describe('Generate keeps what the user fixed', () => {
  it('a new timetable keeps the locked sessions of the active one where they are, still locked', async () => {
    // A locked in an unusual corner (Fri, last period, R2), everything else anywhere.
    const active = [
      place('A', 1, 4, 5, 'R2', true),
      place('A', 2, 0, 0, 'R1'),
      place('A', 3, 1, 0, 'R1'),
      place('B', 1, 0, 1, 'R1'),
      place('B', 2, 1, 1, 'R1'),
      place('C', 1, 2, 0, 'R1'),
      place('C', 2, 3, 0, 'R1'),
      place('D', 1, 2, 1, 'R1'),
      place('D', 2, 3, 1, 'R1'),
      place('D', 3, 4, 1, 'R1'),
    ];
    const s = await setup(active);
    const { jobId, queued } = await s.run({ timeLimitS: 1.5, seed: 3 });
    expect(queued).toMatchObject({ origin: { mode: 'new', from: { name: 'Hand-edited' }, locked: 1 } });
    const db = openProject(s.file, { readonly: true });
    try {
      const result = getTimetable(db, getJob(db, jobId)?.resultTimetableId ?? 0);
      const a1 = result?.timetable.assignments.find((x) => x.courseId === 'A' && x.session === 1);
      expect(a1).toEqual(place('A', 1, 4, 5, 'R2', true));
      expect(result?.summary.hardTotal).toBe(0);
    } finally {
      db.close();
    }
  }, 40_000);

  it('"improve" hands the whole active timetable to the solver and skips the clustering and MIP', async () => {
    const active = [place('A', 1, 0, 0, 'R1', true), place('B', 1, 0, 1, 'R1')];
    const s = await setup(active, { fake: true });
    const { finished, queued } = await s.run({ timeLimitS: 5, start: 'improve' });
    expect(queued).toMatchObject({ origin: { mode: 'improve', from: { name: 'Hand-edited' } } });
    const [call] = s.solverCalls();
    expect(call.initial).toBe(2);
    expect(call.skipStages).toEqual(expect.arrayContaining(['decompose', 'mip']));
    // The result is a child of the timetable it improved.
    const list = await s.dispatch('timetable:list', undefined);
    const made = (
      list.ok ? (list.value as Array<{ id: number; parentId: number | null; name: string }>) : []
    ).find((t) => t.id === finished.timetableId);
    expect(made).toMatchObject({ parentId: 1, name: 'Improved Hand-edited (seed 1)' });
  }, 40_000);

  it('"improve" without an active timetable is refused with what to do', async () => {
    const s = await setup(null, { fake: true });
    const r = await s.dispatch('jobs:start', { timeLimitS: 5, start: 'improve' });
    expect(r).toMatchObject({ ok: false, error: { code: 'job_start' } });
    if (!r.ok)
      expect(r.error.message).toMatch(/no active timetable to improve yet: generate a new timetable first/);
  });

  it('rejects unknown start modes at the boundary', async () => {
    const s = await setup(null, { fake: true });
    const r = await s.dispatch('jobs:start', { timeLimitS: 5, start: 'replace' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});

describe('a result becomes active only when it is not worse', () => {
  // The fake solver's timetable double-books group G1; a clash-free hand-made one is better.
  const good = [
    place('A', 1, 0, 0, 'R1'),
    place('A', 2, 1, 0, 'R1'),
    place('A', 3, 2, 0, 'R1'),
    place('B', 1, 0, 1, 'R1'),
    place('B', 2, 1, 1, 'R1'),
    place('C', 1, 0, 2, 'R1'),
    place('C', 2, 1, 2, 'R1'),
    place('D', 1, 0, 3, 'R1'),
    place('D', 2, 1, 3, 'R1'),
    place('D', 3, 2, 3, 'R1'),
  ];

  it('keeps a better active timetable and reports both costs', async () => {
    const s = await setup(good, { fake: true });
    const { finished } = await s.run({ timeLimitS: 5, seed: 1 });
    expect(finished.hardTotal).toBeGreaterThan(0);
    expect(finished.activated).toBe(false);
    expect(finished.previous).toMatchObject({
      timetableId: 1,
      name: 'Hand-edited',
      hardTotal: 0,
      softTotal: costOf(college, good).softTotal,
      comparable: true,
    });
    const db = openProject(s.file, { readonly: true });
    try {
      expect(getActiveTimetable(db)?.summary.id).toBe(1);
      expect(getTimetable(db, finished.timetableId)?.summary.active).toBe(false);
    } finally {
      db.close();
    }
  }, 40_000);

  it('makes a result active when it beats the active timetable, saying which one it replaced', async () => {
    const clashing = good.map((a) => ({ ...a, day: 0, period: 0 }));
    const s = await setup(clashing, { fake: true });
    const { finished } = await s.run({ timeLimitS: 5, seed: 1 });
    expect(finished.activated).toBe(true);
    expect(finished.previous?.hardTotal).toBeGreaterThan(finished.hardTotal);
    const db = openProject(s.file, { readonly: true });
    try {
      expect(getActiveTimetable(db)?.summary.id).toBe(finished.timetableId);
    } finally {
      db.close();
    }
  }, 40_000);

  it('names a second result of the same seed apart from the first', async () => {
    const s = await setup(null, { fake: true });
    await s.run({ timeLimitS: 5, seed: 1 });
    await s.run({ timeLimitS: 5, seed: 1 });
    const list = await s.dispatch('timetable:list', undefined);
    expect(list.ok && (list.value as Array<{ name: string }>).map((t) => t.name)).toEqual([
      'Solution (seed 1)',
      'Solution (seed 1) (2)',
    ]);
  }, 40_000);
});
