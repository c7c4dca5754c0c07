import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCollege } from '../../main/generate/index.ts';
import { importPath } from '../../main/import/index.ts';
import { main } from '../main.ts';
import { captureCli } from '../../../tests/fixtures/cliCapture.ts';

const cli = captureCli('slotwise-cli-generate-');

describe('slotwise generate', () => {
  it('writes the CSV workbook, the .xlsx and the planted timetable, and prints a summary', async () => {
    const target = join(cli.dir, 'college');
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
    expect(cli.err).toEqual([]);
    expect(code).toBe(0);
    expect(existsSync(join(target, 'Courses.csv'))).toBe(true);
    expect(existsSync(join(cli.dir, 'college.xlsx'))).toBe(true);
    const planted = readFileSync(join(cli.dir, 'college-planted.csv'), 'utf8').trim().split('\n');
    const { college, stats } = generateCollege('small', 9);
    expect(planted.length - 1).toBe(stats.weeklySessions);
    const text = cli.out.join('\n');
    expect(text).toMatch(new RegExp(`students\\s+${college.students.length}\\b`));
    expect(text).toMatch(new RegExp(`weekly sessions\\s+${stats.weeklySessions}\\b`));
    expect(text).toMatch(/course offerings\s+\d+/);
    const imported = await importPath(target);
    expect(imported.ok).toBe(true);
  });

  it('prints JSON with --json', async () => {
    const code = await main(['generate', '--seed', '4', '--out', join(cli.dir, 'c'), '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(cli.out.join('\n')) as { preset: string; stats: { courses: number } };
    expect(report.preset).toBe('small');
    expect(report.stats.courses).toBe(generateCollege('small', 4).college.courses.length);
  });

  it('--plain writes the plain college (fewer rules), and the default one imports with every rule', async () => {
    const code = await main(['generate', '--seed', '4', '--plain', '--out', join(cli.dir, 'p'), '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(cli.out.join('\n')) as { plain: boolean; stats: { rules: number } };
    expect(report.plain).toBe(true);
    expect(report.stats.rules).toBe(generateCollege('small', 4, { plain: true }).college.rules.length);
    expect(report.stats.rules).toBeLessThan(generateCollege('small', 4).college.rules.length);
    expect(await main(['generate', '--preset', 'medium', '--seed', '4', '--out', join(cli.dir, 'm')])).toBe(
      0,
    );
    const imported = await importPath(join(cli.dir, 'm'));
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors.slice(0, 3)));
    expect(imported.college.rules).toEqual(generateCollege('medium', 4).college.rules);
  });

  it.each([
    [['--preset', 'huge'], /Unknown --preset "huge"/],
    [['--seed', 'abc'], /--seed must be an integer/],
    [['--scale', '-1'], /--scale must be a number above 0/],
  ])('refuses %j with a clear message', async (args, message) => {
    const code = await main(['generate', '--out', join(cli.dir, 'x'), ...args]);
    expect(code).toBe(1);
    expect(cli.err.join('\n')).toMatch(message);
    expect(existsSync(join(cli.dir, 'x'))).toBe(false);
  });
});
