// FET's two activities ordered if same day (tests/fixtures/fet/ordered-if-same-day.fet) as Rules
// ordered_if_same_day: the import, the count on hand-given timetables (the first session must end
// before the second starts when they share a day, as FET reads it: fet-cl finds no timetable when
// only the start could come first), fet-cl's timetable at hard 0, and the export read back.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/shared/compiled/compile.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import type { College } from '../../src/shared/model/types.ts';
import {
  hasFetCl,
  importFetText,
  runFetCl,
  fetClTimetableText,
  fixedHard,
  expectExportKept,
} from './fetCl.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/fet/ordered-if-same-day.fet');
const tmp = mkdtempSync(join(tmpdir(), 'slotwise-fet-ordered-same-day-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const read = (text = readFileSync(FIXTURE, 'utf8')) => importFetText(text, 'ordered-if-same-day.fet');

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

  it.skipIf(!hasFetCl)("keeps fet-cl's timetable at hard 0, every session fixed", () => {
    expect(runFetCl(FIXTURE, join(tmp, 'own'))).toMatch(/Simulation successful/);
    const { c } = read(fetClTimetableText(FIXTURE, join(tmp, 'own')));
    const { timetable, hard } = fixedHard(c);
    expect(timetable.assignments.map((a) => [a.courseId, a.day, a.period])).toEqual([
      ['A1', 0, 0],
      ['A2', 0, 2],
    ]);
    expect(hard).toBe(0);
  });

  it.skipIf(!hasFetCl)(
    'is exported as the same FET constraint, read back as the same rule, kept by fet-cl',
    () => expectExportKept(read().c, 'ConstraintTwoActivitiesOrderedIfSameDay', tmp),
  );
});
