// `slotwise run <input> --out <dir>`: import + solve + write the results, no project file needed.
// Writes timetable.csv (one row per session), solution.sol for ITC-2007 input, and report.json.
import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { importPath } from '../../main/import/index.ts';
import { exportTimetable } from '../../main/export/index.ts';
import { formatItcSolution } from '../../shared/itc/index.ts';
import { solve } from '../../solver/solve.ts';
import { CliError } from '../CliError.ts';
import { formatIssues } from './import.ts';
import { abortOnInterrupt, positiveNumber, progressPrinter, seedNumber, summary } from './solve.ts';

interface RunOptions {
  out: string;
  timeLimit: string;
  seed: string;
  mip: boolean;
}

export function register(program: Command): void {
  program
    .command('run')
    .description(
      'Import, solve and write the results in one go: timetable.csv, report.json and, for ITC-2007 input, ' +
        'solution.sol (the competition format).',
    )
    .argument('<input>', 'workbook.xlsx, a folder of CSV files, or an ITC-2007 .ctt/.ectt file')
    .requiredOption('--out <dir>', 'folder for the results (created if missing)')
    .option('--time-limit <seconds>', 'wall-clock budget for the solve', '60')
    .option('--seed <n>', 'random seed: the same seed gives the same search', '1')
    .option('--no-mip', 'skip the MIP stage (greedy constructor + local search only)')
    .addHelpText(
      'after',
      '\nExit codes: 0 feasible, 3 written but with hard violations or unplaced sessions, 1 input errors.\n\n' +
        'Example:\n  slotwise run data/comp01.ctt --out out/comp01 --time-limit 120',
    )
    .action(async (input: string, opts: RunOptions) => {
      let timeLimitS: number;
      let seed: number;
      try {
        timeLimitS = positiveNumber(opts.timeLimit, '--time-limit');
        seed = seedNumber(opts.seed);
      } catch (err) {
        throw new CliError(err instanceof Error ? err.message : String(err), 1);
      }
      const imported = await importPath(input);
      if (!imported.ok) {
        console.error(`Import failed: ${imported.errors.length} error(s) in ${input}. Nothing was solved.\n`);
        console.error(formatIssues([...imported.errors, ...imported.warnings]));
        throw new CliError('', 1);
      }
      const college = imported.college;
      const controller = new AbortController();
      const release = abortOnInterrupt(controller);
      let result;
      try {
        result = await solve(
          college,
          { timeLimitMs: timeLimitS * 1000, seed, skipStages: opts.mip ? [] : ['mip'] },
          progressPrinter(),
          controller.signal,
        );
      } finally {
        release();
      }
      mkdirSync(opts.out, { recursive: true });
      const files: string[] = [];
      const csv = join(opts.out, 'timetable.csv');
      await exportTimetable('csv', college, result.timetable, { out: csv });
      files.push(csv);
      const ext = extname(input).toLowerCase();
      if (ext === '.ctt' || ext === '.ectt' || college.source?.kind === 'ctt') {
        const sol = join(opts.out, 'solution.sol');
        writeFileSync(sol, formatItcSolution(college, result.timetable));
        files.push(sol);
      }
      const report = {
        input,
        status: result.status,
        hardTotal: result.evaluation.hardTotal,
        softTotal: result.evaluation.softTotal,
        hard: result.evaluation.hard,
        soft: result.evaluation.soft,
        unplaced: result.unplaced,
        findings: result.findings,
        stages: result.stages,
        seed,
        timeLimitS,
      };
      const reportFile = join(opts.out, 'report.json');
      writeFileSync(reportFile, JSON.stringify(report, null, 2));
      files.push(reportFile);
      console.log(summary(result, timeLimitS));
      console.log(`Wrote ${files.join(', ')}.`);
      if (result.evaluation.hardTotal > 0) throw new CliError('', 3);
    });
}
