// Per student group: the days a week on which a sub-batch may begin at the second period instead of
// the first, docs/WORKBOOK.md `max_late_starts`. Old files get NULL: no limit.
import type { Migration } from './types.ts';

export const migration006: Migration = {
  version: 6,
  name: 'max_late_starts',
  up(db) {
    db.exec('ALTER TABLE student_groups ADD COLUMN max_late_starts INTEGER;');
  },
};
