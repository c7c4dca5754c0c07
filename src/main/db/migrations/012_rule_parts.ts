// Per rule: the part of each listed course, for not_overlapping_parts (docs/WORKBOOK.md Rules
// `courses`, parts separated by `|`). A JSON list of numbers; old files get NULL: no parts.
import type { Migration } from './types.ts';

export const migration012: Migration = {
  version: 12,
  name: 'rule_parts',
  up(db) {
    db.exec('ALTER TABLE rules ADD COLUMN parts TEXT;');
  },
};
