// Fuzz campaign: npm run fuzz -- [--count N] [--seed S] [--target csv,xlsx,ctt,project,ics]
//   [--project-every K] [--verbose]
// Runs N seeded cases per target (tests/fuzz/targets.ts) and prints, per target, the cases tried
// and the failures: crashes, unlocated errors, accepted invalid inputs and changed project files
// (a failed import through the CLI's path is checked against a project file every K cases).
// Exit code 1 when any failure was seen. Heavy: run it under the shared lock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { campaign, TARGETS } from '../fuzz/targets.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '200' },
    seed: { type: 'string', default: '20261206' },
    target: { type: 'string', default: Object.keys(TARGETS).join(',') },
    'project-every': { type: 'string', default: '25' },
    verbose: { type: 'boolean', default: false },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
const every = Number(values['project-every']);
if (
  !Number.isInteger(count) ||
  count < 1 ||
  !Number.isInteger(seed) ||
  !Number.isInteger(every) ||
  every < 0
) {
  console.error('--count and --seed must be whole numbers (count at least 1), --project-every 0 or more.');
  process.exit(2);
}
const names = values.target.split(',').filter(Boolean);
const unknown = names.filter((n) => !(n in TARGETS));
if (unknown.length > 0) {
  console.error(`Unknown target ${unknown.join(', ')}: use ${Object.keys(TARGETS).join(', ')}.`);
  process.exit(2);
}

const scratchRoot = mkdtempSync(join(tmpdir(), 'slotwise-fuzz-'));
let failures = 0;
console.log(`fuzz campaign: seed ${seed}, ${count} cases per target, project file checked every ${every}`);
console.log(
  'target                  tried  rejected  accepted  crashes  unlocated  accepted-invalid  changed-files  seconds',
);
try {
  for (const name of names) {
    const target = TARGETS[name];
    const started = performance.now();
    const counts = await campaign(target, seed, count, join(scratchRoot, name), {
      projectCheckEvery: every,
      onFailure: (i, r) => {
        if (values.verbose) console.log(`  ${name} case ${i}: ${r.verdict}: ${r.detail ?? ''}`);
      },
    });
    const bad = counts.crash + counts.unlocated + counts['accepted-invalid'] + counts['changed-file'];
    failures += bad;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `${target.name.padEnd(22)} ${String(count).padStart(6)} ${String(counts.rejected).padStart(9)} ${String(counts.accepted).padStart(9)} ${String(counts.crash).padStart(8)} ${String(counts.unlocated).padStart(10)} ${String(counts['accepted-invalid']).padStart(17)} ${String(counts['changed-file']).padStart(14)} ${seconds.padStart(8)}`,
    );
  }
} finally {
  rmSync(scratchRoot, { recursive: true, force: true });
}
process.exit(failures > 0 ? 1 : 0);
