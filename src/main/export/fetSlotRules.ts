// Rules max_slots and max_days_in_slots as FET constraints, for the FET export (docs/FET.md):
// max_slots is FET's activities occupy max time slots from selection (FET has it at 100 % only: a
// soft rule is written hard); max_days_in_slots is FET's teacher interval max days per week when
// its courses are exactly one faculty member's and its slots one range of periods on every day,
// else it is not written (FET has no such constraint over other activities).
import type { College, Rule } from '../../shared/model/index.ts';

const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const tag = (name: string, value: string | number): string => `<${name}>${esc(String(value))}</${name}>`;

export interface FetSlotNames {
  /** FET's day and hour names of a slot. */
  time(day: number, period: number): [string, string];
  /** The name of FET's hour after the period's, '' after the day's last (FET's end of day). */
  hourAfter(period: number): string;
}

/** The FET constraint of a max_slots or max_days_in_slots rule over activities `ids`, or undefined. */
export function fetSlotRule(
  college: College,
  rule: Rule,
  ids: number[],
  names: FetSlotNames,
): string | undefined {
  const slots = rule.slots ?? [];
  const tail = tag('Active', 'true') + tag('Comments', `Slotwise rule ${rule.kind}`);
  if (rule.kind === 'max_slots') {
    if (ids.length === 0 || slots.length === 0) return undefined;
    const selected = slots.map((s) => {
      const [d, h] = names.time(s.day, s.period);
      return `<Selected_Time_Slot>${tag('Selected_Day', d)}${tag('Selected_Hour', h)}</Selected_Time_Slot>`;
    });
    return (
      `<ConstraintActivitiesOccupyMaxTimeSlotsFromSelection>${tag('Weight_Percentage', 100)}` +
      `${tag('Number_of_Activities', ids.length)}${ids.map((id) => tag('Activity_Id', id)).join('')}` +
      `${tag('Number_of_Selected_Time_Slots', selected.length)}${selected.join('')}` +
      `${tag('Max_Number_of_Occupied_Time_Slots', rule.value ?? 0)}${tail}</ConstraintActivitiesOccupyMaxTimeSlotsFromSelection>`
    );
  }
  // max_days_in_slots: one range of periods on every day, over exactly one faculty member's courses.
  const nDays = college.calendar.days.length;
  const periods = [...new Set(slots.map((s) => s.period))].sort((a, b) => a - b);
  const keys = new Set(slots.map((s) => s.day * college.periods.length + s.period));
  const range = periods.length > 0 && periods[periods.length - 1] - periods[0] === periods.length - 1;
  const everyDay = keys.size === nDays * periods.length;
  if (!range || !everyDay || rule.courses.some((c) => c.includes('#'))) return undefined;
  const listed = new Set(rule.courses);
  const teacher = college.faculty.find((f) => {
    const own = college.courses.filter((c) => c.faculty.includes(f.id)).map((c) => c.id);
    return own.length === listed.size && own.every((c) => listed.has(c));
  });
  if (!teacher) return undefined;
  return (
    `<ConstraintTeacherIntervalMaxDaysPerWeek>${tag('Weight_Percentage', 100)}${tag('Teacher_Name', teacher.id)}` +
    `${tag('Interval_Start_Hour', names.time(0, periods[0])[1])}` +
    `${tag('Interval_End_Hour', names.hourAfter(periods[periods.length - 1]))}` +
    `${tag('Max_Days_Per_Week', rule.value ?? 0)}${tail}</ConstraintTeacherIntervalMaxDaysPerWeek>`
  );
}
