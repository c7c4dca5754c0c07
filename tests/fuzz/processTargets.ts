// Seeded fuzz families that drive whole commands: `slotwise` commands on damaged project files (in
// this process, through the CLI's main), `slotwise import` and `slotwise export` killed with
// SIGKILL at a random moment, and two `slotwise` processes started together on one project. Each
// case ends in one verdict of targets.ts: a crash (a stack trace, a signal, a hang), an unlocated
// refusal (no file named), an accepted invalid state (a damaged file used, a result said stored
// that is not there, a stale result made active) or a changed file (a refused file modified, a
// project left damaged or mixed, litter left beside it).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runImport } from '../../src/cli/commands/import.ts';
import { main } from '../../src/cli/main.ts';
import {
  addTimetable,
  getCollegeRevision,
  listTimetables,
  loadCollege,
  openProject,
  saveCollege,
  type Database,
} from '../../src/main/db/index.ts';
import { checkForeignKeys } from '../../src/main/db/projectCheck.ts';
import { exportTimetable } from '../../src/main/export/index.ts';
import type { College, Timetable } from '../../src/shared/model/index.ts';
import { smallCollege, smallTimetable } from '../export/smallCollege.ts';
import {
  caseRng,
  damageProjectFile,
  guarded,
  type CaseResult,
  type FuzzTarget,
  type Rng,
} from './targets.ts';

const BIN = fileURLToPath(new URL('../../bin/slotwise.js', import.meta.url));
const CLEAN_CSV = fileURLToPath(new URL('../fixtures/import/clean/', import.meta.url));
const COMP01 = fileURLToPath(new URL('../../bench/data/itc2007/comp01.ctt', import.meta.url));
/** What a crash looks like in a command's output. */
const CRASH_TEXT =
  /\n\s+at \S+ \(|\n\s+at .*:\d+:\d+|TypeError|ReferenceError|RangeError|SyntaxError|SqliteError|Unhandled|defect in/;

// ---------------------------------------------------------------------------------------------
// Running commands

interface Run {
  code: number | null;
  signal: string | null;
  out: string;
  err: string;
  /** When the process ended (performance.now()). */
  endedAt: number;
}

/** `slotwise <args>` as a child process; killed with SIGKILL after `killAfterMs` when given. */
function spawnCli(args: string[], opts: { killAfterMs?: number; limitMs?: number } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SLOTWISE_LOG_DIR: 'off' },
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    const timers = [setTimeout(() => child.kill('SIGKILL'), opts.limitMs ?? 120_000)];
    if (opts.killAfterMs !== undefined)
      timers.push(setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs));
    child.on('close', (code, signal) => {
      for (const t of timers) clearTimeout(t);
      resolve({ code, signal, out, err, endedAt: performance.now() });
    });
  });
}

/** The CLI's main() in this process, its console output captured. */
async function mainCaptured(args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error, warn } = console;
  const writes = {
    stdout: process.stdout.write.bind(process.stdout),
    stderr: process.stderr.write.bind(process.stderr),
  };
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  console.warn = console.error;
  const into =
    (lines: string[]) =>
    (chunk: string | Uint8Array): boolean => {
      lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    };
  process.stdout.write = into(out);
  process.stderr.write = into(err);
  try {
    const code = await main(args);
    return { code, signal: null, out: out.join('\n'), err: err.join('\n'), endedAt: performance.now() };
  } finally {
    Object.assign(console, { log, error, warn });
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
  }
}

