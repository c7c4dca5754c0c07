// A re-import while a solve runs: the solve's result was computed on the old college, so it is
// stored stale (for the import it was solved on) and never made active; `solve` says so and exits
// 1; `check` and `export` explain that a timetable is stale instead of failing on an unknown
// course. Once in process with the fake solver (fast), once with real `slotwise` processes.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import {
  addTimetable,
  getActiveTimetable,
  listJobs,
  listTimetables,
  openProject,
  saveCollege,
} from '../../src/main/db/index.ts';
import { JobRunner, resumeSolveJobs, runSolveJob } from '../../src/main/jobs/index.ts';
import type { College } from '../../src/shared/model/types.ts';
import { tinyCollege } from '../fixtures/tinyCollege.ts';
import { ITC_DIR } from '../fixtures/dataDir.ts';
import { captureCli } from '../fixtures/cliCapture.ts';
import { cliProcesses } from './cliProcesses.ts';
import { comp01, FAKE_SOLVER, recorder, tempProject, until, type TempProject } from './harness.ts';

const output = captureCli('slotwise-reimport-');
const cli = cliProcesses();
let project: TempProject | null = null;
afterEach(() => project?.cleanup());

/** The college after a re-import: course C4 removed, room R2 renamed to R9. */
function reimported(): College {
  const c = tinyCollege();
  return {
    ...c,
    rooms: c.rooms.map((r) => (r.id === 'R2' ? { ...r, id: 'R9' } : r)),
    courses: c.courses.filter((x) => x.id !== 'C4'),
  };
}

describe('a re-import while a solve runs', () => {
  it('stores the result stale and not active; check and export explain', async () => {
    project = tempProject(tinyCollege());
    const { db, path } = project;
    const rec = recorder();
    let imported = false;
    const outcomes = await runSolveJob(
      db,
      {
        timeLimitMs: 10_000,
        seed: 1,
        makeActive: true,
        solverArgs: [`--solver-module=${FAKE_SOLVER}`],
        solverEnv: { FAKE_SOLVER_MS: '1500' },
      },
      (e) => {
        rec.onEvent(e);
        if (e.type === 'progress' && !imported) {
          imported = true;
          const other = openProject(path); // another window or process imports meanwhile
          saveCollege(other, reimported());
          other.close();
        }
      },
    );
    expect(imported).toBe(true);
    expect(outcomes[0].status).toBe('finished');
    expect(outcomes[0].reason).toMatch(/re-imported while this job ran.*stale.*not made active/);
    const stored = listTimetables(db);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ active: false, stale: true, collegeRevision: 1 });
    expect(getActiveTimetable(db)).toBeNull();
    db.close();

    const code = await main(['check', '--db', path, '--timetable', String(stored[0].id)]);
    expect(code).toBe(2);
    const said = output.err.join('\n');
    expect(said).toMatch(
      /is stale: it was made for an earlier import of the college \(import 1; the project now holds import 2\)/,
    );
    expect(said).toMatch(/no longer matches the data: .*(C4|R2)/);
    output.err = [];
    const out = join(output.dir, 'x.csv');
    expect(
      await main([
        'export',
        '--db',
        path,
        '--timetable',
        String(stored[0].id),
        '--format',
        'csv',
        '--out',
        out,
      ]),
    ).toBe(2);
    expect(output.err.join('\n')).toMatch(/is stale.*no longer matches the data: .*(C4|R2)/s);
  }, 40_000);

  it('a job interrupted before a re-import fails on resume instead of solving the new data', async () => {
    project = tempProject(tinyCollege());
    const { db } = project;
    const rec = recorder();
    const options = { solverArgs: [`--solver-module=${FAKE_SOLVER}`], solverEnv: { FAKE_SOLVER_MS: '8000' } };
    const runner = new JobRunner(db, { ...options, workers: 1 }, rec.onEvent);
    const [jobId] = runner.submit({ timeLimitMs: 10_000 });
    await until(() => rec.types().includes('progress'), 15_000, 'progress');
    await runner.shutdown(); // the app quits: the job stays running in the file, to resume later
    expect(listJobs(db, {})[0].status).toBe('running');
    saveCollege(db, reimported());
    expect(await resumeSolveJobs(db, options)).toEqual([]);
    const job = listJobs(db, {}).find((j) => j.id === jobId);
    expect(job?.status).toBe('failed');
    expect(job?.error).toMatch(/re-imported after this job started/);
    expect(listTimetables(db)).toEqual([]);
  }, 40_000);
});

describe('check on the old active timetable after a re-import', () => {
  it('says the timetable is stale rather than "unknown course"', async () => {
    project = tempProject(tinyCollege());
    const { db, path } = project;
    const placed = tinyCollege().courses.flatMap((c, i) =>
      Array.from({ length: c.sessions }, (_, k) => ({
        courseId: c.id,
        session: k + 1,
        day: (i + k) % 5,
        period: k % 3,
        roomId: 'R1',
        locked: false,
      })),
    );
    const zero = { hardTotal: 0, softTotal: 0, hard: {}, soft: {} } as never;
    addTimetable(db, { name: 'Old', kind: 'manual', timetable: { assignments: placed }, evaluation: zero });
    saveCollege(db, reimported());
    db.close();
    const code = await main(['check', '--db', path]);
    const said = output.err.join('\n');
    expect(code).toBe(2);
    expect(said).toMatch(/timetable 1 "Old" is stale: it was made for an earlier import/);
    expect(said).toMatch(/Solve again/);
  });
});

describe('real processes: slotwise import while slotwise solve runs', () => {
  it('the solve exits 1 saying its result is stale; the import stands; check explains', async () => {
    project = tempProject(comp01());
    project.db.close();
    const path = project.path;
    const solve = cli(['solve', '--db', path, '--time-limit', '25', '--no-mip', '--workers', '1']);
    await until(() => /attempt 1 started/.test(solve.stderr()), 30_000, 'the solve to start');
    const imp = cli(['import', join(ITC_DIR, 'comp02.ctt'), '--db', path]);
    expect(await imp.exited, imp.stderr()).toBe(0);
    expect(imp.stdout()).toMatch(/Imported/);
    const solveCode = await solve.exited;
    expect(solveCode, solve.stdout()).toBe(1);
    expect(solve.stderr()).toMatch(
      /re-imported while the solve ran: its result was stored as timetable 1, marked stale/,
    );
    const db = openProject(path, { readonly: true });
    try {
      expect(getActiveTimetable(db)).toBeNull();
      expect(listTimetables(db)).toMatchObject([{ id: 1, stale: true, active: false }]);
      expect(listJobs(db, {}).map((j) => j.status)).toEqual(['finished']);
    } finally {
      db.close();
    }
    const check = cli(['check', '--db', path, '--timetable', '1']);
    expect(await check.exited).toBe(2);
    expect(check.stderr()).toMatch(/is stale: it was made for an earlier import/);
    expect(check.stderr()).not.toMatch(/\n\s+at /);
  }, 150_000);
});
