import Sqlite from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID } from './connection.ts';
import { createJob, getJob, recordProgress } from './jobsRepo.ts';
import { latestCheckpoint, saveCheckpoint } from './checkpointsRepo.ts';
import { getSchemaVersion, migrate } from './migrate.ts';
import { LATEST_VERSION, migrations, type Migration } from './migrations/index.ts';
import { useTempDir } from './testing/tempDir.ts';
import { addTimetable, getTimetable, listTimetables } from './timetablesRepo.ts';

const tmp = useTempDir();

/** Per schema version: put data in that the version's tables hold, and check it is still there. */
const fixtures: Record<number, { fill(db: Database): void; check(db: Database): void }> = {
  // Raw rows in version 1's columns: the college repository writes the latest columns only.
  1: {
    fill: (db) => {
      db.exec(`INSERT INTO faculty (id, name, department, max_per_day, max_gaps_per_day, unavailable)
               VALUES ('F1', 'A. Rao', 'CSE', 4, 0, '[{"day":0,"period":1}]')`);
      db.exec(`INSERT INTO student_groups (id, name, size, parent, min_per_day, max_gaps_per_day)
               VALUES ('G1', 'CSE 2A', 60, NULL, 2, 1)`);
    },
    check: (db) => {
      expect(db.prepare('SELECT id, max_per_day, max_gaps_per_day, unavailable FROM faculty').all()).toEqual([
        { id: 'F1', max_per_day: 4, max_gaps_per_day: 0, unavailable: '[{"day":0,"period":1}]' },
      ]);
      expect(db.prepare('SELECT id, size, min_per_day, max_gaps_per_day FROM student_groups').all()).toEqual([
        { id: 'G1', size: 60, min_per_day: 2, max_gaps_per_day: 1 },
      ]);
    },
  },
  2: {
    fill: (db) => {
      const job = createJob(db, { kind: 'solve', options: { timeLimitMs: 1000 }, seed: 7 });
      recordProgress(db, job, { stage: 'search', percent: 40 });
      saveCheckpoint(db, { jobId: job, stage: 'mip', timetable: { assignments: [] }, hardTotal: 3 });
    },
    check: (db) => {
      expect(getJob(db, 1)).toMatchObject({ kind: 'solve', seed: 7, options: { timeLimitMs: 1000 } });
      expect(latestCheckpoint(db, 1)).toMatchObject({ stage: 'mip', hardTotal: 3 });
    },
  },
  3: {
    fill: (db) => {
      addTimetable(db, {
        name: 'v1',
        kind: 'solution',
        jobId: 1,
        timetable: {
          assignments: [{ courseId: 'CS201', session: 1, day: 0, period: 1, roomId: 'LH-1', locked: true }],
        },
        evaluation: { hardTotal: 0, softTotal: 4, hard: {} as never, soft: {} as never },
      });
    },
    check: (db) => {
      expect(listTimetables(db).map((t) => t.name)).toEqual(['v1']);
      expect(getTimetable(db, 1)?.timetable.assignments[0]).toMatchObject({
        courseId: 'CS201',
        locked: true,
      });
    },
  },
  4: {
    fill: (db) => {
      db.exec("UPDATE faculty SET max_gaps_per_week = 3, min_per_day = 2, min_days = 3 WHERE id = 'F1'");
      db.exec("UPDATE student_groups SET max_gaps_per_week = 4 WHERE id = 'G1'");
    },
    check: (db) => {
      expect(db.prepare('SELECT max_gaps_per_week, min_per_day, min_days FROM faculty').all()).toEqual([
        { max_gaps_per_week: 3, min_per_day: 2, min_days: 3 },
      ]);
      expect(db.prepare('SELECT max_gaps_per_week FROM student_groups').all()).toEqual([
        { max_gaps_per_week: 4 },
      ]);
    },
  },
  5: {
    fill: (db) => {
      db.exec("UPDATE faculty SET max_continuous = 3 WHERE id = 'F1'");
      db.exec("UPDATE student_groups SET max_continuous = 4 WHERE id = 'G1'");
    },
    check: (db) => {
      expect(db.prepare('SELECT max_continuous, max_gaps_per_week FROM faculty').all()).toEqual([
        { max_continuous: 3, max_gaps_per_week: 3 },
      ]);
      expect(db.prepare('SELECT max_continuous FROM student_groups').all()).toEqual([{ max_continuous: 4 }]);
    },
  },
  6: {
    fill: (db) => db.exec("UPDATE student_groups SET max_late_starts = 0 WHERE id = 'G1'"),
    check: (db) => {
      expect(db.prepare('SELECT max_late_starts, max_continuous FROM student_groups').all()).toEqual([
        { max_late_starts: 0, max_continuous: 4 },
      ]);
    },
  },
  7: {
    fill: (db) => {
      db.exec("UPDATE faculty SET max_span = 5 WHERE id = 'F1'");
      db.exec("UPDATE student_groups SET max_span = 6 WHERE id = 'G1'");
    },
    check: (db) => {
      expect(db.prepare('SELECT max_span, max_continuous FROM faculty').all()).toEqual([
        { max_span: 5, max_continuous: 3 },
      ]);
      expect(db.prepare('SELECT max_span, max_late_starts FROM student_groups').all()).toEqual([
        { max_span: 6, max_late_starts: 0 },
      ]);
    },
  },
  8: {
    fill: (db) => {
      db.exec("UPDATE faculty SET min_rest = 4 WHERE id = 'F1'");
      db.exec("UPDATE student_groups SET min_rest = 3 WHERE id = 'G1'");
    },
    check: (db) => {
      expect(db.prepare('SELECT min_rest, max_span FROM faculty').all()).toEqual([
        { min_rest: 4, max_span: 5 },
      ]);
      expect(db.prepare('SELECT min_rest, max_span FROM student_groups').all()).toEqual([
        { min_rest: 3, max_span: 6 },
      ]);
    },
  },
  9: {
    fill: (db) => {
      db.exec(`INSERT INTO courses (id, name, department, sessions, length, room_type, unavailable)
               VALUES ('C1', 'Maths', 'MA', 3, 1, 'lecture', '[{"day":4,"period":2}]')`);
      db.exec(`INSERT INTO courses (id, name, department, sessions, length, room_type, unavailable, starts)
               VALUES ('C2', 'Lab', 'CS', 1, 2, 'lab', '[]', '[{"day":1,"period":0}]')`);
    },
    check: (db) => {
      expect(db.prepare('SELECT id, starts, unavailable FROM courses ORDER BY id').all()).toEqual([
        { id: 'C1', starts: null, unavailable: '[{"day":4,"period":2}]' },
        { id: 'C2', starts: '[{"day":1,"period":0}]', unavailable: '[]' },
      ]);
    },
  },
  10: {
    fill: (db) => {
      db.exec(`INSERT INTO rules (kind, courses, hard, weight, value)
               VALUES ('consecutive', '["C1","C2"]', 1, 1, NULL)`);
      db.exec(`INSERT INTO rules (kind, courses, hard, weight, value, slots)
               VALUES ('max_slots', '["C1"]', 1, 1, 2, '[{"day":0,"period":1}]')`);
    },
    check: (db) => {
      expect(db.prepare('SELECT kind, slots, courses FROM rules ORDER BY idx').all()).toEqual([
        { kind: 'consecutive', slots: null, courses: '["C1","C2"]' },
        { kind: 'max_slots', slots: '[{"day":0,"period":1}]', courses: '["C1"]' },
      ]);
    },
  },
  11: {
    fill: (db) => {
      db.exec(`UPDATE faculty SET max_building_changes_day = 1, max_building_changes_week = 3,
               min_gaps_between_building_changes = 2 WHERE id = 'F1'`);
      db.exec("UPDATE student_groups SET max_building_changes_day = 0 WHERE id = 'G1'");
    },
    check: (db) => {
      expect(
        db
          .prepare(
            'SELECT max_building_changes_day AS d, max_building_changes_week AS w, min_gaps_between_building_changes AS g, min_rest FROM faculty',
          )
          .all(),
      ).toEqual([{ d: 1, w: 3, g: 2, min_rest: 4 }]);
      expect(
        db
          .prepare(
            'SELECT max_building_changes_day AS d, max_building_changes_week AS w, min_gaps_between_building_changes AS g, min_rest FROM student_groups',
          )
          .all(),
      ).toEqual([{ d: 0, w: null, g: null, min_rest: 3 }]);
    },
  },
  12: {
    fill: (db) => {
      // The column alone (the kind reading it, not_overlapping_parts, is the model's business).
      db.exec(`UPDATE rules SET parts = '[0,1]' WHERE kind = 'consecutive'`);
    },
    check: (db) => {
      // The other rule keeps no parts.
      expect(db.prepare('SELECT kind, parts FROM rules ORDER BY idx').all()).toEqual([
        { kind: 'consecutive', parts: '[0,1]' },
        { kind: 'max_slots', parts: null },
      ]);
    },
  },
};

