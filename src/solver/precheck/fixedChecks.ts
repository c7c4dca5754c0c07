// Fixed sessions that cannot all hold: pinned where the course may not start, or two pinned sessions
// sharing a faculty member, a student set or a room at the same time. Also hard paired rules whose
// courses have different session counts.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { PrecheckFinding } from '../../shared/solver/protocol.ts';

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
      out.push({
        code: 'fixed_forbidden',
        rows: [row, { sheet: 'Courses', id: p.courseIds[c] }],
        fatal: true,
        message: `${row.id} is pinned to a start time it cannot use (unavailable for the course or its faculty, or it would run past a break or the day's end).`,
        hint: `Move the pinned time of ${row.id} in the Fixed sheet, or free that time for the course and its faculty.`,
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
const PAIRED_KINDS = new Set<string>(['same_time', 'consecutive', 'same_day', 'same_period', 'adjacent']);

export function ruleChecks(p: CompiledProblem, out: PrecheckFinding[]): void {
  for (const rule of p.rules) {
    if (!rule.hard || !PAIRED_KINDS.has(rule.kind)) continue;
    const counts = Array.from(rule.courses, (c) => p.courseSessionCount[c]);
    if (counts.every((n) => n === counts[0])) continue;
    const ids = Array.from(rule.courses, (c) => p.courseIds[c]);
    out.push({
      code: 'rule_session_mismatch',
      rows: [
        { sheet: 'Rules', id: `row ${rule.source + 2}` },
        ...ids.map((id) => ({ sheet: 'Courses', id })),
      ],
      fatal: false,
      message: `Hard ${rule.kind} rule pairs session k of ${ids.join(', ')}, but their session counts differ (${counts.join(', ')}); unpaired sessions are unconstrained.`,
      hint: `Give the courses of this rule the same number of sessions, or make the rule soft.`,
    });
  }
}
