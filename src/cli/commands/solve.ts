// `slotwise solve --db <project>`: solves the project's college and stores the timetable as the
// active one. Progress goes to stderr at least every second; a summary (or --json) at the end.
import type { Command } from 'commander';
import { loadCollege, openProject, ProjectFileError, type Database } from '../../main/db/index.ts';
import { CliError } from '../CliError.ts';
import { interruptedJobs, poolNumbers, solveThroughPool } from '../poolSolve.ts';
import type { SolveResult } from '../../shared/solver/protocol.ts';
import type { ActivatePolicy, JobOutcome } from '../../main/jobs/index.ts';
import type { ActiveComparison, StudentClashTotals } from '../../shared/ipc/jobEvents.ts';
import { remainingWords } from '../../shared/eval/studentClashes.ts';

interface SolveCliOptions {
  db: string;
  timeLimit: string;
  seed: string;
  json?: boolean;
  mip: boolean;
  workers?: string;
  stallTimeout?: string;
  resume?: boolean;
  improve?: boolean;
  makeActive: string;
}

const ACTIVATE: Record<string, ActivatePolicy> = { better: 'if-better', always: 'always', never: 'never' };

export function register(program: Command): void {
  program
    .command('solve')
    .description(
      "Generate a timetable for the project's college and store it as a new timetable version, made active " +
        'unless it is worse than the active one. Locked sessions of the active timetable (and fixed ones) ' +
        'stay where they are. Prints progress at least every second and a summary with every unplaced ' +
        'session explained.',
    )
    .requiredOption('--db <file>', 'project file (made with `slotwise import`)')
    .option('--time-limit <seconds>', 'wall-clock budget for the whole solve', '60')
    .option('--seed <n>', 'random seed: the same seed gives the same search', '1')
    .option('--no-mip', 'skip the MIP stage (greedy constructor + local search only)')
    .option('--workers <n>', 'solver processes in the pool (default: cores - 1, at least 1)')
    .option(
      '--stall-timeout <seconds>',
      'a solver silent this long is hung: killed and retried from its checkpoint',
      '10',
    )
    .option(
      '--improve',
      'start from the active timetable and improve it, instead of a new timetable that keeps only its locked sessions',
    )
    .option(
      '--make-active <when>',
      'when the result becomes the active timetable: better (if it is at least as good as the active one), always, never',
      'better',
    )
    .option(
      '--resume',
      'resume the job an interrupted run left (from its last checkpoint) instead of a new one',
    )
    .option('--json', 'print the result (status, costs by kind, unplaced, stage times) as JSON on stdout')
    .addHelpText(
      'after',
      '\nWhat is kept: sessions pinned on the Fixed sheet always; sessions locked in the active timetable\n' +
        '(the Lock button of the editor) keep their day, period and room. With --improve every session\n' +
        'starts where the active timetable has it and the clustering and MIP stages are skipped.\n' +
        '"Better" compares hard violations first, then the soft cost; a worse result is stored but the\n' +
        'active timetable stays, and the summary shows both (hard, soft, double-booked students).\n\n' +
        'The solve runs in solver processes watched by a watchdog: a crashed or hung solver is restarted and\n' +
        'resumes from its last checkpoint. Ctrl+C cancels; the active timetable is then left unchanged.\n' +
        'Exit codes: 0 feasible timetable stored, 3 stored but with hard violations or unplaced sessions,\n' +
        '1 the project cannot be used, has no college, has no active timetable to --improve, or the college\n' +
        'was re-imported during the solve (the result is then kept as a stale timetable, never made active).\n\n' +
        'Examples:\n  slotwise solve --db college.slotwise --time-limit 120 --seed 7\n' +
        '  slotwise solve --db college.slotwise --improve --time-limit 60',
    )
    .action(async (opts: SolveCliOptions) => {
      const timeLimitS = option(() => positiveNumber(opts.timeLimit, '--time-limit'));
      const seed = option(() => seedNumber(opts.seed));
      const activate = ACTIVATE[opts.makeActive];
      if (!activate)
        throw new CliError(`--make-active must be better, always or never (got "${opts.makeActive}")`, 1);
      const pool = poolNumbers(opts.workers, opts.stallTimeout);
      const db = openOrFail(opts.db);
      try {
        const college = loadCollege(db);
        if (!college)
          throw new CliError(
            `${opts.db} has no college yet. Import one first: slotwise import <workbook> --db ${opts.db}`,
            1,
          );
        const pending = interruptedJobs(db);
        if (pending > 0 && !opts.resume)
          console.error(`${pending} job(s) of an interrupted run can be resumed with --resume.`);
        const controller = new AbortController();
        const release = abortOnInterrupt(controller);
        let solved;
        try {
          solved = await solveThroughPool(
            db,
            college,
            {
              timeLimitS,
              seed,
              mip: opts.mip,
              ...pool,
              resume: opts.resume,
              start: opts.improve ? 'improve' : 'new',
              activate,
            },
            controller.signal,
          );
        } finally {
          release();
        }
        const { result, timetableId: id, outcome } = solved;
        if (opts.json) {
          const { timetable: _t, evaluation, ...rest } = result;
          const { violations: _v, ...costs } = evaluation;
          const activation = outcome.activation;
          console.log(
            JSON.stringify(
              {
                timetableId: id,
                active: activation?.activated ?? null,
                previousActive: activation?.previous ?? null,
                studentClashes: activation?.studentClashes ?? null,
                studentClashTotals: activation?.studentClashTotals ?? null,
                ...rest,
                evaluation: costs,
              },
              null,
              2,
            ),
          );
        } else {
          console.log(summary(result, timeLimitS, outcome.activation?.studentClashTotals ?? null));
          console.log(storedLine(outcome, id, opts.db));
        }
        if (result.evaluation.hardTotal > 0) throw new CliError('', 3);
      } finally {
        db.close();
      }
    });
}

