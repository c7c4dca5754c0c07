// FET's Terms mode on fet-data's FET 5 terms examples (FET-5-terms/1: 25 days read as 5 terms of 5,
// activities occupy max terms and activities max in a term): the timetables fet-cl makes import as
// fixed sessions that keep max_terms and max_per_term, and moving one session breaks them.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFetDetailed } from '../../src/main/import/fet/importFet.ts';
import { timetableFromFixed } from '../../src/main/import/fet/fixedTimetable.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { FET_CL, FET_DATA } from './fetFiles.ts';
import { runFetCl } from './fetCl.ts';

const FILE = join(FET_DATA, 'FET-5-terms/1/simple.fet');
const present = existsSync(FILE) && existsSync(FET_CL);

describe.skipIf(!present)('FET Terms mode (fet-data, fet-cl)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'slotwise-fet-terms-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("keeps FET's own timetable at hard 0, and counts a session moved to another term", async () => {
    const log = runFetCl(FILE, tmp, 30);
    expect(log).toMatch(/Simulation successful/);
    const out = join(tmp, 'timetables', 'simple', 'simple_data_and_timetable.fet');
    const { result, build } = await importFetDetailed(out);
    if (!result.ok) throw new Error(result.errors[0].message);
    const c = result.college;
    expect(c.calendar.daysPerTerm).toBe(5);
    expect(build!.kinds.get('ConstraintActivitiesOccupyMaxTerms')).toMatchObject({ mapped: 1, dropped: 0 });
    expect(build!.kinds.get('ConstraintActivitiesMaxInATerm')).toMatchObject({ mapped: 1, dropped: 0 });
    const { timetable, fixedSessions, sessions } = timetableFromFixed(c);
    expect(fixedSessions).toBe(sessions);
    const p = compile(c);
    expect(evaluate(p, timetableToPlacement(p, timetable)).hardTotal).toBe(0);
    // The max_terms rule's sessions all in one term: one of them five days later is in another.
    const rule = c.rules.find((r) => r.kind === 'max_terms')!;
    const i = timetable.assignments.findIndex((a) => rule.courses.includes(a.courseId));
    const moved = timetable.assignments.map((a, j) =>
      j === i ? { ...a, day: ((a.day ?? 0) + 5) % c.calendar.days.length } : a,
    );
    // (Unpinned, so the move is the rule's to judge.)
    const q = compile({ ...c, fixed: [] });
    const e = evaluate(q, timetableToPlacement(q, { assignments: moved }));
    expect(e.hard.rule).toBeGreaterThan(0);
  });

  it("keeps FET's own timetable at hard 0 on a school of 147 activities with 6 terms constraints", async () => {
    const file = join(FET_DATA, 'FET-5-terms/1/liviu.fet');
    const dir = join(tmp, 'liviu');
    const log = runFetCl(file, dir, 30);
    expect(log).toMatch(/Simulation successful/);
    const { result } = await importFetDetailed(
      join(dir, 'timetables', 'liviu', 'liviu_data_and_timetable.fet'),
    );
    if (!result.ok) throw new Error(result.errors[0].message);
    const c = result.college;
    expect(c.rules.filter((r) => r.kind === 'max_terms' || r.kind === 'max_per_term')).toHaveLength(6);
    const { timetable, fixedSessions, sessions } = timetableFromFixed(c);
    expect(fixedSessions).toBe(sessions);
    const p = compile(c);
    expect(evaluate(p, timetableToPlacement(p, timetable)).hardTotal).toBe(0);
  });
});
