// `slotwise run <input> --out <dir>`: import + solve + publish in one go. The college goes into a
// fresh project file in the output folder, the solve runs through the solver pool like `solve`,
// and every export is written: timetable.csv, timetable.xlsx, pdf/, ics/ (when the calendar has
// term dates), solution.sol for ITC-2007 input, timetable.fet for FET input, and report.json.
import type { Command } from 'commander';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { openProject, saveCollege } from '../../main/db/index.ts';
import { importPath } from '../../main/import/index.ts';
import { exportAll } from '../../main/export/index.ts';
import { formatItcSolution } from '../../shared/itc/index.ts';
import { formatFet } from '../../main/export/fet.ts';
import { CliError } from '../CliError.ts';
import { formatIssues } from './import.ts';
import { poolNumbers, solveThroughPool } from '../poolSolve.ts';
import { abortOnInterrupt, positiveNumber, seedNumber, summary } from './solve.ts';
import { compile } from '../../shared/compiled/compile.ts';
import { timetableToPlacement } from '../../shared/compiled/placement.ts';
import { studentClashSummary } from '../../main/ipc/studentClashSummary.ts';

interface RunOptions {
  out: string;
  timeLimit: string;
  seed: string;
  mip: boolean;
  workers?: string;
  stallTimeout?: string;
}

export function register(program: Command): void {
  program
    .command('run')
    .description(
      'Import, solve and publish in one go: project.slotwise, timetable.csv, timetable.xlsx, PDF and ICS ' +
        'timetables, report.json (costs, unplaced sessions, students double-booked and the course pairs ' +
        'causing it) and, for ITC-2007 input, solution.sol (the competition format); for FET input, ' +
        'timetable.fet (the timetable locked in a FET file).',
    )
    .argument(
      '<input>',
      'workbook.xlsx, a folder of CSV files, a FET .fet file, or an ITC-2007 .ctt/.ectt file',
    )
    .requiredOption(
      '--out <dir>',
      'folder for the results (created if missing; its project.slotwise is replaced)',
    )
    .option('--time-limit <seconds>', 'wall-clock budget for the solve', '60')
    .option('--seed <n>', 'random seed: the same seed gives the same search', '1')
    .option('--no-mip', 'skip the MIP stage (greedy constructor + local search only)')
    .option('--workers <n>', 'solver processes in the pool (default: cores - 1, at least 1)')
    .option('--stall-timeout <seconds>', 'a solver silent this long is hung: killed and retried', '10')
    .addHelpText(
      'after',
      '\nExit codes: 0 feasible, 3 written but with hard violations or unplaced sessions, 1 input errors.\n\n' +
        'Example:\n  slotwise run resources/samples/college --out out/demo --time-limit 30',
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
      const pool = poolNumbers(opts.workers, opts.stallTimeout);
      const imported = await importPath(input);
      if (!imported.ok) {
        console.error(`Import failed: ${imported.errors.length} error(s) in ${input}. Nothing was solved.\n`);
        console.error(formatIssues([...imported.errors, ...imported.warnings]));
        throw new CliError('', 1);
      }
      const college = imported.college;
      mkdirSync(opts.out, { recursive: true });
      const projectFile = join(opts.out, 'project.slotwise');
      for (const suffix of ['', '-wal', '-shm']) rmSync(projectFile + suffix, { force: true });
      const db = openProject(projectFile, { create: true });
      let solved;
      try {
        saveCollege(db, college);
        const controller = new AbortController();
        const release = abortOnInterrupt(controller);
        try {
          solved = await solveThroughPool(
            db,
            college,
            { timeLimitS, seed, mip: opts.mip, ...pool, name: `Solution (seed ${seed})` },
            controller.signal,
          );
        } finally {
          release();
        }
      } finally {
        db.close();
      }
      const { result, timetable } = solved;
      const isItc =
        ['.ctt', '.ectt'].includes(extname(input).toLowerCase()) || college.source?.kind === 'ctt';
      const exported = await exportAll(college, timetable, opts.out, {
        formats: ['csv', 'xlsx', 'pdf', 'ics'],
      });
      const files = [projectFile, ...exported.results.flatMap((r) => r.files)];
      if (isItc) {
        const sol = join(opts.out, 'solution.sol');
        writeFileSync(sol, formatItcSolution(college, timetable));
        files.push(sol);
      }
      if (college.source?.kind === 'fet') {
        const fet = join(opts.out, 'timetable.fet');
        writeFileSync(fet, formatFet(college, timetable));
        files.push(fet);
      }
      const problem = compile(college);
      const students = studentClashSummary(college, problem, timetableToPlacement(problem, timetable));
      const report = {
        input,
        status: result.status,
        hardTotal: result.evaluation.hardTotal,
        softTotal: result.evaluation.softTotal,
        hard: result.evaluation.hard,
        soft: result.evaluation.soft,
        unplaced: result.unplaced,
        // Null when no student is enrolled individually; pairs most students first.
        studentClashes: students,
        findings: result.findings,
        stages: result.stages,
        attempts: solved.outcome.attempts,
        seed,
        timeLimitS,
        exportsSkipped: exported.skipped,
      };
      const reportFile = join(opts.out, 'report.json');
      writeFileSync(reportFile, JSON.stringify(report, null, 2));
      files.push(reportFile);
      const totals = students && { ...students, pairs: students.pairCount };
      console.log(summary(result, timeLimitS, totals));
      for (const s of exported.skipped) console.log(`Not exported as ${s.format}: ${s.reason}`);
      console.log(`Wrote ${files.length} files to ${opts.out} (timetable.csv, report.json, pdf/, ...).`);
      if (result.evaluation.hardTotal > 0) throw new CliError('', 3);
    });
}
