// Damaged project files against every command that opens one: each is refused with a clear
// message (no stack trace, the right exit code), the file is left byte for byte as it was, and no
// -wal/-shm/-lock file is left beside it. `restore --from` refuses the same files.
import Sqlite from 'better-sqlite3';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { APPLICATION_ID, openProject, saveCollege } from '../../src/main/db/index.ts';
import { richCollege } from '../../src/main/db/testing/richCollege.ts';
import { captureCli } from '../fixtures/cliCapture.ts';

const cli = captureCli('slotwise-damaged-');

function goodProject(path: string): void {
  const db = openProject(path);
  saveCollege(db, richCollege());
  db.close();
}

function patchByte(path: string, offset: number, value: number): void {
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.from([value]), 0, 1, offset);
  closeSync(fd);
}

/** Each damage, applied to a fresh good project at `path` (or making `path` from scratch). */
const DAMAGES: Record<string, (path: string) => void> = {
  'a missing table': (path) => {
    goodProject(path);
    const db = new Sqlite(path);
    db.exec('DROP TABLE courses');
    db.close();
  },
  'a broken JSON cell': (path) => {
    goodProject(path);
    const db = new Sqlite(path);
    db.prepare('UPDATE courses SET faculty = \'["F1", \' WHERE idx = (SELECT min(idx) FROM courses)').run();
    db.close();
  },
  'a read-only header byte': (path) => {
    goodProject(path);
    patchByte(path, 18, 3); // file format write version 3: SQLite opens it read-only
  },
  'schema version -1': (path) => {
    goodProject(path);
    const db = new Sqlite(path);
    db.pragma('user_version = -1');
    db.close();
  },
  'the Slotwise id without tables': (path) => {
    const db = new Sqlite(path);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.close();
  },
  // Found by the fuzz campaign: rows edited outside Slotwise that point at rows the file does not hold.
  'a checkpoint of a missing job': (path) => {
    goodProject(path);
    const db = new Sqlite(path);
    db.pragma('foreign_keys = OFF');
    db.exec(
      "INSERT INTO checkpoints (job_id, stage, timetable, created_at) VALUES (999, 'search', '{}', 'now')",
    );
    db.close();
  },
  'a folder': (path) => {
    mkdirSync(path);
  },
  'the last byte cut off': (path) => {
    goodProject(path);
    truncateSync(path, statSync(path).size - 1);
  },
};

function snapshot(path: string): Buffer | 'folder' {
  return statSync(path).isDirectory() ? 'folder' : readFileSync(path);
}

/** Files beside the project (a -lock file from when it was still good may be there). */
function beside(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.startsWith('project.slotwise') && f !== 'project.slotwise');
}

function commandsFor(path: string, dir: string): Record<string, { args: string[]; exit: number[] }> {
  return {
    check: { args: ['check', '--db', path], exit: [2] },
    export: { args: ['export', '--db', path, '--format', 'csv', '--out', join(dir, 'out.csv')], exit: [2] },
    solve: { args: ['solve', '--db', path, '--time-limit', '1'], exit: [1] },
    import: { args: ['import', join(dir, 'college.ctt'), '--db', path], exit: [1] },
    backup: { args: ['backup', '--db', path], exit: [1] },
  };
}

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

describe('damaged project files', () => {
  for (const [damage, make] of Object.entries(DAMAGES)) {
    it(`${damage}: every command refuses it cleanly and leaves it untouched`, async () => {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(cli.dir, 'college.ctt'), CTT);
      const path = join(cli.dir, 'project.slotwise');
      make(path);
      const before = snapshot(path);
      const besideBefore = beside(cli.dir);
      for (const [name, { args, exit }] of Object.entries(commandsFor(path, cli.dir))) {
        cli.out = [];
        cli.err = [];
        const code = await main(args);
        const said = cli.err.join('\n');
        expect(exit, `${name}: exit ${code}: ${said}`).toContain(code);
        expect(said, name).toMatch(/project\.slotwise/);
        expect(said, name).not.toMatch(/\n\s+at /);
        expect(said, name).not.toMatch(/defect|TypeError|SyntaxError|SqliteError/);
        const after = snapshot(path);
        if (before === 'folder') expect(after, name).toBe('folder');
        else expect((after as Buffer).equals(before), `${name} changed the file`).toBe(true);
        expect(beside(cli.dir), `${name} left files beside it`).toEqual(besideBefore);
      }
    });

    it(`${damage}: restore --from refuses it and keeps the current project`, async () => {
      const project = join(cli.dir, 'good.slotwise');
      goodProject(project);
      const good = readFileSync(project);
      const bad = join(cli.dir, 'bad.slotwise');
      make(bad);
      const code = await main(['restore', '--db', project, '--from', bad]);
      const said = cli.err.join('\n');
      expect(code, said).toBe(1);
      expect(said).toMatch(/cannot be restored.*not changed/s);
      expect(said).not.toMatch(/\n\s+at /);
      expect(readFileSync(project).equals(good)).toBe(true);
    });
  }
});
