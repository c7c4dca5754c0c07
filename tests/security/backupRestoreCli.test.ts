// `slotwise backup` then `slotwise restore` on real project files, through the CLI entry point.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { KEEP_BACKUPS, listBackups, loadCollege, openProject, saveCollege } from '../../src/main/db/index.ts';
import { richCollege } from '../../src/main/db/testing/richCollege.ts';
import { captureCli } from '../fixtures/cliCapture.ts';

const cli = captureCli('slotwise-cli-backup-');

function roomNames(path: string): string[] {
  const db = openProject(path, { readonly: true });
  try {
    return loadCollege(db)?.rooms.map((r) => r.name) ?? [];
  } finally {
    db.close();
  }
}

function rename(path: string, name: string): void {
  const db = openProject(path);
  const college = loadCollege(db)!;
  saveCollege(db, { ...college, rooms: college.rooms.map((r, i) => (i === 0 ? { ...r, name } : r)) });
  db.close();
}

describe('slotwise backup / restore', () => {
  it('backup -> modify -> restore gives the old content back', async () => {
    const project = join(cli.dir, 'college.slotwise');
    const db = openProject(project);
    saveCollege(db, richCollege());
    db.close();
    const original = roomNames(project);

    expect(await main(['backup', '--db', project, '--json'])).toBe(0);
    const { backup } = JSON.parse(cli.out.join('\n')) as { backup: string };
    rename(project, 'Changed after backup');
    expect(roomNames(project)[0]).toBe('Changed after backup');

    cli.out = [];
    expect(await main(['restore', '--db', project, '--from', backup])).toBe(0);
    expect(cli.err).toEqual([]);
    expect(cli.out.join('\n')).toMatch(/Restored .*college\.slotwise/);
    expect(roomNames(project)).toEqual(original);
    // the replaced state is itself a backup now
    const replaced = listBackups(project).filter((b) => b !== backup);
    expect(replaced).toHaveLength(1);
    expect(roomNames(replaced[0])[0]).toBe('Changed after backup');
  });

  it(`keeps only the newest ${KEEP_BACKUPS} backups in --out`, async () => {
    const project = join(cli.dir, 'college.slotwise');
    openProject(project).close();
    const folder = join(cli.dir, 'copies');
    for (let i = 0; i < KEEP_BACKUPS + 2; i++)
      expect(await main(['backup', '--db', project, '--out', folder])).toBe(0);
    expect(listBackups(project, folder)).toHaveLength(KEEP_BACKUPS);
  });

  it('refuses a foreign backup with a clear message and leaves the project untouched', async () => {
    const project = join(cli.dir, 'college.slotwise');
    const db = openProject(project);
    saveCollege(db, richCollege());
    db.close();
    const before = readFileSync(project);
    const foreign = join(cli.dir, 'spreadsheet.slotwise');
    writeFileSync(foreign, 'Name,Capacity\nHall,120\n');

    expect(await main(['restore', '--db', project, '--from', foreign])).toBe(1);
    expect(cli.err.join('\n')).toMatch(/cannot be restored.*not a Slotwise project.*not changed/s);
    expect(readFileSync(project).equals(before)).toBe(true);
    expect(listBackups(project)).toEqual([]);
  });

  it('backup of a missing or foreign project fails with exit code 1', async () => {
    expect(await main(['backup', '--db', join(cli.dir, 'none.slotwise')])).toBe(1);
    const foreign = join(cli.dir, 'text.slotwise');
    writeFileSync(foreign, 'x'.repeat(200));
    expect(await main(['backup', '--db', foreign])).toBe(1);
    expect(cli.err.join('\n')).toMatch(/not a Slotwise project/);
  });
});
