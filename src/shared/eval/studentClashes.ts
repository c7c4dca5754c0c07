// Students with two sessions at once, in plain counts: how many double-bookings, how many distinct
// students, and the course pairs that cause them. It measures what the evaluator's soft
// `student_clash` cost weighs (clashes.ts): course pairs that share individually enrolled students
// and no student set (pairs sharing a student set are hard group clashes, counted there).
//
// - A double-booking is one student with two sessions that overlap in time: a student in both
//   courses of a pair counts once per pair of overlapping sessions (a 2-period lab overlapping a
//   lecture is one double-booking, however many periods they share). A student in three courses
//   that meet at once has three double-bookings (one per pair).
// - `periodClashes` counts the same per shared period instead: the evaluator's student_clash
//   cost is exactly weights.student_clash x periodClashes.
// - `students`: distinct students with at least one double-booking (null when the problem was
//   built without its students' course lists, e.g. by hand in a test).
//
// Sessions count as placed by THE rule of state.ts (an unplaced or duplicate session clashes with
// nothing). Cost: one pass over the slots like the evaluator's, then one over the enrolled
// students' course lists.
import type { CompiledProblem } from '../compiled/types.ts';
import { buildState } from './state.ts';
import type { Placement } from './types.ts';

/** Two sessions (compiled numbering) of a pair's courses that overlap, from `slot` on. */
export interface StudentClashMeeting {
  sessions: [number, number];
  /** The first slot both occupy. */
  slot: number;
}

export interface StudentClashPair {
  /** Course indices, lower first. */
  courses: [number, number];
  /** Students attending both courses (each double-booked once per meeting). */
  students: number;
  /** students x meetings. */
  doubleBookings: number;
  meetings: StudentClashMeeting[];
}

export interface StudentClashes {
  /** False when no student is individually enrolled: there is nothing to count. */
  hasEnrollments: boolean;
  doubleBookings: number;
  /** Distinct students double-booked at least once; null when unknown (see the header). */
  students: number | null;
  /** Per shared period: the evaluator's student_clash cost divided by its weight. */
  periodClashes: number;
  /** Most students first, then most double-bookings, then by course index. */
  pairs: StudentClashPair[];
}

/** Whether the problem has any individually enrolled student. */
export function hasEnrollments(p: CompiledProblem): boolean {
  if (p.courseStudentConflicts.items.length > 0) return true;
  const st = p.students;
  if (!st) return false;
  for (let s = 0; s < st.enrolledCount.length; s++) if (st.enrolledCount[s] > 0) return true;
  return false;
}

