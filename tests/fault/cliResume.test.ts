// The real `slotwise solve` CLI killed mid-job and started again with --resume: the job continues
// from its last checkpoint (not from scratch), finishes with hard = 0, and the project file passes
// `PRAGMA integrity_check`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { getActiveTimetable, latestCheckpoint, listJobs, openProject } from '../../src/main/db/index.ts';
import { parseCtt } from '../../src/shared/itc/index.ts';
import { alive, tempProject, until, type TempProject } from './harness.ts';
import { join } from 'node:path';
import { ITC_DIR } from '../fixtures/dataDir.ts';

const BIN = fileURLToPath(new URL('../../bin/slotwise.js', import.meta.url));
const COMP01 = join(ITC_DIR, 'comp01.ctt');

let project: TempProject | null = null;
const pids: number[] = [];
afterEach(() => {
  for (const pid of pids.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
  project?.cleanup();
});

function cli(args: string[]): { pid: number; stderr: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (c: string) => (err += c));
  pids.push(child.pid ?? 0);
  return {
    pid: child.pid ?? 0,
    stderr: () => err,
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
  };
}

describe('slotwise solve killed and resumed', () => {
  it('resumes from the checkpoint and finishes feasible', async () => {
    const college = parseCtt(readFileSync(COMP01, 'utf8'), 'comp01.ctt');
    project = tempProject(college);
    project.db.close();
    const path = project.path;

    const first = cli(['solve', '--db', path, '--time-limit', '30', '--no-mip']);
    const peek = (): ReturnType<typeof latestCheckpoint> => {
      const db = openProject(path, { readonly: true });
      try {
        const job = listJobs(db, {})[0];
        return job ? latestCheckpoint(db, job.id) : null;
      } finally {
        db.close();
      }
    };
    await until(
      () => peek() !== null && first.stderr().includes(' search '),
      25_000,
      'a checkpoint in search',
    );
    process.kill(first.pid, 'SIGKILL');
    await first.exited;

    const second = cli(['solve', '--db', path, '--resume']);
    expect(await second.exited).toBe(0);
    expect(second.stderr()).toMatch(/resuming from \w+ checkpoint/);

    const db = openProject(path, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const active = getActiveTimetable(db);
      expect(active?.summary.hardTotal).toBe(0);
      expect(listJobs(db, {}).map((j) => j.status)).toEqual(['finished']);
    } finally {
      db.close();
    }
  }, 90_000);
});
