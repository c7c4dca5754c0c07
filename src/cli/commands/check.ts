// `slotwise check`: the cost of a timetable, by the app's one evaluator. Either an ITC-2007
// instance + solution file, or a project's active (or chosen) timetable.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { compile } from '../../shared/compiled/compile.ts';
import { timetableToPlacement } from '../../shared/compiled/placement.ts';
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import { evaluate } from '../../shared/eval/evaluate.ts';
import { unplacedSessions } from '../../shared/eval/countedTimetable.ts';
import type { Evaluation } from '../../shared/eval/types.ts';
import { HARD_KINDS, SOFT_KINDS } from '../../shared/eval/types.ts';
import { remainingWords } from '../../shared/eval/studentClashes.ts';
import type { StudentClashSummary } from '../../shared/ipc/contract.ts';
import { studentClashSummary } from '../../main/ipc/studentClashSummary.ts';
import { parseCtt } from '../../shared/itc/ctt.ts';
import { readItcSolution } from '../../shared/itc/solution.ts';
import type { College, Timetable } from '../../shared/model/types.ts';
import { CliError } from '../CliError.ts';
import { loadProjectTimetable, staleProblem } from '../projectTimetable.ts';

interface CheckOptions {
  ctt?: string;
  solution?: string;
  db?: string;
  timetable?: string;
  json?: boolean;
  limit: string;
}

export interface CheckReport {
  source: string;
  sessions: number;
  hard_total: number;
  soft_total: number;
  hard: Evaluation['hard'];
  soft: Evaluation['soft'];
  violations: Array<{
    kind: string;
    hard: boolean;
    cost: number;
    message: string;
    sessions: Array<{ course: string; session: number }>;
  }>;
  /**
   * Sessions that do not count as placed (no time or room, or the same start as another session of
   * their course), as every export shows them: unplaced.
   */
  unplaced: Array<{ course: string; session: number; duplicate: boolean }>;
  warnings: string[];
  /**
   * Students with two sessions at once (individual enrollments): counts, and the course pairs
   * causing them, most students first. Null when no student is individually enrolled.
   */
  student_clashes: StudentClashSummary | null;
  /** With --ctt: the eight components as the ITC-2007 validator prints them. */
  itc?: Record<string, number>;
}

export function register(program: Command): void {
  program
    .command('check')
    .description(
      'Evaluate a timetable: hard violations and soft cost by kind, every violation explained, and the ' +
        'students double-booked (with the course pairs causing it) when students are enrolled individually. ' +
        'Use --ctt with --solution for an ITC-2007 instance and solution file, or --db for a project.',
    )
    .option('--ctt <file>', 'ITC-2007 instance (.ctt or .ectt)')
    .option('--solution <file>', 'ITC-2007 solution file: one "course room day period" line per lecture')
    .option('--db <file>', 'project file (.slotwise); checks its active timetable')
    .option('--timetable <id>', 'with --db: check this timetable id instead of the active one')
    .option(
      '--json',
      'print { hard_total, soft_total, hard, soft, violations, unplaced, student_clashes } as JSON',
    )
    .option('--limit <n>', 'violations to list in the text output (0 = all)', '30')
    .addHelpText(
      'after',
      '\nExit codes: 0 no hard violation, 1 hard violations, 2 bad input (the message says where).\n\n' +
        'Examples:\n  slotwise check --ctt comp01.ctt --solution comp01.sol\n' +
        '  slotwise check --db college.slotwise --json',
    )
    .action((opts: CheckOptions) => {
      const report = runCheck(opts);
      if (opts.json) console.log(JSON.stringify(report, null, 2));
      else printReport(report, Number(opts.limit));
      if (report.hard_total > 0) throw new CliError('', 1);
    });
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(err);
    throw new CliError(`Cannot read the ${what} ${path}: ${reason}.`, 2);
  }
}

/** Runs `fn`, turning any error into a located bad-input error (exit code 2). */
function badInput<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(err instanceof Error ? err.message : String(err), 2);
  }
}

export function runCheck(opts: Omit<CheckOptions, 'limit' | 'json'>): CheckReport {
  if (opts.ctt !== undefined && opts.db !== undefined)
    throw new CliError('Give either --ctt or --db, not both.', 2);
  let college: College;
  let timetable: Timetable;
  let source: string;
  let warnings: string[] = [];
  if (opts.ctt !== undefined) {
    if (opts.solution === undefined) throw new CliError('--ctt needs --solution <file>.', 2);
    const ctt = opts.ctt;
    const sol = opts.solution;
    college = badInput(() => parseCtt(readText(ctt, 'instance'), basename(ctt)));
    const read = badInput(() => readItcSolution(readText(sol, 'solution'), college, basename(sol)));
    timetable = read.timetable;
    warnings = read.warnings;
    source = `${ctt} + ${sol}`;
  } else if (opts.db !== undefined) {
    const loaded = loadProjectTimetable(
      opts.db,
      opts.timetable,
      'active timetable: solve or import one first.',
    );
    college = loaded.college;
    timetable = loaded.timetable;
    source = `${opts.db}, ${loaded.label}`;
    if (loaded.stale) {
      const problem = compile(college);
      try {
        timetableToPlacement(problem, timetable);
      } catch (err) {
        throw new CliError(staleProblem(loaded, err instanceof Error ? err.message : String(err)), 2);
      }
      warnings = [staleProblem(loaded)];
    }
  } else {
    throw new CliError('Nothing to check: give --ctt <file> --solution <file>, or --db <project>.', 2);
  }
  const problem = badInput(() => compile(college));
  const placement = badInput(() => timetableToPlacement(problem, timetable));
  const e = evaluate(problem, placement);
  return {
    source,
    sessions: problem.nSessions,
    hard_total: e.hardTotal,
    soft_total: e.softTotal,
    hard: e.hard,
    soft: e.soft,
    violations: e.violations.map((v) => ({ ...v, sessions: v.sessions.map((s) => sessionRef(problem, s)) })),
    unplaced: unplacedSessions(problem, placement).map((u) => ({
      course: u.courseId,
      session: u.session,
      duplicate: u.duplicate,
    })),
    student_clashes: studentClashSummary(college, problem, placement),
    warnings,
    ...(opts.ctt !== undefined ? { itc: itcComponents(e) } : {}),
  };
}

