// FET constraints over selected time slots that become the Rules kinds with a slot list
// (docs/WORKBOOK.md max_slots and max_days_in_slots; docs/FET.md):
// - activities occupy max (min) time slots from selection -> max_slots (min_slots) over the listed
//   activities;
// - activities max / min simultaneous in selected time slots -> max_simultaneous / min_simultaneous
//   (min_simultaneous_or_none when FET allows empty slots); max total activities from set in
//   selected time slots -> max_sessions_in_slots (all three hard only in FET);
// - teacher(s) / students (set) interval max days per week -> max_days_in_slots over each teacher's,
//   or each subgroup's, activities, the interval's hours listed on every day.
// The slots are FET's (day x hours + hour); build.ts turns them into the contract's (a break hour
// left out of the periods is dropped from the list: no activity can be there).
import type { FetContext, FetSlot, Mapping } from './fetContext.ts';
import { numberOf, textOf, type XmlElement } from './xml.ts';

/**
 * FET's hours [start, end) on every day; an empty end hour is the day's end. (Mornings-afternoons: on
 * every half day, so in the morning and in the afternoon of every day.)
 */
function intervalSlots(el: XmlElement, ctx: FetContext): FetSlot[] {
  const H = ctx.hoursPerDay;
  const Hh = ctx.mornAft?.hoursPerHalf ?? H;
  const hourOf = (name: string): number => (ctx.timeSlots(el, '', name)[0] % H) % Hh;
  const from = hourOf(textOf(el, 'Interval_Start_Hour') ?? '');
  const endName = textOf(el, 'Interval_End_Hour') ?? '';
  const to = endName === '' ? Hh : hourOf(endName);
  const every = ctx.timeSlots(el, '', '');
  return every.filter((s) => (s % H) % Hh >= from && (s % H) % Hh < to);
}

/** Activities occupy max (min) time slots from selection, as max_slots (min_slots). */
function occupySlots(rule: 'max_slots' | 'min_slots', valueTag: string): Mapping {
  return {
    target: `Rules ${rule} (the selected slots as its slots list)`,
    hardOnly: true,
    handle(el, ctx, _w, fetKind) {
      ctx.relations.push({
        fetKind,
        kind: 'whole',
        rule,
        activities: ctx.listed(el),
        hard: true,
        weight: 100,
        value: numberOf(el, valueTag),
        slots: ctx.slots(el, 'Selected_Time_Slot', 'Selected_Day', 'Selected_Hour'),
      });
    },
  };
}

export const occupyMaxSlots = occupySlots('max_slots', 'Max_Number_of_Occupied_Time_Slots');

export const occupyMinSlots = occupySlots('min_slots', 'Min_Number_of_Occupied_Time_Slots');

/**
 * Interval max days per week as one max_days_in_slots rule per person: `people` gives each
 * person's activities (a teacher's, or a subgroup's).
 */
/** One max_days_in_slots rule per person (teacher or subgroup) over their activities, noted once as mapped. */
export function maxDaysPerPerson(
  ctx: FetContext,
  fetKind: string,
  people: number[][],
  value: number | undefined,
  slots: number[],
): void {
  const all: number[] = [];
  for (const acts of people) {
    all.push(...acts);
    ctx.relations.push({
      fetKind,
      kind: 'whole',
      rule: 'max_days_in_slots',
      activities: acts,
      hard: true,
      weight: 100,
      value,
      slots,
      noted: true,
    });
  }
  ctx.note(fetKind, 'mapped', [...new Set(all)], '');
}

function intervalDays(target: string, people: (el: XmlElement, ctx: FetContext) => number[][]): Mapping {
  return {
    target,
    hardOnly: true,
    handle(el, ctx, _w, fetKind) {
      const slots = intervalSlots(el, ctx);
      const value = numberOf(el, 'Max_Days_Per_Week');
      maxDaysPerPerson(ctx, fetKind, people(el, ctx), value, slots);
    },
  };
}

/** Interval max days per week of one teacher (Teacher_Name) or of every teacher. */
export const teacherIntervalDays = intervalDays(
  "Rules max_days_in_slots over each teacher's courses (the interval on every day)",
  eachTeacher,
);

/** The activities of the constraint's teacher (Teacher_Name), or of each teacher. */
export function eachTeacher(el: XmlElement, ctx: FetContext): number[][] {
  const one = textOf(el, 'Teacher_Name');
  return (one === undefined ? ctx.allTeachers : [one]).map((t) =>
    [...ctx.activityById.values()].filter((a) => a.teachers.includes(t)).map((a) => a.id),
  );
}

/** Interval max days per week of each subgroup of a students set (Students), or of every subgroup. */
export const studentsIntervalDays = intervalDays(
  "Rules max_days_in_slots over each subgroup's courses (the interval on every day)",
  eachSubgroup,
);

/** The activities of each subgroup of the constraint's students set (Students), or of every subgroup. */
export function eachSubgroup(el: XmlElement, ctx: FetContext): number[][] {
  const set = textOf(el, 'Students');
  return (set === undefined ? ctx.allSubgroups : ctx.atomicOf(set)).map((sub) =>
    [...ctx.activityById.values()]
      .filter((a) => a.students.some((s) => ctx.atomicOf(s).includes(sub)))
      .map((a) => a.id),
  );
}
/** A FET constraint over listed activities and selected slots, as one Rules kind with a value. */
function selectedSlots(
  target: string,
  rule: (
    el: XmlElement,
  ) => 'max_simultaneous' | 'min_simultaneous' | 'min_simultaneous_or_none' | 'max_sessions_in_slots',
  valueTag: string,
): Mapping {
  return {
    target,
    hardOnly: true,
    handle(el, ctx, _w, fetKind) {
      ctx.relations.push({
        fetKind,
        kind: 'whole',
        rule: rule(el),
        activities: ctx.listed(el),
        hard: true,
        weight: 100,
        value: numberOf(el, valueTag),
        slots: ctx.slots(el, 'Selected_Time_Slot', 'Selected_Day', 'Selected_Hour'),
      });
    },
  };
}

export const maxSimultaneous = selectedSlots(
  'Rules max_simultaneous (the selected slots as its slots list)',
  () => 'max_simultaneous',
  'Max_Number_of_Simultaneous_Activities',
);

export const minSimultaneous = selectedSlots(
  'Rules min_simultaneous, or min_simultaneous_or_none when empty slots are allowed (the selected slots as its slots list)',
  (el) => (textOf(el, 'Allow_Empty_Slots') === 'true' ? 'min_simultaneous_or_none' : 'min_simultaneous'),
  'Min_Number_of_Simultaneous_Activities',
);

export const maxTotalInSlots = selectedSlots(
  'Rules max_sessions_in_slots (the selected slots as its slots list)',
  () => 'max_sessions_in_slots',
  'Max_Total_Number_of_Activities',
);
