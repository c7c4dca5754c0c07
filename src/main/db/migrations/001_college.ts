// The college model in browsable tables: one row per entity, list-valued fields as JSON text.
// `idx` keeps the order the model was saved in; loadCollege returns rows in that order.
import type { Migration } from './types.ts';

export const migration001: Migration = {
  version: 1,
  name: 'college',
  up(db) {
    db.exec(`
      CREATE TABLE project_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE college_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE periods (
        idx INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        start TEXT NOT NULL,
        end TEXT NOT NULL
      ) STRICT;

      CREATE TABLE rooms (
        idx INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        capacity INTEGER NOT NULL,
        type TEXT NOT NULL,
        building TEXT,
        unavailable TEXT NOT NULL DEFAULT '[]'
      ) STRICT;

      CREATE TABLE faculty (
        idx INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        department TEXT NOT NULL,
        email TEXT,
        max_per_day INTEGER,
        max_per_week INTEGER,
        max_days INTEGER,
        max_gaps_per_day INTEGER,
        unavailable TEXT NOT NULL DEFAULT '[]'
      ) STRICT;

      CREATE TABLE student_groups (
        idx INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        size INTEGER NOT NULL,
        department TEXT,
        parent TEXT,
        max_per_day INTEGER,
        min_per_day INTEGER,
        max_gaps_per_day INTEGER
      ) STRICT;

      CREATE TABLE courses (
        idx INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        department TEXT NOT NULL,
        faculty TEXT NOT NULL DEFAULT '[]',
        groups TEXT NOT NULL DEFAULT '[]',
        sessions INTEGER NOT NULL,
        length INTEGER NOT NULL,
        room_type TEXT NOT NULL,
        rooms TEXT NOT NULL DEFAULT '[]',
        students INTEGER,
        min_days INTEGER,
        unavailable TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE INDEX courses_department ON courses(department);

      CREATE TABLE students (
        idx INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT,
        groups TEXT NOT NULL DEFAULT '[]'
      ) STRICT;

      CREATE TABLE enrollments (
        idx INTEGER PRIMARY KEY,
        student_id TEXT NOT NULL,
        course_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX enrollments_student ON enrollments(student_id);
      CREATE INDEX enrollments_course ON enrollments(course_id);

      CREATE TABLE fixed (
        idx INTEGER PRIMARY KEY,
        course_id TEXT NOT NULL,
        session INTEGER NOT NULL,
        day INTEGER NOT NULL,
        period INTEGER NOT NULL,
        room_id TEXT
      ) STRICT;

      CREATE TABLE rules (
        idx INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        courses TEXT NOT NULL,
        hard INTEGER NOT NULL CHECK (hard IN (0, 1)),
        weight REAL NOT NULL,
        value REAL
      ) STRICT;
    `);
  },
};
