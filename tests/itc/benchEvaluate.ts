// Prints how fast compile and full evaluation are: the largest ITC-2007 instance (comp07, 434
// lectures) and a generated SIH-scale college. A script, not a test: `node tests/itc/benchEvaluate.ts`.
import { readFileSync } from 'node:fs';
import { generateCollege } from '../../src/main/generate/index.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import type { CompiledProblem } from '../../src/shared/compiled/types.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import type { Placement } from '../../src/shared/eval/types.ts';
import { parseCtt } from '../../src/shared/itc/ctt.ts';
import { join } from 'node:path';
import { ITC_DIR } from '../fixtures/dataDir.ts';

function randomPlacement(p: CompiledProblem, seed: number): Placement {
  let s = seed;
  const rnd = (n: number): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.floor((s / 2 ** 32) * n);
  };
  return {
    slot: Int32Array.from({ length: p.nSessions }, () => rnd(p.nSlots)),
    room: Int32Array.from({ length: p.nSessions }, () => rnd(p.nRooms)),
  };
}

/** Wall time and this process's CPU time (other processes on a busy machine inflate wall time). */
function time(label: string, n: number, fn: () => void): void {
  fn();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) fn();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(
    `${label.padEnd(48)} ${(ms / n).toFixed(3).padStart(9)} ms each (cpu ${(cpuMs / n).toFixed(3)}), ` +
      `${ms.toFixed(0)} ms for ${n}`,
  );
}

const comp07 = parseCtt(readFileSync(join(ITC_DIR, 'comp07.ctt'), 'utf8'), 'comp07.ctt');
const p07 = compile(comp07);
const random07 = randomPlacement(p07, 7);
time('comp07 compile', 100, () => compile(comp07));
time('comp07 evaluate, random timetable, totals only', 1000, () =>
  evaluate(p07, random07, { details: false }),
);
time('comp07 evaluate, random timetable, with messages', 1000, () => evaluate(p07, random07));

const { college, planted } = generateCollege('sih', 1);
console.log(
  `sih: ${college.students.length} students, ${college.courses.length} courses, ` +
    `${college.courses.reduce((a, c) => a + c.sessions, 0)} sessions, ${college.enrollments.length} enrollments`,
);
time('sih compile', 5, () => compile(college));
const sih = compile(college);
const plantedPl = timetableToPlacement(sih, planted);
time('sih evaluate, planted timetable, totals only', 20, () => evaluate(sih, plantedPl, { details: false }));
time('sih evaluate, random timetable, totals only', 20, () =>
  evaluate(sih, randomPlacement(sih, 3), { details: false }),
);
const e = evaluate(sih, plantedPl);
console.log(`sih planted timetable: hard ${e.hardTotal}, soft ${e.softTotal}`, e.soft);
