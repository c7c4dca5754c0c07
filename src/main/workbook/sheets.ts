// The college as workbook sheets (WORKBOOK.md): one table per sheet, header row first, lists
// joined with `;`, slots by day name and period label. Both writers (CSV folder, .xlsx) use it.
import type { College } from '../../shared/model/types.ts';
import { formatSlotList, formatStartList } from './slotList.ts';

export type Cell = string | number;
export interface SheetTable {
  name: string;
  rows: Cell[][];
}

const list = (items: readonly string[]): string => items.join(';');
/** not_overlapping_parts: the parts in order of their numbers, `A;B|C;D` (docs/WORKBOOK.md). */
const partList = (items: readonly string[], parts: readonly number[]): string =>
  [...new Set(parts)]
    .sort((a, b) => a - b)
    .map((q) => list(items.filter((_x, i) => parts[i] === q)))
    .join('|');
const opt = (v: number | string | undefined): Cell => v ?? '';

export function collegeSheets(college: College): SheetTable[] {
  const days = college.calendar.days;
  const labels = college.periods.map((p) => p.label);
  const slots = (s: Parameters<typeof formatSlotList>[0]): string => formatSlotList(s, days, labels);
  const cal = college.calendar;
  const calendar: Cell[][] = [['key', 'value']];
  calendar.push(['institution', cal.institution], ['days', list(cal.days)]);
  if (cal.termStart) calendar.push(['term_start', cal.termStart]);
  if (cal.termEnd) calendar.push(['term_end', cal.termEnd]);
  if (cal.timezone) calendar.push(['timezone', cal.timezone]);
  if (cal.holidays.length > 0) calendar.push(['holidays', list(cal.holidays)]);
  if (cal.daysPerTerm !== undefined) calendar.push(['days_per_term', cal.daysPerTerm]);
  const sheets: SheetTable[] = [
    { name: 'Calendar', rows: calendar },
    {
      name: 'Periods',
      rows: [['period', 'start', 'end'], ...college.periods.map((p) => [p.label, p.start, p.end])],
    },
    {
      name: 'Rooms',
      rows: [
        ['room_id', 'name', 'capacity', 'type', 'building', 'unavailable'],
        ...college.rooms.map((r) => [
          r.id,
          r.name,
          r.capacity,
          r.type,
          opt(r.building),
          slots(r.unavailable),
        ]),
      ],
    },
    {
      name: 'Faculty',
      rows: [
        [
          'faculty_id',
          'name',
          'department',
          'email',
          'max_per_day',
          'max_per_week',
          'max_days',
          'max_gaps_per_day',
          'max_gaps_per_week',
          'min_per_day',
          'min_days',
          'max_continuous',
          'max_span',
          'min_rest',
          'max_building_changes_day',
          'max_building_changes_week',
          'min_gaps_between_building_changes',
          'unavailable',
        ],
        ...college.faculty.map((f) => [
          f.id,
          f.name,
          f.department,
          opt(f.email),
          opt(f.maxPerDay),
          opt(f.maxPerWeek),
          opt(f.maxDays),
          opt(f.maxGapsPerDay),
          opt(f.maxGapsPerWeek),
          opt(f.minPerDay),
          opt(f.minDays),
          opt(f.maxContinuous),
          opt(f.maxSpan),
          opt(f.minRest),
          opt(f.maxBuildingChangesPerDay),
          opt(f.maxBuildingChangesPerWeek),
          opt(f.minGapsBetweenBuildingChanges),
          slots(f.unavailable),
        ]),
      ],
    },
    {
      name: 'Groups',
      rows: [
        [
          'group_id',
          'name',
          'size',
          'department',
          'parent',
          'max_per_day',
          'min_per_day',
          'max_gaps_per_day',
          'max_gaps_per_week',
          'max_continuous',
          'max_late_starts',
          'max_span',
          'min_rest',
          'max_building_changes_day',
          'max_building_changes_week',
          'min_gaps_between_building_changes',
        ],
        ...college.groups.map((g) => [
          g.id,
          g.name,
          g.size,
          opt(g.department),
          opt(g.parent),
          opt(g.maxPerDay),
          opt(g.minPerDay),
          opt(g.maxGapsPerDay),
          opt(g.maxGapsPerWeek),
          opt(g.maxContinuous),
          opt(g.maxLateStarts),
          opt(g.maxSpan),
          opt(g.minRest),
          opt(g.maxBuildingChangesPerDay),
          opt(g.maxBuildingChangesPerWeek),
          opt(g.minGapsBetweenBuildingChanges),
        ]),
      ],
    },
    {
      name: 'Courses',
      rows: [
        [
          'course_id',
          'name',
          'department',
          'faculty',
          'groups',
          'sessions',
          'length',
          'room_type',
          'rooms',
          'students',
          'min_days',
          'unavailable',
          'starts',
        ],
        ...college.courses.map((c) => [
          c.id,
          c.name,
          c.department,
          list(c.faculty),
          list(c.groups),
          c.sessions,
          c.length,
          c.roomType,
          list(c.rooms),
          opt(c.students),
          opt(c.minDays),
          slots(c.unavailable),
          formatStartList(c.starts ?? [], days, labels),
        ]),
      ],
    },
  ];
  if (college.students.length > 0)
    sheets.push({
      name: 'Students',
      rows: [
        ['student_id', 'name', 'groups'],
        ...college.students.map((s) => [s.id, opt(s.name), list(s.groups)]),
      ],
    });
  if (college.enrollments.length > 0)
    sheets.push({
      name: 'Enrollments',
      rows: [['student_id', 'course_id'], ...college.enrollments.map((e) => [e.studentId, e.courseId])],
    });
  if (college.fixed.length > 0)
    sheets.push({
      name: 'Fixed',
      rows: [
        ['course_id', 'session', 'day', 'period', 'room_id'],
        ...college.fixed.map((f) => [f.courseId, f.session, days[f.day], labels[f.period], opt(f.roomId)]),
      ],
    });
  if (college.rules.length > 0)
    sheets.push({
      name: 'Rules',
      rows: [
        ['rule', 'courses', 'hard', 'weight', 'value', 'slots'],
        ...college.rules.map((r) => [
          r.kind,
          r.parts ? partList(r.courses, r.parts) : list(r.courses),
          r.hard ? 'yes' : 'no',
          r.weight,
          opt(r.value),
          r.slots ? formatStartList(r.slots, days, labels) : '',
        ]),
      ],
    });
  const weights = Object.entries(college.weights);
  if (weights.length > 0) sheets.push({ name: 'Weights', rows: [['constraint', 'weight'], ...weights] });
  return sheets;
}

/** Sheets a writer may leave out when the college has no rows for them. */
export const OPTIONAL_SHEETS = ['Students', 'Enrollments', 'Fixed', 'Rules', 'Weights'];
