import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openProject, saveCollege } from '../../src/main/db/index.ts';
import { testCollege } from '../../src/shared/eval/testing/testCollege.ts';
import { browserAvailable, buildRenderer, launchApp, screenshot, type AppSession } from './harness.ts';
import {
  CLEAN,
  createProject,
  MISTAKES,
  newProjectPath,
  readSaved,
  savedPlace,
  seedProject,
} from './seed.ts';

async function withApp(run: (app: AppSession) => Promise<void>): Promise<void> {
  const app = await launchApp();
  try {
    await run(app);
  } finally {
    await app.close();
  }
}

/** A session of a course taught to the first group, and a slot where another course of that group sits. */
function groupClash(file: string) {
  const { problem, assignments } = readSaved(file);
  const group = problem.groupIds[0];
  const ofGroup = assignments.filter((a) => {
    const course = readSaved(file).college.courses.find((c) => c.id === a.courseId);
    return course?.groups.includes(group) && a.day !== null && a.period !== null;
  });
  const mover = ofGroup[0];
  const other = ofGroup.find(
    (a) => a.courseId !== mover.courseId && (a.day !== mover.day || a.period !== mover.period),
  );
  if (!other || other.day === null || other.period === null)
    throw new Error('the sample has no second course for a clash');
  const c = problem.courseIds.indexOf(mover.courseId);
  return {
    group,
    mover,
    session: problem.courseFirstSession[c] + mover.session - 1,
    other,
    slot: other.day * problem.nPeriods + other.period,
  };
}

async function dragTo(app: AppSession, session: number, slot: number | null): Promise<number> {
  const { page } = app;
  await page.locator(`.card[data-session="${session}"]`).hover();
  await page.mouse.down();
  await page.mouse.move(5, 5);
  const target =
    slot === null ? page.locator('td.cell.allowed').first() : page.locator(`td.cell[data-slot="${slot}"]`);
  await target.hover();
  const chosen = Number(await target.getAttribute('data-slot'));
  await page.mouse.up();
  return chosen;
}

