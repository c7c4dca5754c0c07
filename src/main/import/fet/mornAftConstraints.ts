// The constraint table of a mornings-afternoons file (mornAftRead.ts), read before FET_CONSTRAINTS:
// FET's real-day kinds become the contract's day limits (a Calendar day is a real day here), the
// morning and afternoon counts max_days_in_slots rules, and the half-day kinds whose meaning the real
// day changes are read weaker (weakerInMornAft) or dropped. Kinds not listed map as in an ordinary
// file: times through the half-day slots, min days between activities on real days (as FET 6 counts
// them in this mode), consecutive and grouped activities within a half day (the gap between morning
// and afternoon is a break), max hours continuously ending at that gap.
import { activitiesNamed } from './activitySelectors.ts';
import { BUILDING_CONSTRAINTS } from './buildingChanges.ts';
import type { KindCount } from './build.ts';
import { intersect, studentsLimit, teacherLimit } from './constraintMappings.ts';
import type { FetContext, Mapping, Outcome } from './fetContext.ts';
import { eachSubgroup, eachTeacher, maxDaysPerPerson } from './slotConstraints.ts';
import { studentsTagDaily, teacherTagDaily } from './tagLimits.ts';
import { numberOf, textOf, type XmlElement } from './xml.ts';

function dropped(reason: string): Mapping {
  return {
    target: `dropped: ${reason}`,
    handle(el, ctx, _w, kind) {
      ctx.note(kind, 'dropped', activitiesNamed(el, ctx), reason);
    },
  };
}

/** `base` reading its limit `tag` changed by `f` (a half-day limit as the real day's weaker one). */
function scaled(base: Mapping, tag: string, f: (n: number) => number): Mapping {
  return {
    ...base,
    handle(el, ctx, w, kind) {
      const n = numberOf(el, tag);
      const children = el.children.map((c) =>
        c.name === tag && n !== undefined ? { ...c, text: String(f(n)) } : c,
      );
      base.handle({ ...el, children }, ctx, w, kind);
    },
  };
}

/**
 * At most `tag` mornings (half 0) or afternoons (half 1) a week for each person `people` lists: one
 * max_days_in_slots rule each, its slots the morning's (afternoon's) hours of every day. Exact: a
 * Calendar day has one morning and one afternoon.
 */
function halves(half: 0 | 1, tag: string, people: (el: XmlElement, ctx: FetContext) => number[][]): Mapping {
  return {
    target: `Rules max_days_in_slots over each person's courses (the ${half ? 'afternoon' : 'morning'} of every day)`,
    hardOnly: true,
    handle(el, ctx, _w, fetKind) {
      const H = ctx.hoursPerDay;
      const Hh = ctx.mornAft?.hoursPerHalf ?? H;
      const value = numberOf(el, tag);
      if (value === undefined) return;
      const slots = ctx.timeSlots(el, '', '').filter((s) => Math.floor((s % H) / Hh) === half);
      maxDaysPerPerson(ctx, fetKind, people(el, ctx), value, slots);
    },
  };
}

const preferredDay: Mapping = {
  target: 'Courses starts (the half day)',
  hardOnly: true,
  handle(el, ctx, _w, kind) {
    const [id] = ctx.listed(el);
    if (id === undefined) return;
    intersect(ctx.allowStart, id, ctx.timeSlots(el, textOf(el, 'Preferred_Day') ?? '', ''));
    ctx.note(kind, 'mapped', [id], '');
  },
};

const maxPerDay = teacherLimit('maxPerDay', 'Maximum_Hours_Daily', 'Faculty max_per_day');
const groupsMaxPerDay = studentsLimit('maxPerDay', 'Maximum_Hours_Daily', 'Groups max_per_day');
const twice = (n: number): number => 2 * n;
const HALF_TAG =
  "FET limits the tag's hours in each half day; the contract limits the real day to twice that";
const gaps = dropped(
  "FET counts gaps within each half day; the contract's day is the real day, where the free periods between a morning and an afternoon lesson count: stricter than FET's",
);
const span = dropped("FET's span is a half day's; the real day's would be stricter");
const rest = dropped('FET rests between half days, not between the contract’s days');

