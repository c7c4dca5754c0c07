// Times the project database at SIH scale on a real file (prints numbers; not a test):
//   node src/main/db/testing/benchCollegeRepo.ts
// Two colleges: the synthetic one (20k students, 60k enrollments, 2.5k courses) and the
// generator's `sih` preset (with its planted timetable).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { College, Timetable } from '../../../shared/model/index.ts';
import { generateCollege } from '../../generate/index.ts';
import { addTimetable, getTimetable, loadCollege, openProject, saveCollege } from '../index.ts';
import { syntheticCollege } from './syntheticCollege.ts';

// Wall time, and this process's CPU time (less disturbed by other work on a busy machine).
let cpu0 = process.cpuUsage();
const ms = (t0: number): string => {
  const wall = performance.now() - t0;
  const { user, system } = process.cpuUsage(cpu0);
  return `${wall.toFixed(0)} ms (cpu ${((user + system) / 1000).toFixed(0)} ms)`;
};
const start = (): number => {
  cpu0 = process.cpuUsage();
  return performance.now();
};

function bench(label: string, college: College, timetable?: Timetable): void {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-bench-'));
  const file = join(dir, 'bench.slotwise');
  try {
    console.log(
      `${label}: ${college.students.length} students, ${college.enrollments.length} enrollments, ` +
        `${college.courses.length} courses, ${college.faculty.length} faculty, ${college.rooms.length} rooms`,
    );
    let t = start();
    let db = openProject(file);
    console.log(`  create project: ${ms(t)}`);
    for (let run = 1; run <= 3; run++) {
      t = start();
      saveCollege(db, college);
      const save = ms(t);
      t = start();
      loadCollege(db);
      console.log(`  run ${run}: saveCollege ${save}, loadCollege ${ms(t)}`);
    }
    if (timetable) {
      const evaluation = { hardTotal: 0, softTotal: 0, hard: {} as never, soft: {} as never };
      t = start();
      const id = addTimetable(db, { name: 'planted', kind: 'import', timetable, evaluation });
      const add = ms(t);
      t = start();
      getTimetable(db, id);
      console.log(`  timetable of ${timetable.assignments.length} sessions: add ${add}, get ${ms(t)}`);
    }
    db.close();
    t = start();
    db = openProject(file);
    console.log(
      `  reopen incl. integrity check: ${ms(t)}; file ${(statSync(file).size / 1e6).toFixed(1)} MB`,
    );
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

bench('synthetic', syntheticCollege());
const generated = generateCollege('sih', 1);
bench('generator sih', generated.college, generated.planted);