/** A crash in a finished command, or undefined. */
function crashOf(label: string, run: Run, killed = false): CaseResult | undefined {
  if (run.signal && !killed) return { verdict: 'crash', detail: `${label}: ended by ${run.signal}` };
  const text = `${run.err}\n${run.out}`;
  const m = CRASH_TEXT.exec(text);
  if (m)
    return { verdict: 'crash', detail: `${label}: ${text.slice(Math.max(0, m.index - 120), m.index + 80)}` };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Project files and what they hold

function writeProject(path: string, college: College, timetables: Timetable[] = []): void {
  const db = openProject(path);
  try {
    saveCollege(db, college);
    const zero = { hardTotal: 0, softTotal: 0, hard: {}, soft: {} } as never;
    timetables.forEach((timetable, i) =>
      addTimetable(db, { name: `T${i + 1}`, kind: 'manual', timetable, evaluation: zero, makeActive: true }),
    );
  } finally {
    db.close();
  }
}

interface ProjectState {
  college: string | null;
  timetables: number[];
  active: number | null;
  staleActiveMadeAfter?: number;
}

/**
 * Opens the project the way every command does (open checks, foreign keys, the college and every id
 * it names) and returns what it holds, or a string saying why it is not sound.
 */
function readProject(path: string): ProjectState | string {
  let db: Database;
  try {
    db = openProject(path, { create: false });
  } catch (err) {
    return (err as Error).message;
  }
  try {
    checkForeignKeys(db, path);
    const college = loadCollege(db);
    const revision = getCollegeRevision(db);
    const timetables = listTimetables(db);
    const active = timetables.find((t) => t.active);
    const state: ProjectState = {
      college: college ? JSON.stringify(college) : null,
      timetables: timetables.map((t) => t.id),
      active: active?.id ?? null,
    };
    if (active && active.collegeRevision !== revision) state.staleActiveMadeAfter = active.id;
    return state;
  } catch (err) {
    return (err as Error).message;
  } finally {
    db.close();
  }
}

/** Files beside a project that no command may leave behind (temporary copies, half-made files). */
function litter(dir: string): string[] {
  return readdirSync(dir).filter((f) => /\.(creating|restoring)-|\.tmp$/.test(f));
}

const collegeJson = (c: College): string => JSON.stringify(c);
let referenceColleges: { comp01: string; clean: string } | null = null;

/** The colleges comp01.ctt and the clean CSV folder import as (computed once). */
async function references(dir: string): Promise<{ comp01: string; clean: string }> {
  if (referenceColleges) return referenceColleges;
  mkdirSync(dir, { recursive: true });
  const out: Record<string, string> = {};
  for (const [key, source] of [
    ['comp01', COMP01],
    ['clean', CLEAN_CSV],
  ] as const) {
    const path = join(dir, `ref-${key}.slotwise`);
    const report = await runImport(source, path);
    if (!report.ok) throw new Error(`the reference import of ${source} failed`);
    const db = openProject(path, { create: false });
    out[key] = collegeJson(loadCollege(db)!);
    db.close();
    rmSync(path, { force: true });
    for (const s of ['-wal', '-shm', '-lock']) rmSync(path + s, { force: true });
  }
  referenceColleges = { comp01: out.comp01, clean: out.clean };
  return referenceColleges;
}

// ---------------------------------------------------------------------------------------------
// Family: CLI commands on damaged project files

type Command = 'check' | 'check-json' | 'export-csv' | 'export-ics' | 'solve' | 'import' | 'backup';
type CliCase = Command | 'restore-from' | 'restore-over' | 'versions' | 'diagnose';
const CLI_CASES: CliCase[] = [
  'check',
  'check-json',
  'export-csv',
  'export-ics',
  'solve',
  'import',
  'backup',
  'restore-from',
  'restore-over',
  'versions',
  'diagnose',
];

/** How a damaged file stands: refused on open, refused when its rows are read, or sound. */
function standing(path: string, dir: string): 'open' | 'rows' | 'sound' {
  const copy = join(dir, 'probe', basename(path));
  mkdirSync(join(dir, 'probe'), { recursive: true });
  copyFileSync(path, copy);
  let db: Database;
  try {
    db = openProject(copy, { create: false });
  } catch {
    return 'open';
  }
  try {
    checkForeignKeys(db, copy);
    loadCollege(db);
    return 'sound';
  } catch {
    return 'rows';
  } finally {
    db.close();
    rmSync(join(dir, 'probe'), { recursive: true, force: true });
  }
}

const beside = (dir: string, name: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.startsWith(name) && f !== name && !f.endsWith('-lock'))
    .sort();

export const cliDamagedTarget: FuzzTarget = {
  name: 'CLI on damaged projects',
  run: (seed, index, dir) =>
    guarded(async () => {
      const rng = caseRng(seed, index);
      const path = join(dir, 'project.slotwise');
      writeProject(path, smallCollege(), [smallTimetable()]);
      for (const f of readdirSync(dir)) if (f !== 'project.slotwise') rmSync(join(dir, f), { force: true });
      damageProjectFile(path, rng);
      const stands = standing(path, dir);
      const which = rng.pick(CLI_CASES);
      const good = join(dir, 'good.slotwise');
      if (which === 'restore-from' || which === 'restore-over') writeProject(good, smallCollege());
      const args: Record<CliCase, string[]> = {
        check: ['check', '--db', path],
        'check-json': ['check', '--db', path, '--json'],
        'export-csv': ['export', '--db', path, '--format', 'csv', '--out', join(dir, 'out.csv')],
        'export-ics': ['export', '--db', path, '--format', 'ics', '--out', join(dir, 'ics')],
        solve: ['solve', '--db', path, '--time-limit', '1'],
        import: ['import', COMP01, '--db', path],
        backup: ['backup', '--db', path],
        'restore-from': ['restore', '--db', good, '--from', path],
        'restore-over': ['restore', '--db', path, '--from', good],
        versions: ['versions', '--db', path],
        diagnose: ['diagnose', '--db', path, '--out', join(dir, 'bundle.zip')],
      };
      const watched = which === 'restore-from' ? good : path;
      const before = existsSync(watched) ? readFileSync(watched) : null;
      const besideBefore = beside(dir, basename(watched));
      const run = await mainCaptured(args[which]);
      const label = `${which} on a file ${stands === 'sound' ? 'that opens' : `refused at ${stands}`}`;
      const crash = crashOf(label, run);
      if (crash) return crash;
      if (litter(dir).length > 0)
        return { verdict: 'changed-file', detail: `${label}: left ${litter(dir).join(', ')}` };
      // check exits 1 for hard violations and solve 3 for a result stored with them: not refusals.
      const done =
        run.code === 0 ||
        (run.code === 1 && which.startsWith('check')) ||
        (run.code === 3 && which === 'solve');
      if (!done) {
        if (!run.err.includes(basename(path)) && !/project/i.test(run.err))
          return { verdict: 'unlocated', detail: `${label}: exit ${run.code}: ${run.err.slice(0, 200)}` };
        if (which !== 'restore-over') {
          const after = existsSync(watched) ? readFileSync(watched) : null;
          if (!before || !after || !before.equals(after))
            return {
              verdict: 'changed-file',
              detail: `${label}: a refused command changed ${basename(watched)}`,
            };
          const added = beside(dir, basename(watched)).filter((f) => !besideBefore.includes(f));
          if (added.length > 0)
            return { verdict: 'changed-file', detail: `${label}: left ${added.join(', ')}` };
        }
        return { verdict: 'rejected' };
      }
      // The command succeeded: it must not have used a file the checks refuse.
      if (which === 'restore-over') {
        const state = readProject(path);
        if (typeof state === 'string')
          return { verdict: 'accepted-invalid', detail: `${label}: restored project: ${state}` };
        return { verdict: 'accepted' };
      }
      if (which === 'restore-from' && stands !== 'sound')
        return { verdict: 'accepted-invalid', detail: `${label}: a damaged backup replaced a good project` };
      // An import replaces the college, which repairs a file whose college rows were damaged.
      const repairs = which === 'import' && stands === 'rows';
      if (stands !== 'sound' && !repairs && which !== 'diagnose')
        return { verdict: 'accepted-invalid', detail: `${label}: exit 0 on a damaged file` };
      return { verdict: 'accepted' };
    }),
};

// ---------------------------------------------------------------------------------------------
// Family: kill -9 during import and export

/** A second timetable for smallCollege: every session a day later (so every calendar differs). */
function movedTimetable(): Timetable {
  const t = smallTimetable();
  return {
    ...t,
    assignments: t.assignments.map((a) => ({ ...a, day: a.day === null ? null : (a.day + 1) % 5 })),
  };
}

/** Visible files under `out` (relative path -> content without DTSTAMP/SEQUENCE) and hidden entries. */
function snapshot(out: string): { files: Map<string, string>; hidden: string[] } {
  const files = new Map<string, string>();
  const hidden: string[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (name.startsWith('.')) hidden.push(relative(out, path));
      else if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ics'))
        files.set(
          relative(out, path),
          readFileSync(path, 'utf8').replace(/^(DTSTAMP|SEQUENCE):.*\r\n/gm, ''),
        );
    }
  };
  if (existsSync(out)) walk(out);
  return { files, hidden: hidden.sort() };
}

