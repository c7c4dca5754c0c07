// Benchmark: time and peak memory to export everything (every format, every view) for the
// SIH-scale generated college and its planted timetable. Each format runs in its own process so
// that its peak resident memory is its own.   Run: node tests/bench/export.ts [--seed N] [--keep]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, exportTimetable, type ExportFormat } from '../../src/main/export/index.ts';
import { generateCollege } from '../../src/main/generate/index.ts';

interface Measurement {
  format: ExportFormat;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  baselineRssMb: number;
  files: number;
  pages?: number;
  count?: number;
}

const { values } = parseArgs({
  options: {
    format: { type: 'string' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const seed = Number(values.seed);

async function measureOne(format: ExportFormat, outDir: string): Promise<Measurement> {
  const { college, planted } = generateCollege('sih', seed);
  const baselineRssMb = process.resourceUsage().maxRSS / 1024;
  const out = join(
    outDir,
    format === 'pdf' || format === 'ics' ? format : `timetable.${format === 'itc' ? 'sol' : format}`,
  );
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await exportTimetable(format, college, planted, { out });
  const cpu = process.cpuUsage(cpu0);
  return {
    format,
    seconds: (performance.now() - t0) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    baselineRssMb,
    files: r.files.length,
    pages: r.pages,
    count: r.count,
  };
}

if (values.format) {
  const m = await measureOne(values.format as ExportFormat, values.out ?? tmpdir());
  console.log(JSON.stringify(m));
} else {
  const { college, planted } = generateCollege('sih', seed);
  console.log(
    `SIH-scale college (seed ${seed}): ${college.groups.length} groups, ${college.faculty.length} faculty, ` +
      `${college.rooms.length} rooms, ${planted.assignments.length} sessions`,
  );
  const outDir = mkdtempSync(join(tmpdir(), 'slotwise-bench-export-'));
  const self = fileURLToPath(import.meta.url);
  let total = 0;
  console.log('format   seconds  cpu s  peak RSS MB  (after generating)  output');
  const runs: Array<{ format: ExportFormat; heapCapMb?: number }> = [
    ...EXPORT_FORMATS.map((format) => ({ format })),
    // The PDF streams its pages: with the heap capped it still completes, in bounded memory.
    { format: 'pdf', heapCapMb: 256 },
  ];
  for (const { format, heapCapMb } of runs) {
    const nodeArgs = heapCapMb ? [`--max-old-space-size=${heapCapMb}`] : [];
    const line = execFileSync(
      process.execPath,
      [...nodeArgs, self, '--format', format, '--seed', String(seed), '--out', outDir],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const m = JSON.parse(line.trim().split('\n').pop() ?? '{}') as Measurement;
    if (!heapCapMb) total += m.seconds;
    const what = m.pages
      ? `${m.pages} pages`
      : m.count
        ? `${m.count} ${m.format === 'ics' ? 'calendars' : 'sheets'}`
        : '';
    const name = heapCapMb ? `${m.format} (heap capped at ${heapCapMb} MB)` : m.format;
    console.log(
      `${name.padEnd(8)} ${m.seconds.toFixed(1).padStart(7)} ${m.cpuSeconds.toFixed(1).padStart(7)}  ` +
        `${m.peakRssMb.toFixed(0).padStart(11)}  ${m.baselineRssMb.toFixed(0).padStart(18)}  ${m.files} file(s) ${what}`,
    );
  }
  console.log(`all formats, all views: ${total.toFixed(1)} s`);
  if (values.keep) console.log(`output kept in ${outDir}`);
  else rmSync(outDir, { recursive: true, force: true });
}
