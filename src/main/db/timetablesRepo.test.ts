import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from 'better-sqlite3';
import type { Timetable } from '../../shared/model/index.ts';
import { HARD_KINDS, SOFT_KINDS, type HardKind, type SoftKind } from '../../shared/eval/types.ts';
import { saveCollege } from './collegeRepo.ts';
import { openProject } from './connection.ts';
import { createJob, getJob, updateJobStatus } from './jobsRepo.ts';
import { richCollege } from './testing/richCollege.ts';
import {
  activeTimetableVersion,
  addTimetable,
  deleteTimetable,
  getActiveTimetable,
  getTimetable,
  getTimetableSummary,
  listTimetables,
  renameTimetable,
  setActiveTimetable,
  updateAssignments,
} from './timetablesRepo.ts';
import type { CostSummary } from './types.ts';

let db: Database;
beforeEach(() => {
  db = openProject(':memory:');
  saveCollege(db, richCollege());
});
afterEach(() => {
  db.close();
});

function cost(hardTotal: number, softTotal: number): CostSummary {
  const hard = Object.fromEntries(HARD_KINDS.map((k) => [k, 0])) as Record<HardKind, number>;
  const soft = Object.fromEntries(SOFT_KINDS.map((k) => [k, 0])) as Record<SoftKind, number>;
  hard.room_clash = hardTotal;
  soft.min_days = softTotal;
  return { hardTotal, softTotal, hard, soft };
}

const timetable: Timetable = {
  assignments: [
    { courseId: 'OE1', session: 2, day: 3, period: 0, roomId: 'S-1', locked: true },
    { courseId: 'CS201', session: 1, day: 0, period: 1, roomId: 'LH-1', locked: false },
    { courseId: 'CS201', session: 2, day: null, period: null, roomId: null, locked: false },
  ],
};