function rawProject(file: string): Database {
  const db = new Sqlite(file);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  return db;
}

describe('migrations', () => {
  it('are numbered 1..N in order, and every version has test data', () => {
    migrations.forEach((m, i) => expect(m.version).toBe(i + 1));
    for (let v = 1; v <= LATEST_VERSION; v++) expect(fixtures[v], `fixture for migration ${v}`).toBeDefined();
  });

  it('take a fresh database to the latest version, and running again changes nothing', () => {
    const db = rawProject(join(tmp(), 'fresh.slotwise'));
    expect(migrate(db)).toEqual({ from: 0, to: LATEST_VERSION });
    expect(getSchemaVersion(db)).toBe(LATEST_VERSION);
    const schema = db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all();
    expect(migrate(db)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION });
    expect(db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all()).toEqual(schema);
    for (let v = 1; v <= LATEST_VERSION; v++) fixtures[v].fill(db);
    for (let v = 1; v <= LATEST_VERSION; v++) fixtures[v].check(db);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  for (let target = 2; target <= LATEST_VERSION; target++) {
    it(`upgrade ${target - 1} -> ${target} keeps the data of a real file`, () => {
      const file = join(tmp(), `v${target - 1}.slotwise`);
      let db = rawProject(file);
      migrate(db, migrations, target - 1);
      for (let v = 1; v < target; v++) fixtures[v].fill(db);
      db.close();

      db = rawProject(file);
      expect(migrate(db, migrations, target)).toEqual({ from: target - 1, to: target });
      for (let v = 1; v < target; v++) fixtures[v].check(db);
      fixtures[target].fill(db);
      fixtures[target].check(db);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();
    });
  }

  it('refuse a database from a newer version', () => {
    const db = rawProject(':memory:');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(/newer than this version of Slotwise/);
    db.close();
  });

  it('roll back every step of a run when one migration fails', () => {
    const db = rawProject(':memory:');
    migrate(db, migrations, 1);
    const failing: Migration = {
      version: LATEST_VERSION + 1,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [...migrations, failing])).toThrow('boom');
    expect(getSchemaVersion(db)).toBe(1);
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE name IN ('jobs', 'timetables', 'half_done')").all(),
    ).toEqual([]);
    db.close();
  });

  it('refuse a list whose numbering is out of order', () => {
    const db = rawProject(':memory:');
    expect(() => migrate(db, [migrations[1], migrations[0]])).toThrow(/numbered 2, expected 1/);
    db.close();
  });
});
