import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addTimetable, openProject, saveCollege } from '../db/index.ts';
import { testCollege } from '../../shared/eval/testing/testCollege.ts';
import { createDispatcher } from './dispatcher.ts';
import { createHandlers } from './handlers.ts';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'slotwise-ipc-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const at = (courseId: string, day: number, period: number) => ({
  courseId,
  session: 1,
  day,
  period,
  roomId: 'R1',
  locked: false,
});
const zero = { hardTotal: 0, softTotal: 0, hard: {}, soft: {} } as never;

describe('timetable:update', () => {
  it('saves an edit with its cost, and re-evaluates against the college after a re-import', async () => {
    const file = join(tempDir(), 'p.slotwise');
    const db = openProject(file, { create: true });
    const twoCourses = (teacherOfB: string) =>
      testCollege({
        faculty: [
          { id: 'F1', name: 'F1' },
          { id: 'F2', name: 'F2' },
        ],
        rooms: [
          { id: 'R1', name: 'Room 1', capacity: 60 },
          { id: 'R2', name: 'Room 2', capacity: 60 },
        ],
        groups: [
          { id: 'G1', name: 'G1', size: 30 },
          { id: 'G2', name: 'G2', size: 30 },
        ],
        courses: [
          { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 1 },
          { id: 'B', name: 'B', faculty: [teacherOfB], groups: ['G2'], sessions: 1 },
        ],
      });
    saveCollege(db, twoCourses('F1'));
    const id = addTimetable(db, {
      name: 't',
      kind: 'manual',
      timetable: { assignments: [at('A', 0, 0), at('B', 1, 0)] },
      evaluation: zero,
    });
    db.close();
    const dispatch = createDispatcher(createHandlers({ userDataDir: tempDir() }));
    await dispatch('project:open', { path: file });

    // B onto A's time, other room: the shared teacher F1 clashes.
    const clash = { courseId: 'B', session: 1, day: 0, period: 0, roomId: 'R2' };
    const first = await dispatch('timetable:update', { id, changes: [clash] });
    expect(first).toMatchObject({ ok: true, value: { hardTotal: 1 } });

    // The college changes (B now taught by F2): the same edit costs nothing.
    const again = openProject(file);
    saveCollege(again, twoCourses('F2'));
    again.close();
    const second = await dispatch('timetable:update', { id, changes: [{ ...clash, locked: true }] });
    expect(second).toMatchObject({ ok: true, value: { hardTotal: 0 } });
    const saved = await dispatch('timetable:get', { id });
    if (!saved.ok) throw new Error(saved.error.message);
    const b = (
      saved.value as { timetable: { assignments: Array<{ courseId: string; locked: boolean }> } }
    ).timetable.assignments.find((a) => a.courseId === 'B');
    expect(b?.locked).toBe(true);
  });
});
