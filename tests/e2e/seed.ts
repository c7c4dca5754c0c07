// Test projects for the browser tests: the bundled sample college imported through the real
// import:run channel, and (optionally) the planted timetable of the same generated college stored
// as the active timetable. Plus small readers of the project file for asserting what was saved.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { addTimetable, getActiveTimetable, loadCollege, openProject } from '../../src/main/db/index.ts';
import { generateCollege } from '../../src/main/generate/index.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import type { CompiledProblem } from '../../src/shared/compiled/types.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import type { Api } from '../../src/shared/ipc/contract.ts';
import type { Assignment, College, Timetable } from '../../src/shared/model/types.ts';
import type { AppSession } from './harness.ts';

const root = resolve(import.meta.dirname, '../..');
export const SAMPLE = join(root, 'resources/samples/college');
export const CLEAN = join(root, 'tests/fixtures/import/clean');
export const MISTAKES = join(root, 'tests/fixtures/import/mistakes');

export function newProjectPath(name = 'Sample College'): string {
  return join(mkdtempSync(join(tmpdir(), 'slotwise-proj-')), `${name}.slotwise`);
}

/** Creates a project file through window.api, as the renderer does. */
export function createProject(app: AppSession, path: string): Promise<unknown> {
  return app.page.evaluate(
    (p) => (globalThis as unknown as { api: Api }).api.projectCreate({ path: p }),
    path,
  );
}

/** Imports a workbook or CSV folder through window.api. */
export function importData(app: AppSession, path: string): ReturnType<Api['importRun']> {
  return app.page.evaluate((p) => (globalThis as unknown as { api: Api }).api.importRun({ path: p }), path);
}

/** Creates a project with the sample college and, when asked, its planted timetable as the active one. */
export async function seedProject(app: AppSession, withTimetable: boolean): Promise<string> {
  const file = newProjectPath();
  await createProject(app, file);
  const outcome = await importData(app, SAMPLE);
  if (!outcome.ok) throw new Error(`the sample college did not import: ${outcome.errors[0]?.message}`);
  if (withTimetable) {
    const db = openProject(file);
    try {
      const college = loadCollege(db);
      if (!college) throw new Error('no college after import');
      const problem = compile(college);
      const planted = generateCollege('small', 2026, { plain: true }).planted;
      const evaluation = evaluate(problem, timetableToPlacement(problem, planted), { details: false });
      addTimetable(db, {
        name: 'Planted',
        kind: 'solution',
        timetable: planted,
        evaluation,
        makeActive: true,
      });
    } finally {
      db.close();
    }
  }
  await app.reload();
  return file;
}

export interface Saved {
  college: College;
  problem: CompiledProblem;
  assignments: Assignment[];
}

/** What the project file holds now (a separate read-only connection). */
export function readSaved(file: string): Saved {
  const db = openProject(file, { readonly: true });
  try {
    const college = loadCollege(db);
    const active = getActiveTimetable(db);
    if (!college || !active) throw new Error('the project has no college or no active timetable');
    return { college, problem: compile(college), assignments: active.timetable.assignments };
  } finally {
    db.close();
  }
}

/** The saved (day, period) of a course's session. */
export function savedPlace(
  file: string,
  courseId: string,
  session: number,
): { day: number | null; period: number | null } {
  const a = readSaved(file).assignments.find((x) => x.courseId === courseId && x.session === session);
  if (!a) throw new Error(`no assignment for ${courseId} session ${session}`);
  return { day: a.day, period: a.period };
}

/** The timetable with every placed session a day later (wrapping round the week): every one of them moves. */
export function shiftedADay(timetable: Pick<Timetable, 'assignments'>, nDays: number): Timetable {
  return {
    assignments: timetable.assignments.map((a) => (a.day === null ? a : { ...a, day: (a.day + 1) % nDays })),
  };
}
