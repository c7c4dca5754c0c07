// The MIP stage of a real solve in Chromium: the progress view names the community being solved and
// the bar keeps moving while one community's MIP runs (a big community's MIP can run for many
// seconds without a word from HiGHS; the bar must not sit still while the ETA counts down).
// The college is the sample with a group and a teacher of their own and 24 one-session courses of
// theirs that may all only start on Monday period 1: the quick start (which reaches hard 0 on the
// plain sample and then skips the MIP) places one of them at most, so it ends at hard 23 or more
// of 186 sessions, over the 10 % within which it skips the MIP too (stages/mipDecision.ts), and the
// solve goes on with the MIP stage: three communities, the 24 courses' one landing at once next to
// one of 66 sessions whose MIP runs for seconds (the bar must move under it, not sit where the
// landed community's count left it).
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SolverPool, createForkSpawner } from '../../src/main/jobs/index.ts';
import { browserAvailable, buildRenderer, launchApp } from './harness.ts';
import { SAMPLE, createProject, importData, newProjectPath } from './seed.ts';

const pool = new SolverPool({ spawner: createForkSpawner(), size: 1 });

describe.runIf(browserAvailable())('MIP progress per community in Chromium', () => {
  const work = mkdtempSync(join(tmpdir(), 'slotwise-mip-'));
  const csv = join(work, 'college');
  beforeAll(() => {
    cpSync(SAMPLE, csv, { recursive: true });
    const notMon1 = 'Mon:2-8;Tue;Wed;Thu;Fri';
    appendFileSync(join(csv, 'Groups.csv'), 'XG,Extra group,30,CSE,,,,\n');
    appendFileSync(join(csv, 'Faculty.csv'), 'FX,Extra teacher,CSE,,,,,,\n');
    appendFileSync(
      join(csv, 'Courses.csv'),
      Array.from(
        { length: 24 },
        (_, i) => `X${i + 1}-XG,Extra ${i + 1},CSE,FX,XG,1,1,lecture,,,,${notMon1}\n`,
      ).join(''),
    );
    return buildRenderer();
  }, 120_000);
  afterAll(async () => {
    await pool.shutdown();
    rmSync(work, { recursive: true, force: true });
  });

  it('names the community being solved and moves the bar during the MIP stage', async () => {
    const app = await launchApp({ deps: { jobRunner: { pool } } });
    try {
      const { page } = app;
      await createProject(app, newProjectPath());
      const outcome = await importData(app, csv);
      expect(outcome.ok).toBe(true);
      await app.reload();
      await page.getByRole('button', { name: 'Generate', exact: true }).click();
      await page.getByRole('heading', { name: 'Generate a timetable' }).waitFor();
      await page.getByLabel('Time limit (seconds)').fill('30');
      await page.getByLabel('Number of variants').fill('1');
      await page.getByRole('button', { name: 'Start', exact: true }).click();

      const job = page.locator('article.job').first();
      const mipStage = job.locator('li.stage.current', { hasText: /MIP/i });
      const bar = job.getByRole('progressbar');
      const community =
        /MIP community (\d+) of (\d+) \((\d+) sessions\): \d+ s of up to \d+ s; \d+\/\d+ placed/;

      // Sample the view while the MIP stage is current.
      const seen: { text: string; percent: number }[] = [];
      await mipStage.waitFor({ timeout: 30_000 });
      while ((await mipStage.count()) > 0 && seen.length < 400) {
        const text = await job.innerText();
        const percent = Number(await bar.getAttribute('aria-valuenow'));
        seen.push({ text, percent });
        await page.waitForTimeout(100);
      }
      const named = seen.filter((s) => community.test(s.text));
      expect(named.length).toBeGreaterThan(0);
      const [, index, total, sessions] = community.exec(named[0].text) ?? [];
      expect(Number(index)).toBeGreaterThanOrEqual(1);
      expect(Number(index)).toBeLessThanOrEqual(Number(total));
      expect(Number(sessions)).toBeGreaterThan(0);
      // While one community's MIP runs the bar moves (at least two distinct values under one message
      // naming the same community), and it never goes backwards through the stage.
      const firstCommunity = named.filter((s) => s.text.includes(`MIP community ${index} of ${total}`));
      expect(new Set(firstCommunity.map((s) => s.percent)).size).toBeGreaterThan(1);
      for (let i = 1; i < seen.length; i++)
        expect(seen[i].percent).toBeGreaterThanOrEqual(seen[i - 1].percent);

      await job.getByRole('button', { name: 'Cancel' }).click();
      await page.locator('article.job[data-status="cancelled"]').waitFor({ timeout: 15_000 });
    } finally {
      await app.close();
    }
  }, 120_000);
});
