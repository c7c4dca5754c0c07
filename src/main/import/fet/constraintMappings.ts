// The building blocks of the FET constraint table (constraints.ts): a teacher's or a students set's
// limit, a relation between activities, preferred starts, not-available times, terms and room
// preferences, each recorded in the FetContext with its outcome (mapped, weakened or dropped).
import { numberOf, textOf, type XmlElement } from './xml.ts';
import type { FetContext, FetSlot, Mapping, Relation, SubgroupLimits, TeacherLimits } from './fetContext.ts';
import { activitiesNamed, ofStudents, ofTeacher, subgroupNames, teacherNames } from './activitySelectors.ts';

export function addAll<K>(map: Map<K, Set<number>>, key: K, values: Iterable<number>): void {
  const set = map.get(key) ?? new Set<number>();
  for (const v of values) set.add(v);
  map.set(key, set);
}

export function intersect<K, V>(map: Map<K, Set<V>>, key: K, values: Iterable<V>): void {
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

export function teacherLimit(field: keyof TeacherLimits, tag: string, target: string): Mapping {
  return {
    target,
    hardOnly: true,
    handle(el, ctx, _w, kind) {
      const value = numberOf(el, tag);
      const teachers = teacherNames(el, ctx);
      if (value === undefined) return;
      const atLeast =
        field === 'minPerDay' ||
        field === 'minDays' ||
        field === 'minRest' ||
        field === 'minGapsBetweenBuildingChanges';
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

export function studentsLimit(field: keyof SubgroupLimits, tag: string, target: string): Mapping {
  return {
    target,
    hardOnly: true,
    handle(el, ctx, _w, kind) {
      const value = numberOf(el, tag);
      if (value === undefined) return;
      const subgroups = subgroupNames(el, ctx);
      for (const s of subgroups)
        if (field === 'minPerDay' || field === 'minRest' || field === 'minGapsBetweenBuildingChanges')
          maxInto(ctx.subgroupLimits, s, field, value);
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
export function spanLimit(base: Mapping): Mapping {
  return {
    target: base.target,
    hardOnly: true,
    handle(el, ctx, w, kind) {
      const plusOne =
        textOf(el, 'Allow_One_Day_Exception_of_Plus_One') ??
        textOf(el, 'Allow_One_Day_Exception_Of_Plus_One');
      if (plusOne !== 'true') return base.handle(el, ctx, w, kind);
      const value = numberOf(el, 'Max_Span');
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
export function restLimit(base: Mapping): Mapping {
  return {
    target: base.target,
    hardOnly: true,
    handle(el, ctx, w, kind) {
      if (textOf(el, 'Circular') === 'false') return base.handle(el, ctx, w, kind);
      const value = numberOf(el, 'Minimum_Resting_Hours');
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

export function startTimes(
  item: string,
  dayTag: string,
  hourTag: string,
  pick: (el: XmlElement, ctx: FetContext) => number[],
  occupy: boolean,
  target: string,
): Mapping {
  return {
    target,
    handle(el, ctx, w, kind) {
      const slots = ctx.slots(el, item, dayTag, hourTag);
      const acts = pick(el, ctx);
      if (w < 100) return preferSlots(ctx, kind, acts, w, slots, occupy);
      for (const id of acts) intersect(occupy ? ctx.allowOccupy : ctx.allowStart, id, slots);
      ctx.note(kind, 'mapped', acts, target);
    },
  };
}

/**
 * Preferred starting times (or time slots, `occupy`) below 100 %: a soft preferred_starts (or
 * preferred_slots) rule of FET's weight over the activities, 1 per activity starting (or running)
 * outside the slots.
 */
export function preferSlots(
  ctx: FetContext,
  fetKind: string,
  acts: number[],
  weight: number,
  slots: FetSlot[],
  occupy: boolean,
): void {
  ctx.relations.push({
    fetKind,
    kind: 'whole',
    rule: occupy ? 'preferred_slots' : 'preferred_starts',
    activities: acts,
    hard: false,
    weight,
    slots,
  });
}

export function notAvailable(
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

export function relation(
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
    (numberOf(el, 'MinDays') ?? 1) >= 1 &&
    textOf(el, 'Consecutive_If_Same_Day') === 'true'
  );
}

/** A terms constraint: hard only (FET refuses one below 100 %), and only in a file with terms. */
export function terms(m: Mapping): Mapping {
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

export function roomPreference(
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
