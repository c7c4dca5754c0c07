// Limits real timetables need beyond the first contract (docs/WORKBOOK.md): per faculty member the
// idle periods summed over the week, the minimum periods on each teaching day and the minimum
// teaching days per week; per student group the idle periods summed over the week.
import type { Migration } from './types.ts';

export const migration004: Migration = {
  version: 4,
  name: 'limits',
  up(db) {
    db.exec(`
      ALTER TABLE faculty ADD COLUMN max_gaps_per_week INTEGER;
      ALTER TABLE faculty ADD COLUMN min_per_day INTEGER;
      ALTER TABLE faculty ADD COLUMN min_days INTEGER;
      ALTER TABLE student_groups ADD COLUMN max_gaps_per_week INTEGER;
    `);
  },
};
