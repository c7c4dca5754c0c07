// Per course: the slots where a session may start, docs/WORKBOOK.md Courses `starts`. A JSON slot
// list like `unavailable`; old files get NULL: a session may start anywhere.
import type { Migration } from './types.ts';

export const migration009: Migration = {
  version: 9,
  name: 'course_starts',
  up(db) {
    db.exec('ALTER TABLE courses ADD COLUMN starts TEXT;');
  },
};
