// A Generate result worse than the active timetable, in Chromium against the real handlers and job
// runner (issue items 1-3): a stand-in solver (tests/fixtures/fakeSolver.ts) returns a fixed
// timetable full of clashes, which main evaluates with the real evaluator. The result is never made
// active on its own: both costs are shown and the user keeps the active one or uses the result; the
// hard rules it breaks are named, and once it is active each one opens the timetable with its
// sessions highlighted; the students it double-books are counted in plain words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTimetable, listTimetables, openProject } from '../../src/main/db/index.ts';
import { SolverPool, createForkSpawner } from '../../src/main/jobs/index.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { studentClashes } from '../../src/shared/eval/studentClashes.ts';
import type { Api, TimetableExplanation } from '../../src/shared/ipc/contract.ts';
import { FAKE_SOLVER } from '../fault/harness.ts';
import { browserAvailable, buildRenderer, launchApp, screenshot, type AppSession } from './harness.ts';
import { readSaved, seedProject } from './seed.ts';

const pools: SolverPool[] = [];

function versions(file: string) {
  const db = openProject(file, { readonly: true });
  try {
    return listTimetables(db);
  } finally {
    db.close();
  }
}

/** The stored costs of version `id`, re-evaluated here, and its students double-booked. */
function costsOf(file: string, id: number) {
  const { problem } = readSaved(file);
  const db = openProject(file, { readonly: true });
  try {
    const t = getTimetable(db, id);
    if (!t) throw new Error(`no timetable ${id}`);
    const placement = timetableToPlacement(problem, t.timetable);
    const e = evaluate(problem, placement, { details: false });
    return { hard: e.hardTotal, soft: e.softTotal, students: studentClashes(problem, placement).students };
  } finally {
    db.close();
  }
}

async function startNew(app: AppSession, seed: number): Promise<void> {
  const { page } = app;
  await page.getByRole('navigation').getByRole('button', { name: 'Generate' }).click();
  await page.getByRole('heading', { name: 'Generate a timetable' }).waitFor();
  await page.getByRole('radio', { name: /^New timetable/ }).check();
  await page.getByLabel('Time limit (seconds)').fill('5');
  await page.getByLabel('Number of variants').fill('1');
  await page.getByRole('textbox', { name: 'Seed', exact: true }).fill(String(seed));
  await page.getByRole('button', { name: 'Start', exact: true }).click();
}

