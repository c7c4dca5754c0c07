// Benchmark: import time of a SIH-scale college (the `sih` generator preset) from a CSV folder
// and from an .xlsx workbook. Prints numbers; not a test.
// The generator's own electives give ~15k enrollment rows; --enrollments pads them (deterministically)
// to the SIH brief's 60k+ rows. Wall time on a busy machine is noisy, so CPU time is shown too.
//   node src/main/import/bench/importScale.ts [--seed N] [--scale X] [--enrollments N] [--no-xlsx]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { College } from '../../../shared/model/index.ts';
import { generateCollege } from '../../generate/index.ts';
import { writeWorkbookCsv, writeWorkbookXlsx } from '../../workbook/index.ts';
import { importPath } from '../index.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    scale: { type: 'string', default: '1.2' },
    enrollments: { type: 'string', default: '62000' },
    'no-xlsx': { type: 'boolean' },
  },
});
const { college } = generateCollege('sih', Number(values.seed), { scale: Number(values.scale) });
padEnrollments(college, Number(values.enrollments));
const dir = await mkdtemp(join(tmpdir(), 'slotwise-import-bench-'));
try {
  await writeWorkbookCsv(college, join(dir, 'csv'));
  const targets: Array<[string, string]> = [['CSV folder', join(dir, 'csv')]];
  if (!values['no-xlsx']) {
    await writeWorkbookXlsx(college, join(dir, 'college.xlsx'));
    targets.push(['.xlsx workbook', join(dir, 'college.xlsx')]);
  }
  for (const [label, path] of targets) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const result = await importPath(path);
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    if (!result.ok) {
      console.error(
        `${label}: import failed with ${result.errors.length} errors, first:`,
        result.errors.slice(0, 5),
      );
      process.exitCode = 1;
      continue;
    }
    const counts = Object.entries(result.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    console.log(
      `${label}: ${(ms / 1000).toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU (${counts}; ${result.warnings.length} warnings)`,
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

/** Adds distinct (student, course) pairs, spread by two co-prime strides, up to `target` rows. */
function padEnrollments(c: College, target: number): void {
  const taken = new Set(c.enrollments.map((e) => `${e.studentId}|${e.courseId}`));
  for (let k = 0; c.enrollments.length < target && k < target * 4; k++) {
    const studentId = c.students[(k * 7919) % c.students.length].id;
    const courseId = c.courses[(k * 104729) % c.courses.length].id;
    const key = `${studentId}|${courseId}`;
    if (taken.has(key)) continue;
    taken.add(key);
    c.enrollments.push({ studentId, courseId });
  }
}
