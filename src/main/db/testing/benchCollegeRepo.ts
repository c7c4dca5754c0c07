// Times saveCollege / loadCollege / openProject at SIH scale on a real file:
//   node src/main/db/testing/benchCollegeRepo.ts
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCollege, openProject, saveCollege } from '../index.ts';
import { syntheticCollege } from './syntheticCollege.ts';

const dir = mkdtempSync(join(tmpdir(), 'slotwise-bench-'));
const file = join(dir, 'sih.slotwise');
const college = syntheticCollege();
const ms = (t0: number): string => `${(performance.now() - t0).toFixed(0)} ms`;
try {
  let t = performance.now();
  let db = openProject(file);
  console.log(`create project:  ${ms(t)}`);
  for (let run = 1; run <= 3; run++) {
    t = performance.now();
    saveCollege(db, college);
    const save = ms(t);
    t = performance.now();
    const loaded = loadCollege(db);
    console.log(`run ${run}: save ${save}, load ${ms(t)} (${loaded?.enrollments.length} enrollments)`);
  }
  db.close();
  t = performance.now();
  db = openProject(file);
  console.log(`reopen (integrity check): ${ms(t)}; file ${(statSync(file).size / 1e6).toFixed(1)} MB`);
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
