// Generate, Variants and Export screens in Chromium, driving the REAL job runner: solver processes
// forked from src/solver (and, for the stall, the fake fixture solver hanging in local search).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SolverPool, createForkSpawner } from '../../src/main/jobs/index.ts';
import { FAKE_SOLVER } from '../fault/harness.ts';
import { browserAvailable, buildRenderer, launchApp, screenshot, type AppSession } from './harness.ts';
import { seedProject } from './seed.ts';

const pools: SolverPool[] = [];
function pool(args: string[] = [], env: Record<string, string> = {}): SolverPool {
  const p = new SolverPool({ spawner: createForkSpawner(), size: 2, args, env });
  pools.push(p);
  return p;
}

async function withApp(solverPool: SolverPool, run: (app: AppSession) => Promise<void>): Promise<void> {
  const app = await launchApp({ deps: { jobRunner: { pool: solverPool } } });
  try {
    await run(app);
  } finally {
    await app.close();
  }
}

async function startJobs(app: AppSession, fields: Record<string, string>): Promise<void> {
  const { page } = app;
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await page.getByRole('heading', { name: 'Generate a timetable' }).waitFor();
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
}

describe.runIf(browserAvailable())('generate, variants and export in Chromium', () => {
  beforeAll(() => buildRenderer(), 120_000);
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.shutdown()));
  });

  it('generates two variants with live progress, opens one, compares them and exports CSV', async () => {
    await withApp(pool(), async (app) => {
      const { page } = app;
      await seedProject(app, false);
      await startJobs(app, { 'Time limit (seconds)': '5', 'Number of variants': '2', Seed: '1' });
      const jobs = page.locator('article.job');
      await expect.poll(() => jobs.count()).toBe(2);
      // Live progress: a stage is current and the bar moved before the jobs finished.
      await page.locator('.stage.current').first().waitFor({ timeout: 20_000 });
      await expect
        .poll(async () => Number(await page.getByRole('progressbar').first().getAttribute('aria-valuenow')), {
          timeout: 20_000,
        })
        .toBeGreaterThan(0);
      expect(await page.locator('article.job[data-status="finished"]').count()).toBe(0);
      await expect
        .poll(() => page.locator('article.job[data-status="finished"]').count(), { timeout: 40_000 })
        .toBe(2);
      expect(await page.locator('.cost-chart svg').count()).toBeGreaterThan(0);
      await screenshot(page, 'generate');

      // Variants never become active on their own: opening one asks to make it active.
      expect(await page.getByRole('button', { name: 'Open the timetable' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Make it active and open it' }).first().click();
      await page.locator('td.cell').first().waitFor();

      await page.getByRole('button', { name: 'Variants', exact: true }).click();
      const rows = page.getByRole('table', { name: 'Timetable versions' }).locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(2);
      expect(await page.getByRole('button', { name: /^Active/ }).count()).toBe(1);
      await page.getByLabel('From').selectOption({ label: 'Variant 1 (seed 1)' });
      await page.getByLabel('To').selectOption({ label: 'Variant 2 (seed 2)' });
      await page.getByRole('button', { name: 'Compare', exact: true }).click();
      await expect
        .poll(() => page.getByText(/sessions moved from/).innerText())
        .toMatch(/^[1-9]\d* of \d+ sessions moved from Variant 1 \(seed 1\) to Variant 2/);
      expect(
        await page.getByRole('table', { name: 'Moved sessions' }).locator('tbody tr').count(),
      ).toBeGreaterThan(0);
      await screenshot(page, 'variants');

      const out = join(mkdtempSync(join(tmpdir(), 'slotwise-export-')), 'timetable.csv');
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      await page.getByLabel('Save to (file)').fill(out);
      await page.getByRole('button', { name: 'Export', exact: true }).last().click();
      await page.getByText(/Wrote 1 file/).waitFor();
      expect(existsSync(out)).toBe(true);
      expect(readFileSync(out, 'utf8').split('\n').length).toBeGreaterThan(10);
      await screenshot(page, 'export');
    });
  }, 80_000);

  it('shows the stuck panel for a solver that stops reporting, and Cancel ends the job', async () => {
    const hanging = pool([`--solver-module=${FAKE_SOLVER}`], {
      FAKE_SOLVER_MS: '3000',
      FAKE_SOLVER_FAULT: 'hang:search',
    });
    await withApp(hanging, async (app) => {
      const { page } = app;
      await seedProject(app, false);
      await startJobs(app, { 'Time limit (seconds)': '30', 'Stuck after (seconds of silence)': '1' });
      const panel = page.getByRole('alert').filter({ hasText: 'The solver seems stuck' });
      await panel.waitFor({ timeout: 20_000 });
      await screenshot(page, 'generate-stuck');
      await panel.getByRole('button', { name: 'Cancel' }).click();
      await page.locator('article.job[data-status="cancelled"]').waitFor({ timeout: 10_000 });
      expect(await panel.count()).toBe(0);
    });
  }, 60_000);
});
