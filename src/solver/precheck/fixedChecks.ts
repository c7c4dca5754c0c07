// Fixed sessions that cannot all hold: pinned where the course may not start (also outside its
// Courses starts), or two pinned sessions
// sharing a faculty member, a student set or a room at the same time. Also hard paired rules whose
// courses have different session counts.
import type { CompiledProblem, CompiledRule } from '../../shared/compiled/types.ts';
import type { PrecheckFinding } from '../../shared/solver/protocol.ts';
import { distinctMembers, everyRule, memberCount, memberName } from '../../shared/compiled/ruleMembers.ts';

function fixedId(p: CompiledProblem, s: number): string {
  return `${p.courseIds[p.sessionCourse[s]]} session ${p.sessionIndex[s] + 1}`;
}

export function fixedChecks(p: CompiledProblem, out: PrecheckFinding[]): void {
  // occupant per (resource, slot): faculty, then student sets, then rooms.
  const nRes = p.nFaculty + p.nStudentSets + p.nRooms;
  const occupant = new Map<number, number>();
  const reported = new Set<string>();
  for (let s = 0; s < p.nSessions; s++) {
    const slot = p.sessionFixedSlot[s];
    if (slot < 0) continue;
    const c = p.sessionCourse[s];
    const row = { sheet: 'Fixed', id: fixedId(p, s) };
    if (slot >= p.nSlots || p.startForbidden[c * p.nSlots + slot]) {
      // Only the course's starts list forbids it: say so (the other reasons keep their wording).
      const notListed = slot < p.nSlots && p.courseStartOff[c * p.nSlots + slot] === 1;
      out.push({
        code: 'fixed_forbidden',
        rows: [row, { sheet: 'Courses', id: p.courseIds[c] }],
        fatal: true,
        message: notListed
          ? `${row.id} is pinned to a start time that is not in the starts column of ${p.courseIds[c]}.`
          : `${row.id} is pinned to a start time it cannot use (unavailable for the course or its faculty, or it would run past a break or the day's end).`,
        hint: notListed
          ? `Move the pinned time of ${row.id} in the Fixed sheet to a listed start, or add that start to the course's starts.`
          : `Move the pinned time of ${row.id} in the Fixed sheet, or free that time for the course and its faculty.`,
      });
      continue;
    }
    const resources: number[] = [];
    const fac = p.courseFaculty;
    for (let i = fac.offsets[c]; i < fac.offsets[c + 1]; i++) resources.push(fac.items[i]);
    const sets = p.courseStudentSets;
    for (let i = sets.offsets[c]; i < sets.offsets[c + 1]; i++) resources.push(p.nFaculty + sets.items[i]);
    if (p.sessionFixedRoom[s] >= 0) resources.push(p.nFaculty + p.nStudentSets + p.sessionFixedRoom[s]);
    for (let t = slot; t < slot + p.courseLength[c]; t++) {
      for (const res of resources) {
        const key = t * nRes + res;
        const other = occupant.get(key);
        if (other === undefined) {
          occupant.set(key, s);
          continue;
        }
        const pair = `${other}:${s}`;
        if (reported.has(pair)) continue;
        reported.add(pair);
        const what =
          res < p.nFaculty
            ? `faculty ${p.facultyIds[res]}`
            : res < p.nFaculty + p.nStudentSets
              ? `group ${p.groupIds[p.setGroup[res - p.nFaculty]]}`
              : `room ${p.roomIds[res - p.nFaculty - p.nStudentSets]}`;
        out.push({
          code: 'fixed_clash',
          rows: [{ sheet: 'Fixed', id: fixedId(p, other) }, row],
          fatal: true,
          message: `${fixedId(p, other)} and ${row.id} are both pinned to the same time and share ${what}.`,
          hint: `Move one of the two pinned sessions in the Fixed sheet.`,
        });
      }
    }
  }
}

/** Hard rules that pair session k of each course with session k. */
const PAIRED_KINDS = new Set<string>([
  'same_time',
  'consecutive',
  'same_day',
  'same_period',
  'adjacent',
  'consecutive_across_break',
  'adjacent_across_break',
  'grouped',
]);

