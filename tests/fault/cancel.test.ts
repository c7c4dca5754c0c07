// Cancel stops a job within a second, whether the solver listens (it is asked to stop) or not
// (it is killed), and the project's timetables are left exactly as they were.
import { afterEach, describe, expect, it } from 'vitest';
import { addTimetable, getActiveTimetable, getJob, listTimetables } from '../../src/main/db/index.ts';
import { JobRunner } from '../../src/main/jobs/index.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import type { College, Timetable } from '../../src/shared/model/types.ts';
import { alive, recorder, solverUnderTest, tempProject, until } from './harness.ts';
import type { TempProject } from './harness.ts';

let project: TempProject | null = null;
let runner: JobRunner | null = null;
afterEach(async () => {
  await runner?.shutdown(0);
  project?.cleanup();
});

function everySessionAtDayZero(college: College): Timetable {
  const assignments = college.courses.flatMap((c) =>
    Array.from({ length: c.sessions }, (_, k) => ({
      courseId: c.id,
      session: k + 1,
      day: 0,
      period: 0,
      roomId: college.rooms[0].id,
      locked: false,
    })),
  );
  return { assignments };
}

async function startJob(hang: boolean) {
  const solver = solverUnderTest();
  const college = solver.college();
  project = tempProject(college);
  const db = project.db;
  const manual = everySessionAtDayZero(college);
  const problem = compile(college);
  const { hardTotal, softTotal, hard, soft } = evaluate(problem, timetableToPlacement(problem, manual));
  const activeId = addTimetable(db, {
    name: 'Hand-made',
    kind: 'manual',
    timetable: manual,
    evaluation: { hardTotal, softTotal, hard, soft },
    makeActive: true,
  });
  const before = getActiveTimetable(db);
  const rec = recorder();
  let pid = 0;
  runner = new JobRunner(db, { ...solver.runOptions, workers: 1 }, (e) => {
    rec.onEvent(e);
    if (e.type === 'started') pid = e.pid ?? 0;
  });
  const [jobId] = runner.submit({ timeLimitMs: 60_000, seed: 1, makeActive: true, stallTimeoutMs: 30_000 });
  await until(() => rec.events.filter((e) => e.type === 'progress').length >= 3, 20_000, 'progress');
  if (hang) process.kill(pid, 'SIGSTOP');
  return { db, jobId, activeId, before, rec, pid: () => pid };
}

describe('cancel', () => {
  it('stops a running job within 1 s and leaves the active timetable untouched', async () => {
    const { db, jobId, activeId, before, rec } = await startJob(false);
    const t0 = performance.now();
    const outcome = await runner?.cancel(jobId);
    const took = performance.now() - t0;
    expect(took).toBeLessThan(1000);
    expect(outcome?.status).toBe('cancelled');
    expect(getJob(db, jobId)?.status).toBe('cancelled');
    expect(rec.types().at(-1)).toBe('cancelled');
    expect(listTimetables(db).map((t) => t.id)).toEqual([activeId]);
    expect(getActiveTimetable(db)).toEqual(before);
  }, 40_000);

  it('kills a solver that does not listen, still within 1 s', async () => {
    const { db, jobId, activeId, before, pid } = await startJob(true);
    const t0 = performance.now();
    const outcome = await runner?.cancel(jobId);
    const took = performance.now() - t0;
    expect(took).toBeLessThan(1000);
    expect(outcome?.status).toBe('cancelled');
    await until(() => !alive(pid()), 1000, 'the hung solver to be killed');
    expect(listTimetables(db).map((t) => t.id)).toEqual([activeId]);
    expect(getActiveTimetable(db)).toEqual(before);
  }, 40_000);
});
