// Comparing two versions that differ in many sessions on the Variants screen, in Chromium against
// the real handlers: only the rows in view (and a few around them) are in the page, the table tells
// how many rows it has, and scrolling brings any row into the page.
import { beforeAll, describe, expect, it } from 'vitest';
import { addTimetable, openProject } from '../../src/main/db/index.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { browserAvailable, buildRenderer, launchApp } from './harness.ts';
import { readSaved, seedProject, shiftedADay } from './seed.ts';

describe.runIf(browserAvailable())('the moved sessions of a comparison', () => {
  beforeAll(() => buildRenderer(), 120_000);

  it('are a windowed table: the rows in view in the page, any other one once scrolled to', async () => {
    const app = await launchApp();
    try {
      const { page } = app;
      const file = await seedProject(app, true);
      const { problem, assignments } = readSaved(file);
      // Every placed session a day later: every one of them moved.
      const shifted = shiftedADay({ assignments }, problem.nDays);
      const moved = shifted.assignments.filter((a) => a.day !== null);
      const db = openProject(file);
      try {
        addTimetable(db, {
          name: 'Shifted',
          kind: 'variant',
          timetable: shifted,
          evaluation: evaluate(problem, timetableToPlacement(problem, shifted), { details: false }),
        });
      } finally {
        db.close();
      }
      await app.reload();
      await page.getByRole('navigation').getByRole('button', { name: 'Variants' }).click();
      await page.getByLabel('From').selectOption({ label: 'Planted' });
      await page.getByLabel('To').selectOption({ label: 'Shifted' });
      await page.getByRole('button', { name: 'Compare', exact: true }).click();
      await page
        .getByText(`${moved.length} of ${assignments.length} sessions moved from Planted to Shifted.`)
        .waitFor();

      const table = page.getByRole('table', { name: 'Moved sessions' });
      const rows = table.locator('tbody tr:not(.spacer)');
      expect(moved.length).toBeGreaterThan(100);
      expect(await table.getAttribute('aria-rowcount')).toBe(String(moved.length + 1));
      const inPage = await rows.count();
      expect(inPage).toBeGreaterThan(10);
      expect(inPage).toBeLessThan(moved.length / 2);
      expect(await rows.first().locator('td').first().innerText()).toBe(moved[0].courseId);

      // Scrolled to the end: the last moved session is in the page, the first no longer.
      await page
        .locator('.table-scroll', { has: table })
        .evaluate((el: { scrollTop: number; scrollHeight: number }) => {
          el.scrollTop = el.scrollHeight;
        });
      const last = moved[moved.length - 1];
      await expect.poll(() => rows.last().getAttribute('aria-rowindex')).toBe(String(moved.length + 1));
      expect(await rows.last().locator('td').nth(0).innerText()).toBe(last.courseId);
      expect(await rows.last().locator('td').nth(1).innerText()).toBe(String(last.session));
      expect(await rows.first().getAttribute('aria-rowindex')).not.toBe('2');
      expect(await rows.count()).toBeLessThan(moved.length / 2);
    } finally {
      await app.close();
    }
  }, 120_000);
});