export function ruleChecks(p: CompiledProblem, out: PrecheckFinding[]): void {
  for (const rule of everyRule(p)) {
    if (!rule.hard || !PAIRED_KINDS.has(rule.kind)) continue;
    const counts = Array.from(rule.courses, (_c, i) => memberCount(p, rule, i));
    if (counts.every((n) => n === counts[0])) continue;
    const ids = Array.from(rule.courses, (c) => p.courseIds[c]);
    out.push({
      code: 'rule_session_mismatch',
      rows: [
        { sheet: 'Rules', id: `row ${rule.source + 2}` },
        ...ids.map((id) => ({ sheet: 'Courses', id })),
      ],
      fatal: false,
      message: `Hard ${rule.kind} rule pairs session k of ${Array.from(rule.courses, (_c, i) => memberName(p, rule, i)).join(', ')}, but their session counts differ (${counts.join(', ')}); unpaired sessions are unconstrained.`,
      hint: `Give the courses of this rule the same number of sessions, or make the rule soft.`,
    });
  }
}

/** The most periods in a row with no break between them. */
function longestBlock(p: CompiledProblem): number {
  let best = 0;
  let run = 0;
  for (let q = 0; q < p.nPeriods; q++) {
    run++;
    best = Math.max(best, run);
    if (p.adjacentToNext[q] !== 1) run = 0;
  }
  return best;
}

/**
 * Hard rules no timetable can keep: sessions to spread `value` days apart over more days than the
 * week has (min_days_apart within a course, min_days_between across courses), and back-to-back
 * pairs (consecutive, adjacent) or groups (grouped) longer together than the longest run of periods
 * without a break.
 */
export function ruleFitChecks(p: CompiledProblem, out: PrecheckFinding[]): void {
  const block = longestBlock(p);
  const rowOf = (rule: CompiledRule): { sheet: string; id: string } => ({
    sheet: 'Rules',
    id: `row ${rule.source + 2}`,
  });
  for (const rule of everyRule(p)) {
    if (!rule.hard) continue;
    const ids = [...new Set(Array.from(rule.courses, (c) => p.courseIds[c]))];
    const distinct = distinctMembers(p, rule);
    const fail = (message: string, hint: string): void => {
      out.push({
        code: 'rule_cannot_fit',
        rows: [rowOf(rule), ...ids.map((id) => ({ sheet: 'Courses', id }))],
        fatal: true,
        message,
        hint,
      });
    };
    if (rule.kind === 'min_days_apart') {
      for (const i of distinct) {
        const n = memberCount(p, rule, i);
        if (n > 1 && (n - 1) * rule.value + 1 > p.nDays)
          fail(
            `Hard min_days_apart rule: the ${n} sessions of ${memberName(p, rule, i)} cannot be ${rule.value} days apart in a ${p.nDays}-day week (they need ${(n - 1) * rule.value + 1} days).`,
            'Lower the value, make the rule soft, or give the course fewer sessions.',
          );
      }
    } else if (rule.kind === 'min_days_between') {
      const k = distinct.length;
      const names = distinct.map((i) => memberName(p, rule, i));
      if (k > 1 && (k - 1) * rule.value + 1 > p.nDays)
        fail(
          `Hard min_days_between rule: ${k} courses (${names.join(', ')}) cannot each be ${rule.value} days from the others in a ${p.nDays}-day week (they need ${(k - 1) * rule.value + 1} days).`,
          'Lower the value, list fewer courses, or make the rule soft.',
        );
    } else if (rule.kind === 'consecutive' || rule.kind === 'adjacent') {
      for (let i = 1; i < rule.courses.length; i++) {
        const a = rule.courses[i - 1];
        const b = rule.courses[i];
        if (Math.min(p.courseSessionCount[a], p.courseSessionCount[b]) === 0) continue;
        const len = p.courseLength[a] + p.courseLength[b];
        if (len > block)
          fail(
            `Hard ${rule.kind} rule: ${memberName(p, rule, i - 1)} and ${memberName(p, rule, i)} back to back take ${len} periods, but no run of periods without a break is longer than ${block}.`,
            'Shorten a session, remove the break that splits the day, or make the rule soft.',
          );
      }
    } else if (rule.kind === 'grouped') {
      const counts = Array.from(rule.courses, (_c, i) => memberCount(p, rule, i));
      const len = Array.from(rule.courses, (c) => p.courseLength[c]).reduce((x, y) => x + y, 0);
      if (Math.min(...counts) > 0 && len > block)
        fail(
          `Hard grouped rule: ${Array.from(rule.courses, (_c, i) => memberName(p, rule, i)).join(', ')} in one block take ${len} periods, but no run of periods without a break is longer than ${block}.`,
          'Shorten a session, remove the break that splits the day, or make the rule soft.',
        );
    }
  }
}
