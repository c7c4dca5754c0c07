// FET's two activities ordered if same day (tests/fixtures/fet/ordered-if-same-day.fet) as Rules
// ordered_if_same_day: the import, the count on hand-given timetables (the first session must end
// before the second starts when they share a day, as FET reads it: fet-cl finds no timetable when
// only the start could come first), fet-cl's timetable at hard 0, and the export read back.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatFet } from '../../src/main/export/fet.ts';
import { importFetBytes } from '../../src/main/import/fet/importFet.ts';
import { timetableFromFixed } from '../../src/main/import/fet/fixedTimetable.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import type { College } from '../../src/shared/model/types.ts';
import { FET_CL, FET_CL_SEEDS } from './fetFiles.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/fet/ordered-if-same-day.fet');
const tmp = mkdtempSync(join(tmpdir(), 'slotwise-fet-ordered-same-day-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function read(text = readFileSync(FIXTURE, 'utf8')) {
  const { result, build } = importFetBytes(Buffer.from(text), 'ordered-if-same-day.fet');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { c: result.college, build: build! };
}

/** The ordered_if_same_day rule's count alone, A1 (2 periods) and A2 at [day, period]. */
function cost(c: College, a1: [number, number], a2: [number, number]): number {
  const only = { ...c, rules: c.rules.filter((r) => r.kind === 'ordered_if_same_day') };
  const p = compile(only);
  const assignments = [
    { courseId: 'A1', session: 1, day: a1[0], period: a1[1], roomId: 'no-room:A1', locked: false },
    { courseId: 'A2', session: 1, day: a2[0], period: a2[1], roomId: 'no-room:A2', locked: false },
  ];
  return evaluate(p, timetableToPlacement(p, { assignments })).hard.rule;
}

describe('FET two activities ordered if same day', () => {
  it('maps onto ordered_if_same_day, first activity first', () => {
    const { c, build } = read();
    expect(c.rules.filter((r) => r.kind === 'ordered_if_same_day')).toEqual([
      { kind: 'ordered_if_same_day', courses: ['A1', 'A2'], hard: true, weight: 1 },
    ]);
    expect(build.kinds.get('ConstraintTwoActivitiesOrderedIfSameDay')).toMatchObject({
      mapped: 1,
      dropped: 0,
    });
  });

  it("counts a pair on one day that is not in order, by the first's end; other days are free", () => {
    const { c } = read();
    expect(cost(c, [0, 0], [0, 2])).toBe(0);
    // A2 starts after A1 starts but before it ends (FET: not ordered), or before it.
    expect(cost(c, [0, 0], [0, 1])).toBe(1);
    expect(cost(c, [0, 1], [0, 0])).toBe(1);
    expect(cost(c, [1, 1], [0, 0])).toBe(0);
  });

  const hasFet = existsSync(FET_CL);
  const fetCl = (input: string, out: string): string =>
    execFileSync(
      FET_CL,
      [`--inputfile=${input}`, `--outputdir=${out}`, '--timelimitseconds=10', ...FET_CL_SEEDS],
      { encoding: 'utf8', timeout: 60_000 },
    );

  it.skipIf(!hasFet)("keeps fet-cl's timetable at hard 0, every session fixed", () => {
    expect(fetCl(FIXTURE, join(tmp, 'own'))).toMatch(/Simulation successful/);
    const { c } = read(
      readFileSync(
        join(tmp, 'own', 'timetables', 'ordered-if-same-day', 'ordered-if-same-day_data_and_timetable.fet'),
        'utf8',
      ),
    );
    const { timetable, fixedSessions, sessions } = timetableFromFixed(c);
    expect(fixedSessions).toBe(sessions);
    expect(timetable.assignments.map((a) => [a.courseId, a.day, a.period])).toEqual([
      ['A1', 0, 0],
      ['A2', 0, 2],
    ]);
    const p = compile(c);
    expect(evaluate(p, timetableToPlacement(p, timetable)).hardTotal).toBe(0);
  });

  it.skipIf(!hasFet)(
    'is exported as the same FET constraint, read back as the same rule, kept by fet-cl',
    () => {
      const { c } = read();
      const text = formatFet(c, { assignments: [] });
      expect(text).toContain('<ConstraintTwoActivitiesOrderedIfSameDay>');
      expect(read(text).c.rules).toEqual(c.rules);
      const input = join(tmp, 'export.fet');
      writeFileSync(input, text);
      expect(fetCl(input, join(tmp, 'export'))).toMatch(/Simulation successful/);
      const back = read(
        readFileSync(join(tmp, 'export', 'timetables', 'export', 'export_data_and_timetable.fet'), 'utf8'),
      ).c;
      const p = compile(back);
      expect(evaluate(p, timetableToPlacement(p, timetableFromFixed(back).timetable)).hardTotal).toBe(0);
    },
  );
});
