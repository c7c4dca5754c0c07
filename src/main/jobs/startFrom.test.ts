import { describe, expect, it } from 'vitest';
import { addTimetable, openProject, saveCollege } from '../db/index.ts';
import { useTempDir } from '../db/testing/tempDir.ts';
import { testCollege } from '../../shared/eval/testing/testCollege.ts';
import type { Assignment } from '../../shared/model/types.ts';
import { StartError, startingPoint, usableAssignments } from './startFrom.ts';

const tmp = useTempDir();
const zero = { hardTotal: 0, softTotal: 0, hard: {}, soft: {} } as never;
const college = testCollege({
  rooms: [
    { id: 'R1', name: 'Room 1', capacity: 60 },
    { id: 'R2', name: 'Room 2', capacity: 60 },
  ],
  courses: [
    { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 2 },
    { id: 'B', name: 'B', faculty: ['F1'], groups: ['G1'], sessions: 1 },
  ],
});
const at = (
  courseId: string,
  session: number,
  day: number | null,
  period: number | null,
  roomId: string | null,
  locked = false,
): Assignment => ({
  courseId,
  session,
  day,
  period,
  roomId,
  locked,
});

function project(assignments: Assignment[] | null) {
  const db = openProject(`${tmp()}/p.slotwise`, { create: true });
  saveCollege(db, college);
  if (assignments)
    addTimetable(db, { name: 'Hand-made', kind: 'manual', timetable: { assignments }, evaluation: zero });
  return db;
}

describe('where a solve starts', () => {
  const timetable = [at('A', 1, 0, 0, 'R1', true), at('A', 2, 1, 2, 'R2'), at('B', 1, 3, 4, 'R1')];

  it('a new timetable keeps only the locked sessions of the active timetable', () => {
    const db = project(timetable);
    const start = startingPoint(db, college, { mode: 'new' });
    expect(start.initial?.assignments).toEqual([at('A', 1, 0, 0, 'R1', true)]);
    expect(start).toMatchObject({ source: { id: 1, name: 'Hand-made' }, locked: 1, dropped: 0 });
    db.close();
  });

  it('improving starts from every session of the timetable, locks included', () => {
    const db = project(timetable);
    expect(startingPoint(db, college, { mode: 'improve' }).initial?.assignments).toEqual(timetable);
    db.close();
  });

  it('a blank start without any timetable; improving then says what to do', () => {
    const db = project(null);
    expect(startingPoint(db, college, { mode: 'new' })).toEqual({
      initial: undefined,
      source: null,
      locked: 0,
      dropped: 0,
    });
    expect(() => startingPoint(db, college, { mode: 'improve' })).toThrow(StartError);
    expect(() => startingPoint(db, college, { mode: 'improve' })).toThrow(/no active timetable to improve/);
    expect(() => startingPoint(db, college, { mode: 'new', from: 7 })).toThrow(/no timetable 7/);
    db.close();
  });

  it('leaves out what no longer fits the college (a timetable of an earlier import)', () => {
    const { kept, dropped } = usableAssignments(college, [
      at('A', 1, 0, 0, 'R1', true),
      at('A', 1, 2, 2, 'R1'), // listed twice
      at('A', 3, 0, 1, 'R1'), // A has 2 sessions
      at('GONE', 1, 0, 1, 'R1', true), // course removed
      at('A', 2, 9, 0, 'R1', true), // day outside the week: unplaced, so not locked
      at('B', 1, 1, 1, 'R9', true), // room removed: time kept, room chosen again
    ]);
    expect(kept).toEqual([
      at('A', 1, 0, 0, 'R1', true),
      at('A', 2, null, null, 'R1'),
      at('B', 1, 1, 1, null, true),
    ]);
    expect(dropped).toBe(5);
  });
});
