// Turns the generator's draft into the workbook model (College) and the planted Timetable.
import { collegeSchema } from '../../shared/model/schema.ts';
import type { College, Course, Rule, Timetable } from '../../shared/model/types.ts';
import { HOLIDAYS_2026 } from './catalog.ts';
import type { Draft } from './draft.ts';
import { addWeeklyLimits, courseUnavailable, facultyRows, groupRows, roomRows } from './limits.ts';
import type { Occupancy } from './occupancy.ts';
import { fixedRows } from './extraRules.ts';
import { moreFixedRows } from './plantedExtras.ts';
import type { Rng } from './rng.ts';

export const PERIODS = [
  { label: '1', start: '09:00', end: '09:50' },
  { label: '2', start: '09:50', end: '10:40' },
  { label: '3', start: '10:40', end: '11:30' },
  // tea break
  { label: '4', start: '11:45', end: '12:35' },
  { label: '5', start: '12:35', end: '13:25' },
  // lunch break
  { label: '6', start: '14:15', end: '15:05' },
  { label: '7', start: '15:05', end: '15:55' },
  { label: '8', start: '15:55', end: '16:45' },
];

/** `extra`: the full college's random stream (more pinned sessions); null for the plain college. */
export function assembleCollege(d: Draft, occ: Occupancy, sourceName: string, extra: Rng | null): College {
  const courses: Course[] = d.offerings.map((off) => ({
    id: off.id,
    name: off.name,
    department: off.dept,
    faculty: off.faculty.map((f) => d.faculty[f].id),
    groups: off.groups,
    sessions: off.sessions,
    length: off.length,
    roomType: off.roomType,
    rooms: off.rooms.map((r) => d.rooms[r].id),
    unavailable: courseUnavailable(d, occ, off.index),
  }));
  const rules: Rule[] = d.rules.map((r) => {
    const rule: Rule = {
      kind: r.kind,
      courses: r.offerings.map((o, i) => {
        const k = r.sessions?.[i];
        return k === undefined ? o.id : `${o.id}#${k + 1}`;
      }),
      hard: r.hard,
      weight: r.weight,
    };
    if (r.value !== undefined) rule.value = r.value;
    if (r.slots !== undefined) rule.slots = r.slots;
    if (r.parts !== undefined) rule.parts = r.parts;
    return rule;
  });
  const rooms = roomRows(d, occ);
  const faculty = facultyRows(d, occ);
  const groups = groupRows(d, occ);
  const college: College = {
    calendar: {
      institution: d.institution,
      days: d.days,
      termStart: '2026-07-20',
      termEnd: '2026-11-27',
      timezone: 'Asia/Kolkata',
      holidays: HOLIDAYS_2026,
      ...(d.daysPerTerm !== undefined ? { daysPerTerm: d.daysPerTerm } : {}),
    },
    periods: PERIODS,
    rooms,
    faculty,
    groups,
    courses,
    students: d.students.map((s) => ({ id: s.id, name: s.name, groups: s.groups })),
    enrollments: d.enrollments
      .map((e) => ({ studentId: d.students[e.student].id, courseId: e.off.id }))
      .sort((a, b) =>
        a.studentId < b.studentId ? -1 : a.studentId > b.studentId ? 1 : a.courseId < b.courseId ? -1 : 1,
      ),
    fixed: extra ? moreFixedRows(d, extra, fixedRows(d)) : fixedRows(d),
    rules,
    weights: { student_clash: 20, group_gaps: 2 },
    settings: { roomCapacity: 'hard' },
    source: { kind: 'generated', name: sourceName },
  };
  if (extra) addWeeklyLimits(d, occ, extra, faculty, groups);
  return collegeSchema.parse(college);
}

export function plantedTimetable(d: Draft): Timetable {
  const { nPeriods } = d;
  return {
    assignments: d.offerings.flatMap((off) =>
      off.slot.map((s, k) => ({
        courseId: off.id,
        session: k + 1,
        day: Math.floor(s / nPeriods),
        period: s % nPeriods,
        roomId: d.rooms[off.room[k]].id,
        locked: false,
      })),
    ),
  };
}
