import { describe, expect, it } from 'vitest';
import { compile } from '../compiled/compile.ts';
import { timetableToPlacement } from '../compiled/placement.ts';
import type { CompiledProblem } from '../compiled/types.ts';
import { evaluate } from './evaluate.ts';
import { studentClashes, studentClashWords } from './studentClashes.ts';
import { testCollege, type CollegeInput, type CourseInput, type Place } from './testing/testCollege.ts';

const course = (id: string, groups: string[], extra: Partial<CourseInput> = {}): CourseInput => ({
  id,
  name: id,
  faculty: [`F_${id}`],
  groups,
  sessions: 1,
  ...extra,
});
const rooms = ['R1', 'R2', 'R3', 'R4', 'R5'].map((id) => ({ id, name: id, capacity: 100 }));
const groups = [
  { id: 'SEC', name: 'SEC', size: 60 },
  { id: 'B1', name: 'B1', size: 30, parent: 'SEC' },
  { id: 'B2', name: 'B2', size: 30, parent: 'SEC' },
  { id: 'X', name: 'X', size: 20 },
  { id: 'Y', name: 'Y', size: 20 },
  { id: 'Z', name: 'Z', size: 20 },
];

function college(courses: CourseInput[], enrol: Record<string, string[]>, over: Partial<CollegeInput> = {}) {
  const ids = Object.keys(enrol);
  return testCollege({
    rooms,
    groups,
    faculty: courses.map((c) => ({ id: `F_${c.id}`, name: c.id })),
    courses,
    students: ids.map((id) => ({ id, groups: [] })),
    enrollments: ids.flatMap((s) => enrol[s].map((c) => ({ studentId: s, courseId: c }))),
    ...over,
  });
}

function placementOf(p: CompiledProblem, places: Place[]) {
  return timetableToPlacement(p, {
    assignments: places.map(([courseId, session, day, period, roomId]) => ({
      courseId,
      session,
      day,
      period,
      roomId,
      locked: false,
    })),
  });
}

