import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallCollege, smallTimetable } from '../../../tests/export/smallCollege.ts';
import { exportAll } from './exportAll.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slotwise-all-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('exportAll', () => {
  it('writes every format into one folder', async () => {
    const out = join(dir, 'all');
    const { results, skipped } = await exportAll(smallCollege(), smallTimetable(), out, {
      formats: ['csv', 'itc', 'xlsx', 'ics'],
    });
    expect(skipped).toEqual([]);
    expect(results.map((r) => r.format)).toEqual(['csv', 'itc', 'xlsx', 'ics']);
    expect((await readdir(out)).sort()).toEqual(['ics', 'timetable.csv', 'timetable.sol', 'timetable.xlsx']);
  });

  it('skips ICS with the reason when the term dates are missing, and still writes the rest', async () => {
    const out = join(dir, 'no-term');
    const college = smallCollege({ termStart: undefined, termEnd: undefined });
    const { results, skipped } = await exportAll(college, smallTimetable(), out, { formats: ['csv', 'ics'] });
    expect(results.map((r) => r.format)).toEqual(['csv']);
    expect(skipped).toEqual([{ format: 'ics', reason: expect.stringMatching(/term_start/) as unknown }]);
    expect(await readdir(out)).toEqual(['timetable.csv']);
  });
});