export function studentClashes(p: CompiledProblem, placement: Placement): StudentClashes {
  const enrolled = hasEnrollments(p);
  const conflicts = p.courseStudentConflicts;
  if (conflicts.items.length === 0)
    return { hasEnrollments: enrolled, doubleBookings: 0, students: 0, periodClashes: 0, pairs: [] };

  const { slotOffsets, slotItems, slot: start } = buildState(p, placement);
  const { sessionCourse, nCourses } = p;
  const nSlots = p.nSlots;
  // Per slot, the sessions of each course seen so far in that slot (a linked list).
  const courseHead = new Int32Array(nCourses);
  const courseSeen = new Int32Array(nCourses).fill(-1);
  const next = new Int32Array(slotItems.length);
  const pairIndex = new Map<number, number>();
  const pairs: StudentClashPair[] = [];
  let doubleBookings = 0;
  let periodClashes = 0;

  for (let slot = 0; slot < nSlots; slot++) {
    for (let x = slotOffsets[slot]; x < slotOffsets[slot + 1]; x++) {
      const i = slotItems[x];
      const c = sessionCourse[i];
      for (let k = conflicts.offsets[c]; k < conflicts.offsets[c + 1]; k++) {
        const other = conflicts.items[k];
        if (courseSeen[other] !== slot) continue;
        const shared = p.courseConflictWeight[k];
        for (let e = courseHead[other]; e >= 0; e = next[e]) {
          const j = slotItems[e];
          periodClashes += shared;
          // Two sessions overlap from the later of their starts on: count the pair there only.
          if (slot !== Math.max(start[i], start[j])) continue;
          doubleBookings += shared;
          const lo = Math.min(c, other);
          const hi = Math.max(c, other);
          const key = lo * nCourses + hi;
          let at = pairIndex.get(key);
          if (at === undefined) {
            at = pairs.length;
            pairIndex.set(key, at);
            pairs.push({ courses: [lo, hi], students: shared, doubleBookings: 0, meetings: [] });
          }
          const pair = pairs[at];
          pair.doubleBookings += shared;
          pair.meetings.push({ sessions: c === lo ? [i, j] : [j, i], slot });
        }
      }
      if (courseSeen[c] !== slot) {
        courseSeen[c] = slot;
        courseHead[c] = -1;
      }
      next[x] = courseHead[c];
      courseHead[c] = x;
    }
  }

  pairs.sort(
    (a, b) =>
      b.students - a.students ||
      b.doubleBookings - a.doubleBookings ||
      a.courses[0] - b.courses[0] ||
      a.courses[1] - b.courses[1],
  );
  const students = pairs.length === 0 ? 0 : distinctStudents(p, pairIndex);
  return { hasEnrollments: enrolled, doubleBookings, students, periodClashes, pairs };
}

/**
 * Students attending both courses of a clashing pair, at least one of them by enrollment (the
 * students the pair's shared count is made of), each counted once.
 */
function distinctStudents(p: CompiledProblem, clashing: Map<number, number>): number | null {
  const st = p.students;
  if (!st) return null;
  const { offsets, items } = st.courses;
  const n = p.nCourses;
  let count = 0;
  for (let s = 0; s < st.enrolledCount.length; s++) {
    const a = offsets[s];
    const end = offsets[s + 1];
    const enrolledEnd = a + st.enrolledCount[s];
    let hit = false;
    for (let x = a; x < enrolledEnd && !hit; x++) {
      const e = items[x];
      for (let y = a; y < end; y++) {
        const o = items[y];
        if (o === e) continue;
        if (clashing.has(e < o ? e * n + o : o * n + e)) {
          hit = true;
          break;
        }
      }
    }
    if (hit) count++;
  }
  return count;
}

const n = (x: number): string => x.toLocaleString('en-US');

/** "3,209 student double-bookings (1,150 students) from 41 course pairs". */
export function studentClashWords(c: Pick<StudentClashes, 'doubleBookings' | 'students' | 'pairs'>): string {
  if (c.doubleBookings === 0) return 'no student double-bookings';
  const who = c.students === null ? '' : ` (${n(c.students)} student${c.students === 1 ? '' : 's'})`;
  const pairs = c.pairs.length;
  return `${n(c.doubleBookings)} student double-booking${c.doubleBookings === 1 ? '' : 's'}${who} from ${n(pairs)} course pair${pairs === 1 ? '' : 's'}`;
}

/** "3,209 student double-bookings remain, from 41 course pairs" (empty when there are none). */
export function remainingWords(c: { doubleBookings: number; pairs: number }): string {
  if (c.doubleBookings === 0) return '';
  const one = c.doubleBookings === 1;
  return `${n(c.doubleBookings)} student double-booking${one ? '' : 's'} ${one ? 'remains' : 'remain'}, from ${n(c.pairs)} course pair${c.pairs === 1 ? '' : 's'}`;
}

/**
 * A result in one sentence: "A timetable without clashes was found" only when no student is
 * double-booked either; otherwise it says which clashes there are none of, and what remains.
 */
export function clashFreeSentence(c: { doubleBookings: number; pairs: number } | null): string {
  if (!c || c.doubleBookings === 0) return 'A timetable without clashes was found';
  return `A timetable without group or teacher clashes was found; ${remainingWords(c)}`;
}
