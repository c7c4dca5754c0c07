// Per faculty member and per student group: building changes on a day and in the week, at most, and
// the free periods between two sessions in different buildings, at least, docs/WORKBOOK.md
// `max_building_changes_day`, `max_building_changes_week`, `min_gaps_between_building_changes`.
// Old files get NULL: no limit.
import type { Migration } from './types.ts';

export const migration011: Migration = {
  version: 11,
  name: 'building_changes',
  up(db) {
    db.exec(`
      ALTER TABLE faculty ADD COLUMN max_building_changes_day INTEGER;
      ALTER TABLE faculty ADD COLUMN max_building_changes_week INTEGER;
      ALTER TABLE faculty ADD COLUMN min_gaps_between_building_changes INTEGER;
      ALTER TABLE student_groups ADD COLUMN max_building_changes_day INTEGER;
      ALTER TABLE student_groups ADD COLUMN max_building_changes_week INTEGER;
      ALTER TABLE student_groups ADD COLUMN min_gaps_between_building_changes INTEGER;
    `);
  },
};
