// The rest of the workbench in Chromium (issue items 1, 3, 8, 9 and 11): Generate keeps locked
// sessions, improves the current timetable and never makes a worse result active without asking;
// it warns before solving blocked data and names the rules a result breaks; versions renamed,
// deleted, marked hand-edited and compared on the grid; job history after a restart; export errors
// in plain words; import warnings and pre-check findings for a course nobody teaches; projects
// created with the extension and never silently opened instead.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addTimetable,
  listTimetables,
  getTimetable,
  openProject,
  saveCollege,
} from '../../src/main/db/index.ts';
import { SolverPool, createForkSpawner } from '../../src/main/jobs/index.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { testCollege } from '../../src/shared/eval/testing/testCollege.ts';
import type { Api } from '../../src/shared/ipc/contract.ts';
import type { Timetable } from '../../src/shared/model/types.ts';
import { browserAvailable, buildRenderer, launchApp, screenshot, type AppSession } from './harness.ts';
import { createProject, newProjectPath, readSaved, SAMPLE, seedProject } from './seed.ts';

const pools: SolverPool[] = [];
function pool(): SolverPool {
  const p = new SolverPool({ spawner: createForkSpawner(), size: 2 });
  pools.push(p);
  return p;
}

async function withApp(run: (app: AppSession) => Promise<void>, solver?: SolverPool): Promise<void> {
  const app = await launchApp(solver ? { deps: { jobRunner: { pool: solver } } } : {});
  try {
    await run(app);
  } finally {
    await app.close();
  }
}

function versions(file: string) {
  const db = openProject(file, { readonly: true });
  try {
    return listTimetables(db);
  } finally {
    db.close();
  }
}

function timetableOf(file: string, id: number): Timetable {
  const db = openProject(file, { readonly: true });
  try {
    const t = getTimetable(db, id);
    if (!t) throw new Error(`no timetable ${id}`);
    return t.timetable;
  } finally {
    db.close();
  }
}

function evaluationOf(file: string, timetable: Timetable) {
  const { problem } = readSaved(file);
  return evaluate(problem, timetableToPlacement(problem, timetable), { details: false });
}

/** Locks the first placed session of the active timetable (as the editor's lock button saves it). */
function lockOne(file: string): { courseId: string; session: number; day: number; period: number } {
  const { assignments } = readSaved(file);
  const a = assignments.find((x) => x.day !== null && x.period !== null && x.roomId !== null);
  if (!a || a.day === null || a.period === null) throw new Error('nothing placed');
  const db = openProject(file);
  try {
    const active = listTimetables(db).find((t) => t.active);
    if (!active) throw new Error('no active timetable');
    const timetable = timetableOf(file, active.id);
    const locked = {
      assignments: timetable.assignments.map((x) =>
        x.courseId === a.courseId && x.session === a.session ? { ...x, locked: true } : x,
      ),
    };
    addTimetable(db, {
      name: 'Locked',
      kind: 'manual',
      timetable: locked,
      evaluation: evaluationOf(file, locked),
      makeActive: true,
    });
  } finally {
    db.close();
  }
  return { courseId: a.courseId, session: a.session, day: a.day, period: a.period };
}

async function generate(
  app: AppSession,
  mode: 'New timetable' | 'Improve the current timetable',
): Promise<void> {
  const { page } = app;
  await page.getByRole('navigation').getByRole('button', { name: 'Generate' }).click();
  await page.getByRole('heading', { name: 'Generate a timetable' }).waitFor();
  await page.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
  await page.getByLabel('Time limit (seconds)').fill('3');
  await page.getByLabel('Number of variants').fill('1');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
}

