// Random small colleges that use every sheet and every rule kind (breaks in the day, room types,
// allowed-room lists, unavailability of rooms, faculty and courses, courses' allowed starts, every
// Faculty and Groups limit (building changes too, with rooms in three buildings or none),
// nested groups with sub-batches, students and enrollments, fixed sessions, hard and soft rules, also
// over single sessions `course#k`),
// and random timetables for them (unplaced sessions, sessions without a room, two sessions of one
// course at one start, sessions running past a break or the day's end). Seeded and bounded.
import { collegeSchema } from '../../src/shared/model/schema.ts';
import { ruleKinds } from '../../src/shared/model/schema.ts';
import { isSlotKind } from '../../src/shared/eval/slotRules.ts';
import type { College, Timetable } from '../../src/shared/model/types.ts';
import { Rng } from '../../src/solver/Rng.ts';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function hhmm(min: number): string {
  return `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
}

export function randomCollege(seed: number): College {
  const rng = new Rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)];
  const chance = (p: number): boolean => rng.float() < p;
  const some = <T>(xs: readonly T[], max: number): T[] => {
    const n = rng.int(Math.min(max, xs.length) + 1);
    const copy = [...xs];
    const res: T[] = [];
    for (let i = 0; i < n; i++) res.push(copy.splice(rng.int(copy.length), 1)[0]);
    return res;
  };
  const nDays = 2 + rng.int(4);
  const nPeriods = 3 + rng.int(5);
  const days = DAY_NAMES.slice(0, nDays);
  const periods = [];
  let t = 8 * 60;
  for (let q = 0; q < nPeriods; q++) {
    if (q > 0 && chance(0.25)) t += 30; // a break
    periods.push({ label: `P${q + 1}`, start: hhmm(t), end: hhmm(t + 60) });
    t += 60;
  }
  const slot = (): { day: number; period: number } => ({ day: rng.int(nDays), period: rng.int(nPeriods) });
  const slots = (max: number): Array<{ day: number; period: number }> =>
    Array.from({ length: rng.int(max + 1) }, slot);
  const types = ['lecture', 'lab'];
  const rooms = Array.from({ length: 2 + rng.int(4) }, (_, i) => ({
    id: `R${i}`,
    name: `Room ${i}`,
    capacity: 10 + rng.int(60),
    type: i === 0 ? 'lecture' : pick(types),
    building: pick(['A', 'B']),
    unavailable: chance(0.4) ? slots(3) : [],
  }));
  const faculty = Array.from({ length: 2 + rng.int(4) }, (_, i) => ({
    id: `F${i}`,
    name: `Teacher ${i}`,
    department: 'D',
    maxPerDay: chance(0.4) ? 1 + rng.int(4) : undefined,
    maxPerWeek: chance(0.3) ? 2 + rng.int(8) : undefined,
    maxDays: chance(0.3) ? 1 + rng.int(nDays) : undefined,
    maxGapsPerDay: chance(0.3) ? rng.int(2) : undefined,
    maxGapsPerWeek: chance(0.3) ? rng.int(3) : undefined,
    minPerDay: chance(0.3) ? 1 + rng.int(3) : undefined,
    minDays: chance(0.3) ? 1 + rng.int(nDays) : undefined,
    maxContinuous: chance(0.3) ? 1 + rng.int(3) : undefined,
    maxSpan: chance(0.3) ? 1 + rng.int(4) : undefined,
    minRest: chance(0.3) ? 1 + rng.int(8) : undefined,
    unavailable: chance(0.4) ? slots(4) : [],
  }));
  // A tree: years, sections below some, batches below some sections.
  const groups: Array<{
    id: string;
    name: string;
    size: number;
    parent?: string;
    maxPerDay?: number;
    minPerDay?: number;
    maxGapsPerDay?: number;
    maxGapsPerWeek?: number;
    maxContinuous?: number;
    maxLateStarts?: number;
    maxSpan?: number;
    minRest?: number;
  }> = [];
  const nGroups = 2 + rng.int(6);
  for (let i = 0; i < nGroups; i++) {
    groups.push({
      id: `G${i}`,
      name: `Group ${i}`,
      size: 5 + rng.int(40),
      parent: i > 0 && chance(0.5) ? groups[rng.int(i)].id : undefined,
      maxPerDay: chance(0.3) ? 1 + rng.int(4) : undefined,
      minPerDay: chance(0.3) ? rng.int(4) : undefined,
      maxGapsPerDay: chance(0.3) ? rng.int(2) : undefined,
      maxGapsPerWeek: chance(0.3) ? rng.int(3) : undefined,
      maxContinuous: chance(0.3) ? 1 + rng.int(3) : undefined,
      maxLateStarts: chance(0.3) ? rng.int(3) : undefined,
      maxSpan: chance(0.3) ? 1 + rng.int(4) : undefined,
      minRest: chance(0.3) ? 1 + rng.int(8) : undefined,
    });
  }
  const courses = Array.from({ length: 3 + rng.int(7) }, (_, i) => {
    const roomType = chance(0.7) ? 'lecture' : pick(types);
    const ofType = rooms.filter((r) => r.type === roomType).map((r) => r.id);
    return {
      id: `C${i}`,
      name: `Course ${i}`,
      department: 'D',
      faculty: some(
        faculty.map((f) => f.id),
        2,
      ),
      groups: some(
        groups.map((g) => g.id),
        2,
      ),
      sessions: 1 + rng.int(3),
      length: chance(0.25) ? 2 : 1,
      roomType,
      rooms: chance(0.3) ? some(ofType.length > 0 ? ofType : rooms.map((r) => r.id), 2) : [],
      students: chance(0.2) ? rng.int(50) : undefined,
      unavailable: chance(0.3) ? slots(3) : [],
    };
  });
  const students = Array.from({ length: rng.int(8) }, (_, i) => ({
    id: `S${i}`,
    groups: some(
      groups.map((g) => g.id),
      2,
    ),
  }));
  const enrollments = students.flatMap((s) =>
    some(
      courses.map((c) => c.id),
      2,
    ).map((c) => ({ studentId: s.id, courseId: c })),
  );
  const fixed = [];
  for (const c of courses) {
    if (!chance(0.2)) continue;
    fixed.push({
      courseId: c.id,
      session: 1 + rng.int(c.sessions),
      ...slot(),
      roomId: chance(0.5) ? pick(rooms).id : undefined,
    });
  }
  const ids = courses.map((c) => c.id);
  const rules = [];
  // Every kind at least once, then some more at random.
  const kinds = [...ruleKinds, ...Array.from({ length: rng.int(6) }, () => pick(ruleKinds))];
  for (const kind of kinds) {
    const list = some(ids, 3);
    if (list.length === 0) list.push(pick(ids));
    if (list.length === 1 && kind !== 'min_days_apart' && kind !== 'different_days') list.push(pick(ids));
    rules.push({
      kind,
      courses: list,
      hard: chance(0.8),
      weight: 1 + rng.int(3),
      value:
        kind === 'min_days_apart' ||
        kind === 'min_days_between' ||
        kind === 'min_gap' ||
        kind === 'min_gap_counting_breaks'
          ? 1 + rng.int(3)
          : kind === 'max_days_apart'
            ? rng.int(3)
            : kind === 'max_terms' || kind === 'max_per_term'
              ? 1 + rng.int(2)
              : undefined,
    });
  }
  // Every kind once more over single sessions (`course#k`), often several of one course, with a
  // whole course of another one now and then.
  for (const kind of ruleKinds) {
    const c = pick(courses);
    const list = some(
      Array.from({ length: c.sessions }, (_, k) => `${c.id}#${k + 1}`),
      3,
    );
    if (list.length === 0) list.push(`${c.id}#${1 + rng.int(c.sessions)}`);
    const other = pick(courses);
    if (other.id !== c.id && (list.length === 1 || chance(0.4)))
      list.splice(
        rng.int(list.length + 1),
        0,
        chance(0.5) ? other.id : `${other.id}#${1 + rng.int(other.sessions)}`,
      );
    rules.push({
      kind,
      courses: list,
      hard: chance(0.8),
      weight: 1 + rng.int(3),
      value:
        kind === 'min_days_apart' ||
        kind === 'min_days_between' ||
        kind === 'min_gap' ||
        kind === 'min_gap_counting_breaks'
          ? 1 + rng.int(3)
          : kind === 'max_days_apart'
            ? rng.int(3)
            : kind === 'max_terms' || kind === 'max_per_term'
              ? 1 + rng.int(2)
              : undefined,
    });
  }
  // Allowed starts, drawn last so the rest of a seed's college stays as it was.
  const withStarts = courses.map((c) => (chance(0.3) ? { ...c, starts: slots(5) } : c));
  // The slot lists of the slot-list kinds (max_slots, …, preferred_slots), drawn after them: a few slots, or one period
  // range on every day (FET's interval), and a small value.
  const slotRules = rules.map((r) => {
    if (!isSlotKind(r.kind)) return r;
    const from = rng.int(nPeriods);
    const to = Math.min(nPeriods - 1, from + rng.int(3));
    const interval = days.flatMap((_, day) =>
      Array.from({ length: to - from + 1 }, (_, k) => ({ day, period: from + k })),
    );
    const least =
      r.kind === 'min_simultaneous' || r.kind === 'min_simultaneous_or_none' || r.kind === 'min_slots'
        ? 1
        : 0;
    return { ...r, slots: chance(0.5) ? interval : slots(8), value: least + rng.int(3) };
  });
  // The values of max_per_day (0 or more periods) and max_continuous (1 or more), drawn after them.
  const dayLimitRules = slotRules.map((r) =>
    r.kind === 'max_per_day'
      ? { ...r, value: rng.int(4) }
      : r.kind === 'max_continuous'
        ? { ...r, value: 1 + rng.int(3) }
        : r,
  );
  // The parts of not_overlapping_parts, drawn after them: the first two members apart, the others in
  // one of three parts (a member listed twice keeps its part).
  const partRules = dayLimitRules.map((r) => {
    if (r.kind !== 'not_overlapping_parts') return r;
    const partOf = new Map<string, number>();
    for (const m of r.courses) if (!partOf.has(m)) partOf.set(m, partOf.size < 2 ? partOf.size : rng.int(3));
    return { ...r, parts: r.courses.map((m) => partOf.get(m)!) };
  });
  // Terms of 1 or 2 days (max_terms, max_per_term), or the week as one term.
  const calendar = { days, ...(chance(0.7) ? { daysPerTerm: 1 + rng.int(2) } : {}) };
  // Building-change limits, and rooms in a third building or in none, drawn last.
  const buildingRooms = rooms.map(({ building, ...r }) => {
    const x = rng.int(4);
    return x === 0 ? r : { ...r, building: x === 1 ? 'C' : building };
  });
  const buildingLimits = () => ({
    maxBuildingChangesPerDay: chance(0.3) ? rng.int(2) : undefined,
    maxBuildingChangesPerWeek: chance(0.3) ? rng.int(3) : undefined,
    minGapsBetweenBuildingChanges: chance(0.3) ? 1 + rng.int(2) : undefined,
  });
  return collegeSchema.parse({
    calendar,
    periods,
    rooms: buildingRooms,
    faculty: faculty.map((f) => ({ ...f, ...buildingLimits() })),
    groups: groups.map((g) => ({ ...g, ...buildingLimits() })),
    courses: withStarts,
    students,
    enrollments,
    fixed,
    rules: partRules,
    source: { kind: 'generated', name: `random ${seed}` },
  });
}

/** A random timetable of the college: most sessions placed anywhere, some left out or doubled up. */
export function randomTimetable(college: College, seed: number): Timetable {
  const rng = new Rng(seed ^ 0x51ed);
  const nDays = college.calendar.days.length;
  const nPeriods = college.periods.length;
  const assignments = [];
  for (const c of college.courses) {
    let prev: { day: number; period: number } | null = null;
    for (let k = 1; k <= c.sessions; k++) {
      const roll = rng.int(20);
      let day: number | null = rng.int(nDays);
      let period: number | null = rng.int(nPeriods);
      let roomId: string | null = college.rooms[rng.int(college.rooms.length)].id;
      if (roll === 0) day = period = roomId = null;
      else if (roll === 1) roomId = null;
      else if (roll === 2 && prev) ({ day, period } = prev);
      const pin = college.fixed.find((f) => f.courseId === c.id && f.session === k);
      if (pin && rng.int(2) === 0) {
        day = pin.day;
        period = pin.period;
        roomId = pin.roomId ?? roomId;
      }
      if (day !== null && period !== null) prev = { day, period };
      assignments.push({ courseId: c.id, session: k, day, period, roomId, locked: false });
    }
  }
  return { assignments };
}