export const MORN_AFT_CONSTRAINTS: Record<string, Mapping> = {
  ConstraintTeacherMaxHoursDailyRealDays: maxPerDay,
  ConstraintTeachersMaxHoursDailyRealDays: maxPerDay,
  ConstraintStudentsSetMaxHoursDailyRealDays: groupsMaxPerDay,
  ConstraintStudentsMaxHoursDailyRealDays: groupsMaxPerDay,
  ConstraintTeacherMinHoursDailyRealDays: teacherLimit(
    'minPerDay',
    'Minimum_Hours_Daily',
    'Faculty min_per_day',
  ),
  ConstraintTeachersMinHoursDailyRealDays: teacherLimit(
    'minPerDay',
    'Minimum_Hours_Daily',
    'Faculty min_per_day',
  ),
  ConstraintStudentsSetMinHoursDailyRealDays: studentsLimit(
    'minPerDay',
    'Minimum_Hours_Daily',
    'Groups min_per_day',
  ),
  ConstraintStudentsMinHoursDailyRealDays: studentsLimit(
    'minPerDay',
    'Minimum_Hours_Daily',
    'Groups min_per_day',
  ),
  ConstraintTeacherMaxRealDaysPerWeek: teacherLimit('maxDays', 'Max_Days_Per_Week', 'Faculty max_days'),
  ConstraintTeachersMaxRealDaysPerWeek: teacherLimit('maxDays', 'Max_Days_Per_Week', 'Faculty max_days'),
  ConstraintTeacherMinRealDaysPerWeek: teacherLimit('minDays', 'Minimum_Days_Per_Week', 'Faculty min_days'),
  ConstraintTeachersMinRealDaysPerWeek: teacherLimit('minDays', 'Minimum_Days_Per_Week', 'Faculty min_days'),
  ConstraintTeacherMaxMorningsPerWeek: halves(0, 'Max_Mornings_Per_Week', eachTeacher),
  ConstraintTeachersMaxMorningsPerWeek: halves(0, 'Max_Mornings_Per_Week', eachTeacher),
  ConstraintTeacherMaxAfternoonsPerWeek: halves(1, 'Max_Afternoons_Per_Week', eachTeacher),
  ConstraintTeachersMaxAfternoonsPerWeek: halves(1, 'Max_Afternoons_Per_Week', eachTeacher),
  ConstraintStudentsSetMaxMorningsPerWeek: halves(0, 'Max_Mornings_Per_Week', eachSubgroup),
  ConstraintStudentsMaxMorningsPerWeek: halves(0, 'Max_Mornings_Per_Week', eachSubgroup),
  ConstraintStudentsSetMaxAfternoonsPerWeek: halves(1, 'Max_Afternoons_Per_Week', eachSubgroup),
  ConstraintStudentsMaxAfternoonsPerWeek: halves(1, 'Max_Afternoons_Per_Week', eachSubgroup),
  ConstraintActivityPreferredDay: preferredDay,
  // Half-day limits read on the real day, weaker (weakerInMornAft reports them).
  // Activity tag limits: the real-day ones exactly; a half day's daily one at twice on the real day
  // (weaker); a run never crosses the gap between the halves, so "continuously" stays exact.
  ConstraintTeacherActivityTagMaxHoursDailyRealDays: teacherTagDaily,
  ConstraintTeachersActivityTagMaxHoursDailyRealDays: teacherTagDaily,
  ConstraintStudentsSetActivityTagMaxHoursDailyRealDays: studentsTagDaily,
  ConstraintStudentsActivityTagMaxHoursDailyRealDays: studentsTagDaily,
  ConstraintTeacherActivityTagMaxHoursDaily: scaled(teacherTagDaily, 'Maximum_Hours_Daily', twice),
  ConstraintTeachersActivityTagMaxHoursDaily: scaled(teacherTagDaily, 'Maximum_Hours_Daily', twice),
  ConstraintStudentsSetActivityTagMaxHoursDaily: scaled(studentsTagDaily, 'Maximum_Hours_Daily', twice),
  ConstraintStudentsActivityTagMaxHoursDaily: scaled(studentsTagDaily, 'Maximum_Hours_Daily', twice),
  ConstraintTeacherMaxHoursDaily: scaled(maxPerDay, 'Maximum_Hours_Daily', twice),
  ConstraintTeachersMaxHoursDaily: scaled(maxPerDay, 'Maximum_Hours_Daily', twice),
  ConstraintStudentsSetMaxHoursDaily: scaled(groupsMaxPerDay, 'Maximum_Hours_Daily', twice),
  ConstraintStudentsMaxHoursDaily: scaled(groupsMaxPerDay, 'Maximum_Hours_Daily', twice),
  ConstraintTeacherMinDaysPerWeek: scaled(
    teacherLimit('minDays', 'Minimum_Days_Per_Week', 'Faculty min_days'),
    'Minimum_Days_Per_Week',
    (n) => Math.ceil(n / 2),
  ),
  ConstraintTeachersMinDaysPerWeek: scaled(
    teacherLimit('minDays', 'Minimum_Days_Per_Week', 'Faculty min_days'),
    'Minimum_Days_Per_Week',
    (n) => Math.ceil(n / 2),
  ),
  // Half-day kinds the real day would make stricter.
  ConstraintTeacherMaxGapsPerDay: gaps,
  ConstraintTeachersMaxGapsPerDay: gaps,
  ConstraintTeacherMaxGapsPerWeek: gaps,
  ConstraintTeachersMaxGapsPerWeek: gaps,
  ConstraintStudentsSetMaxGapsPerDay: gaps,
  ConstraintStudentsMaxGapsPerDay: gaps,
  ConstraintStudentsSetMaxGapsPerWeek: gaps,
  ConstraintStudentsMaxGapsPerWeek: gaps,
  ConstraintTeacherMaxSpanPerDay: span,
  ConstraintTeachersMaxSpanPerDay: span,
  ConstraintStudentsSetMaxSpanPerDay: span,
  ConstraintStudentsMaxSpanPerDay: span,
  ConstraintTeacherMinRestingHours: rest,
  ConstraintTeachersMinRestingHours: rest,
  ConstraintStudentsSetMinRestingHours: rest,
  ConstraintStudentsMinRestingHours: rest,
  ConstraintStudentsEarlyMaxBeginningsAtSecondHour: dropped(
    'FET counts the beginnings of each half day, the contract those of the real day',
  ),
  ConstraintStudentsSetEarlyMaxBeginningsAtSecondHour: dropped(
    'FET counts the beginnings of each half day, the contract those of the real day',
  ),
  ConstraintActivitiesSameStartingHour: dropped(
    "FET's hour is an hour of a half day (a morning and an afternoon activity may share it): same_period would be stricter",
  ),
  ConstraintMinGapsBetweenActivities: dropped(
    "FET's gaps count within a half day (a morning and an afternoon activity are apart): min_gap would be stricter",
  ),
  ConstraintActivityEndsStudentsDay: dropped(
    "FET ends the students' half day: ends_day would end the real day, stricter",
  ),
  ConstraintActivitiesEndStudentsDay: dropped(
    "FET ends the students' half day: ends_day would end the real day, stricter",
  ),
  ConstraintMaxDaysBetweenActivities: dropped(
    'not checked in the mornings-afternoons mode (FET has real and half day variants)',
  ),
  // FET counts building changes within each half day (a morning and an afternoon lesson in two
  // buildings are no change): the real day's count would be stricter.
  ...Object.fromEntries(
    Object.keys(BUILDING_CONSTRAINTS).map((k) => [
      k,
      dropped(
        "FET counts building changes and their gaps within a half day: the real day's would be stricter",
      ),
    ]),
  ),
};

