// Help > Open log folder and Save a diagnostic bundle, through the real dispatcher and the app's
// log: the bundle holds the log (with the calls and job events the app made), the versions and the
// open project's integrity report, and neither the college's names nor any folder path.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from './dispatcher.ts';
import { createHandlers } from './handlers.ts';
import { openProject, saveCollege } from '../db/index.ts';
import { richCollege } from '../db/testing/richCollege.ts';
import { appLogDir, loggedDispatch, loggedJobEvents, startAppLog } from '../log/appLog.ts';
import { stopLog } from '../log/log.ts';
import type { JobEvent } from '../../shared/ipc/jobEvents.ts';

const dirs: string[] = [];
afterEach(async () => {
  await stopLog();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setUp(): { root: string; userData: string; folder: string; project: string } {
  const root = mkdtempSync(join(tmpdir(), 'slotwise-diag-'));
  dirs.push(root);
  const userData = join(root, 'user data');
  const folder = join(root, 'private-folder');
  mkdirSync(folder, { recursive: true });
  const project = join(folder, 'college.slotwise');
  const db = openProject(project);
  saveCollege(db, richCollege());
  db.close();
  return { root, userData, folder, project };
}

/** Every `name` string of the college: none of them may reach the bundle. */
function namesOf(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) namesOf(v, into);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'name' && typeof v === 'string' && v.length > 3) into.push(v);
      else namesOf(v, into);
    }
  return into;
}

