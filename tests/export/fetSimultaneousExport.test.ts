// tests/fixtures/fet/simultaneous.fet: fet-cl's timetable for it keeps max_simultaneous and
// min_simultaneous(_or_none) as the evaluator reads them (FET's meaning, checked by FET; its max
// total activities from set is checked on Blocks-8-overflow's shipped timetable, tests/fet); `export --format fet` writes the rules back as FET's constraints, read back as the
// same rules, the soft preferred ones at their weight.
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

const FIXTURE = join(import.meta.dirname, '../fixtures/fet/simultaneous.fet');
const tmp = mkdtempSync(join(tmpdir(), 'slotwise-fet-simultaneous-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function read(bytes: Buffer | string, name: string): College {
  const { result } = importFetBytes(Buffer.from(bytes), name);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.college;
}

describe('FET simultaneous activities: export and fet-cl', () => {
  it("writes the rules as FET's constraints, read back as the same rules", () => {
    const college = read(readFileSync(FIXTURE), 'simultaneous.fet');
    const text = formatFet(college, { assignments: [] });
    expect(text).toContain('<Allow_Empty_Slots>true</Allow_Empty_Slots>');
    expect(text).toContain('<ConstraintMaxTotalActivitiesFromSetInSelectedTimeSlots>');
    // The soft preferred starts of A1's two sessions: one FET constraint per activity, at 80 %.
    expect(text.match(/<ConstraintActivityPreferredStartingTimes><Weight_Percentage>80</g)).toHaveLength(2);
    // A1's soft preferred starts come back as one rule per session (A1#1, A1#2): the same count.
    const [a1] = college.rules.filter((r) => r.kind === 'preferred_starts' && r.courses[0] === 'A1');
    const expanded = college.rules.flatMap((r) =>
      r === a1 ? [1, 2].map((k) => ({ ...r, courses: [`A1#${k}`] })) : [r],
    );
    const key = (r: College['rules'][number]): string => JSON.stringify(r);
    expect(read(text, 'back.fet').rules.map(key).sort()).toEqual(expanded.map(key).sort());
  });

  const hasFet = existsSync(FET_CL);
  it.skipIf(!hasFet)("keeps FET's own timetable for the fixture at hard 0", () => {
    const input = join(tmp, 'simultaneous.fet');
    // Without max total activities from set in selected time slots, which fet-cl takes in the
    // block-planning mode only.
    writeFileSync(
      input,
      readFileSync(FIXTURE, 'utf8').replace(
        /<ConstraintMaxTotalActivitiesFromSetInSelectedTimeSlots>[^]*?<\/ConstraintMaxTotalActivitiesFromSetInSelectedTimeSlots>/,
        '',
      ),
    );
    const out = join(tmp, 'out');
    const log = runFetCl(input, out, 30);
    expect(log).toMatch(/Simulation successful/);
    const back = read(
      readFileSync(join(out, 'timetables', 'simultaneous', 'simultaneous_data_and_timetable.fet')),
      'x.fet',
    );
    const { timetable, fixedSessions, sessions } = timetableFromFixed(back);
    expect(fixedSessions).toBe(sessions);
    const p = compile(back);
    expect(evaluate(p, timetableToPlacement(p, timetable)).hardTotal).toBe(0);
  });
});