/** Kinds that map, in this mode, onto a weaker rule than FET's: why. */
const WEAKER: Record<string, string> = {
  ConstraintTeacherActivityTagMaxHoursDaily: HALF_TAG,
  ConstraintTeachersActivityTagMaxHoursDaily: HALF_TAG,
  ConstraintStudentsSetActivityTagMaxHoursDaily: HALF_TAG,
  ConstraintStudentsActivityTagMaxHoursDaily: HALF_TAG,
  ConstraintTeacherMaxHoursDaily: 'FET limits each half day; the contract limits the real day to twice that',
  ConstraintTeachersMaxHoursDaily: 'FET limits each half day; the contract limits the real day to twice that',
  ConstraintStudentsSetMaxHoursDaily:
    'FET limits each half day; the contract limits the real day to twice that',
  ConstraintStudentsMaxHoursDaily: 'FET limits each half day; the contract limits the real day to twice that',
  ConstraintTeacherMaxDaysPerWeek: 'FET counts half days; the contract counts as many real days',
  ConstraintTeachersMaxDaysPerWeek: 'FET counts half days; the contract counts as many real days',
  ConstraintTeacherMinDaysPerWeek:
    'FET counts half days; the contract asks for half as many real days (rounded up)',
  ConstraintTeachersMinDaysPerWeek:
    'FET counts half days; the contract asks for half as many real days (rounded up)',
  ConstraintTeacherMinHoursDaily:
    "FET's minimum holds on each half day with lessons, the contract's on each real day",
  ConstraintTeachersMinHoursDaily:
    "FET's minimum holds on each half day with lessons, the contract's on each real day",
  ConstraintStudentsSetMinHoursDaily:
    "FET's minimum holds on each half day with lessons, the contract's on each real day",
  ConstraintStudentsMinHoursDaily:
    "FET's minimum holds on each half day with lessons, the contract's on each real day",
  ConstraintTeacherIntervalMaxDaysPerWeek:
    'FET counts the half days with a lesson in the interval; the contract counts real days',
  ConstraintTeachersIntervalMaxDaysPerWeek:
    'FET counts the half days with a lesson in the interval; the contract counts real days',
  ConstraintStudentsSetIntervalMaxDaysPerWeek:
    'FET counts the half days with a lesson in the interval; the contract counts real days',
  ConstraintStudentsIntervalMaxDaysPerWeek:
    'FET counts the half days with a lesson in the interval; the contract counts real days',
  ConstraintActivitiesSameStartingDay: 'FET asks for the same half day; the contract for the same real day',
};

/**
 * Reports the kinds mapped weaker in this mode (each mapped count becomes weakened). With a break
 * inside a half day, consecutive and grouped activities become the `_across_break` rules, which
 * also allow the morning's last hour before the afternoon's first: weakened too.
 */
export function weakerInMornAft(
  kinds: Map<string, KindCount>,
  demote: (kind: string, outcome: Outcome, activities: number[], reason: string) => void,
  innerBreak: boolean,
): void {
  const why: Record<string, string> = { ...WEAKER };
  if (innerBreak)
    for (const k of ['ConstraintTwoActivitiesConsecutive', 'ConstraintTwoActivitiesGrouped'])
      why[k] =
        "a break inside a half day makes these consecutive_across_break or adjacent_across_break rules, which also allow the afternoon's first hour after the morning's last";
  for (const [k, reason] of Object.entries(why))
    for (let n = kinds.get(k)?.mapped ?? 0; n > 0; n--) demote(k, 'weakened', [], reason);
}
