// The MIP stage on its own (Louvain communities, then a HiGHS MIP per community and the room
// matching, as `solve` runs it, without the quick start before it or the search after it): per
// college, the model size (columns, rows, nonzeros summed over the communities, and the largest
// community), the MIP time, the peak RSS and the hard violations left right after the MIP, by kind
// and by rule kind. Shows which hard rules the MIP itself keeps. Each college runs in a child
// process of its own; run it under the shared lock:
//
//   flock /tmp/slotwise-heavy.lock npm run bench:mip [-- options]
//
// Options: --time-limit S (the MIP stage's budget per college, default 15), --seed N, --scales 1
// (sih with every sheet at these scales; empty for none), --files a.fet,b.fet (FET files, paths
// under fet-data's examples folder or absolute; default the real institutions of bench:real),
// --no-fet (no FET files), --off a,b (leave these out of the model, to see what they cost and what
// they keep: rule kinds such as same_room, `gaps` for the gap limits, `min` for the minimums,
// `continuous` for max_continuous, `rest` for min_rest, `span` for max_span), --workers N (HiGHS workers side by side, default 2), --help.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCollege } from '../../src/main/generate/index.ts';
import { importFetDetailed } from '../../src/main/import/fet/importFet.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import type { Placement } from '../../src/shared/eval/types.ts';
import type { College } from '../../src/shared/model/types.ts';
import { decompose } from '../../src/solver/decompose/index.ts';
import { DEFAULT_WORKERS, mipSchedule, type BuildOptions } from '../../src/solver/mip/index.ts';
import { hardRulesByKind, nonZero, rssSampler, runChild } from './benchChild.ts';
import { FET_DATA } from '../fet/fetFiles.ts';
import { REAL_FILES } from './realFiles.ts';

interface Row {
  name: string;
  sessions: number;
  communities: number;
  cols: number;
  rows: number;
  nonzeros: number;
  maxCols: number;
  maxRows: number;
  buildMs: number;
  solveMs: number;
  workers: number;
  mipMs: number;
  statuses: Record<string, number>;
  peakRssMb: number;
  hard: number;
  hardByKind: Record<string, number>;
  rulesByKind: Record<string, number>;
  error?: string;
}

