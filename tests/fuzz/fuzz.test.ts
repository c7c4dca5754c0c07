// Seeded, bounded fuzzing in the suite (the campaign with thousands of cases is `npm run fuzz`):
// mutated CSV folders and .xlsx workbooks, mutated ITC-2007 .ctt files, damaged project files,
// hostile names in ICS calendars, and a few cases of the process families: commands on damaged
// project files, import/export killed with SIGKILL, two processes on one project. No case may
// crash, be refused without a location, be accepted while invalid, or change a file it must not.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROCESS_TARGETS } from './processTargets.ts';
import { campaign, collegeDefect, TARGETS, type CaseResult } from './targets.ts';
import { smallCollege } from '../export/smallCollege.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 1206);
const scratch = mkdtempSync(join(tmpdir(), 'slotwise-fuzz-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ALL = { ...TARGETS, ...PROCESS_TARGETS };
const CASES: Record<string, { count: number; projectCheckEvery: number }> = {
  csv: { count: 16, projectCheckEvery: 8 },
  xlsx: { count: 8, projectCheckEvery: 0 },
  ctt: { count: 16, projectCheckEvery: 8 },
  project: { count: 24, projectCheckEvery: 0 },
  ics: { count: 16, projectCheckEvery: 0 },
  cli: { count: 12, projectCheckEvery: 0 },
  kill: { count: 2, projectCheckEvery: 0 },
  concurrent: { count: 1, projectCheckEvery: 0 },
};

describe(`fuzz (seed ${SEED})`, () => {
  for (const [key, { count, projectCheckEvery }] of Object.entries(CASES)) {
    it(`${ALL[key].name}: ${count} cases, each refused with a location or accepted valid`, async () => {
      const failures: Array<[number, CaseResult]> = [];
      const counts = await campaign(ALL[key], SEED, count, join(scratch, key), {
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
