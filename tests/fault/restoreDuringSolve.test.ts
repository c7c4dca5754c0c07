// Restore while the project is in use, with real processes: `slotwise restore` refuses while a
// `slotwise solve` runs on the project (the solve's result is then stored and kept), and succeeds
// once the solve has ended. A command that opens the project while a restore holds it refuses
// with a clear message instead of reading a file being replaced.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getActiveTimetable, listTimetables, openProject } from '../../src/main/db/index.ts';
import { lockExclusive } from '../../src/main/db/projectLock.ts';
import { cliProcesses } from './cliProcesses.ts';
import { comp01, tempProject, until, type TempProject } from './harness.ts';

const cli = cliProcesses();
let project: TempProject | null = null;
afterEach(() => project?.cleanup());

function timetables(path: string): number {
  const db = openProject(path, { readonly: true });
  try {
    return listTimetables(db).length;
  } finally {
    db.close();
  }
}

describe('restore while the project is in use', () => {
  it('refuses during a solve; the solve stores its result; restore works afterwards', async () => {
    project = tempProject(comp01());
    project.db.close();
    const path = project.path;
    const backup = cli(['backup', '--db', path, '--json']);
    expect(await backup.exited, backup.stderr()).toBe(0);
    const backupFile = (JSON.parse(backup.stdout()) as { backup: string }).backup;

    // Long enough to outlast the start of a second command on a busy machine.
    const solve = cli(['solve', '--db', path, '--time-limit', '25', '--no-mip', '--workers', '1']);
    await until(() => /attempt 1|started/i.test(solve.stderr()), 20_000, 'the solve to start');

    const refused = cli(['restore', '--db', path, '--from', backupFile]);
    let solveDone = false;
    void solve.exited.then(() => (solveDone = true));
    expect(await refused.exited, refused.stdout()).toBe(1);
    expect(solveDone, 'the restore ran after the solve had ended').toBe(false);
    expect(refused.stderr()).toMatch(/in use by Slotwise.*not changed/s);
    expect(refused.stderr()).not.toMatch(/\n\s+at /);

    expect(await solve.exited, solve.stderr()).toBe(0);
    expect(solve.stdout()).toMatch(/Stored as timetable 1 \(active\)/);
    const db = openProject(path, { readonly: true });
    expect(getActiveTimetable(db)?.summary.id).toBe(1);
    db.close();

    const restored = cli(['restore', '--db', path, '--from', backupFile]);
    expect(await restored.exited, restored.stderr()).toBe(0);
    expect(timetables(path)).toBe(0);
  }, 120_000);

  it('a command started during a restore waits, then refuses clearly, leaving no file changed', async () => {
    project = tempProject(comp01());
    project.db.close();
    const path = project.path;
    const before = readFileSync(path);
    const lock = lockExclusive(path);
    expect(lock).not.toBeNull();
    try {
      const check = cli(['check', '--db', path]);
      const solve = cli(['solve', '--db', path, '--time-limit', '1']);
      expect(await check.exited).toBe(2);
      expect(await solve.exited).toBe(1);
      for (const c of [check, solve]) {
        expect(c.stderr()).toMatch(/being restored from a backup.*try again/s);
        expect(c.stderr()).not.toMatch(/\n\s+at /);
      }
    } finally {
      lock?.release();
    }
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(join(project.dir, 'project.slotwise-wal'))).toBe(false);
  }, 60_000);
});