/** The ITC-2007 validator's components (data/itc2007/README.md §4) from an evaluation of a .ctt model. */
function itcComponents(e: Evaluation): Record<string, number> {
  return {
    Lectures: e.hard.unplaced,
    Conflicts: e.hard.faculty_clash + e.hard.group_clash,
    Availability: e.hard.course_unavailable,
    RoomOccupation: e.hard.room_clash,
    RoomCapacity: e.soft.room_capacity,
    MinWorkingDays: e.soft.min_days,
    CurriculumCompactness: e.soft.isolated,
    RoomStability: e.soft.room_stability,
  };
}

function sessionRef(p: CompiledProblem, s: number): { course: string; session: number } {
  return { course: p.courseIds[p.sessionCourse[s]], session: p.sessionIndex[s] + 1 };
}

/** Student double-bookings in words, with the course pairs causing them (none without enrollments). */
function studentLines(r: CheckReport, limit: number): string[] {
  const c = r.student_clashes;
  if (!c) return [];
  if (c.doubleBookings === 0) return ['', 'Students: no student is double-booked.'];
  const n = (x: number): string => x.toLocaleString('en-US');
  const lines = [
    '',
    `Students: ${remainingWords({ doubleBookings: c.doubleBookings, pairs: c.pairCount })}; ` +
      `${n(c.students)} student${c.students === 1 ? ' has' : 's have'} two sessions at the same time.`,
    'Course pairs (students in both: when they meet):',
  ];
  const shown = limit > 0 ? c.pairs.slice(0, limit) : c.pairs;
  for (const p of shown)
    lines.push(`  ${p.courses[0]} + ${p.courses[1]}: ${n(p.students)} at ${p.slots.join(', ')}`);
  if (shown.length < c.pairCount)
    lines.push(`  ... and ${c.pairCount - shown.length} more pairs (--limit 0 lists all, --json gives them)`);
  return lines;
}

function printReport(r: CheckReport, limit: number): void {
  for (const w of r.warnings) console.error(`warning: ${w}`);
  const lines: string[] = [`Checked ${r.source} (${r.sessions} sessions)`, ''];
  lines.push(`Hard violations: ${r.hard_total}${r.hard_total === 0 ? ' (feasible)' : ''}`);
  for (const k of HARD_KINDS) if (r.hard[k] > 0) lines.push(`  ${k.padEnd(22)} ${r.hard[k]}`);
  if (r.unplaced.length > 0) {
    const list = r.unplaced.map(
      (u) => `${u.course} session ${u.session}${u.duplicate ? ' (same start as another session)' : ''}`,
    );
    const head = limit > 0 ? list.slice(0, limit) : list;
    const more = list.length - head.length;
    lines.push(`  not placed: ${head.join(', ')}${more > 0 ? `, ... and ${more} more` : ''}`);
  }
  lines.push(`Soft cost: ${r.soft_total}`);
  for (const k of SOFT_KINDS) if (r.soft[k] > 0) lines.push(`  ${k.padEnd(22)} ${r.soft[k]}`);
  lines.push(...studentLines(r, limit));
  if (r.itc) {
    lines.push('', 'ITC-2007 terms:');
    for (const [k, v] of Object.entries(r.itc)) lines.push(`  ${k.padEnd(22)} ${v}`);
    lines.push(
      `Summary: ${r.hard_total > 0 ? `Violations = ${r.hard_total}, ` : ''}Total Cost = ${r.soft_total}`,
    );
  }
  const shown = limit > 0 ? r.violations.slice(0, limit) : r.violations;
  if (shown.length > 0) {
    lines.push('', 'Violations:');
    for (const v of shown)
      lines.push(`  ${(v.hard ? 'hard' : `soft ${v.cost}`).padEnd(8)} ${v.kind}: ${v.message}`);
    if (shown.length < r.violations.length) {
      lines.push(
        `  ... and ${r.violations.length - shown.length} more (--limit 0 lists all, --json gives all)`,
      );
    }
  }
  console.log(lines.join('\n'));
}