describe('diagnostics channels', () => {
  it('logs the app’s activity under the user data folder and bundles it without names or paths', async () => {
    const { root, userData, folder, project } = setUp();
    expect(startAppLog(userData, { electron: '99.1.2' }, {})).toBe(join(userData, 'logs'));
    const emitted: JobEvent[] = [];
    const emit = loggedJobEvents((e) => emitted.push(e));
    const dispatch = loggedDispatch(
      createDispatcher(createHandlers({ userDataDir: userData, versions: { electron: '99.1.2' }, emit })),
    );

    expect(await dispatch('project:open', { path: project })).toMatchObject({ ok: true });
    const missing = await dispatch('import:run', { path: join(folder, 'missing.xlsx') });
    expect(missing).toMatchObject({ ok: true, value: { ok: false } });
    const notAProject = await dispatch('project:open', { path: join(folder, 'nowhere.slotwise') });
    expect(notAProject).toMatchObject({ ok: false });
    emit({ type: 'queued', jobId: 7, elapsedMs: 0, etaMs: null, name: 'Dr. A. Rao timetable', seed: 3 });
    emit({
      type: 'progress',
      jobId: 7,
      elapsedMs: 5,
      etaMs: 10,
      attempt: 1,
      stage: 'construct',
      percent: 10,
      bestHard: null,
      bestSoft: null,
      message: 'tick',
    });
    emit({
      type: 'failed',
      jobId: 7,
      elapsedMs: 9,
      etaMs: null,
      reason: `solver gone, see ${join(folder, 'core.dump')}`,
      bestHard: null,
      bestSoft: null,
    });
    expect(emitted.map((e) => e.type)).toEqual(['queued', 'progress', 'failed']);

    const logFolder = await dispatch('diagnostics:logFolder', undefined);
    expect(logFolder).toEqual({ ok: true, value: { folder: join(userData, 'logs') } });
    expect(existsSync(join(userData, 'logs', 'slotwise.log'))).toBe(true);

    const out = join(root, 'bundle.zip');
    const reply = await dispatch('diagnostics:bundle', { out });
    expect(reply).toEqual({
      ok: true,
      value: {
        file: 'bundle.zip',
        entries: ['README.txt', 'integrity.json', 'log/slotwise.log', 'versions.json'],
      },
    });
    const files = Object.fromEntries(
      Object.entries(unzipSync(readFileSync(out))).map(([k, v]) => [k, strFromU8(v)]),
    );

    const versions = JSON.parse(files['versions.json']) as Record<string, string>;
    expect(versions).toMatchObject({ electron: '99.1.2', node: process.versions.node });
    expect(versions.slotwise).toMatch(/^\d+\.\d+\.\d+/);

    const integrity = JSON.parse(files['integrity.json']) as Record<string, unknown>;
    expect(integrity).toMatchObject({
      file: 'college.slotwise',
      exists: true,
      opens: true,
      references: 'whole',
    });
    expect(integrity.counts).toMatchObject({ rooms: richCollege().rooms.length });

    const lines = files['log/slotwise.log']
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ via: 'app', event: 'start', electron: '99.1.2' });
    expect(lines).toContainEqual(
      expect.objectContaining({ event: 'ipc', channel: 'project:open', ok: true }),
    );
    expect(lines.find((l) => l.channel === 'import:run')).toMatchObject({
      level: 40,
      file: 'missing.xlsx',
      imported: false,
      errors: 1,
    });
    const failedOpen = lines.find((l) => l.channel === 'project:open' && l.ok === false);
    expect(failedOpen).toMatchObject({ level: 40, file: 'nowhere.slotwise' });
    expect(typeof failedOpen?.code).toBe('string');
    expect(lines).toContainEqual(
      expect.objectContaining({ event: 'job', type: 'queued', jobId: 7, seed: 3 }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        event: 'job',
        type: 'failed',
        jobId: 7,
        reason: 'solver gone, see core.dump',
      }),
    );
    expect(lines.some((l) => l.type === 'progress')).toBe(false);
    expect(lines.every((l) => typeof l.time === 'string' && !Number.isNaN(Date.parse(l.time)))).toBe(true);
    // Reading channels are not logged when they succeed.
    expect(lines.some((l) => l.channel === 'diagnostics:logFolder')).toBe(false);

    const everything = Object.values(files).join('\n');
    for (const path of [root, userData, folder, 'private-folder', 'user data'])
      expect(everything, path).not.toContain(path);
    for (const name of [...namesOf(richCollege()), 'Dr. A. Rao timetable'])
      expect(everything, name).not.toContain(name);
  });

  it('says the log is off when SLOTWISE_LOG_DIR=off, and still writes a bundle without a project', async () => {
    const { root, userData } = setUp();
    expect(appLogDir(userData, { SLOTWISE_LOG_DIR: 'off' })).toBeUndefined();
    expect(appLogDir(userData, { SLOTWISE_LOG_DIR: join(root, 'elsewhere') })).toBe(join(root, 'elsewhere'));
    expect(startAppLog(userData, {}, { SLOTWISE_LOG_DIR: 'off' })).toBeUndefined();
    const dispatch = createDispatcher(createHandlers({ userDataDir: userData }));
    const off = await dispatch('diagnostics:logFolder', undefined);
    expect(off).toMatchObject({ ok: false, error: { code: 'log_off' } });
    if (!off.ok) expect(off.error.message).toContain('SLOTWISE_LOG_DIR=off');
    for (const [out, says] of [
      ['bundle.zip', 'is not a full path'],
      [root, 'is a folder'],
    ] as const) {
      const refused = await dispatch('diagnostics:bundle', { out });
      expect(refused, out).toMatchObject({ ok: false, error: { code: 'export_path' } });
      if (!refused.ok) expect(refused.error.message).toContain(says);
    }
    expect(existsSync('bundle.zip')).toBe(false);
    const out = join(root, 'made', 'b.zip');
    expect(await dispatch('diagnostics:bundle', { out })).toEqual({
      ok: true,
      value: { file: 'b.zip', entries: ['README.txt', 'integrity.json', 'versions.json'] },
    });
    const integrity = JSON.parse(strFromU8(unzipSync(readFileSync(out))['integrity.json'])) as unknown;
    expect(integrity).toEqual({ project: 'none open' });
    expect(existsSync(join(userData, 'logs'))).toBe(false);
  });
});
