// Sweeps every FET file of Debian's fet-data examples through the FET importer: per file imported
// or refused (with the located error), the constraints mapped exactly, weakened and dropped; then,
// per FET constraint kind over all imported files, how many were mapped, weakened and dropped.
//
//   npm run bench:fet-import [-- --quiet] [-- --save counts.json] [-- --baseline counts.json] [-- --help]
//
// --save writes the per-file and per-kind counts as JSON; --baseline reads such a file (saved by an
// earlier version of the importer) and prints each count as "before → after", per file that changed,
// per kind and in total.
//   (needs the Debian package fet-data)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importFetDetailed } from '../../src/main/import/fet/importFet.ts';
import { fetFiles, FET_DATA } from '../fet/fetFiles.ts';

interface Counts {
  mapped: number;
  weakened: number;
  dropped: number;
}
interface Saved {
  files: Record<string, Counts | { refused: string }>;
  kinds: Record<string, Counts & { files: number }>;
}

const { values } = parseArgs({
  options: {
    quiet: { type: 'boolean', default: false },
    save: { type: 'string' },
    baseline: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    [
      "npm run bench:fet-import [-- options]: every FET file of Debian's fet-data through the FET importer.",
      '  --quiet            per-file lines only for files whose counts changed against --baseline',
      '  --save FILE        write the per-file and per-kind counts as JSON',
      '  --baseline FILE    read counts saved earlier and print each as "before → after"',
    ].join('\n'),
  );
  process.exit(0);
}
if (!existsSync(FET_DATA)) {
  console.log(`${FET_DATA} is missing: install the Debian package fet-data (apt-get install fet-data).`);
  process.exit(0);
}
let base: Saved | undefined;
if (values.baseline !== undefined) {
  try {
    base = JSON.parse(readFileSync(values.baseline, 'utf8')) as Saved;
    if (typeof base.files !== 'object' || typeof base.kinds !== 'object')
      throw new Error('no "files" or "kinds"');
  } catch (e) {
    console.error(`--baseline ${values.baseline}: ${(e as Error).message}`);
    process.exit(2);
  }
}
/** "n" without a baseline, "before → n" with one (the baseline's count is 0 when it lacks the entry). */
const cmp = (before: number | undefined, after: number, width = 0): string =>
  (base === undefined || before === after ? String(after) : `${before ?? 0} → ${after}`).padStart(width);

const files = fetFiles();
const saved: Saved = { files: {}, kinds: {} };
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
    saved.files[rel] = { refused: e?.message ?? '' };
    if (!values.quiet) console.log(`refused   ${rel}: ${e?.message ?? ''}`);
    continue;
  }
  imported++;
  activities += build.activities;
  const own: Counts = { mapped: 0, weakened: 0, dropped: 0 };
  for (const [kind, k] of build.kinds) {
    own.mapped += k.mapped;
    own.weakened += k.weakened;
    own.dropped += k.dropped;
    const agg = saved.kinds[kind] ?? { mapped: 0, weakened: 0, dropped: 0, files: 0 };
    agg.mapped += k.mapped;
    agg.weakened += k.weakened;
    agg.dropped += k.dropped;
    agg.files++;
    saved.kinds[kind] = agg;
  }
  saved.files[rel] = own;
  const was = base?.files[rel];
  const before = was !== undefined && 'mapped' in was ? was : undefined;
  const changed =
    before === undefined ||
    before.mapped !== own.mapped ||
    before.weakened !== own.weakened ||
    before.dropped !== own.dropped;
  if (!values.quiet || (base !== undefined && changed))
    console.log(
      `imported  ${rel}: ${build.activities} activities, ${result.college.courses.length} courses; ` +
        `constraints mapped ${cmp(before?.mapped, own.mapped)}, weakened ${cmp(before?.weakened, own.weakened)}, ` +
        `dropped ${cmp(before?.dropped, own.dropped)}`,
    );
}
const baseImported = base && Object.values(base.files).filter((x) => 'mapped' in x).length;
console.log(
  `\n${files.length} files: ${cmp(baseImported, imported)} imported (${activities} activities), ` +
    `${cmp(baseImported === undefined ? undefined : Object.keys(base!.files).length - baseImported, files.length - imported)} refused, ` +
    `in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
for (const [reason, n] of refusals) console.log(`  refused ${n}: ${reason}`);
const total = (k: Counts): number => k.mapped + k.weakened + k.dropped;
const rows = Object.entries(saved.kinds).sort((a, b) => total(b[1]) - total(a[1]));
const exact = rows.filter(([, k]) => k.mapped > 0).length;
const baseRows = base ? Object.entries(base.kinds) : undefined;
console.log(
  `\nConstraint kinds mapped exactly (at least once): ${cmp(baseRows?.filter(([, k]) => k.mapped > 0).length, exact)}; ` +
    `kinds seen: ${cmp(baseRows?.length, rows.length)}`,
);
const w = base ? 16 : 9;
console.log(
  `${'kind'.padEnd(52)} ${'files'.padStart(5)} ${'mapped'.padStart(w)} ${'weakened'.padStart(w)} ${'dropped'.padStart(w)}`,
);
for (const [kind, k] of rows) {
  const b = base?.kinds[kind];
  console.log(
    `${kind.padEnd(52)} ${String(k.files).padStart(5)} ${cmp(b?.mapped, k.mapped, w)} ${cmp(b?.weakened, k.weakened, w)} ${cmp(b?.dropped, k.dropped, w)}`,
  );
}
const sum = (ks: Counts[]): Counts =>
  ks.reduce(
    (t, k) => ({
      mapped: t.mapped + k.mapped,
      weakened: t.weakened + k.weakened,
      dropped: t.dropped + k.dropped,
    }),
    {
      mapped: 0,
      weakened: 0,
      dropped: 0,
    },
  );
const after = sum(rows.map(([, k]) => k));
const before = baseRows ? sum(baseRows.map(([, k]) => k)) : undefined;
console.log(
  `${'total'.padEnd(58)} ${cmp(before?.mapped, after.mapped, w)} ${cmp(before?.weakened, after.weakened, w)} ${cmp(before?.dropped, after.dropped, w)}`,
);
if (values.save !== undefined) {
  writeFileSync(values.save, JSON.stringify(saved, null, 1) + '\n');
  console.log(`\ncounts saved to ${values.save}`);
}
