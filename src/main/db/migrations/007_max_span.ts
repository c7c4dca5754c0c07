// Per faculty member and per student group: the most periods from a day's first busy period to its
// last, both counted, docs/WORKBOOK.md `max_span`. Old files get NULL: no limit.
import type { Migration } from './types.ts';

export const migration007: Migration = {
  version: 7,
  name: 'max_span',
  up(db) {
    db.exec(`
      ALTER TABLE faculty ADD COLUMN max_span INTEGER;
      ALTER TABLE student_groups ADD COLUMN max_span INTEGER;
    `);
  },
};
