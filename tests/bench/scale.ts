// Scale benchmark: the generated plain `sih` college (~7k sessions; `slotwise generate --plain`, the
// few-rules college; bench:rules solves the one with every sheet) and the same at scale 2, each solved in
// its own child process (clean heap and peak RSS). Prints sessions, wall time, peak RSS, hard, soft,
// the time to the first hard = 0 timetable, the stage times, and the scale-2 / scale-1 time ratios
// against the product targets (hard = 0 within 60 s, peak RSS <= 1.5 GB, 2x size <= 2.5x time).
//
//   npm run bench:scale [-- --time-limit 60 --seed 1 --scales 1,2 --mip-only [--no-gap-rows] --trace]
//
// --trace prints the solve's progress messages (to stderr) every 2 s and at each change of phase.
// --mip-only runs pre-check, decomposition and the MIP stage alone (no constructor or search) and
// reports what the MIP placed hard-feasibly; --no-gap-rows leaves the gap-limit rows out of its MIPs.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCollege } from '../../src/main/generate/index.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { decompose } from '../../src/solver/decompose/index.ts';
import { mipSchedule } from '../../src/solver/mip/index.ts';
import { precheck } from '../../src/solver/precheck/index.ts';
import { solve } from '../../src/solver/solve.ts';
import { nonZero, rssSampler, runChild } from './benchChild.ts';

interface Row {
  scale: number;
  sessions: number;
  generateMs: number;
  wallMs: number;
  peakRssMb: number;
  hard: number;
  soft: number;
  hardByKind: Record<string, number>;
  firstHardZeroMs: number | null;
  stages: Record<string, number>;
  mip?: { placed: number; communities: number; failed: number; cols: number; rows: number };
  error?: string;
}

const { values } = parseArgs({
  options: {
    'time-limit': { type: 'string', default: '60' },
    seed: { type: 'string', default: '1' },
    scales: { type: 'string', default: '1,2' },
    'mip-only': { type: 'boolean', default: false },
    'no-gap-rows': { type: 'boolean', default: false },
    single: { type: 'string' },
    trace: { type: 'boolean', default: false },
  },
});
const timeLimitMs = Number(values['time-limit']) * 1000;
const seed = Number(values.seed);
const mipOnly = values['mip-only'];
const gapRows = !values['no-gap-rows'];

async function runOne(scale: number): Promise<Row> {
  const tg = performance.now();
  const { college } = generateCollege('sih', seed, { scale, plain: true });
  const generateMs = Math.round(performance.now() - tg);
  const peak = rssSampler();
  const t0 = performance.now();
  if (mipOnly) {
    const p = compile(college);
    const stages: Record<string, number> = {};
    let t = performance.now();
    precheck(p, college);
    stages.precheck = Math.round(performance.now() - t);
    t = performance.now();
    const communities = decompose(p, { seed });
    stages.decompose = Math.round(performance.now() - t);
    t = performance.now();
    const free = { slot: new Int32Array(p.nSessions).fill(-1), room: new Int32Array(p.nSessions).fill(-1) };
    const out = await mipSchedule(p, free, communities, { timeLimitMs, seed, gapRows });
    stages.mip = Math.round(performance.now() - t);
    const ev = evaluate(p, out.placement, { details: false });
    return {
      scale,
      sessions: p.nSessions,
      generateMs,
      wallMs: Math.round(performance.now() - t0),
      peakRssMb: peak(),
      hard: ev.hardTotal,
      soft: ev.softTotal,
      hardByKind: nonZero(ev.hard),
      firstHardZeroMs: ev.hardTotal === 0 ? Math.round(performance.now() - t0) : null,
      stages,
      mip: {
        placed: out.stats.placed,
        communities: communities.length,
        failed: out.failedCommunities.length,
        cols: Math.max(...out.reports.map((r) => r.cols)),
        rows: Math.max(...out.reports.map((r) => r.rows)),
      },
    };
  }
  let firstHardZeroMs: number | null = null;
  let lastTrace = -Infinity;
  let lastMessage = '';
  const result = await solve(college, { timeLimitMs, seed }, (pr) => {
    if (firstHardZeroMs === null && pr.bestHard === 0) firstHardZeroMs = pr.elapsedMs;
    const head = pr.message.split(/[: ]/)[0];
    if (values.trace && (pr.elapsedMs - lastTrace >= 2000 || head !== lastMessage)) {
      lastTrace = pr.elapsedMs;
      lastMessage = head;
      process.stderr.write(`  [${scale}] ${(pr.elapsedMs / 1000).toFixed(1)} s ${pr.stage}: ${pr.message}\n`);
    }
  });
  const sessions = result.timetable.assignments.length;
  if (firstHardZeroMs === null && result.evaluation.hardTotal === 0)
    firstHardZeroMs = Math.round(performance.now() - t0);
  return {
    scale,
    sessions,
    generateMs,
    wallMs: Math.round(performance.now() - t0),
    peakRssMb: peak(),
    hard: result.evaluation.hardTotal,
    soft: result.evaluation.softTotal,
    hardByKind: nonZero(result.evaluation.hard),
    firstHardZeroMs,
    stages: Object.fromEntries(result.stages.map((s) => [s.stage, s.ms])),
  };
}

