import Sqlite from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupProject, listBackups } from './backups.ts';
import { collegeCounts, loadCollege, saveCollege } from './collegeRepo.ts';
import { openProject } from './connection.ts';
import { restoreProject, RestoreError } from './restoreProject.ts';
import { richCollege } from './testing/richCollege.ts';
import { useTempDir } from './testing/tempDir.ts';

const tmp = useTempDir();

/** A project with the rich college, backed up, then changed (one room renamed, rooms cut to one). */
async function projectWithBackup(): Promise<{
  path: string;
  backup: string;
  original: ReturnType<typeof richCollege>;
}> {
  const path = join(tmp(), 'college.slotwise');
  const original = richCollege();
  const db = openProject(path);
  saveCollege(db, original);
  const backup = await backupProject(db);
  const kept = original.rooms[0].id;
  saveCollege(db, {
    ...original,
    rooms: [{ ...original.rooms[0], name: 'Renamed hall' }],
    // Courses and fixed sessions keep naming only the room that is left (a project holds together).
    courses: original.courses.map((c) => ({ ...c, rooms: c.rooms.filter((r) => r === kept) })),
    fixed: original.fixed.map((f) =>
      f.roomId === undefined || f.roomId === kept ? f : { ...f, roomId: kept },
    ),
  });
  db.close();
  return { path, backup, original };
}

async function refusal(promise: Promise<unknown>): Promise<RestoreError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof RestoreError) return err;
    throw err;
  }
  throw new Error('expected the restore to be refused');
}

describe('restoreProject', () => {
  it('brings back the backed-up content and keeps a copy of the replaced file', async () => {
    const { path, backup, original } = await projectWithBackup();
    const result = await restoreProject(path, backup);

    const db = openProject(path, { create: false });
    expect(loadCollege(db)).toEqual(original);
    db.close();
    expect(result.previousBackup).not.toBeNull();
    const previous = openProject(result.previousBackup!, { readonly: true });
    expect(loadCollege(previous)?.rooms.map((r) => r.name)).toEqual(['Renamed hall']);
    previous.close();
    expect(listBackups(path)).toContain(result.previousBackup);
  });

  it('refuses a file that is not SQLite and leaves the project untouched', async () => {
    const { path } = await projectWithBackup();
    const bogus = join(tmp(), 'notes.slotwise');
    writeFileSync(bogus, 'this is a text file, not a project\n'.repeat(10));
    const before = readFileSync(path);
    const backupsBefore = listBackups(path);

    const err = await refusal(restoreProject(path, bogus));
    expect(err.message).toMatch(/not a Slotwise project.*not changed/s);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(listBackups(path)).toEqual(backupsBefore);
  });

  it("refuses another program's SQLite database", async () => {
    const { path } = await projectWithBackup();
    const foreign = join(tmp(), 'other.db');
    const other = new Sqlite(foreign);
    other.exec(
      'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (1);',
    );
    other.close();
    const before = readFileSync(path);

    const err = await refusal(restoreProject(path, foreign));
    expect(err.message).toMatch(/another program/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a damaged backup', async () => {
    const { path, backup } = await projectWithBackup();
    const bytes = readFileSync(backup);
    bytes.fill(0x5a, 4096, Math.min(bytes.length, 4096 * 3)); // overwrite pages after the header
    writeFileSync(backup, bytes);
    const before = readFileSync(path);

    const err = await refusal(restoreProject(path, backup));
    expect(err.message).toMatch(/cannot be restored/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  // Found by the fuzz campaign: a backup edited outside Slotwise whose rows dangle opened fine, so
  // restore replaced a good project with one that every later command refused.
  it.each([
    {
      damage: 'an assignment of a timetable it does not hold',
      sql: "INSERT INTO assignments (timetable_id, course_id, session, pos) VALUES (99, 'X', 0, 0)",
      says: /table "assignments", a row: it points at a "timetables" row the file does not hold/,
    },
    {
      damage: 'a checkpoint of a job it does not hold',
      sql: "INSERT INTO checkpoints (job_id, stage, timetable, created_at) VALUES (7, 'search', '{}', 'now')",
      says: /table "checkpoints", row 1: it points at a "jobs" row/,
    },
    {
      damage: 'courses naming rooms it does not hold',
      sql: 'DELETE FROM rooms',
      says: /names room "/,
    },
  ])('refuses a backup with $damage and leaves the project untouched', async ({ sql, says }) => {
    const { path, backup } = await projectWithBackup();
    const raw = new Sqlite(backup);
    raw.pragma('foreign_keys = OFF');
    raw.exec(sql);
    raw.close();
    const before = readFileSync(path);
    const backupsBefore = listBackups(path);

    const err = await refusal(restoreProject(path, backup));
    expect(err.message).toMatch(/cannot be restored/);
    expect(err.message).toMatch(says);
    expect(err.message).toMatch(/not changed/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(listBackups(path)).toEqual(backupsBefore);
  });

  it('restores over a damaged project, keeping the damaged bytes as a backup', async () => {
    const { path, backup, original } = await projectWithBackup();
    const damaged = Buffer.from('garbage'.repeat(100));
    writeFileSync(path, damaged);

    const result = await restoreProject(path, backup);
    expect(readFileSync(result.previousBackup!).equals(damaged)).toBe(true);
    const db = openProject(path, { create: false });
    expect(loadCollege(db)).toEqual(original);
    db.close();
  });

  it('refuses while another connection holds the project open', async () => {
    const { path, backup } = await projectWithBackup();
    const holder = openProject(path, { create: false });
    const current = loadCollege(holder)!;
    saveCollege(holder, current); // leaves pages in the write-ahead log
    holder.prepare('BEGIN').run();
    expect(collegeCounts(holder).rooms).toBe(1); // an open read transaction pins the log
    try {
      const err = await refusal(restoreProject(path, backup));
      expect(err.message).toMatch(/in use/);
    } finally {
      holder.prepare('COMMIT').run();
      holder.close();
    }
    const db = openProject(path, { create: false });
    expect(loadCollege(db)?.rooms.map((r) => r.name)).toEqual(['Renamed hall']);
    db.close();
  });

  it('refuses to restore a file onto itself', async () => {
    const { path } = await projectWithBackup();
    await expect(restoreProject(path, path)).rejects.toThrow(/project file itself/);
  });
});
