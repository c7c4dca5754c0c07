// `slotwise solve` keeps what the user locked, --improve starts from the active timetable, a worse
// result is stored but not made active (and `slotwise versions --activate` chooses it by hand).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addTimetable,
  getActiveTimetable,
  listTimetables,
  openProject,
  saveCollege,
} from '../../main/db/index.ts';
import type { JobOutcome } from '../../main/jobs/index.ts';
import { testCollege } from '../../shared/eval/testing/testCollege.ts';
import { storedLine, summary } from './solve.ts';

const BIN = fileURLToPath(new URL('../../../bin/slotwise.js', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const college = testCollege({
  rooms: [
    { id: 'R1', name: 'Room 1', capacity: 60 },
    { id: 'R2', name: 'Room 2', capacity: 60 },
  ],
  courses: [
    { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 3 },
    { id: 'B', name: 'B', faculty: ['F1'], groups: ['G1'], sessions: 2 },
  ],
});
const zero = { hardTotal: 0, softTotal: 0, hard: {}, soft: {} } as never;

function project(withActive: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-cli-solve-'));
  dirs.push(dir);
  const file = join(dir, 'p.slotwise');
  const db = openProject(file, { create: true });
  saveCollege(db, college);
  if (withActive)
    addTimetable(db, {
      name: 'Hand-edited',
      kind: 'manual',
      timetable: {
        assignments: [
          { courseId: 'A', session: 1, day: 4, period: 5, roomId: 'R2', locked: true },
          { courseId: 'A', session: 2, day: 0, period: 0, roomId: 'R1', locked: false },
        ],
      },
      evaluation: zero,
      makeActive: true,
    });
  db.close();
  return file;
}

const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('slotwise solve', () => {
  it('keeps the locked session of the active timetable, and versions lists and activates', () => {
    const file = project(true);
    const r = cli(['solve', '--db', file, '--time-limit', '1', '--no-mip', '--seed', '2']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Stored as timetable 2 \(active\).*replaces timetable 1 "Hand-edited"/);
    const db = openProject(file, { readonly: true });
    const active = getActiveTimetable(db);
    db.close();
    expect(active?.timetable.assignments.find((a) => a.courseId === 'A' && a.session === 1)).toEqual({
      courseId: 'A',
      session: 1,
      day: 4,
      period: 5,
      roomId: 'R2',
      locked: true,
    });
    const listed = cli(['versions', '--db', file]);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^ {3}\s+1 {2}Hand-edited/m);
    expect(listed.stdout).toMatch(/^\* {2}\s+2 {2}Solution \(seed 2\)/m);
    const back = cli(['versions', '--db', file, '--activate', '1']);
    expect(back.stdout).toMatch(/Timetable 1 is now the active timetable/);
    const db2 = openProject(file, { readonly: true });
    expect(listTimetables(db2).map((t) => [t.id, t.active])).toEqual([
      [1, true],
      [2, false],
    ]);
    db2.close();
  }, 30_000);

  it('--improve starts from the active timetable and says so in the name', () => {
    const file = project(true);
    const r = cli(['solve', '--db', file, '--time-limit', '1', '--improve', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { timetableId: number; active: boolean };
    const db = openProject(file, { readonly: true });
    const made = listTimetables(db).find((t) => t.id === out.timetableId);
    db.close();
    expect(made).toMatchObject({ name: 'Improved Hand-edited (seed 1)', parentId: 1 });
    expect(r.stderr).toMatch(/skipping decompose, mip/);
  }, 30_000);

  it('refuses --improve without an active timetable, and a wrong --make-active', () => {
    const file = project(false);
    const r = cli(['solve', '--db', file, '--time-limit', '1', '--improve']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no active timetable to improve yet/);
    const bad = cli(['solve', '--db', file, '--make-active', 'sometimes']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--make-active must be better, always or never/);
    const none = cli(['versions', '--db', file, '--activate', '9']);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/has no timetable 9/);
  }, 30_000);

  it('explains a result that was not made active, with both costs and how to choose it', () => {
    const outcome = {
      hardTotal: 0,
      softTotal: 738,
      activation: {
        activated: false,
        studentClashes: 32,
        previous: {
          timetableId: 3,
          name: 'Hand-edited',
          hardTotal: 0,
          softTotal: 132,
          studentClashes: 0,
          comparable: true,
        },
      },
    } as unknown as JobOutcome;
    expect(storedLine(outcome, 5, 'c.slotwise')).toBe(
      'Stored as timetable 5 in c.slotwise, NOT made active: it is worse than the active timetable 3 "Hand-edited".\n' +
        '  new:    hard 0, soft 738, 32 students double-booked\n' +
        '  active: hard 0, soft 132, 0 students double-booked\n' +
        'To use it anyway: slotwise versions --db c.slotwise --activate 5',
    );
  });
});

describe('solve summary', () => {
  it("names each stage's time and, after the quick start, whether the MIP stage ran and why", () => {
    const note = 'hard 3 of 580 sessions (0.5 %), within 10 %: MIP stage skipped';
    const text = summary(
      {
        status: 'partial',
        timetable: { assignments: [] },
        evaluation: zero,
        unplaced: [],
        findings: [],
        stages: [
          { stage: 'precheck', ms: 20 },
          { stage: 'quick', ms: 900, note },
          { stage: 'construct', ms: 0 },
          { stage: 'search', ms: 29_000 },
        ],
        seed: 1,
      },
      30,
    );
    expect(text).toContain(`Stages: precheck 0.0 s, quick 0.9 s (${note}), construct 0.0 s, search 29.0 s`);
  });
});
