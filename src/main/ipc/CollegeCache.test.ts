import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openProject, saveCollege } from '../db/index.ts';
import { compile } from '../../shared/compiled/compile.ts';
import { testCollege } from '../../shared/eval/testing/testCollege.ts';
import { CollegeCache } from './CollegeCache.ts';

const college = (sessions: number) =>
  testCollege({
    courses: [{ id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions }],
  });

let db: Database;
beforeEach(() => {
  db = openProject(':memory:');
  saveCollege(db, college(2));
});
afterEach(() => {
  vi.useRealTimers();
  if (db.open) db.close();
});

describe('CollegeCache', () => {
  it('reads and compiles the college once per revision, as compile does, and again after a re-import', () => {
    const cache = new CollegeCache();
    const first = cache.problem(db, 'none');
    expect(first).toEqual(compile(college(2)));
    expect(cache.problem(db, 'none')).toBe(first);
    expect(cache.json(db)).toBe(JSON.stringify(cache.current(db).college));
    saveCollege(db, college(3));
    const again = cache.problem(db, 'none');
    expect(again).not.toBe(first);
    expect(again).toEqual(compile(college(3)));
    expect(again.nSessions).toBe(3);
  });

  it('refuses in the words given when no college is imported', () => {
    const empty = openProject(':memory:');
    try {
      expect(() => new CollegeCache().problem(empty, 'Import first.')).toThrow('Import first.');
    } finally {
      empty.close();
    }
  });

  it('warms: compiles the college read in the background, and the next ask finds it compiled', () => {
    vi.useFakeTimers();
    const cache = new CollegeCache();
    const kept = cache.current(db);
    cache.warm(db);
    expect(kept.problem).toBeUndefined();
    vi.runAllTimers();
    const warmed = kept.problem;
    expect(warmed).toEqual(compile(college(2)));
    expect(cache.problem(db, 'none')).toBe(warmed);
  });

  it('does not warm a college that changed or a connection that closed in the meantime', () => {
    vi.useFakeTimers();
    const cache = new CollegeCache();
    const old = cache.current(db);
    cache.warm(db);
    saveCollege(db, college(3));
    vi.runAllTimers();
    expect(old.problem).toBeUndefined();
    const current = cache.current(db);
    cache.warm(db);
    db.close();
    expect(() => vi.runAllTimers()).not.toThrow();
    expect(current.problem).toBeUndefined();
  });
});

describe('CollegeCache.prepare', () => {
  it('reads a new college and makes its JSON right after, before anyone asks', () => {
    vi.useFakeTimers();
    const cache = new CollegeCache();
    cache.problem(db, 'none');
    saveCollege(db, college(3));
    cache.prepare(db);
    vi.runAllTimers();
    const kept = cache.current(db);
    expect(kept.college?.courses[0].sessions).toBe(3);
    expect(kept.json).toBe(JSON.stringify(kept.college));
  });

  it('does nothing once the connection closed', () => {
    vi.useFakeTimers();
    const cache = new CollegeCache();
    cache.prepare(db);
    db.close();
    expect(() => vi.runAllTimers()).not.toThrow();
  });
});
