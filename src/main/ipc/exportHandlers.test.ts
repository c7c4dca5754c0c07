import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addTimetable, openProject, saveCollege } from '../db/index.ts';
import { testCollege } from '../../shared/eval/testing/testCollege.ts';
import { createDispatcher } from './dispatcher.ts';
import { createHandlers } from './handlers.ts';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'slotwise-ipc-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const at = (courseId: string, day: number, period: number, roomId = 'R1') => ({
  courseId,
  session: 1,
  day,
  period,
  roomId,
  locked: false,
});
const zero = { hardTotal: 0, softTotal: 0, hard: {}, soft: {} } as never;

async function project(saveDialog?: () => Promise<string | null>) {
  const file = join(tempDir(), 'p.slotwise');
  const db = openProject(file, { create: true });
  saveCollege(
    db,
    testCollege({
      courses: [
        { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 1 },
        { id: 'B', name: 'B', faculty: ['F1'], groups: ['G1'], sessions: 1 },
      ],
    }),
  );
  const first = addTimetable(db, {
    name: 'first',
    kind: 'variant',
    timetable: { assignments: [at('A', 0, 0), at('B', 1, 0)] },
    evaluation: zero,
  });
  const second = addTimetable(db, {
    name: 'second',
    kind: 'variant',
    timetable: { assignments: [at('A', 0, 0), at('B', 2, 1)] },
    evaluation: zero,
    makeActive: true,
  });
  db.close();
  const dispatch = createDispatcher(createHandlers({ userDataDir: tempDir(), saveDialog }));
  await dispatch('project:open', { path: file });
  return { dispatch, first, second };
}

describe('timetable:compare', () => {
  it('lists exactly the sessions placed differently, with both places', async () => {
    const { dispatch, first, second } = await project();
    const r = await dispatch('timetable:compare', { a: first, b: second });
    expect(r).toEqual({
      ok: true,
      value: {
        sessions: 2,
        moved: [
          {
            courseId: 'B',
            session: 1,
            from: { day: 1, period: 0, roomId: 'R1' },
            to: { day: 2, period: 1, roomId: 'R1' },
          },
        ],
      },
    });
    expect(await dispatch('timetable:compare', { a: first, b: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('export:run', () => {
  it('writes the active timetable as CSV', async () => {
    const { dispatch } = await project();
    const out = join(tempDir(), 'week.csv');
    const r = await dispatch('export:run', { format: 'csv', out });
    expect(r).toMatchObject({ ok: true, value: { format: 'csv' } });
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('B');
  });

  it('reports an export the data does not allow as a readable error', async () => {
    const { dispatch } = await project();
    const r = await dispatch('export:run', { format: 'ics', out: tempDir() });
    expect(r).toMatchObject({ ok: false, error: { code: 'export_failed' } });
    if (!r.ok) expect(r.error.message.length).toBeGreaterThan(10);
  });
});

describe('dialog:save', () => {
  it('uses the injected dialog, and says to type a path without one', async () => {
    const withDialog = await project(() => Promise.resolve('/tmp/chosen.csv'));
    expect(await withDialog.dispatch('dialog:save', { title: 'Export' })).toEqual({
      ok: true,
      value: '/tmp/chosen.csv',
    });
    const without = await project();
    expect(await without.dispatch('dialog:save', { title: 'Export' })).toMatchObject({
      ok: false,
      error: { code: 'no_dialog' },
    });
  });
});
