// The scheduler's workbench in Chromium (issue items 4-7, 10 and 11): names and search, whole
// department and year views, a teacher's free and unavailable periods, print, the keyboard, a grid
// that keeps its size, reasons that name the teacher, swaps and swap chains, "better places", undo
// in words, and the editor's state kept across visits. Expected values come from the same editor
// engine run here in Node on the saved project, so the page is checked against the engine's answer.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getActiveTimetable, loadCollege, openProject } from '../../src/main/db/index.ts';
import type { Handlers } from '../../src/main/ipc/dispatcher.ts';
import { createHandlers } from '../../src/main/ipc/handlers.ts';
import { EditorEngine } from '../../src/shared/editor/EditorEngine.ts';
import { sessionsInView } from '../../src/shared/editor/views.ts';
import { browserAvailable, buildRenderer, launchApp, screenshot, type AppSession } from './harness.ts';
import { savedPlace, seedProject } from './seed.ts';

async function withApp(run: (app: AppSession) => Promise<void>, handlers?: Handlers): Promise<void> {
  const app = await launchApp(handlers ? { handlers } : {});
  try {
    await run(app);
  } finally {
    await app.close();
  }
}

/** The editor engine on the project's saved college and active timetable. */
function engineOf(file: string) {
  const db = openProject(file, { readonly: true });
  try {
    const college = loadCollege(db);
    const active = getActiveTimetable(db);
    if (!college || !active) throw new Error('no college or no active timetable');
    const engine = new EditorEngine();
    const load = engine.load(JSON.stringify(college), JSON.stringify(active.timetable));
    return { engine, college, ...load };
  } finally {
    db.close();
  }
}

type Loaded = ReturnType<typeof engineOf>;

/** Whether poppler's pdftotext is installed (CI requires it with SLOTWISE_REQUIRE_PDFTOOLS=1). */
function pdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env['SLOTWISE_REQUIRE_PDFTOOLS'] === '1')
      throw new Error('pdftotext not found (poppler-utils)');
    return false;
  }
}

/** The page's getComputedStyle, typed here because the test config has no DOM library. */
interface StyleOf {
  getComputedStyle(el: unknown): { outlineStyle: string; position: string };
}

/** The movable, placed sessions of group g's week. */
function movable(e: Loaded, g: number): number[] {
  const { positions } = e;
  return sessionsInView(e.problem, positions.room, 'group', g).filter(
    (s) => positions.active[s] === 1 && positions.locked[s] !== 1 && e.problem.sessionFixedSlot[s] < 0,
  );
}

/** Course id and 1-based session number of engine session s (how the project file names it). */
function idOf(e: Loaded, s: number): [string, number] {
  return [e.problem.courseIds[e.problem.sessionCourse[s]], e.problem.sessionIndex[s] + 1];
}

function slotOf(e: Loaded, place: { day: number | null; period: number | null }): number {
  return place.day === null || place.period === null ? -1 : place.day * e.problem.nPeriods + place.period;
}

async function openTimetable(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Timetable' }).click();
  await page.locator('.week-grid .card').first().waitFor();
}

/** Shows group g's week by typing its id in the searchable picker. */
async function showGroup(page: Page, id: string): Promise<void> {
  await page.getByRole('toolbar').getByLabel('View').selectOption('group');
  const box = page.getByRole('combobox', { name: 'Group' });
  await box.fill(id);
  await page
    .getByRole('option')
    .filter({ has: page.locator('span', { hasText: new RegExp(`^${id}$`) }) })
    .first()
    .click();
  await expect.poll(() => page.getByTestId('week-title').innerText()).toMatch(new RegExp(`^${id} `));
}

