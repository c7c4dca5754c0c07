// ITC-2007 CB-CTT benchmark: solves the 21 instances (or a subset) with the project's solver and
// prints hard, soft, best known, the competition winner's average, soft / winner, and the time to
// the first feasible timetable. Results also go to out/bench/itc-<timestamp>.json.
//
//   npm run bench:itc [-- --time-limit 120 --instances comp01,comp05 --seed 1 --jobs 2 --mip]
//   npm run bench:itc -- --flat '{"kempeRate":0.7}'   (flat annealer defaults changed, for tuning)
//
// Each instance runs in its own child process (--jobs of them at once), so that instances do not
// share a heap or a JIT and a crash shows as a failed row.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseCtt } from '../../src/shared/itc/ctt.ts';
import { solve } from '../../src/solver/solve.ts';
import { FLAT_DEFAULTS } from '../../src/solver/search/flat/FlatAnnealer.ts';
import { ITC_REFERENCE } from './itcReference.ts';
import { ITC_DIR } from '../fixtures/dataDir.ts';

const DATA = ITC_DIR;
const ALL = Object.keys(ITC_REFERENCE);

interface Row {
  instance: string;
  hard: number;
  soft: number;
  softByKind: Record<string, number>;
  status: string;
  firstFeasibleMs: number | null;
  totalMs: number;
  error?: string;
}

const { values } = parseArgs({
  options: {
    'time-limit': { type: 'string', default: '120' },
    instances: { type: 'string', default: ALL.join(',') },
    seed: { type: 'string', default: '1' },
    jobs: { type: 'string', default: '1' },
    mip: { type: 'boolean', default: false },
    single: { type: 'string' },
    flat: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    'npm run bench:itc [-- --time-limit 120 --instances comp01,comp05 --seed 1 --jobs 2 --mip --flat JSON]\n' +
      'Solves the ITC-2007 instances (default all 21), each in its own process, and prints hard, soft and\n' +
      "the reference figures. --flat overrides the flat annealer's defaults (FLAT_DEFAULTS), e.g.\n" +
      '\'{"kempeRate":0.7}\', to compare settings without editing the code.',
  );
  process.exit(0);
}
if (values.flat !== undefined)
  Object.assign(FLAT_DEFAULTS, JSON.parse(values.flat) as Partial<typeof FLAT_DEFAULTS>);
const timeLimitS = Number(values['time-limit']);
const seed = Number(values.seed);

async function runOne(instance: string): Promise<Row> {
  const file = join(DATA, `${instance}.ctt`);
  const college = parseCtt(readFileSync(file, 'utf8'), file);
  let firstFeasibleMs: number | null = null;
  const t0 = performance.now();
  const result = await solve(
    college,
    { timeLimitMs: timeLimitS * 1000, seed, skipStages: values.mip ? [] : ['mip', 'decompose'] },
    (p) => {
      if (firstFeasibleMs === null && p.bestHard === 0) firstFeasibleMs = p.elapsedMs;
    },
  );
  return {
    instance,
    hard: result.evaluation.hardTotal,
    soft: result.evaluation.softTotal,
    softByKind: result.evaluation.soft,
    status: result.status,
    firstFeasibleMs,
    totalMs: Math.round(performance.now() - t0),
  };
}

function runChild(instance: string): Promise<Row> {
  const args = [fileURLToPath(import.meta.url), '--single', instance, '--time-limit', String(timeLimitS)];
  args.push('--seed', String(seed));
  if (values.mip) args.push('--mip');
  if (values.flat !== undefined) args.push('--flat', values.flat);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as Row);
      } catch {
        const failed: Row = {
          instance,
          hard: NaN,
          soft: NaN,
          softByKind: {},
          status: 'failed',
          firstFeasibleMs: null,
          totalMs: 0,
        };
        resolve({ ...failed, error: `exit code ${code}` });
      }
    });
  });
}

function fmt(v: number | null, digits = 0): string {
  return v === null || Number.isNaN(v) ? '-' : v.toFixed(digits);
}

async function main(): Promise<void> {
  if (values.single) {
    console.log(JSON.stringify(await runOne(values.single)));
    return;
  }
  const instances = values.instances
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const i of instances)
    if (!(i in ITC_REFERENCE)) throw new Error(`unknown instance "${i}" (use comp01..comp21)`);
  const jobs = Math.max(1, Number(values.jobs));
  console.log(
    `ITC-2007 CB-CTT: ${instances.length} instances, ${timeLimitS} s each, seed ${seed}, ${jobs} job(s), MIP ${values.mip ? 'on' : 'off'}`,
  );
  const rows: Row[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(jobs, instances.length) }, async () => {
      while (next < instances.length) {
        const inst = instances[next++];
        const row = await runChild(inst);
        rows.push(row);
        console.log(
          `  ${inst}: hard ${fmt(row.hard)}, soft ${fmt(row.soft)}${row.error ? ` (${row.error})` : ''}`,
        );
      }
    }),
  );
  rows.sort((a, b) => a.instance.localeCompare(b.instance));
  const header = ['instance', 'hard', 'soft', 'best known', 'winner avg', 'soft/winner', 'first feasible s'];
  const table = rows.map((r) => {
    const ref = ITC_REFERENCE[r.instance];
    const ratio = ref.winnerAvg > 0 ? r.soft / ref.winnerAvg : r.soft === 0 ? 1 : Infinity;
    return [
      r.instance,
      fmt(r.hard),
      fmt(r.soft),
      String(ref.bks),
      ref.winnerAvg.toFixed(1),
      fmt(ratio, 2),
      r.firstFeasibleMs === null ? '-' : (r.firstFeasibleMs / 1000).toFixed(2),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log('');
  console.log(line(header));
  for (const row of table) console.log(line(row));
  const feasible = rows.filter((r) => r.hard === 0).length;
  const better = rows.filter((r) => r.hard === 0 && r.soft <= ITC_REFERENCE[r.instance].winnerAvg).length;
  console.log('');
  console.log(
    `hard = 0 on ${feasible}/${rows.length}; soft at or below the winner's average on ${better}/${rows.length} (time limit ${timeLimitS} s, seed ${seed})`,
  );
  const dir = join(process.cwd(), 'out', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `itc-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ timeLimitS, seed, mip: values.mip, rows }, null, 2));
  console.log(`results: ${file}`);
}

await main();
