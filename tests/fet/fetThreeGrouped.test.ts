// FET's three activities grouped (tests/fixtures/fet/three-grouped.fet) as Rules grouped: the import,
// the count on hand-given timetables (one block of one day, any order, no break between), fet-cl's
// timetable at hard 0, and the export read back. (With activity 2 only at Tu 1, fet-cl searched 60 s
// and found no timetable: the three must share a day.)
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

const FIXTURE = join(import.meta.dirname, '../fixtures/fet/three-grouped.fet');
const tmp = mkdtempSync(join(tmpdir(), 'slotwise-fet-three-grouped-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const read = (text = readFileSync(FIXTURE, 'utf8')) => importFetText(text, 'three-grouped.fet');

/** The grouped rule's count alone, A1, A2 and A3 at [day, period]. */
function cost(c: College, ...at: Array<[number, number]>): number {
  const only = { ...c, rules: c.rules.filter((r) => r.kind === 'grouped') };
  const p = compile(only);
  const assignments = at.map(([day, period], i) => ({
    courseId: `A${i + 1}`,
    session: 1,
    day,
    period,
    roomId: `no-room:A${i + 1}`,
    locked: false,
  }));
  return evaluate(p, timetableToPlacement(p, { assignments })).hard.rule;
}

describe('FET three activities grouped', () => {
  it('maps onto one grouped rule over the three courses', () => {
    const { c, build } = read();
    expect(c.rules.filter((r) => r.kind === 'grouped')).toEqual([
      { kind: 'grouped', courses: ['A1', 'A2', 'A3'], hard: true, weight: 1 },
    ]);
    expect(build.kinds.get('ConstraintThreeActivitiesGrouped')).toMatchObject({ mapped: 1, dropped: 0 });
  });

  it('counts 1 unless the three form one block of one day, in any order', () => {
    const { c } = read();
    expect(cost(c, [0, 2], [0, 0], [0, 1])).toBe(0);
    expect(cost(c, [0, 0], [0, 1], [0, 2])).toBe(0);
    expect(cost(c, [1, 3], [1, 1], [1, 2])).toBe(0);
    // A free period inside the block, the third on another day, two at one time.
    expect(cost(c, [0, 2], [0, 0], [0, 3])).toBe(1);
    expect(cost(c, [0, 2], [0, 0], [1, 1])).toBe(1);
    expect(cost(c, [0, 1], [0, 0], [0, 1])).toBe(1);
  });

  it('drops the constraint in a file with a break inside the day (FET allows the break between)', () => {
    const withBreak = readFileSync(FIXTURE, 'utf8').replace(
      '<ConstraintThreeActivitiesGrouped>',
      '<ConstraintBreakTimes><Weight_Percentage>100</Weight_Percentage><Number_of_Break_Times>1</Number_of_Break_Times><Break_Time><Day>Tu</Day><Hour>2</Hour></Break_Time><Active>true</Active></ConstraintBreakTimes><ConstraintThreeActivitiesGrouped>',
    );
    const { c, build } = read(withBreak);
    expect(c.rules.filter((r) => r.kind === 'grouped')).toEqual([]);
    expect(build.kinds.get('ConstraintThreeActivitiesGrouped')).toMatchObject({ mapped: 0, dropped: 1 });
  });

  it('keeps nothing when one of the three is inactive, as FET ignores the constraint', () => {
    const { c, build } = read(
      readFileSync(FIXTURE, 'utf8').replace(
        '<Id>3</Id><Activity_Group_Id>0</Activity_Group_Id><Active>true</Active>',
        '<Id>3</Id><Activity_Group_Id>0</Activity_Group_Id><Active>false</Active>',
      ),
    );
    expect(c.rules.filter((r) => r.kind === 'grouped' || r.kind === 'adjacent')).toEqual([]);
    expect(build.kinds.get('ConstraintThreeActivitiesGrouped')).toMatchObject({ mapped: 1, dropped: 0 });
  });

  it.skipIf(!hasFetCl)("keeps fet-cl's timetable at hard 0, every session fixed", () => {
    expect(runFetCl(FIXTURE, join(tmp, 'own'))).toMatch(/Simulation successful/);
    const { c } = read(fetClTimetableText(FIXTURE, join(tmp, 'own')));
    const { timetable, hard } = fixedHard(c);
    expect(timetable.assignments.map((a) => [a.courseId, a.day, a.period])).toEqual([
      ['A1', 0, 2],
      ['A2', 0, 0],
      ['A3', 0, 1],
    ]);
    expect(hard).toBe(0);
  });

  it.skipIf(!hasFetCl)(
    'is exported as the same FET constraint, read back as the same rule, kept by fet-cl',
    () => expectExportKept(read().c, 'ConstraintThreeActivitiesGrouped', tmp),
  );
});
