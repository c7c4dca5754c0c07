import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addTimetable, openProject, saveCollege } from '../db/index.ts';
import { testCollege } from '../../shared/eval/testing/testCollege.ts';
import { createDispatcher } from './dispatcher.ts';
import { createHandlers } from './handlers.ts';
import { CollegeCache } from './CollegeCache.ts';
import { ProjectSession } from './ProjectSession.ts';
import { timetableHandlers } from './timetableHandlers.ts';
import { compile } from '../../shared/compiled/compile.ts';
import { COLLEGE_PART_CHARS, type EditorData, type TimetableStamp } from '../../shared/ipc/contract.ts';

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

describe('timetable:stamp and timetable:editorData', () => {
  it('give the college and a version as JSON, and a stamp that changes on edit, version change and re-import', async () => {
    const file = join(tempDir(), 'p.slotwise');
    const db = openProject(file, { create: true });
    const college = testCollege({
      rooms: [{ id: 'R1', name: 'Room 1', capacity: 60 }],
      courses: [{ id: 'A', name: 'Algebra', faculty: ['F1'], groups: ['G1'], sessions: 1 }],
    });
    saveCollege(db, college);
    const first = addTimetable(db, {
      name: 'first',
      kind: 'manual',
      timetable: { assignments: [at('A', 0, 0)] },
      evaluation: zero,
    });
    const second = addTimetable(db, {
      name: 'second',
      kind: 'manual',
      timetable: { assignments: [at('A', 1, 1)] },
      evaluation: zero,
    });
    db.close();
    const dispatch = createDispatcher(createHandlers({ userDataDir: tempDir() }));
    await dispatch('project:open', { path: file });
    const value = async (channel: string, payload?: unknown) => {
      const r = await dispatch(channel, payload);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as never;
    };

    const data: EditorData = await value('timetable:editorData', { college: true });
    expect(JSON.parse(data.college ?? 'null')).toMatchObject({ courses: [{ id: 'A', name: 'Algebra' }] });
    expect(data.version?.summary.id).toBe(first);
    expect(JSON.parse(data.version?.timetable ?? 'null')).toMatchObject({
      assignments: [{ courseId: 'A', day: 0, period: 0 }],
    });
    const stamp0: TimetableStamp = await value('timetable:stamp');
    expect(stamp0).toEqual(data.stamp);
    expect(stamp0).toMatchObject({ hasCollege: true, activeId: first });

    // Another version by id, without the college.
    const other: EditorData = await value('timetable:editorData', { id: second });
    expect(other.college).toBeNull();
    expect(JSON.parse(other.version?.timetable ?? 'null')).toMatchObject({
      assignments: [{ day: 1, period: 1 }],
    });
    expect(await dispatch('timetable:editorData', { id: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    // An edit changes updatedAt; making another version active changes the id; a re-import the revision.
    await new Promise((r) => setTimeout(r, 5));
    await value('timetable:update', { id: first, changes: [at('A', 2, 0)] });
    const stamp1: TimetableStamp = await value('timetable:stamp');
    expect(stamp1.activeUpdatedAt).not.toBe(stamp0.activeUpdatedAt);
    await value('timetable:setActive', { id: second });
    const stamp2: TimetableStamp = await value('timetable:stamp');
    expect(stamp2.activeId).toBe(second);
    const again = openProject(file);
    saveCollege(again, college);
    again.close();
    const stamp3: TimetableStamp = await value('timetable:stamp');
    expect(stamp3.collegeRevision).toBeGreaterThan(stamp2.collegeRevision);
    const reread: EditorData = await value('timetable:editorData', { college: true });
    expect(reread.stamp).toEqual(stamp3);
  });

  it('timetable:collegePart gives the college JSON in parts of its revision and refuses an old revision', async () => {
    const file = join(tempDir(), 'p.slotwise');
    const db = openProject(file, { create: true });
    // Enough courses for the JSON to need several parts.
    const courses = Array.from({ length: 3000 }, (_, i) => ({
      id: `C${i}`,
      name: `Course number ${i} with a long enough name to fill the parts`,
      faculty: ['F1'],
      groups: ['G1'],
      sessions: 1,
    }));
    const college = testCollege({ rooms: [{ id: 'R1', name: 'Room 1', capacity: 60 }], courses });
    saveCollege(db, college);
    db.close();
    const dispatch = createDispatcher(createHandlers({ userDataDir: tempDir() }));
    await dispatch('project:open', { path: file });
    const value = async (channel: string, payload?: unknown) => {
      const r = await dispatch(channel, payload);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as never;
    };
    const whole: EditorData = await value('timetable:editorData', { college: true });
    const revision = whole.stamp.collegeRevision;
    const first: { parts: number; text: string } = await value('timetable:collegePart', {
      revision,
      part: 0,
    });
    expect(first.parts).toBe(Math.ceil((whole.college ?? '').length / COLLEGE_PART_CHARS));
    expect(first.parts).toBeGreaterThan(1);
    const texts = [first.text];
    for (let part = 1; part < first.parts; part++)
      texts.push(((await value('timetable:collegePart', { revision, part })) as { text: string }).text);
    expect(texts.join('')).toBe(whole.college);
    expect(await dispatch('timetable:collegePart', { revision, part: first.parts })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const again = openProject(file);
    saveCollege(again, college);
    again.close();
    const stale = await dispatch('timetable:collegePart', { revision, part: 0 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'stale' } });
    expect(stale.ok ? '' : stale.error.message).toContain('open the screen again');
  });

  it('compiles the college in the background once the editor read its last part, for the first edit to use', async () => {
    const file = join(tempDir(), 'p.slotwise');
    const db = openProject(file, { create: true });
    const college = testCollege({
      courses: [{ id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 1 }],
    });
    saveCollege(db, college);
    const tt = addTimetable(db, {
      name: 'a',
      kind: 'solution',
      timetable: { assignments: [at('A', 0, 0)] },
      evaluation: zero,
    });
    db.close();
    const project = new ProjectSession(tempDir());
    project.open(file, false);
    const colleges = new CollegeCache();
    const handlers = timetableHandlers(project, colleges);
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const data = handlers['timetable:editorData']({}) as EditorData;
      const part = handlers['timetable:collegePart']({ revision: data.stamp.collegeRevision, part: 0 });
      expect(part).toMatchObject({ parts: 1 });
      const kept = colleges.current(project.connection());
      expect(kept.problem).toBeUndefined();
      vi.runAllTimers();
      const warmed = kept.problem;
      expect(warmed).toEqual(compile(college));
      await handlers['timetable:update']({
        id: tt,
        changes: [{ courseId: 'A', session: 1, day: 1, period: 0 }],
      });
      expect(colleges.current(project.connection()).problem).toBe(warmed);
    } finally {
      vi.useRealTimers();
      project.close();
    }
  });
});
