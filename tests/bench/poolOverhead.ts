// Prints the cost of solving through the solver pool (process, protocol, validation, checkpoints)
// against calling solve() in this process, on ITC comp01 with the same seed and budget.
//   node tests/bench/poolOverhead.ts [timeLimitMs=5000] [runs=3]
import { readFileSync } from 'node:fs';
import { parseCtt } from '../../src/shared/itc/index.ts';
import type { College } from '../../src/shared/model/types.ts';
import type { SolveOptions, SolveProgress, SolveResult } from '../../src/shared/solver/protocol.ts';
import { SolverPool } from '../../src/main/jobs/SolverPool.ts';
import { createForkSpawner } from '../../src/main/jobs/forkSpawner.ts';
import { join } from 'node:path';
import { ITC_DIR } from '../fixtures/dataDir.ts';

type SolveFn = (c: College, o: SolveOptions, p?: (x: SolveProgress) => void) => Promise<SolveResult>;

const timeLimitMs = Number(process.argv[2] ?? 5000);
const runs = Number(process.argv[3] ?? 3);
const college = parseCtt(readFileSync(join(ITC_DIR, 'comp01.ctt'), 'utf8'), 'comp01.ctt');
const solverModule = new URL('../../src/solver/solve.ts', import.meta.url).href;
const { solve } = (await import(solverModule)) as { solve: SolveFn };

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const inProcess: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const r = await solve(college, { timeLimitMs, seed: i + 1 }, () => {});
  inProcess.push(performance.now() - t0);
  console.log(
    `in-process run ${i + 1}: ${inProcess[i].toFixed(0)} ms, hard ${r.evaluation.hardTotal} soft ${r.evaluation.softTotal}`,
  );
}

const t0 = performance.now();
const pool = new SolverPool({ spawner: createForkSpawner(), size: 1 });
let ready = 0;
const warm = pool.run(
  college,
  { timeLimitMs: 1, seed: 0 },
  { onStarted: () => (ready = performance.now() - t0) },
);
await warm.result.catch(() => undefined);
const pooled: number[] = [];
let messages = 0;
for (let i = 0; i < runs; i++) {
  const t1 = performance.now();
  const task = pool.run(
    college,
    { timeLimitMs, seed: i + 1 },
    { onProgress: () => messages++, onCheckpoint: () => messages++ },
  );
  const r = await task.result;
  pooled.push(performance.now() - t1);
  console.log(
    `pool run ${i + 1}: ${pooled[i].toFixed(0)} ms, hard ${r.evaluation.hardTotal} soft ${r.evaluation.softTotal}`,
  );
}
await pool.shutdown();

const a = median(inProcess);
const b = median(pooled);
console.log(`process start to ready handshake: ${ready.toFixed(0)} ms (once per process)`);
console.log(`median in-process ${a.toFixed(0)} ms, through the pool ${b.toFixed(0)} ms`);
console.log(
  `overhead per solve: ${(b - a).toFixed(0)} ms (${((100 * (b - a)) / a).toFixed(1)}%), ${Math.round(messages / runs)} messages per solve`,
);