describe.runIf(browserAvailable())('the desktop UI in Chromium', () => {
  beforeAll(() => buildRenderer(), 120_000);

  it('shows the empty state, then the reopened project after a restart', async () => {
    await withApp(async (app) => {
      await app.page.getByRole('heading', { name: 'Start a project' }).waitFor();
      await screenshot(app.page, 'project');
      await createProject(app, newProjectPath('North College'));
      await app.reload();
      await expect.poll(() => app.page.locator('.app-header').innerText()).toContain('North College');
      await app.page
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('button', { name: 'Project' })
        .click();
      await app.page.getByRole('button', { name: 'Back up now' }).click();
      await expect.poll(() => app.page.getByText(/^Saved .*\.slotwise/).count()).toBe(1);
    });
  });

  it('lists every located import error, sorts and copies them, then imports the fixed data', async () => {
    await withApp(async (app) => {
      const { page } = app;
      await page.getByLabel('Project file path').fill(newProjectPath());
      await page.getByRole('button', { name: 'Create project' }).click();
      await page.getByRole('heading', { name: 'Import college data' }).waitFor();
      // Without a native dialog (a browser, not Electron) choosing says to type the path.
      await page.getByRole('button', { name: 'Choose file…' }).click();
      await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('Type the path');
      // The template workbook is handed out where asked.
      const template = join(dirname(newProjectPath()), 'template.xlsx');
      await page.getByLabel('Save the template to').fill(template);
      await page.getByRole('button', { name: 'Save the template workbook' }).click();
      await expect.poll(() => page.getByText(`Saved ${template}`).count()).toBe(1);
      expect(existsSync(template)).toBe(true);
      // A path dropped on the form fills the field (Electron gives dropped files' paths the same way).
      await page.evaluate((dropped) => {
        // Page globals, typed here because the test config has no DOM library.
        const win = globalThis as unknown as {
          DataTransfer: new () => { setData(type: string, value: string): void };
          DragEvent: new (type: string, init: object) => unknown;
          document: { querySelector(selector: string): { dispatchEvent(event: unknown): boolean } | null };
        };
        const data = new win.DataTransfer();
        data.setData('text/plain', dropped);
        const form = win.document.querySelector('form[aria-label^="Import form"]');
        form?.dispatchEvent(
          new win.DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
        );
      }, MISTAKES);
      await expect
        .poll(() => page.getByLabel('Workbook, CSV folder, .fet or .ctt path').inputValue())
        .toBe(MISTAKES);
      await page.getByRole('main').getByRole('button', { name: 'Import', exact: true }).click();
      const errors = page.getByTestId('errors');
      const rows = errors.locator('tbody tr');
      await rows.first().waitFor();
      const count = await rows.count();
      expect(count).toBeGreaterThan(3);
      await expect.poll(() => page.getByRole('alert').first().innerText()).toContain(`${count} errors`);
      // Every error names its file and sheet; row-level errors name their row.
      const files = await errors.locator('tbody td.col-file').allInnerTexts();
      expect(files.every((f) => f.length > 0)).toBe(true);
      const rowNumbers = (await errors.locator('tbody td.col-row').allInnerTexts()).filter(Boolean);
      expect(rowNumbers.length).toBeGreaterThan(0);
      // Sorting by Row puts row numbers in ascending order.
      await errors.getByRole('button', { name: 'Row' }).click();
      const sorted = (await errors.locator('tbody td.col-row').allInnerTexts()).filter(Boolean).map(Number);
      expect(sorted).toEqual([...sorted].sort((a, b) => a - b));
      await page.getByRole('button', { name: 'Copy errors' }).click();
      await page.getByText(`Copied ${count} rows`).waitFor();
      const tsv = await page.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      );
      expect(tsv.trim().split('\n')).toHaveLength(count + 1);
      expect(tsv.split('\n')[0]).toBe('file\tsheet\trow\tcolumn\tmessage\thint');
      await screenshot(page, 'import-errors');
      // Fix: point at the clean folder and import again.
      await page.getByLabel('Workbook, CSV folder, .fet or .ctt path').fill(CLEAN);
      await page.getByRole('button', { name: 'Import again' }).click();
      await page.getByRole('heading', { name: 'Imported' }).waitFor();
      const counts = await page.locator('table.counts').innerText();
      expect(counts).toMatch(/Courses\s+\d+/);
      expect(counts).toMatch(/Rooms\s+\d+/);
      await screenshot(page, 'import-ok');
    });
  });

  it('browses and searches the data with paging; the timetable screen points to Generate', async () => {
    await withApp(async (app) => {
      const { page } = app;
      await seedProject(app, false);
      await page.getByRole('navigation').getByRole('button', { name: 'Data' }).click();
      await page.getByRole('tab', { name: 'Courses' }).click();
      const status = page.locator('.pager [role=status]');
      await expect.poll(() => status.innerText()).toMatch(/of \d+/);
      const total = Number((await status.innerText()).split('of ')[1]);
      await page.getByLabel('Search id or name').fill('Mathematics');
      await expect.poll(async () => Number((await status.innerText()).split('of ')[1])).toBeLessThan(total);
      const names = await page.locator('.data-table tbody tr').allInnerTexts();
      expect(names.length).toBeGreaterThan(0);
      expect(names.every((n) => n.includes('Mathematics'))).toBe(true);
      await screenshot(page, 'data');
      await page.getByRole('tab', { name: 'Rooms' }).click();
      await page.getByLabel('Search id or name').fill('');
      await expect.poll(() => page.locator('.data-table tbody tr').count()).toBeGreaterThan(0);
      // No timetable yet: the Timetable screen sends the user to Generate.
      await page.getByRole('navigation').getByRole('button', { name: 'Timetable' }).click();
      await page.getByRole('heading', { name: 'No timetable yet' }).waitFor();
      await page.getByRole('main').getByRole('button', { name: 'Go to Generate' }).click();
      await page.getByRole('heading', { name: 'Generate a timetable' }).waitFor();
    });
  });

  it('shows pre-check findings next to the rows they name', async () => {
    await withApp(async (app) => {
      const { page } = app;
      const file = newProjectPath();
      await createProject(app, file);
      const db = openProject(file);
      const overloaded = { id: 'C1', name: 'Too much', faculty: ['F1'], groups: ['G1'], sessions: 31 };
      saveCollege(db, testCollege({ courses: [overloaded] }));
      db.close();
      await app.reload();
      await page.getByRole('navigation').getByRole('button', { name: 'Data' }).click();
      const finding = page.locator('.finding.fatal').first();
      await finding.waitFor();
      await finding.getByRole('button', { name: 'Faculty F1' }).click();
      await expect.poll(() => page.getByLabel('Search id or name').inputValue()).toBe('F1');
      await page.locator('.data-table tr.flagged .flag').first().waitFor();
      await screenshot(page, 'data-precheck');
    });
  });

  it('refuses a clashing drag with its reason, then moves, saves, survives reload and undoes', async () => {
    await withApp(async (app) => {
      const { page } = app;
      const file = await seedProject(app, true);
      const clash = groupClash(file);
      await page.getByRole('navigation').getByRole('button', { name: 'Timetable' }).click();
      await page.locator(`.card[data-session="${clash.session}"]`).waitFor();
      await expect.poll(() => page.getByTestId('hard-total').innerText()).toBe('0');
      await screenshot(page, 'timetable');

      // Refused: the target cell says why while dragging; dropping asks, and Cancel keeps it.
      const page0 = page.locator(`.card[data-session="${clash.session}"]`);
      await page0.hover();
      await page.mouse.down();
      await page.mouse.move(5, 5);
      const cell = page.locator(`td.cell[data-slot="${clash.slot}"]`);
      await cell.hover();
      await expect.poll(() => cell.getAttribute('class')).toContain('blocked');
      // The reason shows beside the cell (the grid keeps its size), naming the other course.
      await expect.poll(() => page.getByRole('tooltip').innerText()).toContain(clash.other.courseId);
      await screenshot(page, 'timetable-drag');
      await page.mouse.up();
      const dialog = page.getByRole('alertdialog');
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain(clash.other.courseId);
      await page.getByRole('button', { name: 'Cancel' }).click();
      expect(savedPlace(file, clash.mover.courseId, clash.mover.session)).toEqual({
        day: clash.mover.day,
        period: clash.mover.period,
      });

      // Allowed: saved at once.
      const slot = await dragTo(app, clash.session, null);
      const { problem } = readSaved(file);
      const moved = { day: Math.floor(slot / problem.nPeriods), period: slot % problem.nPeriods };
      await expect.poll(() => savedPlace(file, clash.mover.courseId, clash.mover.session)).toEqual(moved);
      await app.reload();
      await page.getByRole('navigation').getByRole('button', { name: 'Timetable' }).click();
      await page.locator(`td.cell[data-slot="${slot}"] .card[data-session="${clash.session}"]`).waitFor();

      // Undo (Ctrl+Z) puts it back, in the database too; redo moves it again.
      const home = { day: clash.mover.day, period: clash.mover.period };
      await dragTo(app, clash.session, clash.mover.day! * problem.nPeriods + clash.mover.period!);
      await expect.poll(() => savedPlace(file, clash.mover.courseId, clash.mover.session)).toEqual(home);
      await page.keyboard.press('Control+z');
      await page.locator(`td.cell[data-slot="${slot}"] .card[data-session="${clash.session}"]`).waitFor();
      await expect.poll(() => savedPlace(file, clash.mover.courseId, clash.mover.session)).toEqual(moved);
      await page.keyboard.press('Control+Shift+z');
      await expect.poll(() => savedPlace(file, clash.mover.courseId, clash.mover.session)).toEqual(home);
      await expect.poll(() => page.getByTestId('save-state').innerText()).toBe('All changes saved.');
    });
  });

  it('records a drop on a conflict after asking, lists the violation and highlights its sessions, locks', async () => {
    await withApp(async (app) => {
      const { page } = app;
      const file = await seedProject(app, true);
      const clash = groupClash(file);
      await page.getByRole('navigation').getByRole('button', { name: 'Timetable' }).click();
      await page.locator(`.card[data-session="${clash.session}"]`).waitFor();
      await dragTo(app, clash.session, clash.slot);
      await page.getByRole('button', { name: 'Move anyway' }).click();
      await expect
        .poll(() => savedPlace(file, clash.mover.courseId, clash.mover.session))
        .toEqual({ day: clash.other.day, period: clash.other.period });
      await expect
        .poll(async () => Number(await page.getByTestId('hard-total').innerText()))
        .toBeGreaterThan(0);
      const violation = page.locator('button.violation', { hasText: clash.other.courseId }).first();
      await violation.click();
      await expect.poll(() => page.locator('.card.highlight').count()).toBeGreaterThanOrEqual(2);
      await expect
        .poll(() => page.locator(`.card.highlight[data-session="${clash.session}"]`).count())
        .toBe(1);
      await screenshot(page, 'timetable-violation');
      // Keyboard: Enter picks the card up, the better places are listed, choosing one moves it there.
      await page.locator(`.card[data-session="${clash.session}"]`).focus();
      await page.keyboard.press('Enter');
      const suggestion = page.locator('button.suggestion').first();
      await suggestion.waitFor();
      await screenshot(page, 'timetable-suggestions');
      const where = await suggestion.locator('span').first().innerText();
      await suggestion.click();
      await expect.poll(() => page.getByTestId('hard-total').innerText()).toBe('0');
      const { problem } = readSaved(file);
      const saved = savedPlace(file, clash.mover.courseId, clash.mover.session);
      expect(where).toContain(
        `${problem.dayNames[saved.day!]} period ${problem.periodLabels[saved.period!]}`,
      );
      // Lock: saved, and a locked card cannot be picked up.
      const card = page.locator(`.card[data-session="${clash.session}"]`);
      await card.getByRole('button', { name: 'Lock session' }).click();
      await expect
        .poll(
          () =>
            readSaved(file).assignments.find(
              (a) => a.courseId === clash.mover.courseId && a.session === clash.mover.session,
            )?.locked,
        )
        .toBe(true);
      expect(await card.getAttribute('draggable')).toBe('false');
      await card.click();
      await page.getByText('is locked: unlock it to move it').waitFor();
    });
  });
});