describe.runIf(browserAvailable())('versions, generate, export and import in Chromium', () => {
  beforeAll(() => buildRenderer(), 120_000);
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.shutdown()));
  });

  it('keeps a locked session, improves the current timetable, asks before a worse result, keeps the job history', async () => {
    await withApp(async (app) => {
      const { page } = app;
      const file = await seedProject(app, true);
      const lock = lockOne(file);
      await app.reload();
      await page.getByRole('navigation').getByRole('button', { name: 'Generate' }).click();
      await page.getByText('keeps the locked session of \u201cLocked\u201d').waitFor();

      // New timetable: the locked session stays where it is, still locked.
      const before = versions(file);
      const locked = before.find((t) => t.active);
      await generate(app, 'New timetable');
      await page.locator('article.job[data-status="finished"]').waitFor({ timeout: 40_000 });
      await expect.poll(() => versions(file).length).toBe(before.length + 1);
      const made = versions(file).at(-1);
      if (!made || !locked) throw new Error('no new version');
      const kept = timetableOf(file, made.id).assignments.find(
        (a) => a.courseId === lock.courseId && a.session === lock.session,
      );
      expect(kept).toMatchObject({ day: lock.day, period: lock.period, locked: true });
      // Active only when at least as good; otherwise both costs are shown and the user chooses.
      const worse =
        made.hardTotal > locked.hardTotal ||
        (made.hardTotal === locked.hardTotal && made.softTotal > locked.softTotal);
      expect(made.active).toBe(!worse);
      if (worse) {
        const choice = page.getByRole('group', { name: 'Which timetable to use' });
        await choice.getByText('Not made active: it is worse than the active timetable').waitFor();
        const costs = await choice.locator('table').innerText();
        expect(costs).toContain(String(made.softTotal));
        expect(costs).toContain(String(locked.softTotal));
        await screenshot(page, 'generate-worse');
      }

      // Improve: starts from the active timetable, so it is never worse than it.
      const active = versions(file).find((t) => t.active);
      if (!active) throw new Error('no active version');
      await generate(app, 'Improve the current timetable');
      await expect
        .poll(() => page.locator('article.job[data-status="finished"]').count(), { timeout: 40_000 })
        .toBe(2);
      await expect.poll(() => versions(file).length).toBe(before.length + 2);
      const improved = versions(file).at(-1);
      expect(improved?.hardTotal).toBeLessThanOrEqual(active.hardTotal);
      if (improved?.hardTotal === active.hardTotal)
        expect(improved.softTotal).toBeLessThanOrEqual(active.softTotal);
      expect(
        timetableOf(file, improved?.id ?? -1).assignments.find(
          (a) => a.courseId === lock.courseId && a.session === lock.session,
        ),
      ).toMatchObject({ day: lock.day, period: lock.period, locked: true });

      // The jobs are still listed after a restart (a new main process and page on the same file).
      const again = await launchApp();
      try {
        await again.page.evaluate(
          (p) => (globalThis as unknown as { api: Api }).api.projectOpen({ path: p }),
          file,
        );
        await again.reload();
        await again.page.getByRole('navigation').getByRole('button', { name: 'Generate' }).click();
        const history = again.page.getByRole('table', { name: 'Earlier jobs' });
        await expect.poll(() => history.locator('.badge.status-finished').count()).toBe(2);
      } finally {
        await again.close();
      }
    }, pool());
  }, 120_000);

  it('warns before solving blocked data and names the rules the result breaks', async () => {
    await withApp(async (app) => {
      const { page } = app;
      const file = newProjectPath();
      await createProject(app, file);
      const db = openProject(file);
      const overloaded = { id: 'C1', name: 'Too much', faculty: ['F1'], groups: ['G1'], sessions: 31 };
      saveCollege(db, testCollege({ courses: [overloaded] }));
      db.close();
      await app.reload();
      await page.getByRole('navigation').getByRole('button', { name: 'Generate' }).click();
      await page.getByLabel('Time limit (seconds)').fill('2');
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      const warning = page.getByRole('alert').filter({ hasText: /problems? that blocks? a timetable/ });
      await warning.waitFor();
      expect(await warning.innerText()).toContain('F1');
      // Cancel starts nothing.
      await warning.getByRole('button', { name: 'Cancel' }).click();
      expect(await page.locator('article.job').count()).toBe(0);
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await warning.getByRole('button', { name: 'Generate anyway' }).click();
      await page.locator('article.job[data-status="finished"]').waitFor({ timeout: 40_000 });
      // The result says what it could not do, by name (here: a session of C1 has no place).
      const job = page.locator('article.job[data-status="finished"]');
      expect(await job.innerText()).toContain('1 session not placed');
      expect(await job.innerText()).not.toMatch(/without clashes/i);
      await page.getByRole('heading', { name: 'Unplaced sessions (1)' }).waitFor({ timeout: 20_000 });
      const row = page.locator('.panel', { hasText: 'Unplaced sessions' }).locator('tbody tr');
      expect(await row.locator('td').first().innerText()).toBe('C1');
      expect(await row.innerText()).toMatch(/31/);
      await screenshot(page, 'generate-blocked');
    }, pool());
  }, 90_000);

  it('renames, marks hand-edited, compares on the grid and deletes versions', async () => {
    await withApp(async (app) => {
      const { page } = app;
      const file = await seedProject(app, true);
      // A second version: the planted one with one session of the first group elsewhere.
      const { assignments, problem } = readSaved(file);
      const group = problem.groupIds[0];
      const first = assignments.find(
        (a) =>
          a.day !== null &&
          readSaved(file)
            .college.courses.find((c) => c.id === a.courseId)
            ?.groups.includes(group),
      );
      if (!first || first.day === null) throw new Error('nothing placed for the first group');
      const db = openProject(file);
      const moved = assignments.map((a) =>
        a === first ? { ...a, day: (first.day! + 1) % problem.nDays } : a,
      );
      const otherId = addTimetable(db, {
        name: 'Other',
        kind: 'solution',
        timetable: { assignments: moved },
        evaluation: evaluationOf(file, { assignments: moved }),
        makeActive: false,
      });
      db.close();
      await app.reload();

      // An edit in the Timetable screen marks the active version hand-edited.
      await page.getByRole('navigation').getByRole('button', { name: 'Timetable' }).click();
      const card = page.locator('.week-grid .card:not(.locked)').first();
      await card.click();
      await page.locator('td.cell.allowed').first().click();
      await expect.poll(() => page.getByTestId('save-state').innerText()).toBe('All changes saved.');
      await page.getByRole('navigation').getByRole('button', { name: 'Variants' }).click();
      const table = page.getByRole('table', { name: 'Timetable versions' });
      await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
      await table.locator('tbody tr', { hasText: 'Planted' }).locator('.mark-edited').waitFor();
      expect(await table.locator('tbody tr', { hasText: 'Other' }).locator('.mark-edited').count()).toBe(0);

      // Rename: saved under the new name.
      await page.getByRole('button', { name: 'Rename Other' }).click();
      await page.getByLabel('New name for Other').fill('Second try');
      await page.getByLabel('New name for Other').press('Enter');
      await expect.poll(() => versions(file).find((t) => t.id === otherId)?.name).toBe('Second try');

      // Compare on the grid: the moved session is marked in the first group's week.
      await page.getByRole('navigation').getByRole('button', { name: 'Timetable' }).click();
      await page.getByRole('button', { name: 'Compare versions' }).click();
      await expect.poll(() => page.locator('.card.changed').count()).toBeGreaterThan(0);
      await screenshot(page, 'timetable-compare');
      await page.getByRole('button', { name: 'Close compare' }).click();

      // Delete (asks first): gone from the project.
      await page.getByRole('navigation').getByRole('button', { name: 'Variants' }).click();
      await page.getByRole('button', { name: 'Delete Second try' }).click();
      await page
        .getByRole('group', { name: 'Delete Second try?' })
        .getByRole('button', { name: 'Delete' })
        .click();
      await expect.poll(() => versions(file).some((t) => t.id === otherId)).toBe(false);
    });
  }, 90_000);

  it('says an export error in plain words and the next export still runs', async () => {
    await withApp(async (app) => {
      const { page } = app;
      await seedProject(app, true);
      const dir = mkdtempSync(join(tmpdir(), 'slotwise-export-'));
      const blocker = join(dir, 'a-file');
      writeFileSync(blocker, 'not a folder');
      await page.getByRole('navigation').getByRole('button', { name: 'Export' }).click();
      await page.getByLabel('Save to (file)').fill(join(blocker, 'timetable.csv'));
      await page.getByRole('button', { name: 'Export', exact: true }).last().click();
      const error = page.locator('p.error[role=alert]');
      await error.waitFor({ timeout: 20_000 });
      const words = await error.innerText();
      expect(words).not.toMatch(/\bE[A-Z]{3,}\b/);
      expect(words.length).toBeGreaterThan(20);
      const out = join(dir, 'timetable.csv');
      await page.getByLabel('Save to (file)').fill(out);
      await page.getByRole('button', { name: 'Export', exact: true }).last().click();
      await page.getByText(/Wrote 1 file/).waitFor({ timeout: 20_000 });
      expect(readFileSync(out, 'utf8').length).toBeGreaterThan(100);
    });
  }, 60_000);

  it('warns at import about a course nobody teaches, flags it in the pre-check, shows results in view', async () => {
    await withApp(async (app) => {
      const { page } = app;
      const data = join(mkdtempSync(join(tmpdir(), 'slotwise-import-')), 'college');
      cpSync(SAMPLE, data, { recursive: true });
      const courses = readFileSync(join(data, 'Courses.csv'), 'utf8').split('\n');
      const cells = courses[1].split(',');
      const course = cells[0];
      cells[3] = '';
      courses[1] = cells.join(',');
      writeFileSync(join(data, 'Courses.csv'), courses.join('\n'));

      // A name without the extension gets it; creating over an existing file does not open it.
      const bare = join(dirname(newProjectPath()), 'North College');
      await page.getByLabel('Project file path').fill(bare);
      await page.getByRole('button', { name: 'Create project' }).click();
      await page.getByRole('heading', { name: 'Import college data' }).waitFor();
      expect(existsSync(`${bare}.slotwise`)).toBe(true);
      await page.getByLabel('Workbook, CSV folder, .fet or .ctt path').fill(data);
      await page.getByRole('main').getByRole('button', { name: 'Import', exact: true }).click();
      const heading = page.getByRole('heading', { name: 'Imported' });
      await heading.waitFor();
      expect(await heading.isVisible()).toBe(true);
      const box = await heading.boundingBox();
      expect(box && box.y >= 0 && box.y < 768).toBe(true);
      const warnings = page.getByTestId('warnings');
      await expect.poll(() => warnings.innerText()).toContain(course);
      await page.getByRole('navigation').getByRole('button', { name: 'Data' }).click();
      await expect
        .poll(() =>
          page
            .locator('.finding')
            .allInnerTexts()
            .then((t) => t.join('\n')),
        )
        .toContain(course);
      // Ids stay on one line in the data tables.
      await page.getByRole('tab', { name: 'Courses' }).click();
      const id = page.locator('.data-table td.id-cell').first();
      await id.waitFor();
      expect(
        await id.evaluate(
          (el) =>
            (
              globalThis as unknown as { getComputedStyle(e: unknown): { whiteSpace: string } }
            ).getComputedStyle(el).whiteSpace,
        ),
      ).toBe('nowrap');

      await page.getByRole('navigation').getByRole('button', { name: 'Project' }).click();
      await page.getByLabel('Project file path').fill(bare);
      await page.getByRole('button', { name: 'Create project' }).click();
      await page.getByRole('button', { name: 'Open North College.slotwise instead' }).waitFor();
      expect(await page.getByRole('alert').first().innerText()).toMatch(/exists/i);
    });
  }, 60_000);
});
