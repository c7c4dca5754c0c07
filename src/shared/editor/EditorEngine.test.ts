import { describe, expect, it } from 'vitest';
import { evaluate } from '../eval/evaluate.ts';
import { studentClashes } from '../eval/studentClashes.ts';
import { testCollege } from '../eval/testing/testCollege.ts';
import { EditorEngine } from './EditorEngine.ts';

const college = testCollege({
  rooms: [
    { id: 'R1', name: 'Room 1', capacity: 60 },
    { id: 'R2', name: 'Room 2', capacity: 60 },
  ],
  faculty: [
    { id: 'F1', name: 'Dr. Ada Rao', department: 'MA' },
    { id: 'F2', name: 'Ben Ito' },
  ],
  groups: [
    { id: 'CSE2A', name: 'Computer Science year 2 A', size: 30, department: 'CSE' },
    { id: 'OTHER', name: 'Other', size: 30 },
  ],
  courses: [
    { id: 'A', name: 'Algebra', faculty: ['F1'], groups: ['CSE2A'], sessions: 1 },
    { id: 'B', name: 'Biology', faculty: ['F1'], groups: ['OTHER'], sessions: 1 },
    { id: 'C', name: 'Chemistry', faculty: ['F2'], groups: ['CSE2A'], sessions: 1 },
  ],
});
const at = (courseId: string, day: number, period: number, roomId: string, locked = false) => ({
  courseId,
  session: 1,
  day,
  period,
  roomId,
  locked,
});
const timetable = { assignments: [at('A', 0, 0, 'R1'), at('B', 1, 0, 'R1', true), at('C', 0, 1, 'R1')] };

function loaded() {
  const engine = new EditorEngine();
  const load = engine.load(JSON.stringify(college), JSON.stringify(timetable));
  return { engine, load, p: load.problem };
}

describe('EditorEngine', () => {
  it('loads the college and a timetable from JSON: names, positions, locks, totals', () => {
    const { engine, load, p } = loaded();
    expect(load.names.facultyName).toEqual(['Dr. Ada Rao', 'Ben Ito']);
    expect(load.names.groupYear).toEqual([2, 0]);
    expect(load.names.groupDepartment).toEqual(['CSE', '']);
    expect(Array.from(load.positions.slot)).toEqual([0, p.nPeriods, 1]);
    expect(Array.from(load.positions.locked)).toEqual([0, 1, 0]);
    expect(engine.totals().hardTotal).toBe(0);
  });

  it('applies edits, names teachers in its reasons, and lists hard violations in words', () => {
    const { engine, p } = loaded();
    const checks = engine.checkMoves(0, -1);
    expect(checks[p.nPeriods].reasons).toContain('Dr. Ada Rao (F1) already teaches B then');
    const update = engine.apply([{ session: 0, slot: p.nPeriods, room: 1, locked: false }]);
    expect(update.totals.hardTotal).toBe(1);
    expect(update.positions.slot[0]).toBe(p.nPeriods);
    const details = engine.details();
    expect(details.hardCount).toBe(1);
    expect(details.hard[0].kind).toBe('faculty_clash');
    expect([...details.hard[0].sessions].sort()).toEqual([0, 1]);
    expect(engine.apply([{ session: 0, slot: 0, room: 0, locked: true }]).positions.locked[0]).toBe(1);
    expect(engine.details()).toEqual({ hard: [], hardCount: 0 });
  });

  it('refuses to swap a locked session, and reads another version for comparing', () => {
    const { engine, p } = loaded();
    expect(engine.checkSwap(0, 1).reasons[0]).toBe('B is locked');
    expect(engine.checkSwap(0, 2).reasons).toEqual([]);
    const other = engine.version(JSON.stringify({ assignments: [at('A', 2, 0, 'R2'), at('B', 2, 0, 'R1')] }));
    expect(Array.from(other.positions.slot)).toEqual([2 * p.nPeriods, 2 * p.nPeriods, -1]);
    // F1 teaches both at once, and C is not placed.
    expect(other.totals.hard).toMatchObject({ faculty_clash: 1, unplaced: 1 });
  });
});

describe('EditorEngine.studentClashes', () => {
  // mulberry32, so the random timetables are the same on every run.
  let seed = 2024;
  const rand = (n: number): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const nCourses = 12;
  const groupIds = ['X', 'Y', 'Z'];
  const students = Array.from({ length: 50 }, (_, s) => ({ id: `s${s}`, groups: s % 4 === 0 ? ['X'] : [] }));
  const enrolled = testCollege({
    rooms: Array.from({ length: 20 }, (_, k) => ({ id: `R${k}`, name: `R${k}`, capacity: 500 })),
    faculty: Array.from({ length: nCourses }, (_, k) => ({ id: `F${k}`, name: `Teacher ${k}` })),
    groups: groupIds.map((id) => ({ id, name: id, size: 20 })),
    courses: Array.from({ length: nCourses }, (_, k) => ({
      id: `C${k}`,
      name: `Course ${k}`,
      faculty: [`F${k}`],
      groups: [groupIds[k % 3]],
      sessions: 1 + (k % 3),
      length: k % 5 === 0 ? 2 : 1,
    })),
    students,
    enrollments: students.flatMap((st) => {
      const picked = new Set<number>();
      const n = 1 + rand(4);
      while (picked.size < n) picked.add(rand(nCourses));
      return [...picked].map((c) => ({ studentId: st.id, courseId: `C${c}` }));
    }),
    weights: { student_clash: 2 },
  });

  it('counts what studentClashes and the evaluator count, on random timetables and after random edits', () => {
    const engine = new EditorEngine();
    const { problem: p } = engine.load(JSON.stringify(enrolled), JSON.stringify({ assignments: [] }));
    let clashing = 0;
    for (let trial = 0; trial < 30; trial++) {
      const changes = Array.from({ length: 1 + rand(p.nSessions) }, () => {
        const placed = rand(8) !== 0;
        return {
          session: rand(p.nSessions),
          slot: placed ? rand(2) * p.nPeriods + rand(p.nPeriods) : -1,
          room: placed ? rand(p.nRooms) : -1,
          locked: false,
        };
      });
      const { positions, totals } = engine.apply(changes);
      const placement = { slot: positions.slot, room: positions.room };
      const got = engine.studentClashes();
      expect(got).toEqual(studentClashes(p, placement));
      expect(totals.soft.student_clash).toBe(2 * got.periodClashes);
      expect(evaluate(p, placement, { details: false }).soft.student_clash).toBe(2 * got.periodClashes);
      if (got.doubleBookings > 0) clashing++;
    }
    // The random edits do make students double-booked.
    expect(clashing).toBeGreaterThan(10);
    // And taking every session out leaves none.
    engine.apply(
      Array.from({ length: p.nSessions }, (_, s) => ({ session: s, slot: -1, room: -1, locked: false })),
    );
    expect(engine.studentClashes()).toMatchObject({ doubleBookings: 0, periodClashes: 0, pairs: [] });
  });
});