const sameFiles = (a: Map<string, string>, b: Map<string, string>): boolean =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

let icsReferences: { a: Map<string, string>; b: Map<string, string> } | null = null;

async function icsRefs(dir: string): Promise<{ a: Map<string, string>; b: Map<string, string> }> {
  if (!icsReferences) {
    mkdirSync(dir, { recursive: true });
    await exportTimetable('ics', smallCollege(), smallTimetable(), { out: join(dir, 'refA') });
    await exportTimetable('ics', smallCollege(), movedTimetable(), { out: join(dir, 'refB') });
    icsReferences = { a: snapshot(join(dir, 'refA')).files, b: snapshot(join(dir, 'refB')).files };
  }
  return icsReferences;
}

async function killedImport(rng: Rng, dir: string): Promise<CaseResult> {
  const refs = await references(join(dir, 'refs'));
  const path = join(dir, 'project.slotwise');
  const existed = rng.int(4) !== 0;
  if (existed) {
    const report = await runImport(COMP01, path);
    if (!report.ok) throw new Error('setup: comp01 did not import');
  }
  const delay = 200 + rng.int(2400);
  const run = await spawnCli(['import', CLEAN_CSV, '--db', path], { killAfterMs: delay });
  const label = `import killed after ${delay} ms (${run.signal ? 'killed' : `exit ${run.code}`})`;
  const crash = crashOf(label, run, true);
  if (crash) return crash;
  if (!existed && !existsSync(path)) return { verdict: 'rejected' };
  const state = readProject(path);
  if (typeof state === 'string') return { verdict: 'changed-file', detail: `${label}: ${state}` };
  const allowed = existed ? [refs.comp01, refs.clean] : [refs.clean];
  if (state.college === null || !allowed.includes(state.college))
    return {
      verdict: 'changed-file',
      detail: `${label}: the project holds neither the old nor the new college`,
    };
  const left = litter(dir);
  if (left.length > 0) return { verdict: 'changed-file', detail: `${label}: left ${left.join(', ')}` };
  return { verdict: run.signal ? 'rejected' : 'accepted' };
}

