import { describe, expect, it } from 'vitest';
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
