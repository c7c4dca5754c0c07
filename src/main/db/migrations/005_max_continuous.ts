// Per faculty member and per student group: the most periods in a row (back to back, no free period
// or break between them) on one day, docs/WORKBOOK.md `max_continuous`. Old files get NULL: no limit.
import type { Migration } from './types.ts';

export const migration005: Migration = {
  version: 5,
  name: 'max_continuous',
  up(db) {
    db.exec(`
      ALTER TABLE faculty ADD COLUMN max_continuous INTEGER;
      ALTER TABLE student_groups ADD COLUMN max_continuous INTEGER;
    `);
  },
};
