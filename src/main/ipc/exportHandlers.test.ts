import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addTimetable, openProject, saveCollege } from '../db/index.ts';
import { testCollege } from '../../shared/eval/testing/testCollege.ts';
import { createDispatcher, type Dispatch } from './dispatcher.ts';
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

async function project(saveDialog?: () => Promise<string | null>, exportLimits?: { timeoutMs?: number }) {
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
  const dispatch = createDispatcher(createHandlers({ userDataDir: tempDir(), saveDialog, exportLimits }));
  await dispatch('project:open', { path: file });
  return { dispatch, first, second };
}

describe('timetable:compare', () => {
  it('lists exactly the sessions placed differently, with both places', async () => {
    const { dispatch, first, second } = await project();
    const r = await dispatch('timetable:compare', { a: first, b: second });
    if (!r.ok) throw new Error(r.error.message);
    const { sessions, movedJson } = r.value as { sessions: number; movedJson: string };
    expect(sessions).toBe(2);
    expect(JSON.parse(movedJson)).toEqual([
      {
        courseId: 'B',
        session: 1,
        from: { day: 1, period: 0, roomId: 'R1' },
        to: { day: 2, period: 1, roomId: 'R1' },
      },
    ]);
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

describe('export:run errors in plain words', () => {
  const message = (r: Awaited<ReturnType<Dispatch>>): string => (r.ok ? '' : r.error.message);

  it('a folder export onto a file, and a file export onto a folder, say which and what to do', async () => {
    const { dispatch } = await project();
    const dir = tempDir();
    const file = join(dir, 'notes');
    writeFileSync(file, 'x');
    const pdf = await dispatch('export:run', { format: 'pdf', out: file });
    expect(pdf).toMatchObject({ ok: false, error: { code: 'export_path' } });
    expect(message(pdf)).toBe(
      `${file} is a file, but this export writes a folder of files: type the path of a folder (a new name makes a new folder).`,
    );
    const inside = await dispatch('export:run', { format: 'xlsx', out: join(file, 'week.xlsx') });
    expect(message(inside)).toBe(
      `${file} is a file, so no folder can be made inside it: choose another place.`,
    );
    const csv = await dispatch('export:run', { format: 'csv', out: dir });
    expect(message(csv)).toBe(
      `${dir} is a folder: type a file name inside it, for example ${join(dir, 'timetable.csv')}.`,
    );
    expect(message(await dispatch('export:run', { format: 'csv', out: 'week.csv' }))).toMatch(
      /^"week.csv" is not a full path/,
    );
    for (const r of [pdf, inside, csv]) expect(message(r)).not.toMatch(/EEXIST|EISDIR|ENOTDIR|\.tmp/);
    expect(readdirSync(dir)).toEqual(['notes']);
  });

  it.runIf(existsSync('/proc/self'))(
    'refuses a path that accepts no folders within seconds instead of hanging',
    async () => {
      const { dispatch } = await project();
      const t0 = Date.now();
      const r = await dispatch('export:run', { format: 'pdf', out: '/proc/self/timetables' });
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(message(r)).toBe(
        'Could not export: /proc/self/timetables cannot be made here (its folder does not accept new files): choose another place.',
      );
      // The next export is not held up.
      const out = join(tempDir(), 'after.csv');
      expect(await dispatch('export:run', { format: 'csv', out })).toMatchObject({ ok: true });
    },
  );

  it('gives up an export that overruns its deadline, and answers the next one', async () => {
    const { dispatch } = await project(undefined, { timeoutMs: 1 });
    const slow = await dispatch('export:run', { format: 'pdf', out: join(tempDir(), 'pdf') });
    expect(slow).toMatchObject({ ok: false, error: { code: 'export_timeout' } });
    expect(message(slow)).toMatch(/did not finish within 0 s and was given up/);
    // The abandoned export no longer holds the queue: the next one is answered.
    const next = await dispatch('export:run', { format: 'itc', out: join(tempDir(), 'x.sol') });
    expect(next.ok || next.error.code === 'export_timeout').toBe(true);
  });

  it('made folders are removed again when the export fails', async () => {
    const { dispatch } = await project();
    const base = tempDir();
    // No term dates in this college: the calendar export refuses after its folders were checked.
    const r = await dispatch('export:run', { format: 'ics', out: join(base, 'a', 'b') });
    expect(r).toMatchObject({ ok: false, error: { code: 'export_failed' } });
    expect(readdirSync(base)).toEqual([]);
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
