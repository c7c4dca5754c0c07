// `slotwise run` end to end on an ITC-2007 file: the three result files, a feasible report, and a
// solution file with one line per lecture.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ITC_DIR } from './fixtures.ts';

describe('slotwise run', () => {
  it('imports, solves and writes timetable.csv, solution.sol and report.json', () => {
    const out = mkdtempSync(join(tmpdir(), 'slotwise-run-'));
    try {
      const r = spawnSync(
        process.execPath,
        [
          'bin/slotwise.js',
          'run',
          join(ITC_DIR, 'comp01.ctt'),
          '--out',
          out,
          '--time-limit',
          '2',
          '--seed',
          '3',
          '--no-mip',
        ],
        { encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/search/);
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
        status: string;
        hardTotal: number;
        seed: number;
        timeLimitS: number;
        stages: unknown[];
      };
      expect(report).toMatchObject({ status: 'feasible', hardTotal: 0, seed: 3, timeLimitS: 2 });
      expect(report.stages.length).toBeGreaterThan(1);
      const sol = readFileSync(join(out, 'solution.sol'), 'utf8').trim().split('\n');
      expect(sol).toHaveLength(160);
      const csv = readFileSync(join(out, 'timetable.csv'), 'utf8').trim().split('\n');
      expect(csv[0]).toMatch(/^course_id,session,day,period,length,room_id,faculty,groups/);
      expect(csv).toHaveLength(161);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('fails with exit code 1 and a clear message for a missing input', () => {
    const r = spawnSync(process.execPath, ['bin/slotwise.js', 'run', 'no-such-file.ctt', '--out', tmpdir()], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no-such-file/);
  });
});
