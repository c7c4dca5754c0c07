// Sweeps every FET file of Debian's fet-data examples through the FET importer: per file imported
// or refused (with the located error), the constraints mapped exactly, weakened and dropped; then,
// per FET constraint kind over all imported files, how many were mapped, weakened and dropped.
//
//   npm run bench:fet-import [-- --quiet]      (needs the Debian package fet-data)
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importFetDetailed } from '../../src/main/import/fet/importFet.ts';
import { fetFiles, FET_DATA } from '../fet/fetFiles.ts';

const { values } = parseArgs({ options: { quiet: { type: 'boolean', default: false } } });
if (!existsSync(FET_DATA)) {
  console.log(`${FET_DATA} is missing: install the Debian package fet-data (apt-get install fet-data).`);
  process.exit(0);
}
const files = fetFiles();
const perKind = new Map<string, { mapped: number; weakened: number; dropped: number; files: number }>();
const refusals = new Map<string, number>();
let imported = 0;
let activities = 0;
const t0 = performance.now();
for (const f of files) {
  const rel = f.slice(FET_DATA.length + 1);
  const { result, build } = await importFetDetailed(f);
  if (!result.ok || !build) {
    const e = result.ok ? undefined : result.errors[0];
    const reason = (e?.message ?? '')
      .replace(/"[^"]*"/g, '"…"')
      .replace(/\(.*\)/g, '')
      .trim();
    refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
    if (!values.quiet) console.log(`refused   ${rel}: ${e?.message ?? ''}`);
    continue;
  }
  imported++;
  activities += build.activities;
  let m = 0;
  let w = 0;
  let d = 0;
  for (const [kind, k] of build.kinds) {
    m += k.mapped;
    w += k.weakened;
    d += k.dropped;
    const agg = perKind.get(kind) ?? { mapped: 0, weakened: 0, dropped: 0, files: 0 };
    agg.mapped += k.mapped;
    agg.weakened += k.weakened;
    agg.dropped += k.dropped;
    agg.files++;
    perKind.set(kind, agg);
  }
  if (!values.quiet)
    console.log(
      `imported  ${rel}: ${build.activities} activities, ${result.college.courses.length} courses; ` +
        `constraints mapped ${m}, weakened ${w}, dropped ${d}`,
    );
}
console.log(
  `\n${files.length} files: ${imported} imported (${activities} activities), ${files.length - imported} refused, ` +
    `in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
for (const [reason, n] of refusals) console.log(`  refused ${n}: ${reason}`);
const rows = [...perKind.entries()].sort(
  (a, b) => b[1].mapped + b[1].weakened + b[1].dropped - (a[1].mapped + a[1].weakened + a[1].dropped),
);
const exact = rows.filter(([, k]) => k.mapped > 0);
console.log(`\nConstraint kinds mapped exactly (at least once): ${exact.length}; kinds seen: ${rows.length}`);
console.log('kind                                                 files   mapped  weakened  dropped');
for (const [kind, k] of rows)
  console.log(
    `${kind.padEnd(52)} ${String(k.files).padStart(5)} ${String(k.mapped).padStart(8)} ${String(k.weakened).padStart(9)} ${String(k.dropped).padStart(8)}`,
  );
const total = rows.reduce((t, [, k]) => ({ m: t.m + k.mapped, w: t.w + k.weakened, d: t.d + k.dropped }), {
  m: 0,
  w: 0,
  d: 0,
});
console.log(
  `total                                                      ${String(total.m).padStart(8)} ${String(total.w).padStart(9)} ${String(total.d).padStart(8)}`,
);