describe.runIf(browserAvailable())('a worse Generate result in Chromium', () => {
  beforeAll(() => buildRenderer(), 120_000);
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.shutdown()));
  });

  it('is not made active without asking, shows both costs, names what it breaks and links it to the grid', async () => {
    const solver = new SolverPool({
      spawner: createForkSpawner(),
      size: 1,
      args: [`--solver-module=${FAKE_SOLVER}`],
      env: { FAKE_SOLVER_MS: '1000' },
    });
    pools.push(solver);
    const app = await launchApp({ deps: { jobRunner: { pool: solver } } });
    try {
      const { page } = app;
      const file = await seedProject(app, true);
      const planted = versions(file).find((t) => t.active);
      if (!planted) throw new Error('no active timetable');
      const before = costsOf(file, planted.id);
      expect(before.hard).toBe(0);

      // First result: kept off, with both costs side by side; "Keep" leaves the active one.
      await startNew(app, 1);
      const job = page.locator('article.job[data-status="finished"]');
      await job.waitFor({ timeout: 30_000 });
      await expect.poll(() => versions(file).length).toBe(2);
      const first = versions(file).at(-1);
      if (!first) throw new Error('no result stored');
      expect(first.active).toBe(false);
      const mine = costsOf(file, first.id);
      expect(mine.hard).toBeGreaterThan(0);
      const result = job.getByTestId('job-result');
      expect(await result.getByRole('heading', { level: 4 }).innerText()).toMatch(
        /^A timetable was found, but it breaks \d+ hard rules? or limits?/,
      );
      expect(await result.innerText()).not.toMatch(/without (group or teacher )?clashes/i);
      const choice = result.getByRole('group', { name: 'Which timetable to use' });
      await choice.getByText('Not made active: it is worse than the active timetable').waitFor();
      const rows = await choice.locator('tbody tr').allInnerTexts();
      expect(rows[0].split('\t').slice(1, 3)).toEqual([
        String(mine.hard),
        String(Math.round(mine.soft * 100) / 100),
      ]);
      expect(rows[1]).toContain(`Active: ${planted.name}`);
      expect(rows[1].split('\t')[1]).toBe('0');

      // What it breaks, named; linked to the grid only once it is the active timetable.
      const explained = await page.evaluate(
        (id) => (globalThis as unknown as { api: Api }).api.timetableExplain({ id }),
        first.id,
      );
      if (!explained || explained.violations.length === 0) throw new Error('the result breaks nothing');
      const broken = result.getByRole('list', { name: 'Broken rules and limits' });
      expect(await broken.locator('li').first().innerText()).toContain(explained.violations[0].message);
      expect(await broken.getByRole('button', { name: 'Show in the timetable' }).count()).toBe(0);
      await result.getByText('Make it the active timetable to see these on the grid.').waitFor();

      // The students it double-books, counted in plain words.
      if (mine.students === null || mine.students === 0)
        throw new Error('the stand-in result double-books no student');
      expect(await result.innerText()).toContain(
        `${mine.students.toLocaleString('en-US')} students have two sessions at the same time`,
      );
      // The choice comes first, right under the costs, not below the lists.
      const [asked, listed] = [await choice.boundingBox(), await broken.boundingBox()];
      expect(asked && listed && asked.y < listed.y).toBe(true);
      await page.evaluate(() =>
        (
          globalThis as unknown as {
            document: { querySelector(s: string): { scrollIntoView(): void } | null };
          }
        ).document
          .querySelector('[data-testid="job-result"]')
          ?.scrollIntoView(),
      );
      await screenshot(page, 'generate-worse');

      await choice.getByRole('button', { name: `Keep \u201c${planted.name}\u201d` }).click();
      await choice.getByText(`\u201c${planted.name}\u201d stays the active timetable`).waitFor();
      expect(versions(file).find((t) => t.active)?.id).toBe(planted.id);

      // Second result: used, so it opens in the Timetable screen as the active timetable.
      await startNew(app, 2);
      await expect.poll(() => job.count(), { timeout: 30_000 }).toBe(2);
      await expect.poll(() => versions(file).length).toBe(3);
      const second = versions(file).at(-1);
      if (!second) throw new Error('no second result');
      expect(second.active).toBe(false);
      const latest = page.locator('article.job').first();
      await latest.getByRole('button', { name: 'Use this result and open it' }).click();
      await page.locator('.week-grid .card').first().waitFor();
      expect(versions(file).find((t) => t.active)?.id).toBe(second.id);

      // Back on Generate, its broken rules now open the grid with their sessions highlighted.
      await page.getByRole('navigation').getByRole('button', { name: 'Generate' }).click();
      const now = page.locator('article.job').first().getByTestId('job-result');
      await now.getByText(/^It is the active timetable/).waitFor();
      const explainedNow: TimetableExplanation | null = await page.evaluate(
        (id) => (globalThis as unknown as { api: Api }).api.timetableExplain({ id }),
        second.id,
      );
      const v = explainedNow?.violations[0];
      if (!v) throw new Error('the second result breaks nothing');
      await now
        .getByRole('list', { name: 'Broken rules and limits' })
        .getByRole('button', { name: 'Show in the timetable' })
        .first()
        .click();
      await expect.poll(() => page.getByTestId('focus-label').innerText()).toContain(v.message);
      const { problem } = readSaved(file);
      const ids = new Set(
        v.sessions.map(
          (r) => problem.courseFirstSession[problem.courseIds.indexOf(r.courseId)] + r.session - 1,
        ),
      );
      const highlighted = page.locator('.week-grid .card.highlight');
      await expect.poll(() => highlighted.count()).toBeGreaterThan(0);
      for (const s of await highlighted.evaluateAll((cards) =>
        cards.map((c) =>
          Number((c as { getAttribute(n: string): string | null }).getAttribute('data-session')),
        ),
      ))
        expect(ids.has(s)).toBe(true);
    } finally {
      await app.close();
    }
  }, 90_000);
});
