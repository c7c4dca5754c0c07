// Every schema step in order. Append-only: never edit or reorder a released migration; add the
// next file (NNN_name.ts) and list it here. `user_version` holds the number applied.
import { migration001 } from './001_college.ts';
import { migration002 } from './002_jobs.ts';
import { migration003 } from './003_timetables.ts';
import { migration004 } from './004_limits.ts';
import { migration005 } from './005_max_continuous.ts';
import { migration006 } from './006_max_late_starts.ts';
import { migration007 } from './007_max_span.ts';
import { migration008 } from './008_min_rest.ts';
import { migration009 } from './009_course_starts.ts';
import { migration010 } from './010_rule_slots.ts';
import { migration011 } from './011_building_changes.ts';
import { migration012 } from './012_rule_parts.ts';
import type { Migration } from './types.ts';

export type { Migration } from './types.ts';

export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
];

export const LATEST_VERSION = migrations.length;
