// Real institutions' FET files from Debian's fet-data package (engineering colleges and
// universities in India, Indonesia, Romania and Algeria, and a German school; 164-2,095
// activities): per file, the activities, FET's own time to a timetable (fet-cl with a time limit),
// and ours: the file imported with the FET importer and solved like `slotwise run` (each in a
// child process of its own), the time to the first hard = 0 timetable and the hard left by kind.
// Run it under the shared lock, as it keeps the cores busy:
//
//   flock /tmp/slotwise-heavy.lock npm run bench:real [-- --time-limit 30 --fet-limit 60 --files a.fet,b.fet --no-fet]
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
import { hardRulesByKind, nonZero, rssSampler, runChild } from './benchChild.ts';

const FET_DATA = '/usr/share/doc/fet-data/examples';
const FET_CL = '/usr/bin/fet-cl';

export const REAL_FILES = [
  'FET-5-official/India/Chennai/Anna-University/timetable_July_Nov_09_9.fet',
  'FET-5-official/India/Kurukshetra/Institute-of-Technology/MED_2019-20-1.fet',
  'FET-5-official/India/New-Delhi/Eng_College.fet',
  'FET-5-official/India/REVA-University/REVA-UNIVERSITY_JANUARY2016.fet',
  'FET-5-official/Indonesia/TelPolytech-Bandung/2010-2011/TelPolytech_odd.fet',
  'FET-5-official/Indonesia/TelPolytech-Bandung/2010-2011/TelPolytech_even.fet',
  'FET-5-official/Romania/Faculty-Computers-Craiova/Computers-Craiova.fet',
  'FET-5-official/Romania/Faculty-Econ-Timisoara-difficult/2007-2008-sem-2/Econ-Timisoara.fet',
  'FET-5-official/Algeria/Faculte-SNV-BBA/SNV-BBA-2019-2020-S1-VF.fet',
  'FET-5-official/Algeria/Mechanical-Batna_Univ/ET2012-2013-S1.fet',
  'FET-5-official/Germany/secondary-school-2/GYR.fet',
];

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
    single: { type: 'string' },
  },
});
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

const s = (ms: number | null): string => (ms === null ? '-' : `${(ms / 1000).toFixed(1)} s`);

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
const files = values.files ? values.files.split(',') : REAL_FILES;
console.log(
  `Real institutions' FET files: our solve with --time-limit ${timeLimitMs / 1000} s (seed ${seed}), ` +
    `fet-cl with ${values['fet-limit']} s`,
);
console.log(
  'file                              activities  FET           ours hard=0  wall     hard  dropped  left by kind',
);
let zero = 0;
let fetSolved = 0;
let both = 0;
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
  if (f?.ok && o.hard === 0) both++;
  const fetText = f ? (f.ok ? `${f.searchS ?? '?'} s (${s(f.wallMs)})` : f.note) : '-';
  const left = { ...o.hardByKind, ...(Object.keys(o.rulesByKind).length ? { rules: o.rulesByKind } : {}) };
  console.log(
    [
      name.slice(0, 33).padEnd(34),
      String(o.activities).padEnd(11),
      fetText.padEnd(13),
      s(o.firstHardZeroMs).padEnd(12),
      s(o.wallMs).padEnd(8),
      String(o.hard).padEnd(5),
      `${o.dropped}+${o.weakened}w`.padEnd(8),
      o.hard ? JSON.stringify(left) : '',
    ].join(' '),
  );
}
console.log(
  `hard 0: ours ${zero} of ${files.length}` +
    (withFet ? `; FET solved ${fetSolved} of ${files.length}; both ${both}` : '') +
    '. FET column: its own search time (wall time in brackets). dropped+weakened: FET constraints the contract cannot say exactly (bench:fet-import lists them).',
);
