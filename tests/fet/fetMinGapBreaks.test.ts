// FET's min gaps between activities across a break hour (tests/fixtures/fet/min-gap-breaks.fet): FET
// counts the break hour as a gap, and the import's min_gap_counting_breaks counts the gap between
// the periods around it as one free period. fet-cl's timetable (the only one: the two activities
// around the break) scores hard 0, where min_gap would count 1; with min gaps 2 fet-cl finds none,
// and no placement keeps the rule either. The export writes the rule back as FET's constraint.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatFet } from '../../src/main/export/fet.ts';
import { importFetBytes } from '../../src/main/import/fet/importFet.ts';
import { timetableFromFixed } from '../../src/main/import/fet/fixedTimetable.ts';
import { ruleCosts } from '../../src/main/import/fet/testing/ruleCosts.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { FET_CL, FET_CL_SEEDS } from './fetFiles.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/fet/min-gap-breaks.fet');
const tmp = mkdtempSync(join(tmpdir(), 'slotwise-fet-min-gap-breaks-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function read(text: string) {
  const { result, build } = importFetBytes(Buffer.from(text), 'min-gap-breaks.fet');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { c: result.college, build: build! };
}
const fixture = (): string => readFileSync(FIXTURE, 'utf8');

describe('FET min gaps between activities across a break hour', () => {
  it('maps onto min_gap_counting_breaks; the periods around the break keep it, min_gap would not', () => {
    const { c, build } = read(fixture());
    expect(c.periods.map((p) => p.label)).toEqual(['1', '2']);
    expect(c.rules).toEqual([
      { kind: 'min_gap_counting_breaks', courses: ['A1', 'A2'], hard: true, weight: 1, value: 1 },
    ]);
    expect(build.kinds.get('ConstraintMinGapsBetweenActivities')).toMatchObject({ mapped: 1, dropped: 0 });
    const around: Array<[string, number, number, number]> = [
      ['A1', 1, 0, 0],
      ['A2', 1, 0, 1],
    ];
    expect(ruleCosts(c, around).hard).toBe(0);
    const plain = { ...c, rules: c.rules.map((r) => ({ ...r, kind: 'min_gap' as const })) };
    expect(ruleCosts(plain, around).hard).toBe(1);
    // Min gaps 2: the break is one free hour, too few.
    const two = read(fixture().replace('<MinGaps>1</MinGaps>', '<MinGaps>2</MinGaps>')).c;
    expect(ruleCosts(two, around).hard).toBe(1);
  });

  const hasFet = existsSync(FET_CL);
  const fetCl = (input: string, out: string, seconds: number): string =>
    execFileSync(
      FET_CL,
      [`--inputfile=${input}`, `--outputdir=${out}`, `--timelimitseconds=${seconds}`, ...FET_CL_SEEDS],
      { encoding: 'utf8', timeout: 60_000 },
    );

  it.skipIf(!hasFet)("keeps fet-cl's timetable at hard 0; with min gaps 2 fet-cl finds none", () => {
    expect(fetCl(FIXTURE, join(tmp, 'one'), 30)).toMatch(/Simulation successful/);
    const { c } = read(
      readFileSync(
        join(tmp, 'one', 'timetables', 'min-gap-breaks', 'min-gap-breaks_data_and_timetable.fet'),
        'utf8',
      ),
    );
    const { timetable, fixedSessions, sessions } = timetableFromFixed(c);
    expect(fixedSessions).toBe(sessions);
    expect(timetable.assignments.map((a) => [a.courseId, a.period])).toEqual([
      ['A1', 0],
      ['A2', 1],
    ]);
    const p = compile(c);
    expect(evaluate(p, timetableToPlacement(p, timetable)).hardTotal).toBe(0);
    const two = join(tmp, 'two.fet');
    writeFileSync(two, fixture().replace('<MinGaps>1</MinGaps>', '<MinGaps>2</MinGaps>'));
    expect(fetCl(two, join(tmp, 'two'), 2)).not.toMatch(/Simulation successful/);
  });

  it('is exported as FET min gaps (the gap between periods a break hour), read back as the same rule', () => {
    const { c } = read(fixture());
    const text = formatFet(c, { assignments: [] });
    expect(text).toContain('<MinGaps>1</MinGaps>');
    expect(read(text).c.rules).toEqual(c.rules);
  });
});
