// Speed of the incremental evaluator (src/shared/eval/incremental) under the search stages that call
// it for every move: per college, the greedy constructor, then the hard repair, the conflict search
// and the annealer, each for a fixed number of steps (no clock in the search path, so a run is
// the same on every machine and before and after a change), and the moves (IncrementalState.move
// calls, trial moves included) per CPU second over those stages (the process's user + system time,
// which a busy shared machine disturbs less than wall time). The final hard and soft cost and a
// hash of the final placement show that a change left the search path as it was. Run it under the
// shared lock:
//
//   flock /tmp/slotwise-heavy.lock npm run bench:moves [-- options]
//
// Options: --colleges GYR,SNV-BBA,sih (default: all three; a FET file's name from realFiles.ts, or
// a `slotwise generate` preset), --steps N (conflict search steps, default 3000; the repair and the
// annealer run N and 10 N), --seed N, --help. Needs Debian's fet-data for the FET files.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importFetDetailed } from '../../src/main/import/fet/importFet.ts';
import { generateCollege } from '../../src/main/generate/index.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { IncrementalState } from '../../src/shared/eval/incremental/IncrementalState.ts';
import type { College } from '../../src/shared/model/types.ts';
import { Rng } from '../../src/solver/Rng.ts';
import { startPoint } from '../../src/solver/startPoint.ts';
import { construct } from '../../src/solver/construct/construct.ts';
import { HardRepair } from '../../src/solver/search/repair/HardRepair.ts';
import { ConflictSearch } from '../../src/solver/search/repair/ConflictSearch.ts';
import { Annealer } from '../../src/solver/search/Annealer.ts';
import type { SearchPhase } from '../../src/solver/search/repair/searchPhase.ts';
import { FET_DATA } from '../fet/fetFiles.ts';
import { REAL_FILES } from './realFiles.ts';

const { values } = parseArgs({
  options: {
    colleges: { type: 'string', default: 'GYR,SNV-BBA,sih' },
    steps: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '1' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    [
      'npm run bench:moves [-- options]: incremental evaluator moves per CPU second under the search stages, on fixed step budgets.',
      '  --colleges a,b   FET files (a name from the real-files list, e.g. GYR) or generate presets (default GYR,SNV-BBA,sih)',
      '  --steps N        conflict search steps (default 3000); the repair runs N, the annealer 10 N',
      '  --seed N         seed (default 1)',
      'Prints per college and stage: moves, CPU seconds, moves per CPU second; then hard, soft and a hash of the final placement.',
    ].join('\n'),
  );
  process.exit(0);
}
const steps = Number(values.steps);
const seed = Number(values.seed);
if (!Number.isInteger(steps) || steps <= 0)
  throw new Error(`--steps: a positive whole number, not ${values.steps}`);

async function load(name: string): Promise<College> {
  const file = REAL_FILES.find((f) => f.includes(`/${name}`));
  if (!file) return generateCollege(name as Parameters<typeof generateCollege>[0], seed).college;
  const { result } = await importFetDetailed(join(FET_DATA, file));
  if (!result.ok) throw new Error(`${file}: ${result.errors[0].message}`);
  return result.college;
}

let moves = 0;
const proto = IncrementalState.prototype;
const move = Object.getOwnPropertyDescriptor(proto, 'move')?.value as (
  this: IncrementalState,
  s: number,
  slot: number,
  room: number,
) => void;
proto.move = function (this: IncrementalState, s: number, slot: number, room: number) {
  moves++;
  move.call(this, s, slot, room);
};

/** CPU time of this process so far (user + system), in seconds. */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** FNV-1a over the placement. */
function hash(st: IncrementalState): string {
  let h = 0x811c9dc5;
  for (const a of [st.slot, st.room])
    for (let i = 0; i < a.length; i++) h = Math.imul(h ^ (a[i] + 1), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

for (const name of values.colleges.split(',')) {
  const college = await load(name);
  const p = compile(college, {});
  const start = startPoint(p, undefined);
  const m = start.model;
  const rng = new Rng(seed);
  const st = new IncrementalState(p, start.placement);
  const parts: string[] = [];
  const timed = (label: string, f: () => void): void => {
    const m0 = moves;
    const t0 = cpuSeconds();
    f();
    const s = cpuSeconds() - t0;
    const n = moves - m0;
    parts.push(`${label} ${n} moves ${s.toFixed(2)} CPU s ${Math.round(n / s)}/s`);
  };
  const runAll = (phase: SearchPhase): void => {
    while (!phase.finished) phase.run(Infinity);
  };
  const t0 = cpuSeconds();
  const m0 = moves;
  timed('construct', () => construct(st, m, rng, () => false));
  const far = Infinity;
  timed('repair', () =>
    runAll(new HardRepair(st, m, rng, { deadline: far, maxSteps: steps, eagerChains: true })),
  );
  timed('conflict', () =>
    runAll(new ConflictSearch(st, m, rng, { deadline: far, maxSteps: steps, kickSteps: 1000 })),
  );
  timed('anneal', () =>
    runAll(
      new Annealer(st, m, rng, { start: 0, deadline: far, maxIterations: 10 * steps, hardWeight: 1000 }),
    ),
  );
  const total = cpuSeconds() - t0;
  console.log(
    `${name}: ${p.nSessions} sessions; ${parts.join('; ')}; all ${moves - m0} moves ${total.toFixed(2)} CPU s ` +
      `${Math.round((moves - m0) / total)}/s; hard ${st.hardTotal} soft ${st.softTotal} placement ${hash(st)}`,
  );
}
