// The Rules kinds with a slot list as FET constraints, for the FET export (docs/FET.md):
// max_slots (min_slots) is FET's activities occupy max (min) time slots from selection, max_simultaneous and
// min_simultaneous(_or_none) its activities max / min simultaneous in selected time slots (allow
// empty slots for _or_none), max_sessions_in_slots its max total activities from set in selected
// time slots (FET has these four at 100 % only: a soft rule is written hard); preferred_starts and
// preferred_slots are one activity preferred starting times (time slots) per activity, at the
// rule's weight; max_days_in_slots is FET's teacher interval max days per week when its courses
// are exactly one faculty member's and its slots one range of periods on every day, else it is not
// written (FET has no such constraint over other activities).
import type { College, Rule } from '../../shared/model/index.ts';

const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const tag = (name: string, value: string | number): string => `<${name}>${esc(String(value))}</${name}>`;

export interface FetSlotNames {
  /** FET's day and hour names of a slot. */
  time(day: number, period: number): [string, string];
  /** The name of FET's hour after the period's, '' after the day's last (FET's end of day). */
  hourAfter(period: number): string;
}

/** FET's element and value tag of the kinds over listed activities and selected slots. */
const SELECTED: Partial<Record<Rule['kind'], [string, string]>> = {
  max_slots: ['ConstraintActivitiesOccupyMaxTimeSlotsFromSelection', 'Max_Number_of_Occupied_Time_Slots'],
  min_slots: ['ConstraintActivitiesOccupyMinTimeSlotsFromSelection', 'Min_Number_of_Occupied_Time_Slots'],
  max_simultaneous: [
    'ConstraintActivitiesMaxSimultaneousInSelectedTimeSlots',
    'Max_Number_of_Simultaneous_Activities',
  ],
  min_simultaneous: [
    'ConstraintActivitiesMinSimultaneousInSelectedTimeSlots',
    'Min_Number_of_Simultaneous_Activities',
  ],
  min_simultaneous_or_none: [
    'ConstraintActivitiesMinSimultaneousInSelectedTimeSlots',
    'Min_Number_of_Simultaneous_Activities',
  ],
  max_sessions_in_slots: [
    'ConstraintMaxTotalActivitiesFromSetInSelectedTimeSlots',
    'Max_Total_Number_of_Activities',
  ],
};

/** The FET constraints of a rule with a slot list over activities `ids` (none when FET cannot say it). */
export function fetSlotRule(college: College, rule: Rule, ids: number[], names: FetSlotNames): string[] {
  const slots = rule.slots ?? [];
  const tail = tag('Active', 'true') + tag('Comments', `Slotwise rule ${rule.kind}`);
  const times = (item: string, day: string, hour: string): string[] =>
    slots.map((s) => {
      const [d, h] = names.time(s.day, s.period);
      return `<${item}>${tag(day, d)}${tag(hour, h)}</${item}>`;
    });
  const selected = SELECTED[rule.kind];
  if (selected) {
    if (ids.length === 0 || slots.length === 0) return [];
    const [name, valueTag] = selected;
    const chosen = times('Selected_Time_Slot', 'Selected_Day', 'Selected_Hour');
    const empty =
      name === 'ConstraintActivitiesMinSimultaneousInSelectedTimeSlots'
        ? tag('Allow_Empty_Slots', rule.kind === 'min_simultaneous_or_none' ? 'true' : 'false')
        : '';
    return [
      `<${name}>${tag('Weight_Percentage', 100)}` +
        `${tag('Number_of_Activities', ids.length)}${ids.map((id) => tag('Activity_Id', id)).join('')}` +
        `${tag('Number_of_Selected_Time_Slots', chosen.length)}${chosen.join('')}` +
        `${tag(valueTag, rule.value ?? 0)}${empty}${tail}</${name}>`,
    ];
  }
  if (rule.kind === 'preferred_starts' || rule.kind === 'preferred_slots') {
    if (slots.length === 0) return [];
    const weight = rule.hard ? 100 : Math.min(99.9, Math.max(0, rule.weight));
    const starts = rule.kind === 'preferred_starts';
    const name = starts ? 'ConstraintActivityPreferredStartingTimes' : 'ConstraintActivityPreferredTimeSlots';
    const list = starts
      ? tag('Number_of_Preferred_Starting_Times', slots.length) +
        times('Preferred_Starting_Time', 'Preferred_Starting_Day', 'Preferred_Starting_Hour').join('')
      : tag('Number_of_Preferred_Time_Slots', slots.length) +
        times('Preferred_Time_Slot', 'Preferred_Day', 'Preferred_Hour').join('');
    return ids.map(
      (id) => `<${name}>${tag('Weight_Percentage', weight)}${tag('Activity_Id', id)}${list}${tail}</${name}>`,
    );
  }
  // max_days_in_slots: one range of periods on every day, over exactly one faculty member's courses.
  const nDays = college.calendar.days.length;
  const periods = [...new Set(slots.map((s) => s.period))].sort((a, b) => a - b);
  const keys = new Set(slots.map((s) => s.day * college.periods.length + s.period));
  const range = periods.length > 0 && periods[periods.length - 1] - periods[0] === periods.length - 1;
  const everyDay = keys.size === nDays * periods.length;
  if (!range || !everyDay || rule.courses.some((c) => c.includes('#'))) return [];
  const listed = new Set(rule.courses);
  const teacher = college.faculty.find((f) => {
    const own = college.courses.filter((c) => c.faculty.includes(f.id)).map((c) => c.id);
    return own.length === listed.size && own.every((c) => listed.has(c));
  });
  if (!teacher) return [];
  return [
    `<ConstraintTeacherIntervalMaxDaysPerWeek>${tag('Weight_Percentage', 100)}${tag('Teacher_Name', teacher.id)}` +
      `${tag('Interval_Start_Hour', names.time(0, periods[0])[1])}` +
      `${tag('Interval_End_Hour', names.hourAfter(periods[periods.length - 1]))}` +
      `${tag('Max_Days_Per_Week', rule.value ?? 0)}${tail}</ConstraintTeacherIntervalMaxDaysPerWeek>`,
  ];
}