const { values } = parseArgs({
  options: {
    'time-limit': { type: 'string', default: '15' },
    seed: { type: 'string', default: '1' },
    scales: { type: 'string', default: '1' },
    files: { type: 'string' },
    'no-fet': { type: 'boolean', default: false },
    off: { type: 'string', default: '' },
    workers: { type: 'string', default: String(DEFAULT_WORKERS) },
    single: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    [
      'npm run bench:mip [-- options]: the MIP stage alone, model size, time and the hard violations it leaves.',
      '  --time-limit S  the MIP stage budget per college (default 15)',
      '  --seed N        seed (default 1)',
      '  --scales 1,2    the sih preset with every sheet at these scales (default 1; empty for none)',
      '  --files a,b     FET files (under the fet-data examples folder, or absolute paths)',
      "  --no-fet        no FET files (default: bench:real's real institutions)",
      '  --off a,b       leave out of the model: rule kinds (same_room, ordered, ...), gaps, min, continuous, rest, span',
      '  --workers N     HiGHS workers solving side by side (default 2)',
    ].join('\n'),
  );
  process.exit(0);
}
const timeLimitMs = Number(values['time-limit']) * 1000;
const seed = Number(values.seed);
const off = new Set(String(values.off).split(',').filter(Boolean));
const build: BuildOptions = {
  ruleKinds: (kind) => !off.has(kind),
  gapRows: !off.has('gaps'),
  minPerDay: !off.has('min'),
  continuousRows: !off.has('continuous'),
  minRestRows: !off.has('rest'),
  maxSpanRows: !off.has('span'),
};

async function collegeOf(spec: string): Promise<College> {
  if (spec.startsWith('sih:')) return generateCollege('sih', seed, { scale: Number(spec.slice(4)) }).college;
  const { result } = await importFetDetailed(spec);
  if (!result.ok) throw new Error(result.errors[0].message);
  return result.college;
}

async function runOne(spec: string): Promise<Row> {
  const college = await collegeOf(spec);
  const p = compile(college);
  const peak = rssSampler();
  const given: Placement = {
    slot: new Int32Array(p.nSessions).fill(-1),
    room: new Int32Array(p.nSessions).fill(-1),
  };
  const t0 = performance.now();
  const communities = decompose(p, { seed });
  const out = await mipSchedule(p, given, communities, {
    timeLimitMs,
    seed,
    build,
    workers: Number(values.workers),
  });
  const mipMs = Math.round(performance.now() - t0);
  const placement = out.placement;
  for (let s = 0; s < p.nSessions; s++) if (placement.room[s] < 0) placement.slot[s] = -1;
  const ev = evaluate(p, placement);
  const statuses: Record<string, number> = {};
  for (const r of out.reports) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return {
    name: spec.startsWith('sih:') ? `sih x${spec.slice(4)} (every sheet)` : spec.split('/').pop()!,
    sessions: p.nSessions,
    communities: communities.length,
    cols: out.reports.reduce((a, r) => a + r.cols, 0),
    rows: out.reports.reduce((a, r) => a + r.rows, 0),
    nonzeros: out.reports.reduce((a, r) => a + r.nonzeros, 0),
    maxCols: Math.max(0, ...out.reports.map((r) => r.cols)),
    maxRows: Math.max(0, ...out.reports.map((r) => r.rows)),
    buildMs: out.stats.buildMs,
    solveMs: out.stats.solveMs,
    workers: out.stats.workers,
    mipMs,
    statuses,
    peakRssMb: peak(),
    hard: ev.hardTotal,
    hardByKind: nonZero(ev.hard),
    rulesByKind: hardRulesByKind(ev),
  };
}

if (values.single) {
  process.stdout.write(`${JSON.stringify(await runOne(values.single))}\n`);
  process.exit(0);
}
const specs: string[] = [];
for (const s of String(values.scales).split(',').filter(Boolean)) specs.push(`sih:${s}`);
if (!values['no-fet']) {
  const files = values.files ? values.files.split(',') : REAL_FILES;
  for (const f of files) {
    const path = f.startsWith('/') ? f : join(FET_DATA, f);
    if (existsSync(path)) specs.push(path);
    else console.log(`${path} is missing (Debian package fet-data): skipped`);
  }
}
console.log(
  `The MIP stage alone, ${timeLimitMs / 1000} s budget per college, seed ${seed}` +
    (off.size ? `, without ${[...off].join(', ')}` : ''),
);
for (const spec of specs) {
  const r = await runChild<Row>(
    fileURLToPath(import.meta.url),
    [
      '--single',
      spec,
      '--time-limit',
      String(timeLimitMs / 1000),
      '--seed',
      String(seed),
      '--off',
      [...off].join(','),
      '--workers',
      String(values.workers),
    ],
    (error) => ({ name: spec, error }) as Row,
  );
  if (r.error) {
    console.log(`${r.name}: error: ${r.error}`);
    continue;
  }
  console.log(
    `${r.name}: ${r.sessions} sessions, ${r.communities} communities; model ${r.cols} cols, ${r.rows} rows, ` +
      `${r.nonzeros} nonzeros (largest ${r.maxCols} cols, ${r.maxRows} rows); MIP ${(r.mipMs / 1000).toFixed(1)} s ` +
      `(build ${(r.buildMs / 1000).toFixed(1)} s, solve ${(r.solveMs / 1000).toFixed(1)} s over ${r.workers} workers) ` +
      `${JSON.stringify(r.statuses)}; ` +
      `peak RSS ${r.peakRssMb} MB`,
  );
  console.log(
    `    hard after the MIP: ${r.hard} ${JSON.stringify(r.hardByKind)}` +
      (Object.keys(r.rulesByKind).length ? `; rules by kind ${JSON.stringify(r.rulesByKind)}` : ''),
  );
}
