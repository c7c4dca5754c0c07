// Real institutions' FET files from Debian's fet-data package (engineering colleges and
// universities in India, Indonesia, Romania and Algeria, and a German school; 164-2,095
// activities): per file, the activities, FET's own time to a timetable (fet-cl with a time limit),
// and ours: the file imported with the FET importer and solved like `slotwise run` (each in a
// child process of its own), the time to the first hard = 0 timetable and the hard left by kind.
// The target is hard 0 on every file FET solves, no later than FET (and within 10 s where FET
// takes longer); a totals line counts the files that meet it. Run it under the shared lock, as it
// keeps the cores busy:
//
//   flock /tmp/slotwise-heavy.lock npm run bench:real [-- options]
//
// Options: --time-limit S (ours, default 30), --fet-limit S (fet-cl, default 60), --seed N,
// --files a.fet,b.fet (paths under the examples folder or absolute), --all (every .fet file in
// fet-data instead of the 11), --limit-files N (the first N of the list), --stages (our time per
// pipeline stage under each row), --no-fet (skip fet-cl), --help.
//
// Needs /usr/share/doc/fet-data/examples (Debian package fet-data) and, for FET's times, /usr/bin/fet-cl
// (package fet).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importFetDetailed } from '../../src/main/import/fet/importFet.ts';
import { solve } from '../../src/solver/solve.ts';
import type { StageTime } from '../../src/shared/solver/protocol.ts';
import { hardRulesByKind, nonZero, rssSampler, runChild } from './benchChild.ts';
import { FET_CL, fetFiles, FET_DATA } from '../fet/fetFiles.ts';
import { REAL_FILES } from './realFiles.ts';

interface Ours {
  activities: number;
  sessions: number;
  dropped: number;
  weakened: number;
  wallMs: number;
  firstHardZeroMs: number | null;
  hard: number;
  soft: number;
  hardByKind: Record<string, number>;
  rulesByKind: Record<string, number>;
  peakRssMb: number;
  stages: StageTime[];
  error?: string;
}

const { values } = parseArgs({
  options: {
    'time-limit': { type: 'string', default: '30' },
    'fet-limit': { type: 'string', default: '60' },
    seed: { type: 'string', default: '1' },
    files: { type: 'string' },
    fet: { type: 'boolean', default: true },
    'no-fet': { type: 'boolean', default: false },
    all: { type: 'boolean', default: false },
    'limit-files': { type: 'string' },
    stages: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
    single: { type: 'string' },
  },
});
if (values.help) {
  console.log(
    [
      "npm run bench:real [-- options]: real institutions' FET files (Debian fet-data), FET's time next to ours.",
      "  --time-limit S     our solve's time limit per file (default 30)",
      "  --fet-limit S      fet-cl's time limit per file (default 60)",
      '  --seed N           our seed (default 1)',
      '  --files a,b        these files (under the examples folder, or absolute paths)',
      '  --all              every .fet file in fet-data instead of the 11 real institutions',
      '  --limit-files N    only the first N files of the list',
      '  --stages           our time per pipeline stage, under each row',
      '  --no-fet           do not run fet-cl',
      'Target: hard 0 on every file FET solves, no later than FET (wall) and within 10 s where FET takes longer.',
    ].join('\n'),
  );
  process.exit(0);
}
const timeLimitMs = Number(values['time-limit']) * 1000;
const seed = Number(values.seed);

async function ours(path: string): Promise<Ours> {
  const { result, build } = await importFetDetailed(path);
  if (!result.ok) throw new Error(result.errors[0].message);
  let dropped = 0;
  let weakened = 0;
  for (const k of build!.kinds.values()) {
    dropped += k.dropped;
    weakened += k.weakened;
  }
  const peak = rssSampler();
  const t0 = performance.now();
  let firstHardZeroMs: number | null = null;
  const solved = await solve(result.college, { timeLimitMs, seed }, (pr) => {
    if (firstHardZeroMs === null && pr.bestHard === 0) firstHardZeroMs = pr.elapsedMs;
  });
  const wallMs = Math.round(performance.now() - t0);
  if (firstHardZeroMs === null && solved.evaluation.hardTotal === 0) firstHardZeroMs = wallMs;
  return {
    activities: build!.activities,
    sessions: solved.timetable.assignments.length,
    dropped,
    weakened,
    wallMs,
    firstHardZeroMs,
    hard: solved.evaluation.hardTotal,
    soft: solved.evaluation.softTotal,
    hardByKind: nonZero(solved.evaluation.hard),
    rulesByKind: hardRulesByKind(solved.evaluation),
    peakRssMb: peak(),
    stages: solved.stages,
  };
}

interface FetRun {
  ok: boolean;
  wallMs: number;
  searchS: number | null;
  note: string;
}