function child(scale: number): Promise<Row> {
  const args = ['--single', String(scale), '--time-limit', String(timeLimitMs / 1000)];
  args.push(
    '--seed',
    String(seed),
    ...(mipOnly ? ['--mip-only'] : []),
    ...(gapRows ? [] : ['--no-gap-rows']),
  );
  if (values.trace) args.push('--trace');
  return runChild<Row>(fileURLToPath(import.meta.url), args, (error) => ({ scale, error }) as Row);
}

function print(rows: Row[]): void {
  const fmt = (ms: number | null): string => (ms === null ? '-' : `${(ms / 1000).toFixed(1)} s`);
  console.log(
    `sih (plain), seed ${seed}, time limit ${timeLimitMs / 1000} s${mipOnly ? ', MIP stage only' : ''}`,
  );
  console.log('scale  sessions   wall     peak RSS   hard   soft      hard=0 at   stages (ms)');
  for (const r of rows) {
    if (r.error) {
      console.log(`${r.scale}      error: ${r.error}`);
      continue;
    }
    console.log(
      `${String(r.scale).padEnd(6)} ${String(r.sessions).padEnd(10)} ${fmt(r.wallMs).padEnd(8)} ${`${r.peakRssMb} MB`.padEnd(10)} ${String(r.hard).padEnd(6)} ${String(Math.round(r.soft)).padEnd(9)} ${fmt(r.firstHardZeroMs).padEnd(11)} ${JSON.stringify(r.stages)}`,
    );
    if (r.hard > 0) console.log(`       hard by kind: ${JSON.stringify(r.hardByKind)}`);
    if (r.mip) console.log(`       MIP: ${JSON.stringify(r.mip)}`);
  }
  const [a, b] = rows;
  if (a && b && !a.error && !b.error) {
    const ratio = (x: number | null, y: number | null): string => (x && y ? (y / x).toFixed(2) : '-');
    const key = mipOnly ? 'mip' : 'search';
    console.log(
      `size ratio ${(b.sessions / a.sessions).toFixed(2)}; time ratio (hard=0): ${ratio(a.firstHardZeroMs, b.firstHardZeroMs)}; wall ratio ${ratio(a.wallMs, b.wallMs)}; ${key} stage ratio ${ratio(a.stages[key] ?? null, b.stages[key] ?? null)} (target <= 2.5)`,
    );
  }
  for (const r of rows.filter((x) => !x.error && x.scale === 1)) {
    const ok = r.hard === 0 && (r.firstHardZeroMs ?? Infinity) <= 60_000 && r.peakRssMb <= 1536;
    console.log(`target at scale 1 (hard = 0 within 60 s, peak RSS <= 1.5 GB): ${ok ? 'met' : 'NOT met'}`);
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
