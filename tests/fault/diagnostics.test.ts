// The activity log and the diagnostic bundle: commands run through the CLI with SLOTWISE_LOG_DIR
// write JSON lines (imports, exports, command failures, with times); `slotwise diagnose` packs the
// log, versions and the project's integrity report into a .zip that holds ids and counts but none
// of the college's names and no folder paths.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { openProject, saveCollege } from '../../src/main/db/index.ts';
import { richCollege } from '../../src/main/db/testing/richCollege.ts';
import { captureCli } from '../fixtures/cliCapture.ts';

const cli = captureCli('slotwise-diagnose-');
const CTT = `Name: Toy
Courses: 1
Rooms: 1
Days: 2
Periods_per_day: 2
Curricula: 1
Constraints: 0

COURSES:
c1 t1 2 1 10

ROOMS:
r1 20

CURRICULA:
q1 1 c1

UNAVAILABILITY_CONSTRAINTS:

END.
`;

let saved: string | undefined;
beforeEach(() => {
  saved = process.env.SLOTWISE_LOG_DIR;
});
afterEach(() => {
  if (saved === undefined) delete process.env.SLOTWISE_LOG_DIR;
  else process.env.SLOTWISE_LOG_DIR = saved;
});

function bundle(path: string): Record<string, string> {
  const files = unzipSync(readFileSync(path));
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

describe('the activity log and slotwise diagnose', () => {
  it('logs imports, exports and failures, and bundles them with versions and an integrity report', async () => {
    const logs = join(cli.dir, 'logs');
    process.env.SLOTWISE_LOG_DIR = logs;
    const project = join(cli.dir, 'college.slotwise');
    const db = openProject(project);
    saveCollege(db, richCollege());
    db.close();
    writeFileSync(join(cli.dir, 'toy.ctt'), CTT);
    writeFileSync(join(cli.dir, 'broken.ctt'), CTT.replace('Days: 2', 'Days: 99999999999'));

    expect(await main(['import', join(cli.dir, 'broken.ctt'), '--db', join(cli.dir, 'toy.slotwise')])).toBe(
      1,
    );
    expect(await main(['import', join(cli.dir, 'toy.ctt'), '--db', join(cli.dir, 'toy.slotwise')])).toBe(0);
    expect(await main(['export', '--db', project, '--format', 'csv', '--out', join(cli.dir, 'o.csv')])).toBe(
      2,
    );
    const out = join(cli.dir, 'bundle.zip');
    expect(await main(['diagnose', '--db', project, '--out', out])).toBe(0);

    const files = bundle(out);
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'integrity.json',
      'log/slotwise.log',
      'versions.json',
    ]);
    const versions = JSON.parse(files['versions.json']) as Record<string, string>;
    expect(versions).toMatchObject({
      slotwise: '0.1.0',
      node: process.versions.node,
      platform: process.platform,
    });

    const integrity = JSON.parse(files['integrity.json']) as Record<string, unknown>;
    expect(integrity).toMatchObject({
      file: 'college.slotwise',
      opens: true,
      references: 'whole',
      timetables: [],
    });
    expect(integrity.sqliteQuickCheck).toEqual(['ok']);
    expect(
      (integrity.counts as Record<string, number>).Rooms ??
        (integrity.counts as Record<string, number>).rooms,
    ).toBe(richCollege().rooms.length);

    const lines = files['log/slotwise.log']
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.every((l) => typeof l.time === 'string' && l.via === 'cli')).toBe(true);
    const imports = lines.filter((l) => l.event === 'import');
    expect(imports).toMatchObject([
      { ok: false, source: 'broken.ctt', errors: 1, first: { row: 4 } },
      { ok: true, source: 'toy.ctt', counts: { Courses: 1 } },
    ]);
    expect(imports.every((l) => typeof l.ms === 'number')).toBe(true);
    expect(lines.find((l) => l.event === 'command' && l.command === 'export' && l.code === 2)).toMatchObject({
      level: 40,
      error: expect.stringMatching(/no timetable/) as unknown,
    });

    // No names of the college, and no folder paths, anywhere in the bundle.
    const all = Object.values(files).join('\n');
    const c = richCollege();
    for (const name of [
      c.calendar.institution,
      ...c.rooms.map((r) => r.name),
      ...c.faculty.map((f) => f.name),
    ])
      expect(all).not.toContain(name);
    expect(all).not.toContain(cli.dir);
  });

  it('reports a damaged project as refused, by file name only', async () => {
    process.env.SLOTWISE_LOG_DIR = 'off';
    const project = join(cli.dir, 'damaged.slotwise');
    writeFileSync(project, 'SQLite format 3\u0000 but not really');
    const out = join(cli.dir, 'bundle.zip');
    expect(await main(['diagnose', '--db', project, '--out', out])).toBe(0);
    const files = bundle(out);
    expect(Object.keys(files)).not.toContain('log/slotwise.log');
    const integrity = JSON.parse(files['integrity.json']) as Record<string, unknown>;
    expect(integrity).toMatchObject({ file: 'damaged.slotwise', exists: true, opens: false });
    expect(String(integrity.refusal)).toMatch(/damaged\.slotwise/);
    expect(files['integrity.json']).not.toContain(cli.dir);
  });

  it('refuses a bundle name that is not a .zip', async () => {
    expect(await main(['diagnose', '--out', join(cli.dir, 'bundle.txt')])).toBe(1);
    expect(cli.err.join('\n')).toMatch(/must end in \.zip/);
  });
});
