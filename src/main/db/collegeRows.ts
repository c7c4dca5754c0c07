// Mapping between the college model and its table rows. Optional model fields are stored as NULL
// and come back absent (not `undefined`), so a saved college loads back deep-equal.
import type {
  Course,
  Faculty,
  Fixed,
  Group,
  Room,
  Rule,
  SlotRef,
  Student,
} from '../../shared/model/index.ts';

export type Json = string;

export interface RoomRow {
  id: string;
  name: string;
  capacity: number;
  type: string;
  building: string | null;
  unavailable: Json;
}

export interface FacultyRow {
  id: string;
  name: string;
  department: string;
  email: string | null;
  max_per_day: number | null;
  max_per_week: number | null;
  max_days: number | null;
  max_gaps_per_day: number | null;
  max_gaps_per_week: number | null;
  min_per_day: number | null;
  min_days: number | null;
  max_continuous: number | null;
  max_span: number | null;
  min_rest: number | null;
  max_building_changes_day: number | null;
  max_building_changes_week: number | null;
  min_gaps_between_building_changes: number | null;
  unavailable: Json;
}

export interface GroupRow {
  id: string;
  name: string;
  size: number;
  department: string | null;
  parent: string | null;
  max_per_day: number | null;
  min_per_day: number | null;
  max_gaps_per_day: number | null;
  max_gaps_per_week: number | null;
  max_continuous: number | null;
  max_late_starts: number | null;
  max_span: number | null;
  min_rest: number | null;
  max_building_changes_day: number | null;
  max_building_changes_week: number | null;
  min_gaps_between_building_changes: number | null;
}

export interface CourseRow {
  id: string;
  name: string;
  department: string;
  faculty: Json;
  groups: Json;
  sessions: number;
  length: number;
  room_type: string;
  rooms: Json;
  students: number | null;
  min_days: number | null;
  unavailable: Json;
  starts: Json | null;
}

export interface StudentRow {
  id: string;
  name: string | null;
  groups: Json;
}

export interface FixedRow {
  course_id: string;
  session: number;
  day: number;
  period: number;
  room_id: string | null;
}

export interface RuleRow {
  kind: string;
  courses: Json;
  hard: number;
  weight: number;
  value: number | null;
  slots: Json | null;
  parts: Json | null;
}

/** Copies `value` onto `target[key]` unless it is null (absent in the model). */
function setIf<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | null): void {
  if (value !== null) target[key] = value;
}

const slots = (json: Json): SlotRef[] => JSON.parse(json) as SlotRef[];
const ids = (json: Json): string[] => JSON.parse(json) as string[];

export const roomToRow = (r: Room): RoomRow => ({
  id: r.id,
  name: r.name,
  capacity: r.capacity,
  type: r.type,
  building: r.building ?? null,
  unavailable: JSON.stringify(r.unavailable),
});

export function roomFromRow(row: RoomRow): Room {
  const r: Room = {
    id: row.id,
    name: row.name,
    capacity: row.capacity,
    type: row.type,
    unavailable: slots(row.unavailable),
  };
  setIf(r, 'building', row.building);
  return r;
}

export const facultyToRow = (f: Faculty): FacultyRow => ({
  id: f.id,
  name: f.name,
  department: f.department,
  email: f.email ?? null,
  max_per_day: f.maxPerDay ?? null,
  max_per_week: f.maxPerWeek ?? null,
  max_days: f.maxDays ?? null,
  max_gaps_per_day: f.maxGapsPerDay ?? null,
  max_gaps_per_week: f.maxGapsPerWeek ?? null,
  min_per_day: f.minPerDay ?? null,
  min_days: f.minDays ?? null,
  max_continuous: f.maxContinuous ?? null,
  max_span: f.maxSpan ?? null,
  min_rest: f.minRest ?? null,
  max_building_changes_day: f.maxBuildingChangesPerDay ?? null,
  max_building_changes_week: f.maxBuildingChangesPerWeek ?? null,
  min_gaps_between_building_changes: f.minGapsBetweenBuildingChanges ?? null,
  unavailable: JSON.stringify(f.unavailable),
});

export function facultyFromRow(row: FacultyRow): Faculty {
  const f: Faculty = {
    id: row.id,
    name: row.name,
    department: row.department,
    unavailable: slots(row.unavailable),
  };
  setIf(f, 'email', row.email);
  setIf(f, 'maxPerDay', row.max_per_day);
  setIf(f, 'maxPerWeek', row.max_per_week);
  setIf(f, 'maxDays', row.max_days);
  setIf(f, 'maxGapsPerDay', row.max_gaps_per_day);
  setIf(f, 'maxGapsPerWeek', row.max_gaps_per_week);
  setIf(f, 'minPerDay', row.min_per_day);
  setIf(f, 'minDays', row.min_days);
  setIf(f, 'maxContinuous', row.max_continuous);
  setIf(f, 'maxSpan', row.max_span);
  setIf(f, 'minRest', row.min_rest);
  setIf(f, 'maxBuildingChangesPerDay', row.max_building_changes_day);
  setIf(f, 'maxBuildingChangesPerWeek', row.max_building_changes_week);
  setIf(f, 'minGapsBetweenBuildingChanges', row.min_gaps_between_building_changes);
  return f;
}

