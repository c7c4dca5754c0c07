import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { collegeSchema, type College } from '../../shared/model/index.ts';
import { collegeCounts, loadCollege, saveCollege } from './collegeRepo.ts';
import { openProject } from './connection.ts';
import { getCollegeRevision } from './projectState.ts';
import { richCollege } from './testing/richCollege.ts';
import { syntheticCollege } from './testing/syntheticCollege.ts';

let db: Database;
beforeEach(() => {
  db = openProject(':memory:');
});
afterEach(() => {
  db.close();
});

function smallCollege(): College {
  return collegeSchema.parse({
    calendar: {},
    periods: [{ label: '1', start: '09:00', end: '10:00' }],
    rooms: [{ id: 'R9', name: 'Only room', capacity: 10 }],
    faculty: [{ id: 'F9', name: 'Only teacher' }],
    groups: [{ id: 'G9', name: 'Only group', size: 10 }],
    courses: [{ id: 'C9', name: 'Only course', faculty: ['F9'], groups: ['G9'], sessions: 1 }],
  });
}

describe('saveCollege / loadCollege', () => {
  it('has no college in a new project', () => {
    expect(loadCollege(db)).toBeNull();
    expect(getCollegeRevision(db)).toBe(0);
  });

  it('round-trips a college using every field exactly (order, optional fields, numbers, text)', () => {
    const college = richCollege();
    saveCollege(db, college);
    const loaded = loadCollege(db);
    expect(loaded).toStrictEqual(college);
    expect(collegeSchema.parse(loaded)).toStrictEqual(college);
  });

  it('keeps entity order as saved, not by id', () => {
    const college = richCollege();
    college.rooms.reverse();
    college.enrollments.reverse();
    saveCollege(db, college);
    expect(loadCollege(db)?.rooms.map((r) => r.id)).toEqual(college.rooms.map((r) => r.id));
    expect(loadCollege(db)?.enrollments).toEqual(college.enrollments);
  });

  it('replaces all previous data on a second save and bumps the revision', () => {
    saveCollege(db, richCollege());
    saveCollege(db, smallCollege());
    expect(loadCollege(db)).toStrictEqual(smallCollege());
    expect(getCollegeRevision(db)).toBe(2);
    expect(collegeCounts(db)).toEqual({
      periods: 1,
      rooms: 1,
      faculty: 1,
      groups: 1,
      courses: 1,
      students: 0,
      enrollments: 0,
      fixed: 0,
      rules: 0,
    });
  });

  it('keeps the previous college untouched when a save fails part-way', () => {
    saveCollege(db, richCollege());
    const bad = smallCollege();
    bad.courses.push({ ...bad.courses[0] }); // duplicate course id, rejected after rooms etc. were written
    expect(() => saveCollege(db, bad)).toThrow(/UNIQUE/);
    expect(loadCollege(db)).toStrictEqual(richCollege());
    expect(getCollegeRevision(db)).toBe(1);
  });

  it('stores entities in tables the data browser can query', () => {
    saveCollege(db, richCollege());
    const taughtByF1 = db
      .prepare('SELECT c.id FROM courses c, json_each(c.faculty) f WHERE f.value = ? ORDER BY c.idx')
      .pluck()
      .all('F1');
    expect(taughtByF1).toEqual(['CS201', 'CS201L']);
    const electiveHeads = db
      .prepare('SELECT count(*) FROM enrollments WHERE course_id = ?')
      .pluck()
      .get('OE1');
    expect(electiveHeads).toBe(3);
    expect(
      db.prepare("SELECT value FROM college_settings WHERE key = 'calendar.timezone'").pluck().get(),
    ).toBe('"Asia/Kolkata"');
  });

  it('round-trips a mid-size synthetic college', () => {
    const college = syntheticCollege({
      students: 2000,
      courses: 250,
      enrollmentsPerStudent: 3,
      rooms: 30,
      faculty: 90,
      groups: 40,
    });
    saveCollege(db, college);
    expect(loadCollege(db)).toStrictEqual(college);
  });
});

describe('the schema check of a loaded college', () => {
  it('is skipped for the revision this connection wrote, and made on any other connection', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'slotwise-college-')), 'p.slotwise');
    const writer = openProject(file);
    try {
      saveCollege(writer, richCollege());
      // A change outside Slotwise that leaves the revision as it was (rows still hold together).
      writer.exec("UPDATE courses SET unavailable = '[1,2]'");
      expect(loadCollege(writer)?.courses.length).toBe(richCollege().courses.length);
      const reader = openProject(file, { create: false });
      try {
        expect(() => loadCollege(reader)).toThrow(
          /courses\.0\.unavailable\.0 does not hold what Slotwise wrote/,
        );
      } finally {
        reader.close();
      }
      // A revision written elsewhere is checked on this connection too.
      const other = openProject(file, { create: false });
      try {
        saveCollege(other, richCollege());
      } finally {
        other.close();
      }
      writer.exec("UPDATE courses SET unavailable = '[1,2]'");
      expect(() => loadCollege(writer)).toThrow(/does not hold what Slotwise wrote/);
    } finally {
      writer.close();
    }
  });
});
