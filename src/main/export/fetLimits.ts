// The Faculty and Groups limit columns as FET time constraints (weight 100 %), for the FET export.
// - Faculty: max_per_day, max_days, max_gaps_per_day, max_gaps_per_week, min_per_day (a day off
//   allowed: Allow_Empty_Days), min_days, max_continuous, max_span -> ConstraintTeacher... for that
//   teacher. A min_per_day of 1 says nothing (a teaching day has a period) and FET refuses it: not
//   written. max_per_week has no FET constraint (a FET teacher's week is the sum of their
//   activities) and is not written.
// - Groups: a group's limit holds for each student set below it (a group with no sub-groups); in the
//   export every group is a FET year of its own, so the limit is written on the year of each such
//   set, the strictest of the set's own and its ancestors' (the smallest maximum, the largest
//   minimum): max_per_day, min_per_day, max_gaps_per_day, max_gaps_per_week, max_continuous,
//   max_late_starts, max_span -> ConstraintStudentsSet... (min_per_day 1 not written either).
// Readings: FET leaves break hours out of gaps and ends a run of hours at one, as the contract does
// with a gap between periods; FET's "early, max beginnings at second hour" skips break hours when
// it finds a set's first and second hour, as the contract counts periods by index; FET also leaves
// a teacher's not-available hours out of gaps, as the contract leaves a faculty member's
// unavailable periods out of their idle periods. FET counts a break hour inside a day's span, the
// contract does not: max_span is written only when no gap between periods falls inside the day; so is
// min_rest (-> Teacher/StudentsSetMinRestingHours, not circular: the contract's week does not wrap),
// as FET counts break hours in a rest too.
import type { College, Faculty } from '../../shared/model/index.ts';
import { adjacency } from '../../shared/model/periods.ts';
import { leafSetChains } from './fetSetChains.ts';

type Tag = (name: string, value: string | number) => string;

const TEACHER: Array<[keyof Faculty, string, string, string?]> = [
  ['maxPerDay', 'ConstraintTeacherMaxHoursDaily', 'Maximum_Hours_Daily'],
  ['maxDays', 'ConstraintTeacherMaxDaysPerWeek', 'Max_Days_Per_Week'],
  ['maxGapsPerDay', 'ConstraintTeacherMaxGapsPerDay', 'Max_Gaps'],
  ['maxGapsPerWeek', 'ConstraintTeacherMaxGapsPerWeek', 'Max_Gaps'],
  ['minPerDay', 'ConstraintTeacherMinHoursDaily', 'Minimum_Hours_Daily', 'Allow_Empty_Days'],
  ['minDays', 'ConstraintTeacherMinDaysPerWeek', 'Minimum_Days_Per_Week'],
  ['maxContinuous', 'ConstraintTeacherMaxHoursContinuously', 'Maximum_Hours_Continuously'],
  ['maxSpan', 'ConstraintTeacherMaxSpanPerDay', 'Max_Span'],
  ['minRest', 'ConstraintTeacherMinRestingHours', 'Minimum_Resting_Hours'],
];

type GroupLimit =
  | 'maxPerDay'
  | 'minPerDay'
  | 'maxGapsPerDay'
  | 'maxGapsPerWeek'
  | 'maxContinuous'
  | 'maxLateStarts'
  | 'maxSpan'
  | 'minRest';
const STUDENTS: Array<[GroupLimit, string, string, string?]> = [
  ['maxPerDay', 'ConstraintStudentsSetMaxHoursDaily', 'Maximum_Hours_Daily'],
  ['minPerDay', 'ConstraintStudentsSetMinHoursDaily', 'Minimum_Hours_Daily', 'Allow_Empty_Days'],
  ['maxGapsPerDay', 'ConstraintStudentsSetMaxGapsPerDay', 'Max_Gaps'],
  ['maxGapsPerWeek', 'ConstraintStudentsSetMaxGapsPerWeek', 'Max_Gaps'],
  ['maxContinuous', 'ConstraintStudentsSetMaxHoursContinuously', 'Maximum_Hours_Continuously'],
  ['maxLateStarts', 'ConstraintStudentsSetEarlyMaxBeginningsAtSecondHour', 'Max_Beginnings_At_Second_Hour'],
  ['maxSpan', 'ConstraintStudentsSetMaxSpanPerDay', 'Max_Span'],
  ['minRest', 'ConstraintStudentsSetMinRestingHours', 'Minimum_Resting_Hours'],
];

export function fetLimitConstraints(college: College, tag: Tag): string[] {
  const out: string[] = [];
  // FET counts a break hour inside a day's span, and a gap between periods is written as one: with a
  // gap inside the day FET's span would be longer than the contract's, so max_span is left out.
  const spanExact = adjacency(college.periods).slice(0, -1).every(Boolean);
  // FET refuses more resting hours than hours in a day: such a min_rest is left out.
  const restFits = (field: string, v: number): boolean => field !== 'minRest' || v <= college.periods.length;
  const write = (name: string, who: string, valueTag: string, value: number, emptyDays?: string): void => {
    out.push(
      `<${name}>${tag('Weight_Percentage', 100)}${who}${tag(valueTag, value)}` +
        `${emptyDays ? tag(emptyDays, 'true') : ''}${name.endsWith('MinRestingHours') ? tag('Circular', 'false') : ''}${tag('Active', 'true')}${tag('Comments', '')}</${name}>`,
    );
  };
  for (const f of college.faculty)
    for (const [field, name, valueTag, emptyDays] of TEACHER) {
      const v = f[field];
      if (
        typeof v === 'number' &&
        written(field, v) &&
        restFits(field, v) &&
        ((field !== 'maxSpan' && field !== 'minRest') || spanExact)
      )
        write(name, tag('Teacher_Name', f.id), valueTag, v, emptyDays);
    }
  for (const [set, chain] of leafSetChains(college.groups)) {
    for (const [field, name, valueTag, emptyDays] of STUDENTS) {
      const values = chain.map((g) => g[field]).filter((v): v is number => v !== undefined);
      let v = field === 'minPerDay' || field === 'minRest' ? Math.max(0, ...values) : Math.min(...values);
      // FET refuses more late days than days; as many as the days says the same (only "never later").
      if (field === 'maxLateStarts') v = Math.min(v, college.calendar.days.length);
      if (
        values.length &&
        written(field, v) &&
        restFits(field, v) &&
        ((field !== 'maxSpan' && field !== 'minRest') || spanExact)
      )
        write(name, tag('Students', set.id), valueTag, v, emptyDays);
    }
  }
  return out;
}

/** Limits FET can state: gap limits and late starts from 0, a minimum per day from 2, the others from 1. */
function written(field: string, value: number): boolean {
  if (field.startsWith('maxGaps') || field === 'maxLateStarts') return value >= 0;
  return field === 'minPerDay' ? value >= 2 : value >= 1;
}
