// Pigeonhole tests on people: a faculty member's or a student set's weekly periods against the
// periods the week (and their own limits) can hold.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { PrecheckFinding } from '../../shared/solver/protocol.ts';

/** Periods a course needs per week: sessions × length. */
export function coursePeriods(p: CompiledProblem, c: number): number {
  return p.courseSessionCount[c] * p.courseLength[c];
}

function sumPeriods(p: CompiledProblem, courses: Int32Array): number {
  let total = 0;
  for (const c of courses) total += coursePeriods(p, c);
  return total;
}

export function facultyChecks(p: CompiledProblem, out: PrecheckFinding[]): void {
  const { offsets, items } = p.facultyCourses;
  for (let f = 0; f < p.nFaculty; f++) {
    const courses = items.subarray(offsets[f], offsets[f + 1]);
    const id = p.facultyIds[f];
    const rows = [{ sheet: 'Faculty', id }];
    minimumChecks(p, f, courses, out);
    if (courses.length === 0) continue;
    const need = sumPeriods(p, courses);
    const dayCap: number[] = [];
    let available = 0;
    for (let d = 0; d < p.nDays; d++) {
      let free = 0;
      for (let q = 0; q < p.nPeriods; q++)
        free += p.facultyUnavailable[f * p.nSlots + d * p.nPeriods + q] ? 0 : 1;
      available += free;
      dayCap.push(p.facultyMaxPerDay[f] > 0 ? Math.min(free, p.facultyMaxPerDay[f]) : free);
    }
    const courseList = Array.from(courses, (c) => p.courseIds[c]).join(', ');
    if (need > available) {
      out.push({
        code: 'faculty_overload',
        rows,
        fatal: true,
        message: `Faculty ${id} teaches ${need} periods a week (${courseList}) but is available for only ${available} of the ${p.nSlots} periods.`,
        hint: `Move ${need - available} periods of ${id}'s courses to other faculty, or remove unavailable periods of ${id}.`,
      });
      continue;
    }
    const maxWeek = p.facultyMaxPerWeek[f];
    if (maxWeek > 0 && need > maxWeek) {
      out.push({
        code: 'faculty_max_per_week',
        rows,
        fatal: true,
        message: `Faculty ${id} teaches ${need} periods a week (${courseList}) but max_per_week is ${maxWeek}.`,
        hint: `Raise max_per_week of ${id} to at least ${need}, or move ${need - maxWeek} periods to other faculty.`,
      });
      continue;
    }
    const days = p.facultyMaxDays[f] > 0 ? Math.min(p.facultyMaxDays[f], p.nDays) : p.nDays;
    const cap = dayCap
      .sort((a, b) => b - a)
      .slice(0, days)
      .reduce((a, b) => a + b, 0);
    if (need > cap) {
      const limits = [
        p.facultyMaxPerDay[f] > 0 ? `max_per_day ${p.facultyMaxPerDay[f]}` : '',
        p.facultyMaxDays[f] > 0 ? `max_days ${p.facultyMaxDays[f]}` : '',
      ].filter(Boolean);
      out.push({
        code: 'faculty_daily_limits',
        rows,
        fatal: true,
        message: `Faculty ${id} teaches ${need} periods a week but ${limits.join(' and ') || 'the available periods per day'} allow at most ${cap}.`,
        hint: `Raise ${limits.join(' or ') || 'availability'} of ${id}, or move ${need - cap} periods to other faculty.`,
      });
    }
  }
}

/**
 * A faculty member's minimums against what they teach: min_days needs as many sessions and days
 * with a free period; min_per_day needs the week's periods to fill one day, and min_days such days.
 */