describe('studentClashes', () => {
  it('two courses sharing 3 students in one slot: 3 double-bookings, 3 students, 1 pair', () => {
    const p = compile(
      college([course('A', ['X']), course('B', ['Y'])], {
        s1: ['A', 'B'],
        s2: ['A', 'B'],
        s3: ['A', 'B'],
        s4: ['A'],
        s5: ['B'],
      }),
    );
    const r = studentClashes(
      p,
      placementOf(p, [
        ['A', 1, 0, 0, 'R1'],
        ['B', 1, 0, 0, 'R2'],
      ]),
    );
    expect(r.hasEnrollments).toBe(true);
    expect(r.doubleBookings).toBe(3);
    expect(r.students).toBe(3);
    expect(r.pairs).toHaveLength(1);
    const [pair] = r.pairs;
    expect(pair.courses.map((c) => p.courseIds[c])).toEqual(['A', 'B']);
    expect(pair.students).toBe(3);
    expect(pair.doubleBookings).toBe(3);
    expect(pair.meetings).toEqual([{ sessions: [0, 1], slot: 0 }]);
    expect(studentClashWords(r)).toBe('3 student double-bookings (3 students) from 1 course pair');
  });

  it('apart in time: no double-booking, but the college still has enrollments', () => {
    const p = compile(college([course('A', ['X']), course('B', ['Y'])], { s1: ['A', 'B'] }));
    const r = studentClashes(
      p,
      placementOf(p, [
        ['A', 1, 0, 0, 'R1'],
        ['B', 1, 0, 1, 'R2'],
      ]),
    );
    expect(r).toMatchObject({ hasEnrollments: true, doubleBookings: 0, students: 0, pairs: [] });
    expect(studentClashWords(r)).toBe('no student double-bookings');
  });

  it('a student in three courses that meet at once: 3 double-bookings from 3 pairs, 1 student', () => {
    const p = compile(
      college([course('A', ['X']), course('B', ['Y']), course('C', ['Z'])], { s1: ['A', 'B', 'C'] }),
    );
    const r = studentClashes(
      p,
      placementOf(p, [
        ['A', 1, 2, 3, 'R1'],
        ['B', 1, 2, 3, 'R2'],
        ['C', 1, 2, 3, 'R3'],
      ]),
    );
    expect(r.doubleBookings).toBe(3);
    expect(r.students).toBe(1);
    expect(r.pairs.map((x) => x.courses.map((c) => p.courseIds[c]).join('+'))).toEqual(['A+B', 'A+C', 'B+C']);
    expect(r.pairs.every((x) => x.students === 1 && x.meetings[0].slot === 2 * p.nPeriods + 3)).toBe(true);
  });

  it('a 2-period lab overlapping a lecture in both periods is one double-booking (two shared periods)', () => {
    const p = compile(
      college([course('LAB', ['X'], { length: 2 }), course('A', ['Y'], { sessions: 2 })], {
        s1: ['LAB', 'A'],
        s2: ['LAB', 'A'],
      }),
    );
    // LAB at periods 1-2 of Monday; A's first session at period 2 (overlaps), second on Tuesday.
    const pl = placementOf(p, [
      ['LAB', 1, 0, 0, 'R1'],
      ['A', 1, 0, 1, 'R2'],
      ['A', 2, 1, 0, 'R2'],
    ]);
    const r = studentClashes(p, pl);
    expect(r.doubleBookings).toBe(2);
    expect(r.periodClashes).toBe(2);
    expect(r.pairs[0].meetings).toEqual([{ sessions: [0, 1], slot: 1 }]);
    // Both sessions of A against the lab at the same start: two periods shared, still one meeting.
    const both = placementOf(p, [
      ['LAB', 1, 0, 0, 'R1'],
      ['A', 1, 0, 0, 'R2'],
      ['A', 2, 0, 1, 'R3'],
    ]);
    const r2 = studentClashes(p, both);
    expect(r2.doubleBookings).toBe(4);
    expect(r2.periodClashes).toBe(4);
    expect(r2.pairs).toHaveLength(1);
    expect(r2.pairs[0].meetings.map((m) => m.slot)).toEqual([0, 1]);
    const long = compile(
      college([course('L1', ['X'], { length: 2 }), course('L2', ['Y'], { length: 2 })], { s1: ['L1', 'L2'] }),
    );
    const r3 = studentClashes(
      long,
      placementOf(long, [
        ['L1', 1, 0, 0, 'R1'],
        ['L2', 1, 0, 0, 'R2'],
      ]),
    );
    expect(r3.doubleBookings).toBe(1);
    expect(r3.periodClashes).toBe(2);
  });

  it('leaves out pairs that share a student set (those are hard group clashes) and counts group courses of enrolled students', () => {
    // s1 is in batch B1 (so attends SECT through SEC) and enrolled in ELEC.
    const c = college(
      [course('SECT', ['SEC']), course('LAB1', ['B1']), course('ELEC', ['X'])],
      {},
      {
        students: [
          { id: 's1', groups: ['B1'] },
          { id: 's2', groups: ['B2'] },
        ],
        enrollments: [
          { studentId: 's1', courseId: 'ELEC' },
          { studentId: 's2', courseId: 'ELEC' },
        ],
      },
    );
    const p = compile(c);
    const r = studentClashes(
      p,
      placementOf(p, [
        ['SECT', 1, 0, 0, 'R1'],
        ['LAB1', 1, 0, 0, 'R2'],
        ['ELEC', 1, 0, 0, 'R3'],
      ]),
    );
    // SECT/LAB1 share B1: a group clash, not a student double-booking. ELEC meets SECT (s1, s2)
    // and LAB1 (s1): 3 double-bookings, 2 students.
    expect(r.pairs.map((x) => [x.courses.map((k) => p.courseIds[k]).join('+'), x.students])).toEqual([
      ['SECT+ELEC', 2],
      ['LAB1+ELEC', 1],
    ]);
    expect(r.doubleBookings).toBe(3);
    expect(r.students).toBe(2);
  });

  it('an unplaced or duplicate session clashes with nothing', () => {
    const p = compile(college([course('A', ['X'], { sessions: 2 }), course('B', ['Y'])], { s1: ['A', 'B'] }));
    // A's second session starts with its first: a duplicate, counted as unplaced.
    const r = studentClashes(
      p,
      placementOf(p, [
        ['A', 1, 0, 0, 'R1'],
        ['A', 2, 0, 0, 'R2'],
        ['B', 1, 0, 0, 'R3'],
      ]),
    );
    expect(r.doubleBookings).toBe(1);
    expect(r.pairs[0].meetings).toHaveLength(1);
  });

  it('a college without enrollments has nothing to count', () => {
    const p = compile(college([course('A', ['X']), course('B', ['X'])], {}));
    const r = studentClashes(
      p,
      placementOf(p, [
        ['A', 1, 0, 0, 'R1'],
        ['B', 1, 0, 0, 'R2'],
      ]),
    );
    expect(r).toEqual({ hasEnrollments: false, doubleBookings: 0, students: 0, periodClashes: 0, pairs: [] });
  });

  it('agrees with the evaluator (student_clash cost = weight x period clashes) and with a naive count', () => {
    let seed = 12345;
    const rand = (n: number): number => {
      // mulberry32
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const nCourses = 14;
    const courses = Array.from({ length: nCourses }, (_, k) =>
      course(`C${k}`, [['X', 'Y', 'Z', 'B1', 'B2', 'SEC'][k % 6]], {
        sessions: 1 + (k % 3),
        length: k % 4 === 0 ? 2 : 1,
      }),
    );
    const students = Array.from({ length: 60 }, (_, s) => ({
      id: `s${s}`,
      groups: s % 3 === 0 ? ['B1'] : [],
    }));
    const enrollments = students.flatMap((st) => {
      const picked = new Set<number>();
      const n = 1 + rand(4);
      while (picked.size < n) picked.add(rand(nCourses));
      return [...picked].map((c) => ({ studentId: st.id, courseId: `C${c}` }));
    });
    const bigRooms = Array.from({ length: 30 }, (_, k) => ({
      id: `R${k + 1}`,
      name: `R${k + 1}`,
      capacity: 500,
    }));
    const base = college(
      courses,
      {},
      { students, enrollments, rooms: bigRooms, weights: { student_clash: 3 } },
    );
    const p = compile(base);
    let clashing = 0;
    let longer = 0;
    for (let trial = 0; trial < 20; trial++) {
      const slot = new Int32Array(p.nSessions);
      const room = new Int32Array(p.nSessions);
      for (let s = 0; s < p.nSessions; s++) {
        slot[s] = rand(8) === 0 ? -1 : rand(2) * p.nPeriods + rand(p.nPeriods);
        room[s] = s % p.nRooms;
      }
      const pl = { slot, room };
      const r = studentClashes(p, pl);
      const e = evaluate(p, pl, { details: false });
      expect(e.soft.student_clash).toBe(3 * r.periodClashes);
      expect(r.doubleBookings).toBe(r.pairs.reduce((t, x) => t + x.doubleBookings, 0));
      expect(r.doubleBookings).toBeLessThanOrEqual(r.periodClashes);
      expect(r.students ?? 0).toBeLessThanOrEqual(r.doubleBookings);
      // Naive count, session pair by session pair and student by student.
      expect(naive(p, base, pl)).toEqual({ doubleBookings: r.doubleBookings, students: r.students });
      if (r.doubleBookings > 0) clashing++;
      if (r.periodClashes > r.doubleBookings) longer++;
    }
    // The random timetables do exercise clashes, and 2-period overlaps.
    expect(clashing).toBeGreaterThan(15);
    expect(longer).toBeGreaterThan(0);
  });
});

/** Straight from the definition: every enrolled student, every pair of their placed sessions. */
function naive(
  p: CompiledProblem,
  c: ReturnType<typeof college>,
  pl: { slot: Int32Array; room: Int32Array },
): { doubleBookings: number; students: number } {
  const courseIndex = new Map(p.courseIds.map((id, k) => [id, k]));
  const groupCourses = (g: string): number[] => {
    const chain: string[] = [];
    for (let x: string | undefined = g; x; x = c.groups.find((y) => y.id === x)?.parent) chain.push(x);
    return c.courses
      .filter((k) => k.groups.some((id) => chain.includes(id)))
      .map((k) => courseIndex.get(k.id)!);
  };
  const setsOf = (k: number): Set<number> => {
    const out = new Set<number>();
    for (let x = p.courseStudentSets.offsets[k]; x < p.courseStudentSets.offsets[k + 1]; x++)
      out.add(p.courseStudentSets.items[x]);
    return out;
  };
  const placed: boolean[] = [];
  for (let s = 0; s < p.nSessions; s++) {
    const dup = Array.from({ length: s }, (_, t) => t).some(
      (t) => placed[t] && p.sessionCourse[t] === p.sessionCourse[s] && pl.slot[t] === pl.slot[s],
    );
    placed.push(pl.slot[s] >= 0 && pl.room[s] >= 0 && !dup);
  }
  const span = (s: number): number[] => {
    const len = Math.min(p.courseLength[p.sessionCourse[s]], p.nPeriods - (pl.slot[s] % p.nPeriods));
    return Array.from({ length: len }, (_, q) => pl.slot[s] + q);
  };
  let doubleBookings = 0;
  let students = 0;
  for (const st of c.students) {
    const enrolled = c.enrollments
      .filter((e) => e.studentId === st.id)
      .map((e) => courseIndex.get(e.courseId)!);
    if (enrolled.length === 0) continue;
    const attended = new Set([...enrolled, ...st.groups.flatMap(groupCourses)]);
    let mine = 0;
    for (const a of attended)
      for (const b of attended) {
        if (a >= b) continue;
        if (!enrolled.includes(a) && !enrolled.includes(b)) continue;
        const sa = setsOf(a);
        if ([...setsOf(b)].some((x) => sa.has(x))) continue;
        for (let i = 0; i < p.nSessions; i++)
          for (let j = 0; j < p.nSessions; j++) {
            if (p.sessionCourse[i] !== a || p.sessionCourse[j] !== b || !placed[i] || !placed[j]) continue;
            const si = span(i);
            if (span(j).some((x) => si.includes(x))) mine++;
          }
      }
    doubleBookings += mine;
    if (mine > 0) students++;
  }
  return { doubleBookings, students };
}
