// Student double-bookings at university scale: the generated `sih` college (~20k students, ~7k
// sessions, every sheet) and the same at scale 2. For the planted timetable and for timetables
// with sessions scattered at random (many double-bookings), prints the time of studentClashes()
// (median of the runs), of a totals-only evaluate() for comparison, and the counts found.
//
//   npm run bench:clashes [-- --runs 9 --scales 1,2 --seed 1]
import { parseArgs } from 'node:util';
import { generateCollege } from '../../src/main/generate/index.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import type { CompiledProblem } from '../../src/shared/compiled/types.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { studentClashes } from '../../src/shared/eval/studentClashes.ts';
import type { Placement } from '../../src/shared/eval/types.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    scales: { type: 'string', default: '1,2' },
    seed: { type: 'string', default: '1' },
  },
});
const runs = Math.max(1, Number(values.runs));
const seed = Number(values.seed);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timed<T>(fn: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = fn();
  return { ms: performance.now() - t, value };
}

/** Every session moved to a random start slot of its day (rooms kept): plenty of clashes. */
function scattered(p: CompiledProblem, base: Placement, s0: number): Placement {
  let x = s0 >>> 0 || 1;
  const rand = (n: number): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
  const slot = base.slot.slice();
  for (let s = 0; s < p.nSessions; s++)
    if (slot[s] >= 0) slot[s] = rand(p.nDays) * p.nPeriods + rand(p.nPeriods);
  return { slot, room: base.room.slice() };
}

const ms = (v: number): string => `${v.toFixed(1)} ms`;

for (const scale of values.scales.split(',').map(Number)) {
  const gen = timed(() => generateCollege('sih', seed, { scale }));
  const { college, planted } = gen.value;
  const compiled = timed(() => compile(college));
  const p = compiled.value;
  const base = timetableToPlacement(p, planted);
  console.log(
    `sih scale ${scale}: ${college.students.length} students, ${college.enrollments.length} enrollments, ` +
      `${p.nSessions} sessions, ${p.nCourses} courses (generate ${ms(gen.ms)}, compile ${ms(compiled.ms)})`,
  );
  for (const [name, pl] of [
    ['planted timetable', base],
    ['scattered at random', scattered(p, base, seed + 1)],
  ] as const) {
    const times: number[] = [];
    const evalTimes: number[] = [];
    let r = studentClashes(p, pl);
    let soft = 0;
    for (let k = 0; k < runs; k++) {
      const t = timed(() => studentClashes(p, pl));
      times.push(t.ms);
      r = t.value;
      const e = timed(() => evaluate(p, pl, { details: false }));
      evalTimes.push(e.ms);
      soft = e.value.soft.student_clash;
    }
    const agrees = soft === p.weights.student_clash * r.periodClashes ? 'agrees' : 'DISAGREES';
    console.log(
      `  ${name.padEnd(20)} studentClashes ${ms(median(times))} (max ${ms(Math.max(...times))}), ` +
        `evaluate ${ms(median(evalTimes))}: ${r.doubleBookings} double-bookings, ${r.students} students, ` +
        `${r.pairs.length} course pairs; evaluator student_clash ${soft} ${agrees}`,
    );
  }
}
