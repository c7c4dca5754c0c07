// Throughput of the flat search (src/solver/search/flat) on ITC-2007 instances: per instance, the
// constructor's timetable is repaired to hard 0, then annealed with the default options for
// --seconds; prints trials/s, Kempe chains priced/s and accepted/s, and the soft cost reached.
//
//   npm run bench:itc-rate [-- --instances comp02,comp05 --seconds 10 --seed 1 --kempe 0.05]
//   npm run bench:itc-rate -- --trials 50 --flat '{"kempeRate":0.7}'
//
// With --trials (millions) the repair and the annealing run on trial budgets, their temperatures
// following the trials spent instead of the clock, so the soft reached depends on the seed and
// the settings only, not on the machine's load: the way to compare settings on a shared machine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCtt } from '../../src/shared/itc/ctt.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { IncrementalState } from '../../src/shared/eval/incremental/IncrementalState.ts';
import { Rng } from '../../src/solver/Rng.ts';
import { startPoint } from '../../src/solver/startPoint.ts';
import { construct } from '../../src/solver/construct/construct.ts';
import { FLAT_DEFAULTS, FlatAnnealer } from '../../src/solver/search/flat/FlatAnnealer.ts';
import { FlatState } from '../../src/solver/search/flat/FlatState.ts';
import { ITC_REFERENCE } from './itcReference.ts';
import { ITC_DIR } from '../fixtures/dataDir.ts';

const { values } = parseArgs({
  options: {
    instances: { type: 'string', default: 'comp02,comp05,comp06,comp12,comp18,comp21' },
    seconds: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    kempe: { type: 'string' },
    trials: { type: 'string' },
    flat: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    'npm run bench:itc-rate [-- --instances comp02,comp05 --seconds 10 --seed 1 --kempe 0.05]\n' +
      'Trials/s and Kempe chains/s of the flat annealer per ITC-2007 instance, after the repair to hard 0.\n' +
      "--kempe sets the share of trials that are Kempe chains (default: the annealer's).\n" +
      '--trials N: N million annealing trials per instance instead of --seconds, the temperature\n' +
      "following the trials (the soft reached does not depend on the machine's load).\n" +
      "--flat JSON overrides the annealer's defaults (FLAT_DEFAULTS), e.g. '{\"kempeRate\":0.7}'.",
  );
  process.exit(0);
}
const seconds = Number(values.seconds);
const seed = Number(values.seed);
const kempeRate = values.kempe === undefined ? undefined : Number(values.kempe);
if (kempeRate !== undefined && !(kempeRate >= 0 && kempeRate <= 1))
  throw new Error(`--kempe: a share from 0 to 1 expected, got "${values.kempe}"`);
if (!(seconds > 0)) throw new Error(`--seconds: a positive number expected, got "${values.seconds}"`);
const trials = values.trials === undefined ? undefined : Math.round(Number(values.trials) * 1e6);
if (trials !== undefined && !(trials > 0))
  throw new Error(`--trials: a positive number of millions expected, got "${values.trials}"`);
if (values.flat !== undefined)
  Object.assign(FLAT_DEFAULTS, JSON.parse(values.flat) as Partial<typeof FLAT_DEFAULTS>);
/** With a trial budget the clock only guards against a run that never ends. */
const FAR_MS = 3_600_000;

function measure(instance: string): string[] {
  if (!(instance in ITC_REFERENCE)) throw new Error(`unknown instance "${instance}" (use comp01..comp21)`);
  const file = join(ITC_DIR, `${instance}.ctt`);
  const p = compile(parseCtt(readFileSync(file, 'utf8'), file));
  const start = startPoint(p, undefined);
  const st = new IncrementalState(p, start.placement);
  const rng = new Rng(seed);
  construct(st, start.model, rng, () => false);
  const fs = FlatState.from(st, start.model);
  if (!fs) throw new Error(`${instance} does not fit the flat state`);
  const repairEnd = performance.now() + (trials === undefined ? 30_000 : FAR_MS);
  const repair = new FlatAnnealer(fs, rng, {
    start: performance.now(),
    deadline: repairEnd,
    hardOnly: true,
    maxIterations: trials === undefined ? undefined : 50_000_000,
  });
  while (!repair.run(repairEnd));
  repair.restoreBest();
  if (fs.hard > 0) return [instance, '-', '-', '-', `hard ${fs.hard}`];
  const t0 = performance.now();
  const end = t0 + (trials === undefined ? seconds * 1000 : FAR_MS);
  const a = new FlatAnnealer(fs, rng, { start: t0, deadline: end, kempeRate, maxIterations: trials });
  while (!a.run(end));
  const s = (performance.now() - t0) / 1000;
  return [
    instance,
    (a.iterations / s / 1000).toFixed(0),
    (a.kempeTrials / s / 1000).toFixed(1),
    (a.kempeAccepted / s / 1000).toFixed(2),
    String(a.bestSoft),
  ];
}

const header = ['instance', 'trials k/s', 'Kempe k/s', 'Kempe kept k/s', 'soft'];
const rows: string[][] = [];
console.log(
  `flat annealer throughput: ${trials === undefined ? `${seconds} s` : `${values.trials} million trials`} per instance, seed ${seed}` +
    (kempeRate === undefined ? '' : `, Kempe share ${kempeRate}`),
);
for (const inst of values.instances.split(',').map((x) => x.trim())) rows.push(measure(inst));
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]): string =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));
console.log(`soft sum ${rows.reduce((n, r) => n + (Number(r[4]) || 0), 0)}`);
