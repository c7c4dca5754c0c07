// The flat timetable: one row per session, shared by the CSV export and the XLSX `Timetable` sheet.
// `day` is the calendar's day name and `period` the label of the first period, so the rows read back
// as the workbook's `Fixed` sheet (course_id, session, day, period, room_id).
import type { College } from '../../shared/model/index.ts';
import type { ResolvedSession } from './sessions.ts';

export const FLAT_COLUMNS = [
  'course_id',
  'session',
  'day',
  'period',
  'length',
  'room_id',
  'faculty',
  'groups',
  'course_name',
  'start',
  'end',
  'locked',
] as const;

export type FlatRow = [
  string,
  number,
  string,
  string,
  number,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];

export function flatRows(college: College, sessions: readonly ResolvedSession[]): FlatRow[] {
  const { days } = college.calendar;
  const { periods } = college;
  return sessions.map((s) => {
    const placed = s.day !== null && s.period !== null;
    const first = placed ? periods[s.period ?? 0] : undefined;
    const last = placed ? periods[Math.min(periods.length - 1, (s.period ?? 0) + s.length - 1)] : undefined;
    return [
      s.courseId,
      s.session,
      placed ? (days[s.day ?? 0] ?? '') : '',
      first?.label ?? '',
      s.length,
      s.roomId ?? '',
      s.faculty.join(';'),
      s.groups.join(';'),
      s.courseName,
      first?.start ?? '',
      last?.end ?? '',
      s.locked ? 'yes' : 'no',
    ];
  });
}
