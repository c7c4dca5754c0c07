// Per faculty member and per student group: the free periods between a day's last busy period and
// the next day's first, at least, docs/WORKBOOK.md `min_rest`. Old files get NULL: no limit.
import type { Migration } from './types.ts';

export const migration008: Migration = {
  version: 8,
  name: 'min_rest',
  up(db) {
    db.exec(`
      ALTER TABLE faculty ADD COLUMN min_rest INTEGER;
      ALTER TABLE student_groups ADD COLUMN min_rest INTEGER;
    `);
  },
};
