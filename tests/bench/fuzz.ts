// Fuzz campaign: npm run fuzz -- [--count N] [--seed S] [--target csv,xlsx,...] [--first]
//   [--process-count M] [--project-every K] [--verbose]
// Runs seeded cases per target and prints, per target and in total, the cases tried, rejected and
// accepted, and the failures: crashes, unlocated errors, accepted invalid inputs and changed files.
// Input targets (tests/fuzz/targets.ts: csv, xlsx, ctt, project, ics) run N cases each (a failed
// import through the CLI's path is checked against a project file every K cases); process targets
// (tests/fuzz/processTargets.ts: cli, kill, concurrent) run M cases each, since each case runs
// whole commands. --first stops at the first failure and prints how to run that case again.
// Exit code 1 when any failure was seen. Heavy: run it under the shared lock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROCESS_TARGETS } from '../fuzz/processTargets.ts';
import { campaign, FAILURES, TARGETS, type FuzzTarget, type Verdict } from '../fuzz/targets.ts';

const ALL: Record<string, FuzzTarget> = { ...TARGETS, ...PROCESS_TARGETS };
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '200' },
    'process-count': { type: 'string' },
    seed: { type: 'string', default: '20261206' },
    target: { type: 'string', default: Object.keys(ALL).join(',') },
    'project-every': { type: 'string', default: '25' },
    first: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(`Usage: npm run fuzz -- [options]

Seeded fuzz campaign over the importers, project files, the ICS writer and whole CLI commands.
Prints, per target and in total: tried, rejected, accepted, and the failures (crashes, unlocated
errors, accepted invalid inputs, changed files). Exit code 1 when any failure was seen.

Options:
  --count N           cases per input target (default 200)
  --process-count M   cases per process target (default count / 10)
  --seed S            seed of the campaign (default 20261206)
  --target LIST       comma-separated targets (default all): ${Object.keys(ALL).join(', ')}
  --project-every K   every K-th input case also imports through the CLI's path and checks that a
                      failed import left the project file unchanged (default 25; 0 = never)
  --first             stop at the first failure and print how to run that case again
  --verbose           print each failure as it is found
  -h, --help          this text`);
  process.exit(0);
}
const count = Number(values.count);
const processCount = Number(values['process-count'] ?? Math.max(1, Math.round(count / 10)));
const seed = Number(values.seed);
const every = Number(values['project-every']);
if (
  !Number.isInteger(count) ||
  count < 1 ||
  !Number.isInteger(processCount) ||
  processCount < 1 ||
  !Number.isInteger(seed) ||
  !Number.isInteger(every) ||
  every < 0
) {
  console.error(
    '--count, --process-count and --seed must be whole numbers (counts at least 1), --project-every 0 or more.',
  );
  process.exit(2);
}
const names = values.target.split(',').filter(Boolean);
const unknown = names.filter((n) => !(n in ALL));
if (unknown.length > 0) {
  console.error(`Unknown target ${unknown.join(', ')}: use ${Object.keys(ALL).join(', ')}.`);
  process.exit(2);
}
process.env.SLOTWISE_LOG_DIR ??= 'off';

const scratchRoot = mkdtempSync(join(tmpdir(), 'slotwise-fuzz-'));
const KINDS: Verdict[] = ['rejected', 'accepted', ...FAILURES];
const total: Record<Verdict, number> = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<
  Verdict,
  number
>;
let tried = 0;
let stopped = false;
const row = (label: string, n: number, c: Record<Verdict, number>, seconds: string): string =>
  `${label.padEnd(28)} ${String(n).padStart(6)} ${String(c.rejected).padStart(9)} ${String(c.accepted).padStart(9)} ${String(c.crash).padStart(8)} ${String(c.unlocated).padStart(10)} ${String(c['accepted-invalid']).padStart(17)} ${String(c['changed-file']).padStart(14)} ${seconds.padStart(8)}`;

console.log(
  `fuzz campaign: seed ${seed}, ${count} cases per input target, ${processCount} per process target, project file checked every ${every}${values.first ? ', stopping at the first failure' : ''}`,
);
console.log(
  'target                        tried  rejected  accepted  crashes  unlocated  accepted-invalid  changed-files  seconds',
);
const startedAll = performance.now();
try {
  for (const name of names) {
    const target = ALL[name];
    const n = name in PROCESS_TARGETS ? processCount : count;
    const started = performance.now();
    const counts = await campaign(target, seed, n, join(scratchRoot, name), {
      projectCheckEvery: every,
      stopAtFirst: values.first,
      onFailure: (i, r) => {
        if (values.verbose || values.first)
          console.log(`  ${name} case ${i}: ${r.verdict}: ${r.detail ?? ''}`);
        if (values.first) {
          console.log(
            `  run it again: npm run fuzz -- --target ${name} --seed ${seed} --${name in PROCESS_TARGETS ? 'process-count' : 'count'} ${i + 1} --first`,
          );
          stopped = true;
        }
      },
    });
    const ran = KINDS.reduce((sum, k) => sum + counts[k], 0);
    tried += ran;
    for (const k of KINDS) total[k] += counts[k];
    console.log(row(target.name, ran, counts, ((performance.now() - started) / 1000).toFixed(1)));
    if (stopped) break;
  }
} finally {
  rmSync(scratchRoot, { recursive: true, force: true });
}
console.log(row('total', tried, total, ((performance.now() - startedAll) / 1000).toFixed(1)));
const failures = FAILURES.reduce((sum, k) => sum + total[k], 0);
console.log(
  `tried ${tried} / crashes ${total.crash} / unlocated ${total.unlocated} / accepted-invalid ${total['accepted-invalid']} / changed files ${total['changed-file']}`,
);
process.exit(failures > 0 ? 1 : 0);