describe.runIf(browserAvailable())('the workbench in Chromium', () => {
  beforeAll(() => buildRenderer(), 120_000);

  it('finds a teacher by name, shades their unavailable and free periods, shows a department and a year, prints', async () => {
    await withApp(async (app) => {
      const { page } = app;
      const file = await seedProject(app, true);
      const e = engineOf(file);
      const p = e.problem;
      await openTimetable(page);

      // Cards name the teachers, not only their ids.
      const card = page.locator('.week-grid .card').first();
      const s = Number(await card.getAttribute('data-session'));
      const course = e.college.courses.find((c) => c.id === p.courseIds[p.sessionCourse[s]]);
      const teacher = e.college.faculty.find((f) => f.id === course?.faculty[0]);
      expect(teacher?.name).toBeTruthy();
      expect(await card.innerText()).toContain(teacher?.name);

      // A teacher found by part of the name (FCSE001 is not available on Wed period 8).
      await page.getByRole('toolbar').getByLabel('View').selectOption('faculty');
      await page.getByRole('combobox', { name: 'Faculty' }).fill('kulkarni');
      const option = page.getByRole('option').filter({ hasText: 'Suresh Kulkarni' });
      expect(await option.count()).toBe(1);
      await option.click();
      await expect
        .poll(() => page.getByTestId('week-title').innerText())
        .toBe('Prof. Suresh Kulkarni (FCSE001)');
      const f = p.facultyIds.indexOf('FCSE001');
      const wed8 = p.dayNames.indexOf('Wed') * p.nPeriods + p.periodLabels.indexOf('8');
      expect(p.facultyUnavailable[f * p.nSlots + wed8]).toBe(1);
      const away = page.locator(`td.cell[data-slot="${wed8}"]`);
      expect(await away.getAttribute('class')).toContain('unavailable');
      expect(await away.getAttribute('aria-label')).toBe('Wed period 8: not available');
      const facts = await page.locator('.week-heading .muted').innerText();
      const free = Number(/(\d+) free periods?/.exec(facts)?.[1]);
      const busy = Number(/teaches (\d+) periods?/.exec(facts)?.[1]);
      expect(free).toBeGreaterThan(0);
      expect(await page.locator('td.cell.free').count()).toBe(free);
      expect(facts).toContain('not available 1 period');
      expect(free + busy + 1).toBe(p.nSlots);
      await screenshot(page, 'timetable-faculty');

      // A room's week shades the periods it is not available (TR-1: Mon 1-2, Mon 6-8, all Thursday).
      await page.getByRole('toolbar').getByLabel('View').selectOption('room');
      await page.getByRole('combobox', { name: 'Room' }).fill('TR-1');
      await page.getByRole('option').filter({ hasText: 'TR-1' }).first().click();
      await expect.poll(() => page.getByTestId('week-title').innerText()).toContain('TR-1');
      const r = p.roomIds.indexOf('TR-1');
      const closed: number[] = [];
      for (let t = 0; t < p.nSlots; t++) if (p.roomUnavailable[r * p.nSlots + t] === 1) closed.push(t);
      expect(closed.length).toBe(2 + 3 + p.nPeriods);
      const shaded = await page
        .locator('td.cell.unavailable')
        .evaluateAll((cells) =>
          cells.map((c) =>
            Number((c as { getAttribute(n: string): string | null }).getAttribute('data-slot')),
          ),
        );
      expect(shaded.sort((a, b) => a - b)).toEqual(closed);
      expect(await page.locator('.week-heading .muted').innerText()).toContain(
        `not available ${closed.length} periods`,
      );

      // A whole department: one row per top-level group of the department.
      await page.getByRole('toolbar').getByLabel('View').selectOption('department');
      await page
        .getByRole('toolbar')
        .getByRole('combobox', { name: /^Department/ })
        .selectOption('CSE');
      const cse = e.college.groups.filter((g) => g.department === 'CSE' && !g.parent).map((g) => g.id);
      const dept = page.getByRole('table', { name: "Department CSE: every group's week" });
      await expect.poll(() => dept.locator('tbody tr').count()).toBe(cse.length);
      const shown: string[] = [];
      for (const row of await dept.locator('tbody tr').all())
        shown.push((await row.getAttribute('data-group')) ?? '');
      expect(shown.sort()).toEqual([...cse].sort());
      await screenshot(page, 'timetable-department');

      // Days down: the whole week of the department fits the width of the screen, a band per day
      // with a row per group, each session in its group's row at its own day and period.
      const widthOf = () =>
        page.locator('.overview-scroll').evaluate((el) => {
          const box = el as unknown as { scrollWidth: number; clientWidth: number };
          return { scroll: box.scrollWidth, client: box.clientWidth };
        });
      const across = await widthOf();
      expect(across.scroll).toBeGreaterThan(across.client);
      await page.getByRole('radiogroup', { name: 'Layout' }).getByLabel('Days down').check();
      const days = page.getByRole('table', { name: "Department CSE: every group's week, day by day" });
      await expect.poll(() => days.locator('tr[data-group]').count()).toBe(cse.length * p.nDays);
      const down = await widthOf();
      expect(down.scroll).toBeLessThanOrEqual(down.client);
      expect(await days.locator('tbody[data-day]').evaluateAll((b) => b.length)).toBe(p.nDays);
      let checked = 0;
      for (const [d, day] of p.dayNames.entries()) {
        const row = days.locator(`tbody[data-day="${day}"] tr[data-group="${cse[0]}"]`);
        for (const button of await row.locator('button.ov-session:not(.cont)').all()) {
          const s = Number(await button.getAttribute('data-session'));
          const slot = Number(await button.locator('xpath=..').getAttribute('data-slot'));
          expect(Math.floor(slot / p.nPeriods)).toBe(d);
          expect(e.positions.slot[s]).toBe(slot);
          checked++;
        }
      }
      const inWeek = sessionsInView(p, e.positions.room, 'group', p.groupIds.indexOf(cse[0]));
      expect(checked).toBe(inWeek.filter((s) => e.positions.active[s] === 1).length);
      await screenshot(page, 'timetable-department-days');
      await page.getByRole('radiogroup', { name: 'Layout' }).getByLabel('Week across').check();
      // A session on the sheet opens its group's week with the session highlighted.
      const first = dept.locator('tbody tr').first();
      const group = await first.getAttribute('data-group');
      const session = await first
        .locator('button.ov-session:not(.cont)')
        .first()
        .getAttribute('data-session');
      await first.locator('button.ov-session:not(.cont)').first().click();
      await expect.poll(() => page.getByTestId('week-title').innerText()).toMatch(new RegExp(`^${group} `));
      expect(await page.locator(`.week-grid .card.highlight[data-session="${session}"]`).count()).toBe(1);

      // Every group of a year.
      await page.getByRole('toolbar').getByLabel('View').selectOption('year');
      await page.getByRole('toolbar').getByRole('combobox', { name: /^Year/ }).selectOption('2');
      const year2 = p.groupIds.filter((_id, g) => p.groupParent[g] < 0 && e.names.groupYear[g] === 2);
      expect(year2.length).toBeGreaterThan(1);
      const year = page.getByRole('table', { name: "Year 2: every group's week" });
      await expect.poll(() => year.locator('tbody tr').count()).toBe(year2.length);

      // Print: the current view only, without the navigation, toolbar and side panel.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('navigation', { name: 'Screens' }).isVisible()).toBe(false);
      expect(await page.getByRole('toolbar').isVisible()).toBe(false);
      expect(await year.isVisible()).toBe(true);
      await page.emulateMedia({ media: 'screen' });
      expect(await page.getByRole('toolbar').isVisible()).toBe(true);
      // Chromium's own print of the sheet, in both layouts: every day and every group is on paper.
      for (const layout of pdftotext() ? ['Week across', 'Days down'] : []) {
        await page.emulateMedia({ media: 'screen' });
        await page.getByRole('radiogroup', { name: 'Layout' }).getByLabel(layout).check();
        await page.emulateMedia({ media: 'print' });
        const pdf = join(mkdtempSync(join(tmpdir(), 'slotwise-print-')), 'year.pdf');
        await page.pdf({ path: pdf, preferCSSPageSize: true });
        const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
        for (const name of [...p.dayNames, ...year2]) expect(text, `${layout}: ${name}`).toContain(name);
        expect(text).not.toContain('Compare versions');
      }
      await page.emulateMedia({ media: 'screen' });
    });
  }, 90_000);

  it('moves between cells with the arrow keys, keeps the grid size while a card is up, names the teacher in a refusal', async () => {
    await withApp(async (app) => {
      const { page } = app;
      const file = await seedProject(app, true);
      const e = engineOf(file);
      const p = e.problem;
      // A session and a period refused because a teacher is busy or away then.
      let found: { g: number; s: number; slot: number; reason: string } | null = null;
      for (let g = 0; g < p.nGroups && !found; g++) {
        for (const s of movable(e, g)) {
          const checks = e.engine.checkMoves(s, -1);
          const slot = checks.findIndex((c) =>
            c.reasons.some(
              (r) => /already teaches|is not available/.test(r) && / (Dr|Prof)\. /.test(` ${r}`),
            ),
          );
          if (slot >= 0) {
            found = {
              g,
              s,
              slot,
              reason: checks[slot].reasons.find((r) => /already teaches|is not available/.test(r)) ?? '',
            };
            break;
          }
        }
      }
      if (!found) throw new Error('the sample has no move refused for a teacher');
      await openTimetable(page);
      await showGroup(page, p.groupIds[found.g]);

      // Arrow keys move the focus between cells; the focused cell shows a ring.
      await page.locator('td.cell[tabindex="0"]').focus();
      const focused = () =>
        page.evaluate(() =>
          (
            globalThis as unknown as {
              document: { activeElement: { getAttribute(n: string): string | null } | null };
            }
          ).document.activeElement?.getAttribute('data-slot'),
        );
      const start = Number(await focused());
      await page.keyboard.press('ArrowRight');
      const right = start + p.nPeriods < p.nSlots ? start + p.nPeriods : start;
      expect(Number(await focused())).toBe(right);
      await page.keyboard.press('ArrowDown');
      expect(Number(await focused())).toBe(right % p.nPeriods < p.nPeriods - 1 ? right + 1 : right);
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowUp');
      expect(Number(await focused())).toBe(start);
      const ring = await page
        .locator(`td.cell[data-slot="${start}"]`)
        .evaluate((el) => (globalThis as unknown as StyleOf).getComputedStyle(el).outlineStyle);
      expect(ring).toBe('solid');

      // The day header stays in view when the week scrolls.
      expect(
        await page
          .locator('.week-grid thead th')
          .first()
          .evaluate((el) => (globalThis as unknown as StyleOf).getComputedStyle(el).position),
      ).toBe('sticky');

      // Picking up: the grid keeps its size; the refused period names the teacher on hover and in the side list.
      const grid = page.locator('.week-grid');
      const before = await grid.boundingBox();
      await page.locator(`.week-grid .card[data-session="${found.s}"]`).click();
      await page.locator('td.cell.allowed').first().waitFor();
      const after = await grid.boundingBox();
      expect(after?.height).toBe(before?.height);
      expect(after?.width).toBe(before?.width);
      const cell = page.locator(`td.cell[data-slot="${found.slot}"]`);
      expect(await cell.getAttribute('class')).toContain('blocked');
      await cell.hover();
      await expect.poll(() => page.getByRole('tooltip').innerText()).toContain(found.reason);
      await page.getByText(/^Why not elsewhere/).click();
      expect(
        await page
          .getByRole('list', { name: 'Refused periods' })
          .locator(`li[data-slot="${found.slot}"]`)
          .textContent(),
      ).toContain(found.reason);
      await screenshot(page, 'timetable-explain');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('td.cell.allowed').count()).toBe(0);

      // The same with the keyboard alone: Enter picks the session up from its cell, the arrow keys
      // reach the refused period, whose reason shows on focus, and Enter there asks before moving.
      const from = e.positions.slot[found.s];
      await page.mouse.move(0, 0);
      await page.locator(`td.cell[data-slot="${from}"]`).focus();
      await page.keyboard.press('Enter');
      await page.locator('td.cell.allowed').first().waitFor();
      const [dx, dy] = [
        Math.floor(found.slot / p.nPeriods) - Math.floor(from / p.nPeriods),
        (found.slot % p.nPeriods) - (from % p.nPeriods),
      ];
      for (let i = 0; i < Math.abs(dx); i++) await page.keyboard.press(dx > 0 ? 'ArrowRight' : 'ArrowLeft');
      for (let i = 0; i < Math.abs(dy); i++) await page.keyboard.press(dy > 0 ? 'ArrowDown' : 'ArrowUp');
      expect(Number(await focused())).toBe(found.slot);
      await expect.poll(() => page.getByRole('tooltip').innerText()).toContain(found.reason);
      expect(await cell.getAttribute('aria-describedby')).toBe(
        await page.getByRole('tooltip').getAttribute('id'),
      );
      await page.keyboard.press('Enter');
      const ask = page.getByRole('alertdialog');
      await ask.waitFor();
      expect(await ask.innerText()).toContain(found.reason);
      await ask.getByRole('button', { name: 'Cancel' }).click();
      const [id, no] = idOf(e, found.s);
      expect(slotOf(e, savedPlace(file, id, no))).toBe(from);
    });
  }, 90_000);

  it('offers the legal swap on a drop, takes a swap chain, says which places are better and what Undo undid', async () => {
    await withApp(async (app) => {
      const { page } = app;
      const file = await seedProject(app, true);
      const e = engineOf(file);
      const p = e.problem;
      // A move refused where the swap with the session there is legal.
      let swap: { g: number; a: number; b: number } | null = null;
      for (let g = 0; g < p.nGroups && !swap; g++) {
        const list = movable(e, g);
        for (const a of list) {
          const checks = e.engine.checkMoves(a, -1);
          const b = list.find(
            (x) =>
              e.positions.slot[x] !== e.positions.slot[a] &&
              p.sessionCourse[x] !== p.sessionCourse[a] &&
              checks[e.positions.slot[x]].reasons.length > 0 &&
              e.engine.checkSwap(a, x).reasons.length === 0,
          );
          if (b !== undefined) {
            swap = { g, a, b };
            break;
          }
        }
      }
      if (!swap) throw new Error('the sample has no legal swap for a refused move');
      const [aId, aNo] = idOf(e, swap.a);
      const [bId, bNo] = idOf(e, swap.b);
      const aSlot = e.positions.slot[swap.a];
      const bSlot = e.positions.slot[swap.b];

      await openTimetable(page);
      await showGroup(page, p.groupIds[swap.g]);
      await page.locator(`.week-grid .card[data-session="${swap.a}"]`).click();
      await page.locator('td.cell.allowed, td.cell.blocked').first().waitFor();
      await page.locator(`.week-grid .card[data-session="${swap.b}"]`).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain('breaks nothing');
      await screenshot(page, 'timetable-swap');
      await dialog.getByRole('button', { name: /^Swap/ }).click();
      await expect.poll(() => slotOf(e, savedPlace(file, aId, aNo))).toBe(bSlot);
      expect(slotOf(e, savedPlace(file, bId, bNo))).toBe(aSlot);
      // Undo puts both back and says what it undid (not the move it undid as if it were current).
      await page.keyboard.press('Control+z');
      await expect.poll(() => slotOf(e, savedPlace(file, aId, aNo))).toBe(aSlot);
      expect(slotOf(e, savedPlace(file, bId, bNo))).toBe(bSlot);
      expect(await page.locator('.status-line [role=status]').innerText()).toMatch(/^Undone: /);
      await expect.poll(() => page.getByTestId('save-state').innerText()).toBe('All changes saved.');

      // "Better places" says when none is better; the swap chains are listed and one can be taken.
      const fresh = engineOf(file);
      let chain: { g: number; s: number } | null = null;
      let none: { g: number; s: number } | null = null;
      let some: { g: number; s: number; n: number } | null = null;
      for (let g = 0; g < p.nGroups && (!chain || !none || !some); g++) {
        for (const s of movable(fresh, g)) {
          const checks = fresh.engine.checkMoves(s, -1);
          const from = fresh.positions.slot[s];
          const allowed = checks.filter((c, slot) => slot !== from && c.reasons.length === 0 && c.room >= 0);
          const better = allowed.filter((c) => c.hardDelta < 0 || (c.hardDelta === 0 && c.softDelta < 0));
          if (!none && allowed.length > 0 && better.length === 0) none = { g, s };
          if (!some && better.length > 0) some = { g, s, n: better.length };
          if (!chain && fresh.engine.chains(s).length > 0) chain = { g, s };
        }
      }
      if (!chain || !none || !some)
        throw new Error('the sample lacks a chain, a best-placed or an improvable session');
      const note = page.getByTestId('places-note');
      await showGroup(page, p.groupIds[none.g]);
      await page.locator(`.week-grid .card[data-session="${none.s}"]`).click();
      await expect.poll(() => note.innerText()).toMatch(/^No better place: /);
      await page.keyboard.press('Escape');
      await showGroup(page, p.groupIds[some.g]);
      await page.locator(`.week-grid .card[data-session="${some.s}"]`).click();
      await expect
        .poll(() => note.innerText())
        .toBe(`${some.n} ${some.n === 1 ? 'place is' : 'places are'} better than where it is now:`);
      await page.keyboard.press('Escape');

      await showGroup(page, p.groupIds[chain.g]);
      await page.locator(`.week-grid .card[data-session="${chain.s}"]`).click();
      const chains = page.getByRole('list', { name: 'Swap chains' }).getByRole('button');
      await chains.first().waitFor();
      const expected = fresh.engine.chains(chain.s)[0];
      await chains.first().click();
      for (const m of expected.moves) {
        const [id, no] = idOf(fresh, m.session);
        await expect.poll(() => slotOf(fresh, savedPlace(file, id, no))).toBe(m.slot);
      }
    });
  }, 120_000);

  it('keeps the loaded timetable across visits: a return visit reads nothing again', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'slotwise-e2e-'));
    const real = createHandlers({ userDataDir });
    const calls = { editorData: 0, collegePart: 0 };
    const handlers: Handlers = {
      ...real,
      'timetable:editorData': (req) => {
        calls.editorData++;
        return real['timetable:editorData'](req);
      },
      'timetable:collegePart': (req) => {
        calls.collegePart++;
        return real['timetable:collegePart'](req);
      },
    };
    await withApp(async (app) => {
      const { page } = app;
      const file = await seedProject(app, true);
      await openTimetable(page);
      expect(calls.editorData).toBe(1);
      expect(calls.collegePart).toBeGreaterThan(0);
      const parts = calls.collegePart;
      // A move made here is saved; leaving and coming back shows it without reading again.
      const card = page.locator('.week-grid .card:not(.locked)').first();
      const s = Number(await card.getAttribute('data-session'));
      await card.click();
      const target = page.locator('td.cell.allowed').first();
      const slot = Number(await target.getAttribute('data-slot'));
      await target.click();
      await expect.poll(() => page.getByTestId('save-state').innerText()).toBe('All changes saved.');
      for (let i = 0; i < 2; i++) {
        await page.getByRole('navigation').getByRole('button', { name: 'Data' }).click();
        await page.getByRole('tab', { name: 'Courses' }).waitFor();
        await openTimetable(page);
        await page.locator(`td.cell[data-slot="${slot}"] .card[data-session="${s}"]`).waitFor();
      }
      expect(calls).toEqual({ editorData: 1, collegePart: parts });
      void file;
    }, handlers);
  }, 90_000);
});
