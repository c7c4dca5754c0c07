// A project whose rows were deleted or changed outside Slotwise (found by the project-file fuzzing:
// rooms deleted while courses still name them). Before, it opened, `solve` retried five times and
// failed on "compile: unknown id"; now every command that reads the college says the file is
// damaged and what to do, without a stack trace, and a re-import repairs it.
import Sqlite from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import {
  addTimetable,
  loadCollege,
  openProject,
  ProjectFileError,
  saveCollege,
} from '../../src/main/db/index.ts';
import { richCollege } from '../../src/main/db/testing/richCollege.ts';
import { smallCollege, smallTimetable } from '../export/smallCollege.ts';
import { captureCli } from '../fixtures/cliCapture.ts';

const cli = captureCli('slotwise-dangling-');

const DAMAGES: Record<string, { sql: string; says: RegExp }> = {
  'rooms deleted': { sql: 'DELETE FROM rooms', says: /names room "/ },
  'faculty deleted': { sql: 'DELETE FROM faculty', says: /names faculty member "/ },
  'a group renamed': { sql: "UPDATE student_groups SET id = id || '-x'", says: /names (group|parent) "/ },
  // JSON that parses but is not a slot list (found by the project-file fuzzing).
  'a slot list of numbers': {
    sql: "UPDATE courses SET unavailable = '[1,2]'",
    says: /courses\.0\.unavailable\.0 does not hold what Slotwise wrote/,
  },
};

function damagedProject(path: string, sql: string): void {
  const db = openProject(path);
  saveCollege(db, richCollege());
  db.close();
  const raw = new Sqlite(path);
  raw.exec(sql);
  raw.close();
}

describe('a project whose rows no longer hold together', () => {
  for (const [damage, { sql, says }] of Object.entries(DAMAGES)) {
    it(`${damage}: loading refuses it, naming what is missing`, () => {
      const path = join(cli.dir, `${damage.replace(/ /g, '-')}.slotwise`);
      damagedProject(path, sql);
      const db = openProject(path, { create: false });
      try {
        expect(() => loadCollege(db)).toThrow(ProjectFileError);
        expect(() => loadCollege(db)).toThrow(says);
      } finally {
        db.close();
      }
    });
  }

  // A rule item `course_id#k` names session k of a course (WORKBOOK.md, Rules): it is not a
  // dangling course id, but a session beyond the course's count is.
  it('a rule naming single sessions loads; a session the course does not have is refused', () => {
    const path = join(cli.dir, 'sessions.slotwise');
    const college = richCollege();
    college.rules.push({
      kind: 'min_days_apart',
      courses: ['OE1#1', 'OE1#2'],
      hard: true,
      weight: 0,
      value: 1,
    });
    const db = openProject(path);
    try {
      saveCollege(db, college);
    } finally {
      db.close();
    }
    const again = openProject(path, { create: false });
    try {
      expect(loadCollege(again)?.rules.at(-1)?.courses).toEqual(['OE1#1', 'OE1#2']);
    } finally {
      again.close();
    }
    const raw = new Sqlite(path);
    raw.exec(`UPDATE rules SET courses = replace(courses, 'OE1#2', 'OE1#9')`);
    raw.close();
    const damaged = openProject(path, { create: false });
    try {
      expect(() => loadCollege(damaged)).toThrow(/names session 9 of course "OE1" \(it has \d+\)/);
    } finally {
      damaged.close();
    }
  });

  it('solve and check say it is damaged, without a stack trace, and leave the file untouched', async () => {
    const path = join(cli.dir, 'project.slotwise');
    damagedProject(path, DAMAGES['rooms deleted'].sql);
    const before = readFileSync(path);
    for (const args of [
      ['solve', '--db', path, '--time-limit', '1'],
      ['check', '--db', path],
    ]) {
      cli.err = [];
      const code = await main(args);
      const said = cli.err.join('\n');
      expect(code, said).toBeGreaterThan(0);
      expect(said).toMatch(/is damaged: course "[^"]+" names room "/);
      expect(said).not.toMatch(/\bat .*\.ts:\d+/);
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('restore --from refuses a backup whose rows dangle and keeps the good project', async () => {
    const good = join(cli.dir, 'good.slotwise');
    const db = openProject(good);
    saveCollege(db, richCollege());
    db.close();
    const before = readFileSync(good);
    const backup = join(cli.dir, 'dangling.slotwise');
    damagedProject(backup, DAMAGES['rooms deleted'].sql);

    const code = await main(['restore', '--db', good, '--from', backup]);
    const said = cli.err.join('\n');
    expect(code, said).toBe(1);
    expect(said).toMatch(/cannot be restored: .*names room ".*not changed/s);
    expect(said).not.toMatch(/\bat .*\.ts:\d+/);
    expect(readFileSync(good).equals(before)).toBe(true);
  });

  // Found by the fuzz campaign: with the rooms deleted, a college whose courses name no room still
  // loads, but its active timetable places sessions in those rooms; check and export said "unknown
  // room" without naming the project file or saying it is damaged.
  it('a timetable that no longer fits its own college: check and export say the file is damaged', async () => {
    const path = join(cli.dir, 'project.slotwise');
    const db = openProject(path);
    saveCollege(db, smallCollege());
    const zero = { hardTotal: 0, softTotal: 0, hard: {}, soft: {} } as never;
    addTimetable(db, { name: 'T1', kind: 'manual', timetable: smallTimetable(), evaluation: zero });
    db.close();
    const raw = new Sqlite(path);
    raw.exec('DELETE FROM rooms');
    raw.close();
    const before = readFileSync(path);
    for (const args of [
      ['check', '--db', path],
      ['check', '--db', path, '--json'],
      ['export', '--db', path, '--format', 'ics', '--out', join(cli.dir, 'ics')],
    ]) {
      cli.err = [];
      const code = await main(args);
      const said = cli.err.join('\n');
      expect(code, said).toBe(2);
      expect(said).toMatch(
        /project\.slotwise is damaged: timetable 1 "T1" does not fit .*unknown room "R\d+"/,
      );
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
