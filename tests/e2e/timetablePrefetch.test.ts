// The Timetable screen's data is loaded in the background once a project with a timetable is open:
// in Chromium against the real handlers, the college is read before the screen is first visited,
// and that first visit asks main for nothing more than whether anything changed since.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../src/main/ipc/dispatcher.ts';
import { createHandlers } from '../../src/main/ipc/handlers.ts';
import { browserAvailable, buildRenderer, launchApp } from './harness.ts';
import { seedProject } from './seed.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe.runIf(browserAvailable())('the Timetable screen loaded in the background', () => {
  beforeAll(() => buildRenderer(), 120_000);

  it('reads the college before the first visit, which then only checks the stamp', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'slotwise-e2e-'));
    const calls: string[] = [];
    const real = createHandlers({ userDataDir }) as Record<string, (payload: unknown) => unknown>;
    const handlers = Object.fromEntries(
      Object.entries(real).map(([channel, handle]) => [
        channel,
        (payload: unknown) => {
          calls.push(channel);
          return handle(payload);
        },
      ]),
    ) as unknown as Handlers;
    const app = await launchApp({ userDataDir, handlers });
    try {
      const { page } = app;
      await seedProject(app, true);
      calls.length = 0;
      await app.reload();
      // On the Project screen, without a visit: the editor's data is read in the background.
      await expect.poll(() => calls.includes('timetable:collegePart'), { timeout: 20_000 }).toBe(true);
      await expect.poll(() => calls.includes('timetable:editorData')).toBe(true);
      await new Promise((r) => setTimeout(r, 500));
      const before = calls.length;
      await page.getByRole('navigation').getByRole('button', { name: 'Timetable' }).click();
      await page.locator('.week-grid .card').first().waitFor();
      await expect.poll(() => page.getByTestId('hard-total').count()).toBe(1);
      expect(calls.slice(before).filter((c) => c.startsWith('timetable:'))).toEqual(['timetable:stamp']);
    } finally {
      await app.close();
    }
  });
});