describe('timetables', () => {
  it('stores a timetable with its cost and returns it exactly, in order', () => {
    const job = createJob(db, { kind: 'solve', options: {} });
    const id = addTimetable(db, {
      name: 'First solve',
      kind: 'solution',
      timetable,
      evaluation: cost(1, 12.5),
      jobId: job,
      seed: 4294967295,
    });
    const got = getTimetable(db, id);
    expect(got?.timetable).toStrictEqual(timetable);
    expect(got?.summary).toMatchObject({
      id,
      name: 'First solve',
      kind: 'solution',
      jobId: job,
      seed: 4294967295,
      parentId: null,
      hardTotal: 1,
      softTotal: 12.5,
      sessions: 3,
      placed: 2,
      active: true,
      stale: false,
    });
    expect(got?.summary.hard.room_clash).toBe(1);
    expect(got?.summary.soft.min_days).toBe(12.5);
    expect(getTimetable(db, id + 100)).toBeNull();
  });

  it('makes the first timetable active, later ones only when asked, and switches on request', () => {
    expect(activeTimetableVersion(db)).toBeNull();
    const a = addTimetable(db, { name: 'a', kind: 'solution', timetable, evaluation: cost(0, 3) });
    const b = addTimetable(db, {
      name: 'b',
      kind: 'variant',
      timetable,
      evaluation: cost(0, 2),
      parentId: a,
    });
    expect(getActiveTimetable(db)?.summary.id).toBe(a);
    const c = addTimetable(db, {
      name: 'c',
      kind: 'manual',
      timetable,
      evaluation: cost(0, 1),
      makeActive: true,
    });
    expect(getActiveTimetable(db)?.summary.id).toBe(c);
    setActiveTimetable(db, b);
    expect(listTimetables(db).map((t) => [t.name, t.active, t.parentId])).toEqual([
      ['a', false, null],
      ['b', true, a],
      ['c', false, null],
    ]);
    expect(() => setActiveTimetable(db, 999)).toThrow(/No timetable with id 999/);
    expect(getActiveTimetable(db)?.summary.id).toBe(b);
    const active = getActiveTimetable(db)?.summary;
    expect(activeTimetableVersion(db)).toEqual({ id: b, updatedAt: active?.updatedAt });
  });

  it('renames, and deletes with assignments; variants and jobs lose the reference only', () => {
    const job = createJob(db, { kind: 'solve', options: {} });
    const a = addTimetable(db, {
      name: 'a',
      kind: 'solution',
      timetable,
      evaluation: cost(0, 3),
      jobId: job,
    });
    updateJobStatus(db, job, 'finished', { resultTimetableId: a });
    const b = addTimetable(db, {
      name: 'b',
      kind: 'variant',
      timetable,
      evaluation: cost(0, 2),
      parentId: a,
    });
    renameTimetable(db, b, 'Variant with Friday free');
    deleteTimetable(db, a);
    expect(listTimetables(db).map((t) => [t.id, t.name, t.parentId])).toEqual([
      [b, 'Variant with Friday free', null],
    ]);
    expect(db.prepare('SELECT count(*) FROM assignments WHERE timetable_id = ?').pluck().get(a)).toBe(0);
    expect(getJob(db, job)?.resultTimetableId).toBeNull();
    expect(getActiveTimetable(db)).toBeNull();
    expect(() => deleteTimetable(db, a)).toThrow(/No timetable/);
  });

  it('applies editor changes and the new cost in one step, adding sessions it did not have', () => {
    const id = addTimetable(db, { name: 'a', kind: 'solution', timetable, evaluation: cost(1, 3) });
    updateAssignments(
      db,
      id,
      [
        { courseId: 'CS201', session: 2, day: 4, period: 2, roomId: 'LH-1' },
        { courseId: 'OE1', session: 2, locked: false },
        { courseId: 'CS201L', session: 1, day: 1, period: 0, roomId: 'LAB-2', locked: true },
      ],
      cost(0, 2),
    );
    const got = getTimetable(db, id);
    expect(got?.timetable.assignments).toStrictEqual([
      { courseId: 'OE1', session: 2, day: 3, period: 0, roomId: 'S-1', locked: false },
      { courseId: 'CS201', session: 1, day: 0, period: 1, roomId: 'LH-1', locked: false },
      { courseId: 'CS201', session: 2, day: 4, period: 2, roomId: 'LH-1', locked: false },
      { courseId: 'CS201L', session: 1, day: 1, period: 0, roomId: 'LAB-2', locked: true },
    ]);
    expect(got?.summary).toMatchObject({ hardTotal: 0, softTotal: 2, placed: 4 });
  });

  it('reads one summary without the sessions, the same as getTimetable gives, or null', () => {
    const id = addTimetable(db, { name: 'a', kind: 'solution', timetable, evaluation: cost(1, 3) });
    updateAssignments(db, id, [{ courseId: 'CS201', session: 2, locked: true }], cost(0, 2));
    expect(getTimetableSummary(db, id)).toStrictEqual(getTimetable(db, id)?.summary);
    expect(getTimetableSummary(db, id)).toMatchObject({ hardTotal: 0, softTotal: 2, locked: 2 });
    expect(getTimetableSummary(db, id + 1)).toBeNull();
  });

  it('moves updatedAt forward on every edit, even several within one millisecond', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-01T10:00:00.000Z') });
    try {
      const id = addTimetable(db, { name: 'a', kind: 'solution', timetable, evaluation: cost(1, 3) });
      const seen = [getTimetable(db, id)?.summary.updatedAt];
      for (const day of [1, 2, 3]) {
        updateAssignments(db, id, [{ courseId: 'CS201', session: 2, day, period: 2 }]);
        seen.push(getTimetable(db, id)?.summary.updatedAt);
      }
      expect(seen).toEqual([
        '2026-03-01T10:00:00.000Z',
        '2026-03-01T10:00:00.001Z',
        '2026-03-01T10:00:00.002Z',
        '2026-03-01T10:00:00.003Z',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves the timetable untouched when any change in a batch is invalid', () => {
    const id = addTimetable(db, { name: 'a', kind: 'solution', timetable, evaluation: cost(1, 3) });
    const bad = { courseId: 'CS201', session: 1, day: 'Mon' as unknown as number };
    expect(() =>
      updateAssignments(db, id, [{ courseId: 'CS201', session: 2, day: 1, period: 1 }, bad], cost(0, 0)),
    ).toThrow();
    expect(getTimetable(db, id)?.timetable).toStrictEqual(timetable);
    expect(getTimetable(db, id)?.summary.hardTotal).toBe(1);
    expect(() => updateAssignments(db, 999, [])).toThrow(/No timetable/);
  });

  it('keeps timetables over a re-import but marks them stale; new ones are current', () => {
    const old = addTimetable(db, { name: 'old', kind: 'solution', timetable, evaluation: cost(0, 3) });
    saveCollege(db, richCollege());
    const fresh = addTimetable(db, { name: 'new', kind: 'solution', timetable, evaluation: cost(0, 3) });
    expect(listTimetables(db).map((t) => [t.id, t.stale])).toEqual([
      [old, true],
      [fresh, false],
    ]);
    expect(getActiveTimetable(db)?.summary).toMatchObject({ id: old, stale: true });
  });
});