export const groupToRow = (g: Group): GroupRow => ({
  id: g.id,
  name: g.name,
  size: g.size,
  department: g.department ?? null,
  parent: g.parent ?? null,
  max_per_day: g.maxPerDay ?? null,
  min_per_day: g.minPerDay ?? null,
  max_gaps_per_day: g.maxGapsPerDay ?? null,
  max_gaps_per_week: g.maxGapsPerWeek ?? null,
  max_continuous: g.maxContinuous ?? null,
  max_late_starts: g.maxLateStarts ?? null,
  max_span: g.maxSpan ?? null,
  min_rest: g.minRest ?? null,
  max_building_changes_day: g.maxBuildingChangesPerDay ?? null,
  max_building_changes_week: g.maxBuildingChangesPerWeek ?? null,
  min_gaps_between_building_changes: g.minGapsBetweenBuildingChanges ?? null,
});

export function groupFromRow(row: GroupRow): Group {
  const g: Group = { id: row.id, name: row.name, size: row.size };
  setIf(g, 'department', row.department);
  setIf(g, 'parent', row.parent);
  setIf(g, 'maxPerDay', row.max_per_day);
  setIf(g, 'minPerDay', row.min_per_day);
  setIf(g, 'maxGapsPerDay', row.max_gaps_per_day);
  setIf(g, 'maxGapsPerWeek', row.max_gaps_per_week);
  setIf(g, 'maxContinuous', row.max_continuous);
  setIf(g, 'maxLateStarts', row.max_late_starts);
  setIf(g, 'maxSpan', row.max_span);
  setIf(g, 'minRest', row.min_rest);
  setIf(g, 'maxBuildingChangesPerDay', row.max_building_changes_day);
  setIf(g, 'maxBuildingChangesPerWeek', row.max_building_changes_week);
  setIf(g, 'minGapsBetweenBuildingChanges', row.min_gaps_between_building_changes);
  return g;
}

export const courseToRow = (c: Course): CourseRow => ({
  id: c.id,
  name: c.name,
  department: c.department,
  faculty: JSON.stringify(c.faculty),
  groups: JSON.stringify(c.groups),
  sessions: c.sessions,
  length: c.length,
  room_type: c.roomType,
  rooms: JSON.stringify(c.rooms),
  students: c.students ?? null,
  min_days: c.minDays ?? null,
  unavailable: JSON.stringify(c.unavailable),
  starts: c.starts === undefined ? null : JSON.stringify(c.starts),
});

export function courseFromRow(row: CourseRow): Course {
  const c: Course = {
    id: row.id,
    name: row.name,
    department: row.department,
    faculty: ids(row.faculty),
    groups: ids(row.groups),
    sessions: row.sessions,
    length: row.length,
    roomType: row.room_type,
    rooms: ids(row.rooms),
    unavailable: slots(row.unavailable),
  };
  setIf(c, 'students', row.students);
  setIf(c, 'minDays', row.min_days);
  if (row.starts !== null) c.starts = slots(row.starts);
  return c;
}

export const studentToRow = (s: Student): StudentRow => ({
  id: s.id,
  name: s.name ?? null,
  groups: JSON.stringify(s.groups),
});

export function studentFromRow(row: StudentRow): Student {
  const s: Student = { id: row.id, groups: ids(row.groups) };
  setIf(s, 'name', row.name);
  return s;
}

export const fixedToRow = (f: Fixed): FixedRow => ({
  course_id: f.courseId,
  session: f.session,
  day: f.day,
  period: f.period,
  room_id: f.roomId ?? null,
});

export function fixedFromRow(row: FixedRow): Fixed {
  const f: Fixed = { courseId: row.course_id, session: row.session, day: row.day, period: row.period };
  setIf(f, 'roomId', row.room_id);
  return f;
}

export const ruleToRow = (r: Rule): RuleRow => ({
  kind: r.kind,
  courses: JSON.stringify(r.courses),
  hard: r.hard ? 1 : 0,
  weight: r.weight,
  value: r.value ?? null,
  slots: r.slots === undefined ? null : JSON.stringify(r.slots),
  parts: r.parts === undefined ? null : JSON.stringify(r.parts),
});

export function ruleFromRow(row: RuleRow): Rule {
  const r: Rule = {
    kind: row.kind as Rule['kind'],
    courses: ids(row.courses),
    hard: row.hard === 1,
    weight: row.weight,
  };
  setIf(r, 'value', row.value);
  if (row.slots !== null) r.slots = slots(row.slots);
  if (row.parts !== null) r.parts = JSON.parse(row.parts) as number[];
  return r;
}
