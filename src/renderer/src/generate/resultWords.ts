// The words the Generate screen uses for a result (pure, so they are unit-tested): the headline
// never says "without clashes" while a hard rule is broken or a student is double-booked.
import type { HardKind } from '../../../shared/eval/types.ts';
import type { JobOrigin } from '../../../shared/ipc/jobEvents.ts';
import { clashFreeSentence, remainingWords } from '../../../shared/eval/studentClashes.ts';

export type Tone = 'ok' | 'warn';

export interface Headline {
  title: string;
  tone: Tone;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Student double-bookings and the course pairs causing them (null: no enrollments, or not known yet). */
export interface ClashCounts {
  doubleBookings: number;
  pairs: number;
}

/** The result in one line. */
export function headline(hardTotal: number, students: ClashCounts | null, unplaced = 0): Headline {
  const remain = students ? remainingWords(students) : '';
  if (hardTotal > 0) {
    const rules = hardTotal - unplaced;
    const parts = [
      rules > 0 ? `breaks ${plural(rules, 'hard rule or limit', 'hard rules or limits')}` : '',
      unplaced > 0 ? `leaves ${plural(unplaced, 'session')} unplaced` : '',
    ].filter(Boolean);
    return {
      title: `A timetable was found, but it ${parts.join(' and ')}${remain ? `, and ${remain}` : ''}`,
      tone: 'warn',
    };
  }
  return { title: clashFreeSentence(students), tone: remain ? 'warn' : 'ok' };
}

/** Plain words for a kind of hard violation, with its count ("2 teachers booked twice at once"). */
export function kindWords(kind: string, n: number): string {
  const words: Record<HardKind, [string, string]> = {
    unplaced: ['session not placed', 'sessions not placed'],
    outside_block: [
      'session running past the day or across a break',
      'sessions running past the day or across a break',
    ],
    faculty_clash: ['teacher double-booking', 'teacher double-bookings'],
    group_clash: ['student group double-booking', 'student group double-bookings'],
    room_clash: ['room double-booking', 'room double-bookings'],
    room_type: ['session in a room of the wrong type', 'sessions in rooms of the wrong type'],
    room_not_allowed: [
      'session in a room its course may not use',
      'sessions in rooms their course may not use',
    ],
    room_capacity: ['room too small for its class', 'rooms too small for their class'],
    faculty_unavailable: ['teacher booked when unavailable', 'teachers booked when unavailable'],
    room_unavailable: ['room booked when unavailable', 'rooms booked when unavailable'],
    course_unavailable: ['course at a time it may not use', 'courses at times they may not use'],
    faculty_max_per_day: ["teacher's daily limit exceeded", "teachers' daily limits exceeded"],
    faculty_max_per_week: ["teacher's weekly limit exceeded", "teachers' weekly limits exceeded"],
    faculty_max_days: [
      "teacher's limit of teaching days exceeded",
      "teachers' limits of teaching days exceeded",
    ],
    faculty_max_gaps: [
      "teacher's limit of idle periods exceeded",
      "teachers' limits of idle periods exceeded",
    ],
    faculty_max_gaps_per_week: [
      "teacher's weekly limit of idle periods exceeded",
      "teachers' weekly limits of idle periods exceeded",
    ],
    faculty_min_per_day: ["teacher's daily minimum not met", "teachers' daily minimums not met"],
    faculty_min_days: [
      "teacher's minimum of teaching days not met",
      "teachers' minimums of teaching days not met",
    ],
    faculty_max_continuous: [
      "teacher's limit of periods in a row exceeded",
      "teachers' limits of periods in a row exceeded",
    ],
    group_max_per_day: ["group's daily limit exceeded", "groups' daily limits exceeded"],
    group_min_per_day: ["group's daily minimum not met", "groups' daily minimums not met"],
    group_max_gaps: ["group's limit of idle periods exceeded", "groups' limits of idle periods exceeded"],
    group_max_gaps_per_week: [
      "group's weekly limit of idle periods exceeded",
      "groups' weekly limits of idle periods exceeded",
    ],
    group_max_continuous: [
      "group's limit of periods in a row exceeded",
      "groups' limits of periods in a row exceeded",
    ],
    faculty_max_span: [
      "teacher's limit of a day's span exceeded",
      "teachers' limits of a day's span exceeded",
    ],
    group_max_span: ["group's limit of a day's span exceeded", "groups' limits of a day's span exceeded"],
    faculty_min_rest: [
      "teacher's minimum rest between days not met",
      "teachers' minimums of rest between days not met",
    ],
    group_min_rest: [
      "group's minimum rest between days not met",
      "groups' minimums of rest between days not met",
    ],
    faculty_max_building_changes: [
      "teacher's daily limit of building changes exceeded",
      "teachers' daily limits of building changes exceeded",
    ],
    faculty_max_building_changes_per_week: [
      "teacher's weekly limit of building changes exceeded",
      "teachers' weekly limits of building changes exceeded",
    ],
    faculty_min_building_gaps: [
      'teacher changing building without the free periods required',
      'teachers changing building without the free periods required',
    ],
    group_max_building_changes: [
      "group's daily limit of building changes exceeded",
      "groups' daily limits of building changes exceeded",
    ],
    group_max_building_changes_per_week: [
      "group's weekly limit of building changes exceeded",
      "groups' weekly limits of building changes exceeded",
    ],
    group_min_building_gaps: [
      'group changing building without the free periods required',
      'groups changing building without the free periods required',
    ],
    group_max_late_starts: [
      "group's day beginning after the first period beyond its limit",
      "groups' days beginning after the first period beyond their limits",
    ],
    fixed_moved: ['pinned session moved', 'pinned sessions moved'],
    rule: ['broken rule (Rules sheet)', 'broken rules (Rules sheet)'],
  };
  const w = words[kind as HardKind] as [string, string] | undefined;
  return w ? `${n} ${n === 1 ? w[0] : w[1]}` : `${n} × ${kind.replace(/_/g, ' ')}`;
}

/** "hard 0 · soft 132 · 4 students double-booked" (students left out when unknown). */
export function costWords(c: {
  hardTotal: number;
  softTotal: number;
  studentClashes?: number | null;
}): string {
  const soft = Math.round(c.softTotal * 100) / 100;
  const students =
    c.studentClashes === null || c.studentClashes === undefined
      ? ''
      : ` · ${plural(c.studentClashes, 'student', 'students')} double-booked`;
  return `hard ${c.hardTotal} · soft ${soft}${students}`;
}

/** Where the job started, in words: "Improves "Hand-edited", keeping its 3 locked sessions". */
export function originWords(origin: JobOrigin | null | undefined): string | null {
  if (!origin) return null;
  const locks = origin.locked === 1 ? '1 locked session' : `${origin.locked} locked sessions`;
  const dropped =
    origin.dropped > 0
      ? ` (${origin.dropped} of its entries no longer fit the college data and were left out)`
      : '';
  const from = origin.from ? `“${origin.from.name}”` : 'the active timetable';
  if (origin.mode === 'improve') return `Improves ${from}, keeping its ${locks} in place${dropped}.`;
  if (origin.locked === 0) return null;
  return `A new timetable that keeps the ${locks} of ${from} in place${dropped}.`;
}
