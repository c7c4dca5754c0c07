import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateCollege } from '../../main/generate/index.ts';
import { importPath } from '../../main/import/index.ts';
import { main } from '../main.ts';

let dir: string;
let out: string[];
let err: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slotwise-cli-generate-'));
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('slotwise generate', () => {
  it('writes the CSV workbook, the .xlsx and the planted timetable, and prints a summary', async () => {
    const target = join(dir, 'college');
    const code = await main([
      'generate',
      '--preset',
      'small',
      '--seed',
      '9',
      '--out',
      target,
      '--xlsx',
      '--planted',
    ]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(existsSync(join(target, 'Courses.csv'))).toBe(true);
    expect(existsSync(join(dir, 'college.xlsx'))).toBe(true);
    const planted = readFileSync(join(dir, 'college-planted.csv'), 'utf8').trim().split('\n');
    const { college, stats } = generateCollege('small', 9);
    expect(planted.length - 1).toBe(stats.weeklySessions);
    const text = out.join('\n');
    expect(text).toMatch(new RegExp(`students\\s+${college.students.length}\\b`));
    expect(text).toMatch(new RegExp(`weekly sessions\\s+${stats.weeklySessions}\\b`));
    expect(text).toMatch(/course offerings\s+\d+/);
    const imported = await importPath(target);
    expect(imported.ok).toBe(true);
  });

  it('prints JSON with --json', async () => {
    const code = await main(['generate', '--seed', '4', '--out', join(dir, 'c'), '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out.join('\n')) as { preset: string; stats: { courses: number } };
    expect(report.preset).toBe('small');
    expect(report.stats.courses).toBe(generateCollege('small', 4).college.courses.length);
  });

  it.each([
    [['--preset', 'huge'], /Unknown --preset "huge"/],
    [['--seed', 'abc'], /--seed must be an integer/],
    [['--scale', '-1'], /--scale must be a number above 0/],
  ])('refuses %j with a clear message', async (args, message) => {
    const code = await main(['generate', '--out', join(dir, 'x'), ...args]);
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(message);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});
