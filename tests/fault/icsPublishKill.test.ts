// kill -9 of an ICS export at each stage of publishing its calendars: before the journal, at the
// first file, midway and at the final rename (the SEQUENCE manifest). The folder never shows a mix
// of old and new calendars without the journal that marks it incomplete; the next export finishes
// or discards the killed one and leaves no hidden staging folder.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportTimetable } from '../../src/main/export/index.ts';
import { JOURNAL_FILE, recoverPublish } from '../../src/main/export/publish.ts';
import { smallCollege } from '../export/smallCollege.ts';
import { exportVersion } from './fixtures/icsVersions.ts';

const CHILD = fileURLToPath(new URL('./fixtures/icsExportChild.ts', import.meta.url));
let tmp = '';
let refA = new Map<string, string>();
let refAB = new Map<string, string>();

async function exportIn(out: string, which: 'A' | 'B'): Promise<void> {
  const v = exportVersion(which);
  await exportTimetable('ics', smallCollege(), v.timetable, { out, generatedAt: v.generatedAt });
}

/** Visible files (relative path -> content) and hidden entries at the top of `out`. */
async function snapshot(out: string): Promise<{ files: Map<string, string>; hidden: string[] }> {
  const files = new Map<string, string>();
  const hidden: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const name of await readdir(dir)) {
      const path = join(dir, name);
      if (name.startsWith('.')) {
        hidden.push(relative(out, path));
        continue;
      }
      if ((await stat(path)).isDirectory()) await walk(path);
      else files.set(relative(out, path), await readFile(path, 'utf8'));
    }
  };
  await walk(out);
  return { files, hidden: hidden.sort() };
}

/** Runs the child exporting B into `out`, kills it with SIGKILL at its k-th rename. */
function exportKilledAt(out: string, k: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, out, 'B', String(k)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      text += d.toString();
      if (text.includes(`paused ${k}`)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' && text.includes(`paused ${k}`)) resolve();
      else reject(new Error(`the export was not stopped at rename ${k}: ${text} ${err}`));
    });
  });
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'slotwise-publish-kill-'));
  await exportIn(join(tmp, 'refA'), 'A');
  await exportIn(join(tmp, 'refAB'), 'A');
  await exportIn(join(tmp, 'refAB'), 'B');
  refA = (await snapshot(join(tmp, 'refA'))).files;
  refAB = (await snapshot(join(tmp, 'refAB'))).files;
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('an ICS export killed while publishing', () => {
  it('the two versions differ in every file (so a mix would show)', () => {
    expect([...refA.keys()].sort()).toEqual([...refAB.keys()].sort());
    expect(refA.size).toBe(13);
    for (const [file, text] of refA) expect(refAB.get(file), file).not.toBe(text);
  });

  // Rename 1 puts the journal in place; 2..14 move the 13 files, the manifest last.
  it.each([
    [1, 'before the journal'],
    [2, 'at the first calendar'],
    [8, 'midway'],
    [14, 'at the final rename (the SEQUENCE manifest)'],
  ])(
    'killed at rename %i (%s): old files or a marked folder; the next export ends clean',
    async (k) => {
      const out = join(tmp, `out-${k}`);
      await exportIn(out, 'A');
      await exportKilledAt(out, k);

      const killed = await snapshot(out);
      expect(killed.hidden.some((h) => h.startsWith('.slotwise-staging.'))).toBe(true);
      if (killed.hidden.includes(JOURNAL_FILE)) {
        // Marked incomplete; finishing it gives exactly the new version, nothing of the old.
        expect(k).toBeGreaterThan(1);
        const report = await recoverPublish(out);
        expect(report.completed).toBe(14 - k + 1);
        const done = await snapshot(out);
        expect(done.hidden).toEqual([]);
        expect(done.files).toEqual(refAB);
      } else {
        expect(k).toBe(1);
        expect(killed.files).toEqual(refA);
      }

      // The next export, as a user would run it, gives what an uninterrupted A then B gives.
      await exportIn(out, 'B');
      const after = await snapshot(out);
      expect(after.hidden).toEqual([]);
      expect(after.files).toEqual(refAB);
    },
    60_000,
  );

  it("each export removes staging folders of dead exports, and keeps a running one's", async () => {
    const out = join(tmp, 'out-stale');
    await exportIn(out, 'A');
    for (let i = 0; i < 3; i++) await exportKilledAt(out, 1);
    // Each killed export cleaned up after the one before it: the last one's staging folder and
    // unrenamed journal are left.
    const stale = (await snapshot(out)).hidden;
    expect(stale).toHaveLength(2);
    expect(stale.filter((h) => h.startsWith('.slotwise-staging.'))).toHaveLength(1);
    expect(stale.filter((h) => h.startsWith(`${JOURNAL_FILE}.`))).toHaveLength(1);
    // A staging folder of a process that is still running (this one), and one of that pid left a
    // day ago (the pid reused since), as older versions of Slotwise left them.
    const running = join(out, `.slotwise-staging.${process.pid}.0000live`);
    const ancient = join(out, `.slotwise-staging.${process.pid}.00000old`);
    for (const dir of [running, ancient]) {
      await mkdir(join(dir, 'groups'), { recursive: true });
      await writeFile(join(dir, 'groups', 'X.ics'), 'partial');
    }
    const dayAgo = new Date(Date.now() - 25 * 3600_000);
    await utimes(ancient, dayAgo, dayAgo);
    await exportIn(out, 'B');
    const after = await snapshot(out);
    expect(after.hidden).toEqual([relative(out, running)]);
    expect(after.files).toEqual(refAB);
    await rm(running, { recursive: true });
  }, 60_000);
});
