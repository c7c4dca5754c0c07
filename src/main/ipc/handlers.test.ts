import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from './dispatcher.ts';
import { createHandlers } from './handlers.ts';
import { openProject } from '../db/index.ts';
import { importPath } from '../import/index.ts';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'slotwise-ipc-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('project handlers', () => {
  it('creates a project, reports it, and reopens it after a restart', async () => {
    const userData = tempDir();
    const file = join(tempDir(), 'Main Campus.slotwise');
    const dispatch = createDispatcher(createHandlers({ userDataDir: userData }));
    expect(await dispatch('project:current', undefined)).toEqual({ ok: true, value: null });
    const created = await dispatch('project:create', { path: file });
    expect(created).toEqual({
      ok: true,
      value: { path: file, name: 'Main Campus', hasCollege: false, timetables: 0 },
    });

    const afterRestart = createDispatcher(createHandlers({ userDataDir: userData }));
    expect(await afterRestart('project:current', undefined)).toMatchObject({
      ok: true,
      value: { path: file },
    });
  });

  it('adds the .slotwise extension to a new project and never opens an existing file instead', async () => {
    const dir = tempDir();
    const dispatch = createDispatcher(createHandlers({ userDataDir: tempDir() }));
    const made = await dispatch('project:create', { path: join(dir, 'North College') });
    expect(made).toMatchObject({
      ok: true,
      value: { path: join(dir, 'North College.slotwise'), name: 'North College' },
    });
    expect(existsSync(join(dir, 'North College.slotwise'))).toBe(true);
    for (const again of [join(dir, 'North College'), join(dir, 'North College.slotwise')]) {
      const r = await dispatch('project:create', { path: again });
      expect(r).toMatchObject({ ok: false, error: { code: 'project_exists' } });
      if (!r.ok)
        expect(r.error.message).toBe(
          `${join(dir, 'North College.slotwise')} already exists. Open it with "Open project", or choose another name for the new project.`,
        );
    }
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'keep me');
    expect(await dispatch('project:create', { path: join(dir, 'missing', 'x') })).toMatchObject({
      ok: false,
      error: {
        code: 'project_path',
        message: `The folder ${join(dir, 'missing')} does not exist: create it first or choose another folder.`,
      },
    });
    expect(await dispatch('project:create', { path: dir })).toMatchObject({
      ok: false,
      error: { code: 'project_path' },
    });
    expect(await dispatch('project:create', { path: 'relative.slotwise' })).toMatchObject({
      ok: false,
      error: { code: 'project_path' },
    });
    expect(readFileSync(notes, 'utf8')).toBe('keep me');
  });

  it('refuses to open a missing project file with a typed error', async () => {
    const dispatch = createDispatcher(createHandlers({ userDataDir: tempDir() }));
    const res = await dispatch('project:open', { path: join(tempDir(), 'nope.slotwise') });
    expect(res.ok).toBe(false);
  });
});

describe('project errors over IPC', () => {
  it('carries the project-file error code across the boundary', async () => {
    const dir = tempDir();
    const file = join(dir, 'notes.slotwise');
    writeFileSync(file, 'not a database');
    const dispatch = createDispatcher(createHandlers({ userDataDir: tempDir() }));
    expect(await dispatch('project:open', { path: file })).toMatchObject({
      ok: false,
      error: { code: 'not_sqlite' },
    });
    expect(await dispatch('project:open', { path: join(dir, 'missing.slotwise') })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('project backup over IPC', () => {
  it('writes a copy of the open project that opens as a Slotwise project', async () => {
    const file = join(tempDir(), 'College.slotwise');
    const dispatch = createDispatcher(createHandlers({ userDataDir: tempDir() }));
    expect(await dispatch('project:backup', undefined)).toMatchObject({ ok: false });
    await dispatch('project:create', { path: file });
    const res = await dispatch('project:backup', undefined);
    expect(res.ok).toBe(true);
    const backup = (res as { ok: true; value: { file: string } }).value.file;
    expect(backup).not.toBe(file);
    const copy = openProject(backup, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }
  });
});

describe('template and open dialog over IPC', () => {
  it('saves the template workbook where asked, and it imports cleanly', async () => {
    const dispatch = createDispatcher(createHandlers({ userDataDir: tempDir() }));
    const out = join(tempDir(), 'my-college');
    const res = await dispatch('template:save', { out });
    expect(res).toEqual({ ok: true, value: { file: `${out}.xlsx` } });
    const imported = await importPath(`${out}.xlsx`);
    expect(imported.ok).toBe(true);
    const bad = await dispatch('template:save', { out: join(tempDir(), 'missing-dir', 'x.xlsx') });
    expect(bad).toMatchObject({ ok: false, error: { code: 'template_failed' } });
  });

  it('uses the injected open dialog, and says to type a path without one', async () => {
    const withDialog = createDispatcher(
      createHandlers({
        userDataDir: tempDir(),
        openDialog: ({ folder }) => Promise.resolve(folder ? '/d' : '/f.xlsx'),
      }),
    );
    expect(await withDialog('dialog:open', { title: 'Import', folder: true })).toEqual({
      ok: true,
      value: '/d',
    });
    const without = createDispatcher(createHandlers({ userDataDir: tempDir() }));
    expect(await without('dialog:open', { title: 'Import' })).toMatchObject({
      ok: false,
      error: { code: 'no_dialog' },
    });
  });
});
