// The FET constraint mapping in one table: for each FET constraint element, what it becomes in the
// college model (docs/FET.md lists the same). A handler reads one active constraint and records it
// in the FetContext (build.ts turns that into course/faculty/group/room fields, Fixed rows and
// Rules). Constraint elements not in the table are reported as dropped, per kind, with the
// activities they concern. To map a new contract column, add (or change) one row here.
import type { RuleKind, SlotRef } from '../../../shared/model/index.ts';
import { occupyMaxSlots, studentsIntervalDays, teacherIntervalDays } from './slotConstraints.ts';
import { child, textOf, textsOf, type XmlElement } from './xml.ts';
import type { FetActivity } from './read.ts';

/** A FET time slot: day index x number of hours + hour index (FET's own hours, breaks included). */
export type FetSlot = number;

export type Outcome = 'mapped' | 'weakened' | 'dropped';

export interface TeacherLimits {
  maxPerDay?: number;
  maxDays?: number;
  maxGapsPerDay?: number;
  maxGapsPerWeek?: number;
  minPerDay?: number;
  minDays?: number;
  maxContinuous?: number;
  maxSpan?: number;
  minRest?: number;
}
export interface SubgroupLimits {
  maxPerDay?: number;
  minPerDay?: number;
  maxGapsPerDay?: number;
  maxGapsPerWeek?: number;
  maxContinuous?: number;
  maxLateStarts?: number;
  maxSpan?: number;
  minRest?: number;
}

/** A relation between activities that becomes a Rule once activities are grouped into courses. */
export interface Relation {
  fetKind: string;
  kind: 'pairwise' | 'whole';
  rule: RuleKind | 'min_days';
  activities: number[];
  hard: boolean;
  weight: number;
  value?: number;
  /** Set when FET says more than the rule can. */
  weakened?: string;
  /**
   * Min days between activities with "consecutive if on the same day" below 100 %: FET keeps the
   * activities that share a day back to back at any weight (Rules adjacent_if_same_day, hard).
   */
  adjacentIfSameDay?: boolean;
  /** max_slots, max_days_in_slots: FET's selected slots (build.ts turns them into `refs`). */
  slots?: FetSlot[];
  refs?: SlotRef[];
  /** Counted once for its FET constraint, which became several relations (one per teacher or subgroup). */
  noted?: boolean;
}

export interface FetContext {
  activityById: Map<number, FetActivity>;
  /** Component number (1-based) of an activity within its split activity. */
  component: Map<number, number>;
  /** Times named in `el`'s children `item` (each with a `dayTag` and an `hourTag`). */
  slots(el: XmlElement, item: string, dayTag: string, hourTag: string): FetSlot[];
  /** The slots of one day and hour name (an empty name = every day, or every hour). */
  timeSlots(el: XmlElement, day: string, hour: string): FetSlot[];
  hoursPerDay: number;
  /** The file is in Terms mode (Calendar days_per_term). */
  hasTerms: boolean;
  /** FET's activity filter (teacher, students, subject, activity tag, duration; empty = any). */
  matching(el: XmlElement): FetActivity[];
  /** Activities listed by `Activity_Id` children (unknown or inactive ones skipped). */
  listed(el: XmlElement, tag?: string): number[];
  atomicOf(studentsSet: string): string[];
  allTeachers: string[];
  allSubgroups: string[];
  breaks: Set<FetSlot>;
  allowStart: Map<number, Set<FetSlot>>;
  allowOccupy: Map<number, Set<FetSlot>>;
  forbidOccupy: Map<number, Set<FetSlot>>;
  fixedStart: Map<number, { day: number; hour: number }>;
  /** ActivityPreferredRoom at 100 %: becomes the fixed room when the activity's time is fixed too. */
  singleRoom: Map<number, string>;
  roomSets: Map<number, Set<string>>;
  homeRooms: Map<number, Set<string>>;
  teacherLimits: Map<string, TeacherLimits>;
  teacherUnavailable: Map<string, Set<FetSlot>>;
  subgroupLimits: Map<string, SubgroupLimits>;
  /** Per atomic students set: its not-available slots (FET's first hour of a day skips them). */
  subgroupUnavailable: Map<string, Set<FetSlot>>;
  roomUnavailable: Map<string, Set<FetSlot>>;
  relations: Relation[];
  /** Counts the constraint as mapped, weakened or dropped, with the activities it concerns. */
  note(fetKind: string, outcome: Outcome, activities: number[], reason: string): void;
}

