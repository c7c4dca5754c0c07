// What blocks the last sessions of a real college: the quick start's phases (src/solver/stages/
// quickStart.ts) on fixed step budgets, so a run is the same on every machine and under any load:
// the greedy constructor, the hard repair for --repair-steps, the conflict search for --steps
// (its best hard printed every --every steps), then the hard repair again. Then, from the conflict
// search's best, for each session left unplaced: its course, allowed starts and student sets, and
// at its least blocked starts the sessions in its way, each with its own number of allowed starts
// and whether a hole chain (holeChain.ts) puts it back once the unplaced one takes that start
// ("chain" or "stuck"). The other hard violations are listed as the evaluator words them.
//
//   npm run bench:blockers [-- options]
//
// Options: --files GYR,Econ-Timisoara (names from realFiles.ts, default these two), --seed N,
// --repair-steps N (default 600), --steps N (default 20000), --every N (default 2000),
// --starts N (starts shown per unplaced session, default 4), --replace-price X (the conflict
// search's take-out price by how hard a session is to put back, off by default), --kick-steps N
// (steps without a new best before a kick; 0: never), --align-holes (alignHoles.ts on),
// --no-day-exchange (the conflict search without day exchanges, dayExchange.ts), --help. Needs
// Debian's fet-data.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importFetDetailed } from '../../src/main/import/fet/importFet.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { IncrementalState } from '../../src/shared/eval/incremental/IncrementalState.ts';
import { HARD_KINDS } from '../../src/shared/eval/types.ts';
import { Rng } from '../../src/solver/Rng.ts';
import { startPoint } from '../../src/solver/startPoint.ts';
import { construct } from '../../src/solver/construct/construct.ts';
import { HardRepair } from '../../src/solver/search/repair/HardRepair.ts';
import { ConflictSearch } from '../../src/solver/search/repair/ConflictSearch.ts';
import type { SearchPhase } from '../../src/solver/search/repair/searchPhase.ts';
import { REPLACE_PRICE } from '../../src/solver/search/repair/ConflictWays.ts';
import { restorePlacement } from '../../src/solver/search/restorePlacement.ts';
import { FET_DATA } from '../fet/fetFiles.ts';
import { REAL_FILES } from './realFiles.ts';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: 'GYR,Econ-Timisoara' },
    seed: { type: 'string', default: '1' },
    'repair-steps': { type: 'string', default: '600' },
    steps: { type: 'string', default: '20000' },
    every: { type: 'string', default: '2000' },
    starts: { type: 'string', default: '4' },
    'replace-price': { type: 'string', default: '0' },
    'kick-steps': { type: 'string' },
    'align-holes': { type: 'boolean', default: false },
    'no-day-exchange': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    [
      'npm run bench:blockers [-- options]: what blocks the last sessions, on fixed step budgets (the same on any machine).',
      '  --files a,b          FET files by name from the real-files list (default GYR,Econ-Timisoara),',
      '                       or paths under the examples folder ending in .fet',
      '  --seed N             seed (default 1)',
      '  --repair-steps N     hard repair steps after the constructor (default 600)',
      '  --steps N            conflict search steps (default 20000)',
      '  --every N            print the conflict search best every N steps (default 2000)',
      '  --starts N           least blocked starts shown per unplaced session (default 4)',
      `  --replace-price X    the conflict search's replacePrice option (default 0: off; measured: ${REPLACE_PRICE})`,
      "  --kick-steps N       the conflict search's kickSteps option (default: its own; 0: never kick)",
      "  --align-holes        the conflict search's alignHoles option (default off)",
      '  --no-day-exchange    the conflict search without day exchanges (dayExchange.ts)',
      'Prints the hard cost by kind after each phase, then per unplaced session what is in its way',
      'at its least blocked starts, and whether a hole chain puts each of those back.',
    ].join('\n'),
  );
  process.exit(0);
}
const whole = (name: string, v: string | undefined, min: number): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name}: a whole number of at least ${min}, not ${v}`);
  return n;
};
const seed = whole('seed', values.seed, 0);
const repairSteps = whole('repair-steps', values['repair-steps'], 0);
const steps = whole('steps', values.steps, 1);
const every = whole('every', values.every, 1);
const shown = whole('starts', values.starts, 1);
const replacePrice = Number(values['replace-price']);
if (!(replacePrice >= 0))
  throw new Error(`--replace-price: a number of at least 0, not ${values['replace-price']}`);
const kickOption = values['kick-steps'];
const kickSteps =
  kickOption === undefined
    ? undefined
    : whole('kick-steps', kickOption, 0) === 0
      ? Infinity
      : Number(kickOption);

const runAll = (phase: SearchPhase): void => {
  while (!phase.finished) phase.run(Infinity);
  phase.restoreBest();
};

for (const name of values.files.split(',')) {
  // A name from realFiles.ts, or a path under the examples folder ending in .fet.
  const file =
    REAL_FILES.find((f) => f.endsWith(`/${name}.fet`)) ?? (name.endsWith('.fet') ? name : undefined);
  if (!file) throw new Error(`--files: ${name} is not in tests/bench/realFiles.ts (nor a .fet path)`);
  const { result } = await importFetDetailed(join(FET_DATA, file));
  if (!result.ok) throw new Error(`${file}: ${result.errors[0].message}`);
  const p = compile(result.college, {});
  const start = startPoint(p, undefined);
  const m = start.model;
  const rng = new Rng(seed);
  const st = new IncrementalState(p, start.placement);
  /** The hard cost by kind, in brackets, or nothing at hard 0. */
  const kinds = (): string => {
    const parts = HARD_KINDS.map((k, i) => (st.hard[i] === 0 ? '' : `${k} ${st.hard[i]}`)).filter(
      (x) => x !== '',
    );
    return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
  };
  const slotName = (t: number): string =>
    `${p.dayNames[Math.floor(t / p.nPeriods)]} ${p.periodLabels[t % p.nPeriods]}`;
  const nStarts = (s: number): number => {
    const c = p.sessionCourse[s];
    return m.courseStarts.offsets[c + 1] - m.courseStarts.offsets[c];
  };
  console.log(`${name} (seed ${seed}, ${p.nSessions} sessions)`);
  construct(st, m, rng, () => false);
  console.log(`  construct: hard ${st.hardTotal}${kinds()}`);
  runAll(new HardRepair(st, m, rng, { deadline: Infinity, maxSteps: repairSteps, eagerChains: true }));
  console.log(`  repair ${repairSteps} steps: hard ${st.hardTotal}${kinds()}`);
  const dayExchange = !values['no-day-exchange'];
  const cs = new ConflictSearch(st, m, rng, {
    deadline: Infinity,
    maxSteps: every,
    replacePrice,
    kickSteps,
    alignHoles: values['align-holes'],
    dayExchange,
  });
  const trail: string[] = [];
  const cpu0 = process.cpuUsage();
  for (let k = every; ; k += every) {
    while (!cs.run(Infinity));
    trail.push(`${Math.min(k, cs.steps)}: ${cs.bestHard}`);
    if (cs.bestHard === 0 || k >= steps || cs.steps < k) break;
    cs.extend(Math.min(steps, k + every));
  }
  const cpu = process.cpuUsage(cpu0);
  cs.restoreBest();
  const cpuS = ((cpu.user + cpu.system) / 1e6).toFixed(1);
  const ex = cs.exchanges;
  const exchanges = ex === null ? '' : `; day exchanges ${ex.applied} of ${ex.calls} (${ex.spent} look-ups)`;
  console.log(
    `  conflict search best by step: ${trail.join(', ')}; kicks ${cs.kicks}${exchanges}; ${cpuS} CPU s`,
  );
  console.log(`  conflict search best: hard ${st.hardTotal}${kinds()}`);
  const slot = st.slot.slice();
  const room = st.room.slice();
  for (let s = 0; s < p.nSessions; s++) {
    if (st.active[s] === 1) continue;
    const c = p.sessionCourse[s];
    const sets = p.courseStudentSets.offsets[c + 1] - p.courseStudentSets.offsets[c];
    const rows: { n: number; text: string }[] = [];
    for (let i = m.courseStarts.offsets[c]; i < m.courseStarts.offsets[c + 1]; i++) {
      const t = m.courseStarts.items[i];
      const at = cs.wayAt(s, t);
      if (at === null) continue;
      // The unplaced session takes the start; is each session in its way put back by a hole chain?
      for (const y of at.way) st.move(y, -1, -1);
      st.move(s, t, at.room);
      const parts = at.way.map((y) => {
        const ok = st.slot[y] >= 0 || cs.holes.place(y, () => true);
        return `${p.courseIds[p.sessionCourse[y]]} (${nStarts(y)} starts, ${ok ? 'chain' : 'stuck'})`;
      });
      restorePlacement(st, slot, room);
      rows.push({ n: at.way.length, text: `${slotName(t)}: ${at.way.length} [${parts.join(', ')}]` });
    }
    rows.sort((a, b) => a.n - b.n);
    console.log(
      `  unplaced ${p.courseIds[c]} (session ${p.sessionIndex[s] + 1}, ${nStarts(s)} starts, ${sets} student sets, length ${p.courseLength[c]})`,
    );
    for (const r of rows.slice(0, shown)) console.log(`      ${r.text}`);
  }
  for (const v of evaluate(p, st.snapshot(), { details: true }).violations)
    if (v.hard && v.kind !== 'unplaced') console.log(`  ${v.kind}: ${v.message}`);
  runAll(new HardRepair(st, m, rng, { deadline: Infinity, maxSteps: repairSteps * 5, eagerChains: true }));
  console.log(`  repair ${repairSteps * 5} steps after it: hard ${st.hardTotal}${kinds()}`);
}
