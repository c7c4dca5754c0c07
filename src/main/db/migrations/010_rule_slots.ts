// Per rule: the slots max_slots and max_days_in_slots read, docs/WORKBOOK.md Rules `slots`. A JSON
// slot list like Courses `starts`; old files get NULL: their rules list no slots.
import type { Migration } from './types.ts';

export const migration010: Migration = {
  version: 10,
  name: 'rule_slots',
  up(db) {
    db.exec('ALTER TABLE rules ADD COLUMN slots TEXT;');
  },
};
