import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../src/shared/ipc/contract.ts';
import { browserAvailable, buildRenderer, launchApp } from './harness.ts';

describe.runIf(browserAvailable())('the desktop UI in Chromium', () => {
  beforeAll(() => buildRenderer(), 120_000);

  it('shows the empty state, then the reopened project after a restart', async () => {
    const app = await launchApp();
    try {
      await app.page.getByRole('heading', { name: 'Start a project' }).waitFor();
      const file = join(mkdtempSync(join(tmpdir(), 'slotwise-proj-')), 'North College.slotwise');
      await app.page.evaluate(
        (path) => (globalThis as unknown as { api: Api }).api.projectCreate({ path }),
        file,
      );
      await app.reload();
      await expect.poll(() => app.page.locator('.app-header').innerText()).toContain('North College');
    } finally {
      await app.close();
    }
  });
});
