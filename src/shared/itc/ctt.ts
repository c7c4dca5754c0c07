// ITC-2007 curriculum-based timetabling instances (.ctt, data/itc2007/README.md §2) and the Udine
// extended format (.ectt) -> College, as WORKBOOK.md ".ctt" says: courses with one teacher,
// curricula as groups (size 0: head counts come from the courses), rooms of type `lecture`, a grid
// of Days x Periods_per_day adjacent one-hour periods, unavailability as course `unavailable`,
// room capacity soft and the ITC weights.
// .ectt extras: a room's site becomes its building, ROOM_CONSTRAINTS (rooms a course must not use)
// become the course's allowed room list; the double-lecture flag and Min_Max_Daily_Lectures are
// read and ignored (the ITC-2007 formulation UD2 ignores them too).
import type { College, Course, Faculty, Group, Period, Room } from '../model/types.ts';
import { ITC_WEIGHTS } from '../eval/weights.ts';
import { TokenReader } from './tokens.ts';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function cttDayNames(n: number): string[] {
  return n <= WEEKDAYS.length ? WEEKDAYS.slice(0, n) : Array.from({ length: n }, (_, i) => `D${i + 1}`);
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** n adjacent periods: one hour each from 08:00, shorter when a day would not fit them. */
export function cttPeriods(n: number): Period[] {
  const length = n <= 15 ? 60 : Math.floor((24 * 60 - 1) / n);
  const start = n <= 15 ? 8 * 60 : 0;
  return Array.from({ length: n }, (_, i) => ({
    label: String(i + 1),
    start: hhmm(start + i * length),
    end: hhmm(start + (i + 1) * length),
  }));
}

/** Bounds of the week an instance may ask for: a fortnight of days, 15-minute periods at the finest. */
export const MAX_CTT_DAYS = 14;
export const MAX_CTT_PERIODS_PER_DAY = 96;

function header(r: TokenReader, key: string, min: number, max?: number): number {
  r.expect(key);
  return r.int(`the value of ${key}`, min, max);
}

export function parseCtt(text: string, fileName: string): College {
  const r = new TokenReader(text, fileName);
  r.expect('Name:');
  const name = r.next('the instance name').text;
  const nCourses = header(r, 'Courses:', 0);
  const nRooms = header(r, 'Rooms:', 0);
  const nDays = header(r, 'Days:', 1, MAX_CTT_DAYS);
  const nPeriods = header(r, 'Periods_per_day:', 1, MAX_CTT_PERIODS_PER_DAY);
  const nCurricula = header(r, 'Curricula:', 0);
  const extended = r.peek()?.text.toLowerCase() === 'min_max_daily_lectures:';
  let nUnavailable: number;
  let nRoomConstraints = 0;
  if (extended) {
    r.expect('Min_Max_Daily_Lectures:');
    r.int('the minimum daily lectures');
    r.int('the maximum daily lectures');
    nUnavailable = header(r, 'UnavailabilityConstraints:', 0);
    nRoomConstraints = header(r, 'RoomConstraints:', 0);
  } else {
    nUnavailable = header(r, 'Constraints:', 0);
  }

  r.expect('COURSES:');
  const courses: Course[] = [];
  const faculty: Faculty[] = [];
  const courseIndex = new Map<string, number>();
  const teacherSeen = new Set<string>();
  for (let i = 0; i < nCourses; i++) {
    const idTok = r.next(`course ${i + 1} of ${nCourses}`);
    const id = idTok.text;
    if (courseIndex.has(id)) throw r.error(`course "${id}" is listed twice`, idTok);
    const teacher = r.next(`the teacher of course "${id}"`).text;
    // One teacher gives every lecture of a course, so no more than the week's periods fit.
    const sessions = r.int(`the number of lectures of course "${id}"`, 1, nDays * nPeriods);
    const minDays = r.int(`the minimum working days of course "${id}"`);
    const students = r.int(`the number of students of course "${id}"`);
    if (extended) r.int(`the double-lectures flag of course "${id}"`);
    courseIndex.set(id, courses.length);
    if (!teacherSeen.has(teacher)) {
      teacherSeen.add(teacher);
      faculty.push({ id: teacher, name: teacher, department: '', unavailable: [] });
    }
    courses.push({
      id,
      name: id,
      department: '',
      faculty: [teacher],
      groups: [],
      sessions,
      length: 1,
      roomType: 'lecture',
      rooms: [],
      students,
      minDays,
      unavailable: [],
    });
  }

  r.expect('ROOMS:');
  const rooms: Room[] = [];
  const roomIds = new Set<string>();
  for (let i = 0; i < nRooms; i++) {
    const idTok = r.next(`room ${i + 1} of ${nRooms}`);
    if (roomIds.has(idTok.text)) throw r.error(`room "${idTok.text}" is listed twice`, idTok);
    roomIds.add(idTok.text);
    const capacity = r.int(`the capacity of room "${idTok.text}"`, 1);
    const room: Room = { id: idTok.text, name: idTok.text, capacity, type: 'lecture', unavailable: [] };
    if (extended) room.building = String(r.int(`the site of room "${idTok.text}"`));
    rooms.push(room);
  }

  r.expect('CURRICULA:');
  const groups: Group[] = [];
  const groupIds = new Set<string>();
  for (let i = 0; i < nCurricula; i++) {
    const idTok = r.next(`curriculum ${i + 1} of ${nCurricula}`);
    const id = idTok.text;
    if (groupIds.has(id)) throw r.error(`curriculum "${id}" is listed twice`, idTok);
    groupIds.add(id);
    const k = r.int(`the number of courses of curriculum "${id}"`);
    for (let j = 0; j < k; j++) {
      const t = r.next(`course ${j + 1} of ${k} of curriculum "${id}"`);
      const c = courseIndex.get(t.text);
      if (c === undefined) throw r.error(`curriculum "${id}" lists unknown course "${t.text}"`, t);
      if (courses[c].groups.includes(id))
        throw r.error(`curriculum "${id}" lists course "${t.text}" twice`, t);
      courses[c].groups.push(id);
    }
    groups.push({ id, name: id, size: 0 });
  }

  r.expect('UNAVAILABILITY_CONSTRAINTS:');
  for (let i = 0; i < nUnavailable; i++) {
    const t = r.next(`unavailability constraint ${i + 1} of ${nUnavailable}`);
    const c = courseIndex.get(t.text);
    if (c === undefined) throw r.error(`unavailability constraint for unknown course "${t.text}"`, t);
    const day = r.int(`the day of an unavailability of "${t.text}"`);
    const period = r.int(`the period of an unavailability of "${t.text}"`);
    if (day >= nDays || period >= nPeriods) {
      throw r.error(
        `unavailability of "${t.text}" at day ${day} period ${period} is outside the ${nDays}x${nPeriods} week`,
        t,
      );
    }
    const list = courses[c].unavailable;
    if (!list.some((s) => s.day === day && s.period === period)) list.push({ day, period });
  }

  if (extended) {
    r.expect('ROOM_CONSTRAINTS:');
    const forbidden = new Map<number, Set<string>>();
    for (let i = 0; i < nRoomConstraints; i++) {
      const t = r.next(`room constraint ${i + 1} of ${nRoomConstraints}`);
      const c = courseIndex.get(t.text);
      if (c === undefined) throw r.error(`room constraint for unknown course "${t.text}"`, t);
      const roomTok = r.next(`the room of a room constraint of "${t.text}"`);
      if (!roomIds.has(roomTok.text))
        throw r.error(`room constraint names unknown room "${roomTok.text}"`, roomTok);
      if (!forbidden.has(c)) forbidden.set(c, new Set());
      forbidden.get(c)?.add(roomTok.text);
    }
    for (const [c, rs] of forbidden) courses[c].rooms = rooms.filter((x) => !rs.has(x.id)).map((x) => x.id);
  }
  r.expect('END.');
  if (!r.atEnd()) throw r.error(`unexpected text after "END.": "${r.peek()?.text}"`);

  return {
    calendar: { institution: name, days: cttDayNames(nDays), holidays: [] },
    periods: cttPeriods(nPeriods),
    rooms,
    faculty,
    groups,
    courses,
    students: [],
    enrollments: [],
    fixed: [],
    rules: [],
    weights: { ...ITC_WEIGHTS },
    settings: { roomCapacity: 'soft' },
    source: { kind: 'ctt', name: fileName },
  };
}
