// Whole-rule-set benchmark: the generated `sih` college with every sheet in use (allowed rooms,
// rules of every kind hard and soft, faculty and group limits, unavailability, pinned sessions,
// enrollments) and the same at scale 2, each solved in its own child process. Prints sessions,
// rules, the time to the first hard = 0 timetable, wall time, peak RSS, hard left by kind (rules
// by rule kind) and soft, against the targets (hard = 0 within 60 s; 2x size within 2.5x the time).
//
//   npm run bench:rules [-- --time-limit 60 --seed 1 --scales 1,2 --trace --stages]
//
// --trace prints the solve's progress messages (to stderr) every 2 s and at each change of phase;
// --stages prints where the MIP stage's time went (warm-up, model build, greedy start, HiGHS, rooms).
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCollege } from '../../src/main/generate/index.ts';
import { solve } from '../../src/solver/solve.ts';
import { hardRulesByKind, nonZero, rssSampler, runChild } from './benchChild.ts';

interface Row {
  scale: number;
  sessions: number;
  rules: number;
  hardRules: number;
  fixed: number;
  wallMs: number;
  peakRssMb: number;
  hard: number;
  soft: number;
  hardByKind: Record<string, number>;
  rulesByKind: Record<string, number>;
  firstHardZeroMs: number | null;
  stages: Record<string, number>;
  /** The MIP stage's last message: its time split (mipStart.ts). */
  mipSplit?: string;
  error?: string;
}

const { values } = parseArgs({
  options: {
    'time-limit': { type: 'string', default: '60' },
    seed: { type: 'string', default: '1' },
    scales: { type: 'string', default: '1,2' },
    single: { type: 'string' },
    trace: { type: 'boolean', default: false },
    stages: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    [
      'npm run bench:rules [-- options]: the sih preset with every sheet, solved; time to hard 0, wall, RSS, soft.',
      '  --time-limit S  time limit per solve (default 60)',
      '  --seed N        seed of the college and the solve (default 1)',
      '  --scales 1,2    sizes of the sih preset to solve (default 1,2)',
      '  --trace         print the progress messages every 2 s and at each change of phase',
      "  --stages        print the MIP stage's time split (warm-up, build, greedy start, HiGHS, rooms)",
    ].join('\n'),
  );
  process.exit(0);
}
const timeLimitMs = Number(values['time-limit']) * 1000;
const seed = Number(values.seed);

async function runOne(scale: number): Promise<Row> {
  const { college } = generateCollege('sih', seed, { scale });
  const peak = rssSampler();
  const t0 = performance.now();
  let firstHardZeroMs: number | null = null;
  let lastTrace = -Infinity;
  let lastHead = '';
  let mipSplit: string | undefined;
  const result = await solve(college, { timeLimitMs, seed }, (pr) => {
    if (firstHardZeroMs === null && pr.bestHard === 0) firstHardZeroMs = pr.elapsedMs;
    if (pr.stage === 'mip' && pr.message.startsWith('MIP done')) mipSplit = pr.message;
    const head = pr.message.split(/[: ]/)[0];
    if (values.trace && (pr.elapsedMs - lastTrace >= 2000 || head !== lastHead)) {
      lastTrace = pr.elapsedMs;
      lastHead = head;
      process.stderr.write(`  [${scale}] ${(pr.elapsedMs / 1000).toFixed(1)} s ${pr.stage}: ${pr.message}\n`);
    }
  });
  const wallMs = Math.round(performance.now() - t0);
  if (firstHardZeroMs === null && result.evaluation.hardTotal === 0) firstHardZeroMs = wallMs;
  return {
    scale,
    sessions: result.timetable.assignments.length,
    rules: college.rules.length,
    hardRules: college.rules.filter((r) => r.hard).length,
    fixed: college.fixed.length,
    wallMs,
    peakRssMb: peak(),
    hard: result.evaluation.hardTotal,
    soft: result.evaluation.softTotal,
    hardByKind: nonZero(result.evaluation.hard),
    rulesByKind: hardRulesByKind(result.evaluation),
    firstHardZeroMs,
    stages: Object.fromEntries(result.stages.map((s) => [s.stage, s.ms])),
    mipSplit,
  };
}

function child(scale: number): Promise<Row> {
  const args = [
    '--single',
    String(scale),
    '--time-limit',
    String(timeLimitMs / 1000),
    '--seed',
    String(seed),
  ];
  if (values.trace) args.push('--trace');
  if (values.stages) args.push('--stages');
  return runChild<Row>(fileURLToPath(import.meta.url), args, (error) => ({ scale, error }) as Row);
}

function print(rows: Row[]): void {
  const fmt = (ms: number | null): string => (ms === null ? '-' : `${(ms / 1000).toFixed(1)} s`);
  console.log(`sih with every sheet, seed ${seed}, time limit ${timeLimitMs / 1000} s`);
  console.log('scale  sessions  rules (hard)  fixed  hard=0 at  wall     peak RSS   hard  soft');
  for (const r of rows) {
    if (r.error) {
      console.log(`${r.scale}      error: ${r.error}`);
      continue;
    }
    console.log(
      [
        String(r.scale).padEnd(6),
        String(r.sessions).padEnd(9),
        `${r.rules} (${r.hardRules})`.padEnd(13),
        String(r.fixed).padEnd(6),
        fmt(r.firstHardZeroMs).padEnd(10),
        fmt(r.wallMs).padEnd(8),
        `${r.peakRssMb} MB`.padEnd(10),
        String(r.hard).padEnd(5),
        String(Math.round(r.soft)),
      ].join(' '),
    );
    console.log(`       stages (ms): ${JSON.stringify(r.stages)}`);
    if (values.stages) console.log(`       ${r.mipSplit ?? 'MIP stage: not run'}`);
    if (r.hard > 0) {
      console.log(`       hard left by kind: ${JSON.stringify(r.hardByKind)}`);
      if (Object.keys(r.rulesByKind).length > 0)
        console.log(`       hard rules left by rule kind: ${JSON.stringify(r.rulesByKind)}`);
    }
  }
  const [a, b] = rows;
  if (a && b && !a.error && !b.error && a.firstHardZeroMs && b.firstHardZeroMs) {
    const ratio = b.firstHardZeroMs / a.firstHardZeroMs;
    console.log(
      `size ratio ${(b.sessions / a.sessions).toFixed(2)}; time ratio (hard=0) ${ratio.toFixed(2)} (target <= 2.5): ${ratio <= 2.5 ? 'met' : 'NOT met'}`,
    );
  }
  for (const r of rows.filter((x) => !x.error && x.scale === 1)) {
    const ok = r.hard === 0 && (r.firstHardZeroMs ?? Infinity) <= 60_000;
    console.log(`target at scale 1 (hard = 0 within 60 s): ${ok ? 'met' : 'NOT met'}`);
  }
}

if (values.single) {
  const row = await runOne(Number(values.single));
  process.stdout.write(`${JSON.stringify(row)}\n`);
  process.exit(0);
} else {
  const rows: Row[] = [];
  for (const s of String(values.scales).split(',').map(Number)) rows.push(await child(s));
  print(rows);
}
