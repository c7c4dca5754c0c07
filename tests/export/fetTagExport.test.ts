// `export --format fet` of max_per_day and max_continuous (tests/fixtures/fet/tag-limits.fet's
// college): written as FET's activity tag limits on a tag of the rule's own, read back as the same
// rules; fet-cl's timetables for the export and for the fixture keep them as the evaluator reads them.
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
import { FET_CL } from '../fet/fetFiles.ts';
import { runFetCl } from '../fet/fetCl.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/fet/tag-limits.fet');
const tmp = mkdtempSync(join(tmpdir(), 'slotwise-fet-tags-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function fixture(): College {
  const { result } = importFetBytes(readFileSync(FIXTURE), 'tag-limits.fet');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.college;
}

const shape = (c: College) => c.rules.map((r) => [r.kind, r.courses.length, r.value, r.hard]);

/** fet-cl on `text` (written as `name`.fet): the timetable read back, with its hard total. */
function fetCl(text: string, name: string): { college: College; hard: number } {
  const input = join(tmp, `${name}.fet`);
  writeFileSync(input, text);
  const out = join(tmp, `${name}-out`);
  const log = runFetCl(input, out, 30);
  expect(log).toMatch(/Simulation successful/);
  const back = importFetBytes(
    readFileSync(join(out, 'timetables', name, `${name}_data_and_timetable.fet`)),
    'x.fet',
  ).result;
  if (!back.ok) throw new Error(JSON.stringify(back.errors));
  const { timetable, fixedSessions, sessions } = timetableFromFixed(back.college);
  expect(fixedSessions).toBe(sessions);
  const p = compile(back.college);
  return { college: back.college, hard: evaluate(p, timetableToPlacement(p, timetable)).hardTotal };
}

describe('export --format fet: max_per_day and max_continuous', () => {
  it("writes them as a teacher's or a students set's activity tag limits, read back as the same rules", () => {
    const text = formatFet(fixture(), { assignments: [] });
    // T1 teaches every session of the first rule; Y1 attends every session of the second.
    expect(text).toContain(
      '<ConstraintTeacherActivityTagMaxHoursDaily><Weight_Percentage>100</Weight_Percentage><Teacher_Name>T1</Teacher_Name><Activity_Tag_Name>Slotwise rule 1</Activity_Tag_Name><Maximum_Hours_Daily>1</Maximum_Hours_Daily>',
    );
    expect(text).toContain(
      '<ConstraintStudentsSetActivityTagMaxHoursContinuously><Weight_Percentage>100</Weight_Percentage><Students>Y1</Students><Activity_Tag>Slotwise rule 2</Activity_Tag><Maximum_Hours_Continuously>1</Maximum_Hours_Continuously>',
    );
    const back = importFetBytes(Buffer.from(text), 'tag-limits.fet').result;
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(shape(back.college)).toEqual(shape(fixture()));
    expect(shape(back.college)).toEqual([
      ['max_per_day', 3, 1, true],
      ['max_continuous', 4, 1, true],
      // The fixture's soft one (95 %), written at its weight and read back soft.
      ['max_per_day', 4, 1, false],
    ]);
  });

  it('leaves out a rule no one teacher or students set holds', () => {
    const c = fixture();
    c.rules.push({ kind: 'max_per_day', courses: ['A3', 'A4'], hard: true, weight: 1, value: 1 });
    const text = formatFet(c, { assignments: [] });
    expect(text).toContain('Slotwise rule 3');
    expect(text).not.toContain('Slotwise rule 4');
  });

  const hasFet = existsSync(FET_CL);
  it.skipIf(!hasFet)('fet-cl makes timetables that keep them, for the export and for the fixture', () => {
    const exported = fetCl(formatFet(fixture(), { assignments: [] }), 'exported');
    expect(exported.college.rules.map((r) => r.kind)).toEqual([
      'max_per_day',
      'max_continuous',
      'max_per_day',
    ]);
    expect(exported.hard).toBe(0);
    const own = fetCl(readFileSync(FIXTURE, 'utf8'), 'tag-limits');
    expect(own.college.rules.map((r) => r.kind)).toEqual(['max_per_day', 'max_continuous', 'max_per_day']);
    expect(own.hard).toBe(0);
  });
});
