// One truth for unplaced sessions: two sessions of one course at the same start count one as not
// placed (the evaluator's rule), and a session with a time but no room is not placed either. Every
// export, `check` and the solve result show such sessions unplaced, never at the slot.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { addTimetable, openProject, saveCollege } from '../../src/main/db/index.ts';
import { exportAll } from '../../src/main/export/index.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { countedTimetable } from '../../src/shared/eval/countedTimetable.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { IncrementalState } from '../../src/shared/eval/incremental/IncrementalState.ts';
import type { Timetable } from '../../src/shared/model/index.ts';
import { buildSearchModel } from '../../src/solver/SearchModel.ts';
import { buildResult } from '../../src/solver/solveResult.ts';
import { captureCli } from '../fixtures/cliCapture.ts';
import { smallCollege, smallTimetable } from './smallCollege.ts';

/** CS201 session 2 starts with session 1 (Mon P1); EC201 session 3 has a time but no room. */
function withUnplaced(): Timetable {
  const t = smallTimetable();
  return {
    assignments: t.assignments.map((a) =>
      a.courseId === 'CS201' && a.session === 2
        ? { ...a, day: 0, period: 0, roomId: 'R101' }
        : a.courseId === 'EC201' && a.session === 3
          ? { ...a, roomId: null }
          : a,
    ),
  };
}

function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const cli = captureCli('slotwise-unplaced-');

describe('sessions that do not count as placed', () => {
  it('are counted as unplaced by the evaluator', () => {
    const p = compile(smallCollege());
    const e = evaluate(p, timetableToPlacement(p, withUnplaced()));
    expect(e.hard.unplaced).toBe(2);
    const counted = countedTimetable(p, withUnplaced());
    const nulls = counted.assignments.filter((a) => a.day === null && a.period === null && a.roomId === null);
    expect(nulls.map((a) => `${a.courseId}#${a.session}`)).toEqual(['CS201#2', 'EC201#3']);
  });

  it('are published unplaced in CSV, ITC, XLSX, PDF and ICS', async () => {
    const college = smallCollege();
    const { results, skipped } = await exportAll(college, withUnplaced(), cli.dir);
    expect(skipped).toEqual([]);
    expect(results.map((r) => r.format)).toEqual(['csv', 'itc', 'xlsx', 'pdf', 'ics']);

    const csv = Papa.parse<Record<string, string>>(readFileSync(join(cli.dir, 'timetable.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const row = (c: string, s: number) => csv.find((r) => r.course_id === c && Number(r.session) === s);
    expect(row('CS201', 1)).toMatchObject({ day: 'Mon', period: 'P1', room_id: 'R102' });
    for (const [c, s] of [
      ['CS201', 2],
      ['EC201', 3],
    ] as const)
      expect(row(c, s)).toMatchObject({ day: '', period: '', room_id: '', start: '', end: '' });

    const sol = readFileSync(join(cli.dir, 'timetable.sol'), 'utf8').trim().split('\n');
    expect(sol.filter((l) => l.startsWith('CS201 '))).toEqual(['CS201 R102 0 0', 'CS201 R102 4 2']);
    expect(sol.filter((l) => l.startsWith('EC201 '))).toHaveLength(2);

    const sheet = await readSheet(join(cli.dir, 'timetable.xlsx'), 'Timetable');
    // The Timetable sheet (it imports back as Fixed) lists placed sessions only.
    expect(sheet.filter((r) => r[0] === 'CS201').map((r) => [r[1], r[2], r[3]])).toEqual([
      [1, 'Mon', 'P1'],
      [3, 'Fri', 'P3'],
    ]);
    const unplacedSheet = await readSheet(join(cli.dir, 'timetable.xlsx'), 'Unplaced');
    const listed = unplacedSheet.map((r) => `${String(r[0])}#${String(r[1])}`);
    expect(listed).toEqual(expect.arrayContaining(['CS201#2', 'EC201#3']));

    // ICS: an event per placed session only; CS201 #2 and EC201 #3 have none in any calendar.
    const icsFiles = readdirSync(join(cli.dir, 'ics'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ics'));
    const ics = icsFiles.map((f) => readFileSync(join(cli.dir, 'ics', f), 'utf8')).join('\n');
    expect(ics).toContain('UID:CS201.1@');
    expect(ics).not.toContain('UID:CS201.2@');
    expect(ics).not.toContain('UID:EC201.3@');

    if (hasPoppler()) {
      const text = execFileSync('pdftotext', ['-layout', join(cli.dir, 'pdf', 'groups.pdf'), '-'], {
        encoding: 'utf8',
      });
      expect(text).toContain('Not placed yet (1): CS201 #2');
      expect(text).toContain('Not placed yet (1): EC201 #3');
    }
  });

  it('are listed by `slotwise check --json` as not placed', async () => {
    const file = join(cli.dir, 'college.slotwise');
    const db = openProject(file, { create: true });
    const college = smallCollege();
    saveCollege(db, college);
    const p = compile(college);
    const e = evaluate(p, timetableToPlacement(p, withUnplaced()), { details: false });
    addTimetable(db, {
      name: 'hand-made',
      kind: 'manual',
      timetable: withUnplaced(),
      evaluation: e,
      makeActive: true,
    });
    db.close();
    expect(await main(['check', '--db', file, '--json'])).toBe(1);
    const report = JSON.parse(cli.out.join('\n')) as { unplaced: unknown[]; hard: { unplaced: number } };
    expect(report.hard.unplaced).toBe(2);
    expect(report.unplaced).toEqual([
      { course: 'CS201', session: 2, duplicate: true },
      { course: 'EC201', session: 3, duplicate: false },
    ]);
    cli.out.length = 0;
    expect(await main(['check', '--db', file])).toBe(1);
    expect(cli.out.join('\n')).toContain(
      'not placed: CS201 session 2 (same start as another session), EC201 session 3',
    );
  });

  it('come out of the solver unplaced, with the reason', () => {
    const p = compile(smallCollege());
    const st = new IncrementalState(p, timetableToPlacement(p, withUnplaced()));
    const none = new Uint8Array(p.nSessions);
    const result = buildResult(smallCollege(), st, buildSearchModel(p, none, none), none, [], [], 1, false);
    const cs2 = result.timetable.assignments.find((a) => a.courseId === 'CS201' && a.session === 2);
    expect(cs2).toMatchObject({ day: null, period: null, roomId: null });
    expect(result.unplaced.find((u) => u.courseId === 'CS201')?.reason).toMatch(/same course/);
  });
});