/** Where the result went: active or not, and against which timetable. */
export function storedLine(outcome: JobOutcome, id: number, db: string): string {
  const a = outcome.activation;
  if (!a) return `Stored as timetable ${id} in ${db}.`;
  const mine = {
    hardTotal: outcome.hardTotal ?? 0,
    softTotal: outcome.softTotal ?? 0,
    studentClashes: a.studentClashes,
  };
  if (a.activated) {
    const was = a.previous
      ? ` It replaces timetable ${a.previous.timetableId} "${a.previous.name}" (${costs(a.previous)}), which is kept.`
      : '';
    return `Stored as timetable ${id} (active) in ${db}.${was}`;
  }
  if (!a.previous) return `Stored as timetable ${id} in ${db} (not made active).`;
  return (
    `Stored as timetable ${id} in ${db}, NOT made active: it is worse than the active timetable ` +
    `${a.previous.timetableId} "${a.previous.name}".\n  new:    ${costs(mine)}\n  active: ${costs(a.previous)}\n` +
    `To use it anyway: slotwise versions --db ${db} --activate ${id}`
  );
}

function costs(c: Pick<ActiveComparison, 'hardTotal' | 'softTotal' | 'studentClashes'>): string {
  const students =
    c.studentClashes === null
      ? ''
      : `, ${c.studentClashes} student${c.studentClashes === 1 ? '' : 's'} double-booked`;
  return `hard ${c.hardTotal}, soft ${c.softTotal}${students}`;
}

function option<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err), 1);
  }
}

function openOrFail(path: string): Database {
  try {
    return openProject(path);
  } catch (err) {
    if (err instanceof ProjectFileError) throw new CliError(err.message, 1);
    throw err;
  }
}

// --- Shared with `run`: summary, option parsing, Ctrl+C. ---

/**
 * A readable summary of a solve result; `students` (null: no individual enrollments) adds a line
 * on double-booked students in plain words.
 */
export function summary(
  result: SolveResult,
  timeLimitS: number,
  students: StudentClashTotals | null = null,
): string {
  const e = result.evaluation;
  const lines: string[] = [];
  lines.push(`Status: ${result.status} (seed ${result.seed}, time limit ${timeLimitS} s)`);
  lines.push(`Hard violations: ${e.hardTotal}${kinds(e.hard)}`);
  lines.push(`Soft cost: ${e.softTotal}${kinds(e.soft)}`);
  if (students) lines.push(studentsLine(e.hard.faculty_clash + e.hard.group_clash, students));
  const stageText = (s: SolveResult['stages'][number]): string =>
    `${s.stage} ${(s.ms / 1000).toFixed(1)} s${s.note ? ` (${s.note})` : ''}`;
  lines.push(`Stages: ${result.stages.map(stageText).join(', ')}`);
  const fatal = result.findings.filter((f) => f.fatal);
  if (fatal.length > 0) {
    lines.push(
      `The data cannot be fully satisfied (${fatal.length} finding${fatal.length === 1 ? '' : 's'}):`,
    );
    for (const f of fatal) lines.push(`  - ${f.message} ${f.hint}`);
  }
  if (result.unplaced.length > 0) {
    lines.push(`Not placed (${result.unplaced.length}):`);
    for (const u of result.unplaced.slice(0, 50))
      lines.push(`  - ${u.courseId} session ${u.session}: ${u.reason}`);
    if (result.unplaced.length > 50) lines.push(`  ... and ${result.unplaced.length - 50} more`);
  }
  return lines.join('\n');
}

/** "Students: no group or teacher clashes; 3,209 student double-bookings remain, from 41 course pairs (1,150 students)." */
export function studentsLine(groupOrTeacherClashes: number, s: StudentClashTotals): string {
  if (s.doubleBookings === 0) return 'Students: no student is double-booked.';
  const first = groupOrTeacherClashes === 0 ? 'no group or teacher clashes; ' : '';
  const who = `${s.students.toLocaleString('en-US')} student${s.students === 1 ? '' : 's'}`;
  return `Students: ${first}${remainingWords(s)} (${who}).`;
}

function kinds(by: Record<string, number>): string {
  const parts = Object.entries(by)
    .filter(([, v]) => v !== 0)
    .map(([k, v]) => `${k} ${v}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** Parses a positive number option, or throws a usage error naming it. */
export function positiveNumber(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number (got "${value}")`);
  return n;
}

/** Parses a non-negative integer seed. */
export function seedNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--seed must be a whole number >= 0 (got "${value}")`);
  return n;
}

/** Aborts the controller on Ctrl+C (once; a second Ctrl+C exits at once). */
export function abortOnInterrupt(controller: AbortController): () => void {
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(130);
    console.error('Cancelling (Ctrl+C again to quit at once).');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  return () => process.off('SIGINT', onSigint);
}
