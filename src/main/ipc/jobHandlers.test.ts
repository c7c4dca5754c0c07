// jobs:* over the dispatcher with real solver processes running the fake fixture solver.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openProject, saveCollege } from '../db/index.ts';
import { SolverPool, createForkSpawner } from '../jobs/index.ts';
import { testCollege } from '../../shared/eval/testing/testCollege.ts';
import type { JobEvent } from '../../shared/ipc/jobEvents.ts';
import { createDispatcher } from './dispatcher.ts';
import { createHandlers } from './handlers.ts';

const FAKE = fileURLToPath(new URL('../../../tests/fixtures/fakeSolver.ts', import.meta.url));
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function setup(solveMs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-ipc-jobs-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'p.slotwise');
  const db = openProject(file, { create: true });
  saveCollege(db, testCollege({}));
  db.close();
  const pool = new SolverPool({
    spawner: createForkSpawner(),
    size: 1,
    args: [`--solver-module=${FAKE}`],
    env: { FAKE_SOLVER_MS: String(solveMs) },
  });
  cleanup.push(() => pool.shutdown());
  const events: JobEvent[] = [];
  const dispatch = createDispatcher(
    createHandlers({ userDataDir: dir, emit: (e) => events.push(e), jobRunner: { pool } }),
  );
  await dispatch('project:open', { path: file });
  return { dispatch, events, file };
}

async function until(predicate: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 15_000;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('jobs:* channels', () => {
  it('starts a job whose events reach emit, and lists it with its last event', async () => {
    const { dispatch, events } = await setup(300);
    const started = await dispatch('jobs:start', { timeLimitS: 5, seed: 4 });
    if (!started.ok) throw new Error(started.error.message);
    const [jobId] = (started.value as { jobIds: number[] }).jobIds;
    await until(() => events.some((e) => e.type === 'finished' && e.jobId === jobId), 'the finished event');
    expect(events.map((e) => e.type)).toContain('progress');
    const list = await dispatch('jobs:list', undefined);
    expect(list).toMatchObject({ ok: true, value: [{ jobId, seed: 4, last: { type: 'finished' } }] });
    expect(await dispatch('jobs:cancel', { jobId })).toEqual({ ok: true, value: { cancelled: false } });
    expect(await dispatch('timetable:list', undefined)).toMatchObject({
      ok: true,
      value: [{ active: true }],
    });
  });

  it('restart cancels the running job and queues one with the same seed', async () => {
    const { dispatch, events } = await setup(20_000);
    const started = await dispatch('jobs:start', { timeLimitS: 30, seed: 9 });
    if (!started.ok) throw new Error(started.error.message);
    const [jobId] = (started.value as { jobIds: number[] }).jobIds;
    await until(() => events.some((e) => e.type === 'progress'), 'progress');
    const restarted = await dispatch('jobs:restart', { jobId });
    if (!restarted.ok) throw new Error(restarted.error.message);
    const [next] = (restarted.value as { jobIds: number[] }).jobIds;
    expect(next).not.toBe(jobId);
    expect(events.some((e) => e.type === 'cancelled' && e.jobId === jobId)).toBe(true);
    expect(events.find((e) => e.type === 'queued' && e.jobId === next)).toMatchObject({ seed: 9 });
    await dispatch('jobs:cancel', { jobId: next });
  });

  it('reopening the project stops its solves and resumes the unfinished job', async () => {
    const { dispatch, events, file } = await setup(20_000);
    const started = await dispatch('jobs:start', { timeLimitS: 30, seed: 2 });
    if (!started.ok) throw new Error(started.error.message);
    const [jobId] = (started.value as { jobIds: number[] }).jobIds;
    await until(() => events.some((e) => e.type === 'progress'), 'progress');
    expect(await dispatch('project:open', { path: file })).toMatchObject({ ok: true });
    expect(events.filter((e) => e.type === 'queued' && e.jobId === jobId)).toHaveLength(2);
    await until(
      () => events.filter((e) => e.type === 'started' && e.jobId === jobId).length === 2,
      'a restart',
    );
    expect(await dispatch('jobs:cancel', { jobId })).toEqual({ ok: true, value: { cancelled: true } });
  });

  it('explains that a project without college data cannot be solved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotwise-ipc-jobs-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const dispatch = createDispatcher(createHandlers({ userDataDir: dir }));
    await dispatch('project:create', { path: join(dir, 'empty.slotwise') });
    const r = await dispatch('jobs:start', { timeLimitS: 5 });
    expect(r).toMatchObject({ ok: false, error: { code: 'job_start' } });
    if (!r.ok) expect(r.error.message).toMatch(/import/i);
  });
});