async function killedExport(rng: Rng, dir: string): Promise<CaseResult> {
  const refs = await icsRefs(join(dir, '..', 'ics-refs'));
  const path = join(dir, 'project.slotwise');
  writeProject(path, smallCollege(), [smallTimetable()]);
  const csv = rng.int(3) === 0;
  const out = join(dir, csv ? 'timetable.csv' : 'ics');
  const format = csv ? 'csv' : 'ics';
  // The old export (timetable A), then B made active and exported under a kill.
  const first = await mainCaptured(['export', '--db', path, '--format', format, '--out', out]);
  if (first.code !== 0) throw new Error(`setup: the first export failed: ${first.err}`);
  const oldCsv = csv ? readFileSync(out, 'utf8') : '';
  writeProject(path, smallCollege(), [movedTimetable()]);
  const delay = 200 + rng.int(2000);
  const run = await spawnCli(['export', '--db', path, '--format', format, '--out', out], {
    killAfterMs: delay,
  });
  const label = `${format} export killed after ${delay} ms (${run.signal ? 'killed' : `exit ${run.code}`})`;
  const crash = crashOf(label, run, true);
  if (crash) return crash;
  if (csv) {
    const now = readFileSync(out, 'utf8');
    const fresh = join(dir, 'fresh.csv');
    await mainCaptured(['export', '--db', path, '--format', 'csv', '--out', fresh]);
    if (now !== oldCsv && now !== readFileSync(fresh, 'utf8'))
      return { verdict: 'changed-file', detail: `${label}: the CSV is neither the old nor the new one` };
  } else {
    const seen = snapshot(out);
    const incomplete = seen.hidden.some((h) => h.startsWith('.slotwise-publish.json'));
    if (!incomplete && !sameFiles(seen.files, refs.a) && !sameFiles(seen.files, refs.b))
      return { verdict: 'changed-file', detail: `${label}: old and new calendars mixed without the journal` };
  }
  // The next export finishes or discards the killed one and leaves nothing hidden behind.
  const again = await mainCaptured(['export', '--db', path, '--format', format, '--out', out]);
  const crashAgain = crashOf(`the export after a ${label}`, again);
  if (crashAgain) return crashAgain;
  if (again.code !== 0)
    return { verdict: 'changed-file', detail: `the export after a ${label} failed: ${again.err}` };
  const hidden = csv ? readdirSync(dir).filter((f) => f.startsWith('.timetable.csv.')) : snapshot(out).hidden;
  if (hidden.length > 0)
    return { verdict: 'changed-file', detail: `${label}: left ${hidden.join(', ')} after the next export` };
  if (!csv && !sameFiles(snapshot(out).files, refs.b))
    return { verdict: 'changed-file', detail: `${label}: the next export did not publish the new calendars` };
  return { verdict: run.signal ? 'rejected' : 'accepted' };
}

export const killTarget: FuzzTarget = {
  name: 'kill -9 import/export',
  run: (seed, index, dir) =>
    guarded(() => {
      const rng = caseRng(seed, index);
      return rng.int(2) === 0 ? killedImport(rng, dir) : killedExport(rng, dir);
    }),
};

// ---------------------------------------------------------------------------------------------
// Family: two processes on one project

type Pair = [string, string];
const PAIRS: Pair[] = [
  ['import', 'import'],
  ['import', 'solve'],
  ['solve', 'import'],
  ['restore', 'solve'],
  ['solve', 'restore'],
  ['import', 'restore'],
  ['import', 'export'],
  ['backup', 'import'],
  ['export', 'export'],
  ['solve', 'solve'],
];

