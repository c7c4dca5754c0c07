import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { browseCollege } from './browseRepo.ts';
import { hasCollege, saveCollege } from './collegeRepo.ts';
import { openProject } from './connection.ts';
import { richCollege } from './testing/richCollege.ts';
import { syntheticCollege } from './testing/syntheticCollege.ts';

let db: Database;
beforeAll(() => {
  db = openProject(':memory:');
});
afterAll(() => {
  db.close();
});

describe('browseCollege', () => {
  it('pages through entities in saved order with the total', () => {
    expect(hasCollege(db)).toBe(false);
    const college = syntheticCollege({
      students: 250,
      courses: 40,
      enrollmentsPerStudent: 1,
      rooms: 5,
      faculty: 7,
      groups: 9,
    });
    saveCollege(db, college);
    expect(hasCollege(db)).toBe(true);
    const page = browseCollege(db, 'students', { offset: 100, limit: 50 });
    expect(page.total).toBe(250);
    expect(page.rows).toStrictEqual(college.students.slice(100, 150));
    expect(browseCollege(db, 'students', { offset: 240 }).rows).toHaveLength(10);
  });

  it('searches id and name case-insensitively, treating % and _ literally', () => {
    saveCollege(db, richCollege());
    expect(browseCollege(db, 'rooms', { search: 'lab' }).rows.map((r) => r.id)).toEqual(['LAB-2']);
    expect(browseCollege(db, 'courses', { search: 'data struct' }).rows.map((c) => c.id)).toEqual([
      'CS201',
      'CS201L',
    ]);
    expect(browseCollege(db, 'courses', { search: '%' }).total).toBe(0);
    expect(browseCollege(db, 'faculty', { search: '_' }).total).toBe(0);
  });

  it('filters courses by faculty, group and department, and students by group', () => {
    saveCollege(db, richCollege());
    expect(browseCollege(db, 'courses', { faculty: 'F3' }).rows.map((c) => c.id)).toEqual(['CS201L']);
    expect(browseCollege(db, 'courses', { group: 'CSE2A' }).rows.map((c) => c.id)).toEqual(['CS201']);
    expect(browseCollege(db, 'courses', { department: 'CSE', search: 'lab' }).rows.map((c) => c.id)).toEqual([
      'CS201L',
    ]);
    expect(browseCollege(db, 'students', { group: 'CSE2A' }).rows.map((s) => s.id)).toEqual(['S001', 'S002']);
    expect(browseCollege(db, 'groups', { department: 'CSE' }).total).toBe(2);
  });
});
