// The Timetable screen keeps its loaded state across visits, but never shows it out of date: in
// Chromium against the real handlers, a version made active behind the page's back (as a solve or
// another window would) is what the first grid of the next visit shows, not the kept one.
import { beforeAll, describe, expect, it } from 'vitest';
import { addTimetable, openProject } from '../../src/main/db/index.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { browserAvailable, buildRenderer, launchApp } from './harness.ts';
import { readSaved, seedProject } from './seed.ts';

interface PageDoc {
  querySelector(s: string): { closest(s: string): { getAttribute(n: string): string | null } | null } | null;
}
interface PageGlobals {
  document: PageDoc;
  MutationObserver: new (cb: () => void) => { observe(target: unknown, opts: object): void };
  __firstSlot?: string | null;
}

describe.runIf(browserAvailable())('the Timetable screen after a change elsewhere', () => {
  beforeAll(() => buildRenderer(), 120_000);

  it('shows the version made active since the last visit from its first grid on', async () => {
    const app = await launchApp();
    try {
      const { page } = app;
      const file = await seedProject(app, true);
      const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name });
      await nav('Timetable').click();
      await page.locator('.week-grid .card').first().waitFor();
      // A session of the first group's week (the week shown first), moved to another period.
      const { problem: p, assignments } = readSaved(file);
      const course = findCourseOfGroup0(p);
      expect(course).toBeGreaterThanOrEqual(0);
      const session = p.courseFirstSession[course];
      const from = assignments.find((a) => a.courseId === p.courseIds[course] && a.session === 1);
      if (!from || from.day === null || from.period === null) throw new Error('the session is not placed');
      const to = { day: (from.day + 1) % p.nDays, period: from.period };
      await nav('Data').click();
      await page.locator('.week-grid').waitFor({ state: 'detached' });
      const timetable = { assignments: assignments.map((a) => (a === from ? { ...a, ...to } : a)) };
      const db = openProject(file);
      try {
        addTimetable(db, {
          name: 'Made elsewhere',
          kind: 'manual',
          timetable,
          evaluation: evaluate(p, timetableToPlacement(p, timetable), { details: false }),
          makeActive: true,
        });
      } finally {
        db.close();
      }
      // Records where the session's card is in the first grid the page shows.
      await page.evaluate((s) => {
        const g = globalThis as unknown as PageGlobals;
        g.__firstSlot = undefined;
        new g.MutationObserver(() => {
          if (g.__firstSlot !== undefined) return;
          if (g.document.querySelector('.week-grid .card') === null) return;
          const card = g.document.querySelector(`.week-grid .card[data-session="${s}"]`);
          g.__firstSlot = card?.closest('td.cell')?.getAttribute('data-slot') ?? null;
        }).observe(g.document, { childList: true, subtree: true });
      }, session);
      await nav('Timetable').click();
      const slot = to.day * p.nPeriods + to.period;
      await page.locator(`td.cell[data-slot="${slot}"] .card[data-session="${session}"]`).waitFor();
      const first = await page.evaluate(() => (globalThis as unknown as PageGlobals).__firstSlot);
      expect(first).toBe(String(slot));
    } finally {
      await app.close();
    }
  });
});

function findCourseOfGroup0(p: ReturnType<typeof readSaved>['problem']): number {
  for (let c = 0; c < p.nCourses; c++)
    for (let k = p.courseGroups.offsets[c]; k < p.courseGroups.offsets[c + 1]; k++)
      if (p.courseGroups.items[k] === 0 && p.courseSessionCount[c] > 0) return c;
  return -1;
}