function fet(path: string): FetRun {
  const out = mkdtempSync(join(tmpdir(), 'slotwise-bench-fet-'));
  const limit = Number(values['fet-limit']);
  const t0 = performance.now();
  const run = spawnSync(
    FET_CL,
    [`--inputfile=${path}`, `--outputdir=${out}`, `--timelimitseconds=${limit}`],
    {
      encoding: 'utf8',
      timeout: (limit + 30) * 1000,
    },
  );
  const wallMs = Math.round(performance.now() - t0);
  rmSync(out, { recursive: true, force: true });
  const log = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  const search = /Total searching time \(seconds\): (\d+)/.exec(log);
  const ok = /Simulation successful/.test(log);
  const note = ok ? 'solved' : /Time exceeded/.test(log) ? `not solved in ${limit} s` : 'stopped';
  return { ok, wallMs, searchS: search ? Number(search[1]) : null, note };
}

/** Seconds, with two decimals under a second (FET's wall time is often a few tenths). */
const s = (ms: number | null): string => (ms === null ? '-' : `${(ms / 1000).toFixed(ms < 1000 ? 2 : 1)} s`);

if (values.single) {
  process.stdout.write(`${JSON.stringify(await ours(values.single))}\n`);
  process.exit(0);
}
if (!existsSync(FET_DATA)) {
  console.log(`${FET_DATA} is missing: install the Debian package fet-data (apt-get install fet-data).`);
  process.exit(0);
}
const withFet = values.fet && !values['no-fet'] && existsSync(FET_CL);
if (!withFet && !values['no-fet'])
  console.log(`${FET_CL} is missing (package fet): FET's times are not measured.`);
const listed = values.files
  ? values.files.split(',')
  : values.all
    ? fetFiles().map((f) => f.slice(FET_DATA.length + 1))
    : REAL_FILES;
const limitFiles = values['limit-files'] === undefined ? Infinity : Number(values['limit-files']);
if (limitFiles !== Infinity && !(Number.isInteger(limitFiles) && limitFiles > 0)) {
  console.error(`--limit-files must be a whole number of at least 1, not "${values['limit-files']}"`);
  process.exit(2);
}
const files = listed.slice(0, limitFiles);
/** Ours may take at most this long where FET takes longer. */
const TARGET_CAP_MS = 10_000;
console.log(
  `Real institutions' FET files: our solve with --time-limit ${timeLimitMs / 1000} s (seed ${seed}), ` +
    `fet-cl with ${values['fet-limit']} s`,
);
console.log(
  'file                              activities  FET           ours hard=0  target  wall     hard  dropped  left by kind',
);
let zero = 0;
let fetSolved = 0;
let both = 0;
let met = 0;
let fetTotalMs = 0;
let oursTotalMs = 0;
for (const rel of files) {
  const path = rel.startsWith('/') ? rel : join(FET_DATA, rel);
  const name = rel
    .split('/')
    .pop()!
    .replace(/\.fet$/, '');
  const f = withFet ? fet(path) : null;
  const o = await runChild<Ours>(
    fileURLToPath(import.meta.url),
    ['--single', path, '--time-limit', String(timeLimitMs / 1000), '--seed', String(seed)],
    (error) => ({ error }) as Ours,
  );
  if (o.error) {
    console.log(`${name.padEnd(34)}error: ${o.error}`);
    continue;
  }
  if (o.hard === 0) zero++;
  if (f?.ok) fetSolved++;
  // The target: where FET solves the file, hard 0 no later than FET and within 10 s.
  let target = '-';
  if (f?.ok) {
    const ok =
      o.hard === 0 && o.firstHardZeroMs !== null && o.firstHardZeroMs <= Math.min(f.wallMs, TARGET_CAP_MS);
    target = ok ? 'met' : 'missed';
    if (ok) met++;
    if (o.hard === 0 && o.firstHardZeroMs !== null) {
      both++;
      fetTotalMs += f.wallMs;
      oursTotalMs += o.firstHardZeroMs;
    }
  }
  const fetText = f ? (f.ok ? `${f.searchS ?? '?'} s (${s(f.wallMs)})` : f.note) : '-';
  const left = { ...o.hardByKind, ...(Object.keys(o.rulesByKind).length ? { rules: o.rulesByKind } : {}) };
  console.log(
    [
      name.slice(0, 33).padEnd(34),
      String(o.activities).padEnd(11),
      fetText.padEnd(13),
      s(o.firstHardZeroMs).padEnd(12),
      target.padEnd(7),
      s(o.wallMs).padEnd(8),
      String(o.hard).padEnd(5),
      `${o.dropped}+${o.weakened}w`.padEnd(8),
      o.hard ? JSON.stringify(left) : '',
    ].join(' '),
  );
  if (values.stages)
    console.log(
      `${' '.repeat(36)}stages: ${o.stages.map((x) => `${x.stage} ${s(x.ms)}${x.note ? ` (${x.note})` : ''}`).join(', ')}`,
    );
}
console.log(
  `hard 0: ours ${zero} of ${files.length}` +
    (withFet
      ? `; FET solved ${fetSolved} of ${files.length}; both ${both}; target met on ${met} of ${fetSolved}` +
        (both
          ? `; on the ${both} both solved, FET ${s(fetTotalMs)} in all (wall), ours ${s(oursTotalMs)} to hard 0`
          : '')
      : '') +
    '.',
);
console.log(
  "FET column: its own search time (wall time in brackets). target: hard 0 no later than FET's wall time and within 10 s. " +
    'dropped+weakened: FET constraints the contract cannot say exactly (bench:fet-import lists them).',
);