function minimumChecks(p: CompiledProblem, f: number, courses: Int32Array, out: PrecheckFinding[]): void {
  const id = p.facultyIds[f];
  const rows = [{ sheet: 'Faculty', id }];
  const minDays = p.facultyMinDays[f];
  const minDay = p.facultyMinPerDay[f];
  if (minDays === 0 && minDay === 0) return;
  let sessions = 0;
  for (const c of courses) sessions += p.courseSessionCount[c];
  const need = sumPeriods(p, courses);
  let freeDays = 0;
  for (let d = 0; d < p.nDays; d++) {
    let free = false;
    for (let q = 0; q < p.nPeriods && !free; q++)
      free = !p.facultyUnavailable[f * p.nSlots + d * p.nPeriods + q];
    if (free) freeDays++;
  }
  const reach = Math.min(sessions, freeDays);
  if (minDays > reach) {
    out.push({
      code: 'faculty_min_days',
      rows,
      fatal: true,
      message:
        sessions < minDays
          ? `Faculty ${id} has ${sessions} session(s) a week but min_days is ${minDays}: each session is on one day.`
          : `Faculty ${id} is available on only ${freeDays} day(s) but min_days is ${minDays}.`,
      hint: `Lower min_days of ${id} to at most ${reach}, or give ${id} more sessions or fewer unavailable days.`,
    });
    return;
  }
  if (minDay > 0 && need > 0 && need < minDay) {
    out.push({
      code: 'faculty_min_per_day',
      rows,
      fatal: true,
      message: `Faculty ${id} teaches ${need} period(s) a week, fewer than min_per_day ${minDay}: any day they teach breaks the limit.`,
      hint: `Lower min_per_day of ${id} to at most ${need}, or remove it.`,
    });
    return;
  }
  if (minDay > 0 && minDays > 0 && minDay * minDays > need) {
    out.push({
      code: 'faculty_min_per_day',
      rows,
      fatal: true,
      message: `Faculty ${id} teaches ${need} periods a week but min_days ${minDays} with min_per_day ${minDay} needs at least ${minDay * minDays}.`,
      hint: `Lower min_per_day or min_days of ${id} (to at most ${need} periods over the days together).`,
    });
  }
}

/** The group of student set k and its ancestors, nearest first. */
function lineage(p: CompiledProblem, k: number): number[] {
  const out: number[] = [];
  for (let g = p.setGroup[k]; g >= 0; g = p.groupParent[g]) out.push(g);
  return out;
}

export function groupChecks(p: CompiledProblem, out: PrecheckFinding[]): void {
  const { offsets, items } = p.setCourses;
  for (let k = 0; k < p.nStudentSets; k++) {
    const courses = items.subarray(offsets[k], offsets[k + 1]);
    const need = sumPeriods(p, courses);
    const groups = lineage(p, k);
    const id = p.groupIds[groups[0]];
    const via =
      groups.length > 1
        ? ` (including sessions of ${groups
            .slice(1)
            .map((g) => p.groupIds[g])
            .join(', ')})`
        : '';
    const rows = groups.map((g) => ({ sheet: 'Groups', id: p.groupIds[g] }));
    if (need > p.nSlots) {
      out.push({
        code: 'group_overload',
        rows,
        fatal: true,
        message: `Group ${id} attends ${need} periods a week${via} but the week has only ${p.nSlots} periods.`,
        hint: `Remove ${need - p.nSlots} periods from the courses of ${id}, or add days or periods to the calendar.`,
      });
      continue;
    }
    let maxDay = 0;
    let minDay = 0;
    for (const g of groups) {
      const mx = p.groupMaxPerDay[g];
      if (mx > 0 && (maxDay === 0 || mx < maxDay)) maxDay = mx;
      minDay = Math.max(minDay, p.groupMinPerDay[g]);
    }
    if (maxDay > 0 && need > maxDay * p.nDays) {
      out.push({
        code: 'group_max_per_day',
        rows,
        fatal: true,
        message: `Group ${id} attends ${need} periods a week${via} but max_per_day ${maxDay} over ${p.nDays} days allows only ${maxDay * p.nDays}.`,
        hint: `Raise max_per_day of ${id} to at least ${Math.ceil(need / p.nDays)}, or remove periods from its courses.`,
      });
    }
    // min_per_day binds only on days with teaching: it is impossible only when the whole week's load
    // cannot fill even one day.
    if (minDay > 0 && need > 0 && need < minDay) {
      out.push({
        code: 'group_min_per_day',
        rows,
        fatal: true,
        message: `Group ${id} attends ${need} period(s) a week${via}, fewer than its min_per_day ${minDay}: any day it is taught breaks the limit.`,
        hint: `Lower min_per_day of ${id} to at most ${need}, or remove it.`,
      });
    }
  }
}