export interface Mapping {
  /** What the constraint becomes, in words (docs/FET.md, bench output). */
  target: string;
  /** Only weight 100 can be expressed (the contract's field is hard); a soft one is dropped. */
  hardOnly?: boolean;
  handle(el: XmlElement, ctx: FetContext, weight: number, fetKind: string): void;
}

const num = (el: XmlElement, tag: string): number | undefined => {
  const t = textOf(el, tag);
  if (t === undefined || t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
};

function addAll<K>(map: Map<K, Set<number>>, key: K, values: Iterable<number>): void {
  const set = map.get(key) ?? new Set<number>();
  for (const v of values) set.add(v);
  map.set(key, set);
}

function intersect<K, V>(map: Map<K, Set<V>>, key: K, values: Iterable<V>): void {
  const next = new Set(values);
  const prev = map.get(key);
  map.set(key, prev ? new Set([...prev].filter((v) => next.has(v))) : next);
}

function minInto<T extends object>(map: Map<string, T>, key: string, field: keyof T, value: number): void {
  const rec = map.get(key) ?? ({} as T);
  const prev = rec[field] as number | undefined;
  (rec[field] as number) = prev === undefined ? value : Math.min(prev, value);
  map.set(key, rec);
}

function maxInto<T extends object>(map: Map<string, T>, key: string, field: keyof T, value: number): void {
  const rec = map.get(key) ?? ({} as T);
  const prev = rec[field] as number | undefined;
  (rec[field] as number) = prev === undefined ? value : Math.max(prev, value);
  map.set(key, rec);
}

/** Activities of a teacher, for naming them in warnings. */
function ofTeacher(ctx: FetContext, teacher: string): number[] {
  return [...ctx.activityById.values()].filter((a) => a.teachers.includes(teacher)).map((a) => a.id);
}

function ofStudents(ctx: FetContext, set: string): number[] {
  const atoms = new Set(ctx.atomicOf(set));
  return [...ctx.activityById.values()]
    .filter((a) => a.students.some((s) => ctx.atomicOf(s).some((x) => atoms.has(x))))
    .map((a) => a.id);
}

const teacherNames = (el: XmlElement, ctx: FetContext): string[] => {
  const one = textOf(el, 'Teacher_Name') ?? textOf(el, 'Teacher');
  return one === undefined ? ctx.allTeachers : [one];
};

const subgroupNames = (el: XmlElement, ctx: FetContext): string[] => {
  const set = textOf(el, 'Students');
  return set === undefined ? ctx.allSubgroups : ctx.atomicOf(set);
};

function teacherLimit(field: keyof TeacherLimits, tag: string, target: string): Mapping {
  return {
    target,
    hardOnly: true,
    handle(el, ctx, _w, kind) {
      const value = num(el, tag);
      const teachers = teacherNames(el, ctx);
      if (value === undefined) return;
      const atLeast = field === 'minPerDay' || field === 'minDays' || field === 'minRest';
      for (const t of teachers)
        if (atLeast) maxInto(ctx.teacherLimits, t, field, value);
        else minInto(ctx.teacherLimits, t, field, value);
      const acts = teachers.length === 1 ? ofTeacher(ctx, teachers[0]) : [];
      noteLimit(el, ctx, kind, acts, field === 'minPerDay', target);
    },
  };
}

/** A per-day minimum that FET keeps from empty days is weaker in the contract (a day off is allowed). */
function noteLimit(
  el: XmlElement,
  ctx: FetContext,
  kind: string,
  acts: number[],
  minPerDay: boolean,
  target: string,
): void {
  if (minPerDay && textOf(el, 'Allow_Empty_Days') === 'false')
    ctx.note(
      kind,
      'weakened',
      acts,
      'a day without lessons is allowed in the contract (FET forbids it here)',
    );
  else ctx.note(kind, 'mapped', acts, target);
}

function studentsLimit(field: keyof SubgroupLimits, tag: string, target: string): Mapping {
  return {
    target,
    hardOnly: true,
    handle(el, ctx, _w, kind) {
      const value = num(el, tag);
      if (value === undefined) return;
      const subgroups = subgroupNames(el, ctx);
      for (const s of subgroups)
        if (field === 'minPerDay' || field === 'minRest') maxInto(ctx.subgroupLimits, s, field, value);
        else minInto(ctx.subgroupLimits, s, field, value);
      const set = textOf(el, 'Students');
      const acts = set === undefined ? [] : ofStudents(ctx, set);
      noteLimit(el, ctx, kind, acts, field === 'minPerDay', target);
    },
  };
}

/**
 * FET 6's "allow one day exception of plus one": one day a week may span one hour more. The
 * contract's daily limit cannot say "one day", so the limit is read one period wider on every day
 * (weaker than FET's) and reported weakened.
 */
function spanLimit(base: Mapping): Mapping {
  return {
    target: base.target,
    hardOnly: true,
    handle(el, ctx, w, kind) {
      const plusOne =
        textOf(el, 'Allow_One_Day_Exception_of_Plus_One') ??
        textOf(el, 'Allow_One_Day_Exception_Of_Plus_One');
      if (plusOne !== 'true') return base.handle(el, ctx, w, kind);
      const value = num(el, 'Max_Span');
      if (value === undefined) return;
      const teacher = kind.startsWith('ConstraintTeacher');
      const names = teacher ? teacherNames(el, ctx) : subgroupNames(el, ctx);
      for (const n of names)
        minInto<TeacherLimits>(teacher ? ctx.teacherLimits : ctx.subgroupLimits, n, 'maxSpan', value + 1);
      ctx.note(
        kind,
        'weakened',
        activitiesNamed(el, ctx),
        'one day a week of one hour more (FET) is read as one period more on every day',
      );
    },
  };
}

/**
 * FET's "circular" resting hours (its default) also hold from the last day of the week to the first;
 * the contract's do not, so a circular constraint is read without that pair and reported weakened.
 */
function restLimit(base: Mapping): Mapping {
  return {
    target: base.target,
    hardOnly: true,
    handle(el, ctx, w, kind) {
      if (textOf(el, 'Circular') === 'false') return base.handle(el, ctx, w, kind);
      const value = num(el, 'Minimum_Resting_Hours');
      if (value === undefined) return;
      const teacher = kind.startsWith('ConstraintTeacher');
      const names = teacher ? teacherNames(el, ctx) : subgroupNames(el, ctx);
      for (const n of names)
        maxInto<TeacherLimits>(teacher ? ctx.teacherLimits : ctx.subgroupLimits, n, 'minRest', value);
      ctx.note(
        kind,
        'weakened',
        activitiesNamed(el, ctx),
        'circular: the rest from the last day of the week to the first is not a pair of days here',
      );
    },
  };
}

function startTimes(
  item: string,
  dayTag: string,
  hourTag: string,
  pick: (el: XmlElement, ctx: FetContext) => number[],
  occupy: boolean,
  target: string,
): Mapping {
  return {
    target,
    hardOnly: true,
    handle(el, ctx, _w, kind) {
      const slots = ctx.slots(el, item, dayTag, hourTag);
      const acts = pick(el, ctx);
      for (const id of acts) intersect(occupy ? ctx.allowOccupy : ctx.allowStart, id, slots);
      ctx.note(kind, 'mapped', acts, target);
    },
  };
}

const byId = (el: XmlElement, ctx: FetContext): number[] => ctx.listed(el);
const byFilter = (el: XmlElement, ctx: FetContext): number[] => ctx.matching(el).map((a) => a.id);
const byComponent = (el: XmlElement, ctx: FetContext): number[] => {
  const k = num(el, 'Component_Number') ?? 1;
  return ctx
    .matching(el)
    .filter((a) => ctx.component.get(a.id) === k)
    .map((a) => a.id);
};

function notAvailable(
  target: string,
  nameTag: string,
  into: (ctx: FetContext, name: string, slots: FetSlot[]) => number[],
): Mapping {
  return {
    target,
    hardOnly: true,
    handle(el, ctx, _w, kind) {
      const name = textOf(el, nameTag) ?? '';
      const slots = ctx.slots(el, 'Not_Available_Time', 'Day', 'Hour');
      ctx.note(kind, 'mapped', into(ctx, name, slots), target);
    },
  };
}

function relation(
  rule: Relation['rule'],
  kind: Relation['kind'],
  target: string,
  ids: (el: XmlElement, ctx: FetContext) => number[],
  value?: (el: XmlElement) => number | undefined,
): Mapping {
  return {
    target,
    handle(el, ctx, w, fetKind) {
      // At 100 % the days rule keeps the activities on different days, so the part is moot.
      const v = value?.(el);
      const sameDay = w < 100 && consecutiveIfSameDay(el);
      ctx.relations.push({
        fetKind,
        kind,
        rule,
        activities: ids(el, ctx),
        hard: w >= 100,
        weight: w,
        value: v,
        ...(sameDay ? { adjacentIfSameDay: true } : {}),
      });
    },
  };
}

/**
 * Min days between activities (at least 1 day) with "consecutive if on the same day": FET places the
 * activities that share a day back to back at any weight, 0 % included (fet-cl finds no timetable
 * for two such activities whose only day has a free hour between its two other hours).
 */
export function consecutiveIfSameDay(el: XmlElement): boolean {
  return (
    el.name === 'ConstraintMinDaysBetweenActivities' &&
    (num(el, 'MinDays') ?? 1) >= 1 &&
    textOf(el, 'Consecutive_If_Same_Day') === 'true'
  );
}

/** A terms constraint: hard only (FET refuses one below 100 %), and only in a file with terms. */
function terms(m: Mapping): Mapping {
  return {
    target: m.target,
    hardOnly: true,
    handle(el, ctx, w, fetKind) {
      if (!ctx.hasTerms) {
        ctx.note(fetKind, 'dropped', ctx.listed(el), 'the file has no terms (Terms mode, days per term)');
        return;
      }
      m.handle(el, ctx, w, fetKind);
    },
  };
}

function roomPreference(
  target: string,
  rooms: (el: XmlElement) => string[],
  acts: (el: XmlElement, ctx: FetContext) => number[],
  home = false,
): Mapping {
  return {
    target,
    hardOnly: true,
    handle(el, ctx, _w, kind) {
      const list = rooms(el);
      const ids = acts(el, ctx);
      for (const id of ids) intersect(home ? ctx.homeRooms : ctx.roomSets, id, list);
      ctx.note(kind, 'mapped', ids, target);
    },
  };
}

const oneRoom = (el: XmlElement): string[] => [textOf(el, 'Room') ?? ''];
const manyRooms = (el: XmlElement): string[] => textsOf(el, 'Preferred_Room');
const withSubject = (el: XmlElement, ctx: FetContext): number[] => {
  const s = textOf(el, 'Subject');
  return [...ctx.activityById.values()].filter((a) => a.subject === s).map((a) => a.id);
};
const withTag = (el: XmlElement, ctx: FetContext): number[] => {
  const t = textOf(el, 'Activity_Tag');
  return [...ctx.activityById.values()].filter((a) => t !== undefined && a.tags.includes(t)).map((a) => a.id);
};
const withSubjectAndTag = (el: XmlElement, ctx: FetContext): number[] => {
  const s = new Set(withSubject(el, ctx));
  return withTag(el, ctx).filter((id) => s.has(id));
};
/** FET home rooms concern the activities whose only students set (or only teacher) is the one named. */
const ofOnlyStudents = (el: XmlElement, ctx: FetContext): number[] => {
  const s = textOf(el, 'Students');
  return [...ctx.activityById.values()]
    .filter((a) => a.students.length === 1 && a.students[0] === s)
    .map((a) => a.id);
};
const ofOnlyTeacher = (el: XmlElement, ctx: FetContext): number[] => {
  const t = textOf(el, 'Teacher');
  return [...ctx.activityById.values()]
    .filter((a) => a.teachers.length === 1 && a.teachers[0] === t)
    .map((a) => a.id);
};

export const FET_CONSTRAINTS: Record<string, Mapping> = {
  ConstraintBasicCompulsoryTime: {
    target: 'no two sessions of a teacher or a students subgroup at once (always checked)',
    handle: (_el, ctx, _w, kind) => ctx.note(kind, 'mapped', [], ''),
  },
  ConstraintBasicCompulsorySpace: {
    target: 'no two sessions in one room at once, room capacity (always checked)',
    handle: (_el, ctx, _w, kind) => ctx.note(kind, 'mapped', [], ''),
  },
  ConstraintBreakTimes: {
    target:
      'an hour that is a break on every day is left out of Periods (a gap); other break hours: course unavailable',
    hardOnly: true,
    handle(el, ctx, _w, kind) {
      for (const s of ctx.slots(el, 'Break_Time', 'Day', 'Hour')) ctx.breaks.add(s);
      ctx.note(kind, 'mapped', [], '');
    },
  },
  ConstraintTeacherNotAvailableTimes: notAvailable('Faculty unavailable', 'Teacher', (ctx, t, slots) => {
    addAll(ctx.teacherUnavailable, t, slots);
    return ofTeacher(ctx, t);
  }),
  ConstraintStudentsSetNotAvailableTimes: notAvailable(
    'unavailable of every course the students set attends',
    'Students',
    (ctx, s, slots) => {
      const ids = ofStudents(ctx, s);
      for (const atom of ctx.atomicOf(s)) addAll(ctx.subgroupUnavailable, atom, slots);
      for (const id of ids) addAll(ctx.forbidOccupy, id, slots);
      return ids;
    },
  ),
  ConstraintRoomNotAvailableTimes: notAvailable('Rooms unavailable', 'Room', (ctx, r, slots) => {
    addAll(ctx.roomUnavailable, r, slots);
    return [];
  }),
  ConstraintActivityPreferredStartingTime: {
    target: 'Fixed (day and hour given), else Courses starts',
    hardOnly: true,
    handle(el, ctx, _w, kind) {
      const [id] = ctx.listed(el);
      if (id === undefined) return;
      const day = textOf(el, 'Preferred_Day') ?? '';
      const hour = textOf(el, 'Preferred_Hour') ?? '';
      const slots = ctx.timeSlots(el, day, hour);
      if (day !== '' && hour !== '' && slots.length === 1) {
        const H = ctx.hoursPerDay;
        ctx.fixedStart.set(id, { day: Math.floor(slots[0] / H), hour: slots[0] % H });
      } else {
        intersect(ctx.allowStart, id, slots);
      }
      ctx.note(kind, 'mapped', [id], '');
    },
  },
  ConstraintActivityPreferredStartingTimes: startTimes(
    'Preferred_Starting_Time',
    'Preferred_Starting_Day',
    'Preferred_Starting_Hour',
    byId,
    false,
    'Courses starts (and unavailable: the periods no allowed start covers)',
  ),
  ConstraintActivitiesPreferredStartingTimes: startTimes(
    'Preferred_Starting_Time',
    'Preferred_Starting_Day',
    'Preferred_Starting_Hour',
    byFilter,
    false,
    'Courses starts (and unavailable: the periods no allowed start covers)',
  ),
  ConstraintSubactivitiesPreferredStartingTimes: startTimes(
    'Preferred_Starting_Time',
    'Preferred_Starting_Day',
    'Preferred_Starting_Hour',
    byComponent,
    false,
    'Courses starts (and unavailable: the periods no allowed start covers)',
  ),
  ConstraintActivityPreferredTimeSlots: startTimes(
    'Preferred_Time_Slot',
    'Preferred_Day',
    'Preferred_Hour',
    byId,
    true,
    'course unavailable (the periods not allowed), and starts where that alone would allow more',
  ),
  ConstraintActivitiesPreferredTimeSlots: startTimes(
    'Preferred_Time_Slot',
    'Preferred_Day',
    'Preferred_Hour',
    byFilter,
    true,
    'course unavailable (the periods not allowed), and starts where that alone would allow more',
  ),
  ConstraintSubactivitiesPreferredTimeSlots: startTimes(
    'Preferred_Time_Slot',
    'Preferred_Day',
    'Preferred_Hour',
    byComponent,
    true,
    'course unavailable (the periods not allowed), and starts where that alone would allow more',
  ),
  ConstraintActivitiesSameStartingTime: relation('same_time', 'pairwise', 'Rules same_time', byId),
  ConstraintActivitiesSameStartingDay: relation('same_day', 'pairwise', 'Rules same_day', byId),
  ConstraintTwoActivitiesConsecutive: relation('consecutive', 'pairwise', 'Rules consecutive', (el, ctx) => [
    ...ctx.listed(el, 'First_Activity_Id'),
    ...ctx.listed(el, 'Second_Activity_Id'),
  ]),
  ConstraintTwoActivitiesGrouped: relation('adjacent', 'pairwise', 'Rules adjacent', (el, ctx) => [
    ...ctx.listed(el, 'First_Activity_Id'),
    ...ctx.listed(el, 'Second_Activity_Id'),
  ]),
  ConstraintActivitiesSameStartingHour: relation('same_period', 'pairwise', 'Rules same_period', byId),
  ConstraintTwoActivitiesOrdered: relation('ordered', 'pairwise', 'Rules ordered', (el, ctx) => [
    ...ctx.listed(el, 'First_Activity_Id'),
    ...ctx.listed(el, 'Second_Activity_Id'),
  ]),
  ConstraintActivitiesNotOverlapping: relation('not_overlapping', 'whole', 'Rules not_overlapping', byId),
  ConstraintMinDaysBetweenActivities: relation(
    'min_days',
    'whole',
    'Rules min_days_apart (the sessions of one course), different_days (several courses, 1 day) or min_days_between (several courses, with min_days_apart on each course of several sessions); "consecutive if on the same day" below 100 %: also a hard adjacent_if_same_day over the same courses',
    byId,
    (el) => num(el, 'MinDays'),
  ),
  ConstraintMinGapsBetweenActivities: relation(
    'min_gap',
    'whole',
    'Rules min_gap (not in a file with a break inside the day: FET counts the break hour as a gap)',
    byId,
    (el) => num(el, 'MinGaps'),
  ),
  ConstraintMaxDaysBetweenActivities: relation(
    'max_days_apart',
    'whole',
    'Rules max_days_apart (every pair of the activities, also parts of one split activity)',
    byId,
    (el) => num(el, 'MaxDays'),
  ),
  ConstraintActivityEndsStudentsDay: relation(
    'ends_day',
    'whole',
    'Rules ends_day (nothing later that day for any subgroup of the activity)',
    byId,
  ),
  ConstraintActivitiesEndStudentsDay: relation(
    'ends_day',
    'whole',
    'Rules ends_day over the activities the filter selects',
    byFilter,
  ),
  ConstraintActivitiesSameRoomIfConsecutive: relation(
    'same_room_if_consecutive',
    'whole',
    'Rules same_room_if_consecutive (back to back: the next hour, no break between)',
    byId,
  ),
  ConstraintActivitiesOccupyMaxTerms: terms(
    relation(
      'max_terms',
      'whole',
      'Rules max_terms (Calendar days_per_term from the Terms mode)',
      byId,
      (el) => num(el, 'Max_Number_of_Occupied_Terms'),
    ),
  ),
  ConstraintActivitiesMaxInATerm: terms(
    relation(
      'max_per_term',
      'whole',
      'Rules max_per_term (Calendar days_per_term from the Terms mode)',
      byId,
      (el) => num(el, 'Max_Number_of_Activities_in_A_Term'),
    ),
  ),
  ConstraintActivitiesOccupyMaxTimeSlotsFromSelection: occupyMaxSlots,
  ConstraintTeacherIntervalMaxDaysPerWeek: teacherIntervalDays,
  ConstraintTeachersIntervalMaxDaysPerWeek: teacherIntervalDays,
  ConstraintStudentsSetIntervalMaxDaysPerWeek: studentsIntervalDays,
  ConstraintStudentsIntervalMaxDaysPerWeek: studentsIntervalDays,
  ConstraintActivitiesOccupyMaxDifferentRooms: relation(
    'same_room',
    'whole',
    'Rules same_room (at most 1 room)',
    byId,
    (el) => num(el, 'Max_Number_of_Different_Rooms'),
  ),
  ConstraintTeacherMaxHoursDaily: teacherLimit('maxPerDay', 'Maximum_Hours_Daily', 'Faculty max_per_day'),
  ConstraintTeachersMaxHoursDaily: teacherLimit('maxPerDay', 'Maximum_Hours_Daily', 'Faculty max_per_day'),
  ConstraintTeacherMaxDaysPerWeek: teacherLimit('maxDays', 'Max_Days_Per_Week', 'Faculty max_days'),
  ConstraintTeachersMaxDaysPerWeek: teacherLimit('maxDays', 'Max_Days_Per_Week', 'Faculty max_days'),
  ConstraintTeacherMaxGapsPerDay: teacherLimit('maxGapsPerDay', 'Max_Gaps', 'Faculty max_gaps_per_day'),
  ConstraintTeachersMaxGapsPerDay: teacherLimit('maxGapsPerDay', 'Max_Gaps', 'Faculty max_gaps_per_day'),
  ConstraintTeacherMaxGapsPerWeek: teacherLimit('maxGapsPerWeek', 'Max_Gaps', 'Faculty max_gaps_per_week'),
  ConstraintTeachersMaxGapsPerWeek: teacherLimit('maxGapsPerWeek', 'Max_Gaps', 'Faculty max_gaps_per_week'),
  ConstraintTeacherMinHoursDaily: teacherLimit('minPerDay', 'Minimum_Hours_Daily', 'Faculty min_per_day'),
  ConstraintTeachersMinHoursDaily: teacherLimit('minPerDay', 'Minimum_Hours_Daily', 'Faculty min_per_day'),
  ConstraintTeacherMinDaysPerWeek: teacherLimit('minDays', 'Minimum_Days_Per_Week', 'Faculty min_days'),
  ConstraintTeachersMinDaysPerWeek: teacherLimit('minDays', 'Minimum_Days_Per_Week', 'Faculty min_days'),
  // FET's hours in a row end at any hour the teacher or subgroup is free, a break hour included: a
  // break on every day leaves a gap between two periods here (ending a run), a break on some days
  // only is an unavailable period (free, ending a run too).
  ConstraintTeacherMaxHoursContinuously: teacherLimit(
    'maxContinuous',
    'Maximum_Hours_Continuously',
    'Faculty max_continuous',
  ),
  ConstraintTeachersMaxHoursContinuously: teacherLimit(
    'maxContinuous',
    'Maximum_Hours_Continuously',
    'Faculty max_continuous',
  ),
  ConstraintStudentsSetMaxHoursContinuously: studentsLimit(
    'maxContinuous',
    'Maximum_Hours_Continuously',
    'Groups max_continuous',
  ),
  ConstraintStudentsMaxHoursContinuously: studentsLimit(
    'maxContinuous',
    'Maximum_Hours_Continuously',
    'Groups max_continuous',
  ),
  // FET's span of a day counts its hours from the first busy one to the last, break hours too;
  // build.ts reports it weakened where an every-day break (no period here) falls inside a day.
  ConstraintTeacherMaxSpanPerDay: spanLimit(teacherLimit('maxSpan', 'Max_Span', 'Faculty max_span')),
  ConstraintTeachersMaxSpanPerDay: spanLimit(teacherLimit('maxSpan', 'Max_Span', 'Faculty max_span')),
  ConstraintStudentsSetMaxSpanPerDay: spanLimit(
    studentsLimit('maxSpan', 'Max_Span', 'Groups max_span on each subgroup'),
  ),
  ConstraintStudentsMaxSpanPerDay: spanLimit(
    studentsLimit('maxSpan', 'Max_Span', 'Groups max_span on each subgroup'),
  ),
  // FET's resting hours count every hour, break hours too; build.ts lowers the limit by the
  // every-day break hours (no periods here) and reports it weakened then.
  ConstraintTeacherMinRestingHours: restLimit(
    teacherLimit('minRest', 'Minimum_Resting_Hours', 'Faculty min_rest'),
  ),
  ConstraintTeachersMinRestingHours: restLimit(
    teacherLimit('minRest', 'Minimum_Resting_Hours', 'Faculty min_rest'),
  ),
  ConstraintStudentsSetMinRestingHours: restLimit(
    studentsLimit('minRest', 'Minimum_Resting_Hours', 'Groups min_rest on each subgroup'),
  ),
  ConstraintStudentsMinRestingHours: restLimit(
    studentsLimit('minRest', 'Minimum_Resting_Hours', 'Groups min_rest on each subgroup'),
  ),
  // FET's first hour of a day skips break hours and the set's not-available hours; the contract
  // counts periods by index. build.ts keeps the limit only on subgroups free at the first two hours
  // of every day (./lateStarts.ts), where both readings are the same.
  ConstraintStudentsEarlyMaxBeginningsAtSecondHour: studentsLimit(
    'maxLateStarts',
    'Max_Beginnings_At_Second_Hour',
    'Groups max_late_starts on each subgroup',
  ),
  ConstraintStudentsSetEarlyMaxBeginningsAtSecondHour: studentsLimit(
    'maxLateStarts',
    'Max_Beginnings_At_Second_Hour',
    'Groups max_late_starts on each subgroup',
  ),
  ConstraintStudentsSetMaxGapsPerWeek: studentsLimit(
    'maxGapsPerWeek',
    'Max_Gaps',
    'Groups max_gaps_per_week',
  ),
  ConstraintStudentsMaxGapsPerWeek: studentsLimit('maxGapsPerWeek', 'Max_Gaps', 'Groups max_gaps_per_week'),
  ConstraintStudentsSetMaxHoursDaily: studentsLimit('maxPerDay', 'Maximum_Hours_Daily', 'Groups max_per_day'),
  ConstraintStudentsMaxHoursDaily: studentsLimit('maxPerDay', 'Maximum_Hours_Daily', 'Groups max_per_day'),
  ConstraintStudentsSetMinHoursDaily: studentsLimit('minPerDay', 'Minimum_Hours_Daily', 'Groups min_per_day'),
  ConstraintStudentsMinHoursDaily: studentsLimit('minPerDay', 'Minimum_Hours_Daily', 'Groups min_per_day'),
  ConstraintStudentsSetMaxGapsPerDay: studentsLimit('maxGapsPerDay', 'Max_Gaps', 'Groups max_gaps_per_day'),
  ConstraintStudentsMaxGapsPerDay: studentsLimit('maxGapsPerDay', 'Max_Gaps', 'Groups max_gaps_per_day'),
  ConstraintActivityPreferredRoom: {
    target: 'Courses rooms (or the Fixed room when the time is fixed too)',
    hardOnly: true,
    handle(el, ctx, _w, kind) {
      const [id] = ctx.listed(el);
      const room = textOf(el, 'Room');
      if (id === undefined || room === undefined) return;
      if (ctx.singleRoom.has(id) && ctx.singleRoom.get(id) !== room) intersect(ctx.roomSets, id, []);
      ctx.singleRoom.set(id, room);
      ctx.note(kind, 'mapped', [id], '');
    },
  },
  ConstraintActivityPreferredRooms: roomPreference('Courses rooms', manyRooms, byId),
  ConstraintSubjectPreferredRoom: roomPreference('Courses rooms', oneRoom, withSubject),
  ConstraintSubjectPreferredRooms: roomPreference('Courses rooms', manyRooms, withSubject),
  ConstraintActivityTagPreferredRoom: roomPreference('Courses rooms', oneRoom, withTag),
  ConstraintActivityTagPreferredRooms: roomPreference('Courses rooms', manyRooms, withTag),
  ConstraintSubjectActivityTagPreferredRoom: roomPreference('Courses rooms', oneRoom, withSubjectAndTag),
  ConstraintSubjectActivityTagPreferredRooms: roomPreference('Courses rooms', manyRooms, withSubjectAndTag),
  ConstraintStudentsSetHomeRoom: roomPreference(
    'Courses rooms (when no other room is preferred)',
    oneRoom,
    ofOnlyStudents,
    true,
  ),
  ConstraintStudentsSetHomeRooms: roomPreference(
    'Courses rooms (when no other room is preferred)',
    manyRooms,
    ofOnlyStudents,
    true,
  ),
  ConstraintTeacherHomeRoom: roomPreference(
    'Courses rooms (when no other room is preferred)',
    oneRoom,
    ofOnlyTeacher,
    true,
  ),
  ConstraintTeacherHomeRooms: roomPreference(
    'Courses rooms (when no other room is preferred)',
    manyRooms,
    ofOnlyTeacher,
    true,
  ),
};

/** The activity ids a constraint element names in any form, for naming them in warnings. */
export function activitiesNamed(el: XmlElement, ctx: FetContext): number[] {
  const ids = [
    ...ctx.listed(el),
    ...ctx.listed(el, 'First_Activity_Id'),
    ...ctx.listed(el, 'Second_Activity_Id'),
  ];
  if (ids.length) return ids;
  const teacher = textOf(el, 'Teacher_Name') ?? textOf(el, 'Teacher');
  if (teacher) return ofTeacher(ctx, teacher);
  const students = textOf(el, 'Students') ?? textOf(el, 'Students_Name');
  if (students && ctx.atomicOf(students).length) return ofStudents(ctx, students);
  const filtered = ['Subject_Name', 'Activity_Tag_Name', 'Students_Name'].some((t) => textOf(el, t));
  if (filtered) return ctx.matching(el).map((a) => a.id);
  const tagged = child(el, 'Activity_Tag') ?? child(el, 'Subject');
  return tagged ? [...withTag(el, ctx), ...withSubject(el, ctx)] : [];
}