export const concurrentTarget: FuzzTarget = {
  name: 'two processes, one project',
  run: (seed, index, dir) =>
    guarded(async () => {
      const rng = caseRng(seed, index);
      const refs = await references(join(dir, '..', 'refs'));
      const path = join(dir, 'project.slotwise');
      const report = await runImport(COMP01, path);
      if (!report.ok) throw new Error('setup: comp01 did not import');
      const backup = await mainCaptured(['backup', '--db', path, '--out', join(dir, 'backups')]);
      if (backup.code !== 0) throw new Error(`setup: backup failed: ${backup.err}`);
      const backupFile = readdirSync(join(dir, 'backups')).map((f) => join(dir, 'backups', f))[0];
      const pair = rng.pick(PAIRS);
      const argsOf = (cmd: string, k: number): string[] => {
        switch (cmd) {
          case 'import':
            return ['import', k === 0 ? CLEAN_CSV : COMP01, '--db', path];
          case 'solve':
            return ['solve', '--db', path, '--time-limit', '1', '--seed', String(k + 1)];
          case 'restore':
            return ['restore', '--db', path, '--from', backupFile];
          case 'export':
            return ['export', '--db', path, '--format', 'csv', '--out', join(dir, `out${k}.csv`)];
          default:
            return ['backup', '--db', path, '--out', join(dir, 'backups2')];
        }
      };
      const delay = rng.int(1500);
      const runs = await Promise.all([
        spawnCli(argsOf(pair[0], 0)),
        new Promise<Run>((resolve) => setTimeout(() => resolve(spawnCli(argsOf(pair[1], 1))), delay)),
      ]);
      const label = `${pair[0]} + ${pair[1]} ${delay} ms later`;
      for (const [k, run] of runs.entries()) {
        const crash = crashOf(`${label}: ${pair[k]}`, run);
        if (crash) return crash;
        if (run.code !== 0 && run.err.trim() === '' && pair[k] !== 'solve')
          return { verdict: 'unlocated', detail: `${label}: ${pair[k]} exit ${run.code} saying nothing` };
        if (
          run.code !== 0 &&
          run.err.trim() !== '' &&
          !run.err.includes(basename(path)) &&
          !/project|stale|job|import/i.test(run.err)
        )
          return { verdict: 'unlocated', detail: `${label}: ${pair[k]}: ${run.err.slice(0, 200)}` };
      }
      const state = readProject(path);
      if (typeof state === 'string') return { verdict: 'changed-file', detail: `${label}: ${state}` };
      if (state.college === null || ![refs.comp01, refs.clean].includes(state.college))
        return {
          verdict: 'changed-file',
          detail: `${label}: the project holds a college neither import wrote`,
        };
      if (state.staleActiveMadeAfter !== undefined)
        return {
          verdict: 'accepted-invalid',
          detail: `${label}: the active timetable was made for an earlier import`,
        };
      for (const [k, run] of runs.entries()) {
        // A result is lost when it is gone although the command that replaced the project (a
        // restore) ended first, i.e. while this solve still ran; replacing it afterwards is allowed.
        const other = runs[1 - k];
        const stored = /Stored as timetable (\d+)/.exec(run.out);
        if (
          stored &&
          run.code === 0 &&
          other.code === 0 &&
          other.endedAt < run.endedAt &&
          !state.timetables.includes(Number(stored[1]))
        )
          return {
            verdict: 'accepted-invalid',
            detail: `${label}: ${pair[k]} said "${stored[0]}", which is gone`,
          };
      }
      for (const k of [0, 1]) {
        const outFile = join(dir, `out${k}.csv`);
        if (pair[k] === 'export' && runs[k].code === 0 && !existsSync(outFile))
          return { verdict: 'accepted-invalid', detail: `${label}: export exit 0 without a file` };
      }
      const check = await mainCaptured(['check', '--db', path]);
      const crash = crashOf(`check after ${label}`, check);
      if (crash) return crash;
      if (/unknown course|unknown room/i.test(check.err) && !/stale/i.test(check.err))
        return { verdict: 'accepted-invalid', detail: `check after ${label}: ${check.err.slice(0, 200)}` };
      if (litter(dir).length > 0)
        return { verdict: 'changed-file', detail: `${label}: left ${litter(dir).join(', ')}` };
      return { verdict: runs.every((r) => r.code === 0) ? 'accepted' : 'rejected' };
    }),
};

export const PROCESS_TARGETS: Record<string, FuzzTarget> = {
  cli: cliDamagedTarget,
  kill: killTarget,
  concurrent: concurrentTarget,
};
