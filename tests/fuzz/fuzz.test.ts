// Seeded, bounded fuzzing in the suite (the campaign with thousands of cases is `npm run fuzz`):
// mutated CSV folders and .xlsx workbooks, mutated ITC-2007 .ctt files, damaged project files and
// hostile names in ICS calendars. No case may crash, be refused without a location, be accepted
// while invalid, or change a project file on a failed import.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { campaign, collegeDefect, TARGETS, type CaseResult } from './targets.ts';
import { smallCollege } from '../export/smallCollege.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 1206);
const scratch = mkdtempSync(join(tmpdir(), 'slotwise-fuzz-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const CASES: Record<string, { count: number; projectCheckEvery: number }> = {
  csv: { count: 16, projectCheckEvery: 8 },
  xlsx: { count: 8, projectCheckEvery: 0 },
  ctt: { count: 16, projectCheckEvery: 8 },
  project: { count: 24, projectCheckEvery: 0 },
  ics: { count: 16, projectCheckEvery: 0 },
};

describe(`fuzz (seed ${SEED})`, () => {
  for (const [key, { count, projectCheckEvery }] of Object.entries(CASES)) {
    it(`${TARGETS[key].name}: ${count} cases, each refused with a location or accepted valid`, async () => {
      const failures: Array<[number, CaseResult]> = [];
      const counts = await campaign(TARGETS[key], SEED, count, join(scratch, key), {
        projectCheckEvery,
        onFailure: (i, r) => failures.push([i, r]),
      });
      expect(failures).toEqual([]);
      expect(counts.rejected + counts.accepted).toBe(count);
    }, 60_000);
  }

  it('the oracle itself catches what the fuzzing looks for', () => {
    const good = smallCollege();
    expect(collegeDefect(good)).toBeUndefined();
    const withBreak = smallCollege();
    withBreak.rooms[0].name = 'Hall\nBEGIN:VEVENT';
    expect(collegeDefect(withBreak)).toMatch(/control character/);
    const dangling = smallCollege();
    dangling.courses[0].faculty = ['NOBODY'];
    expect(collegeDefect(dangling)).toMatch(/unknown NOBODY/);
    const huge = smallCollege();
    huge.rooms[0].capacity = 2 ** 60;
    expect(collegeDefect(huge)).toMatch(/capacity/);
  });
});
