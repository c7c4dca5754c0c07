// Browser benchmark of the Timetable screen at university scale: the real renderer build in
// Debian's Chromium (the e2e harness: real main-process handlers, a real project file) on the
// generated `sih` college (about 7k sessions) imported through import:run, with its planted
// timetable active. Prints screen entry (first visit, a return visit, and a visit after a re-import
// changed the college: the whole load again), the longest frame
// (Long Tasks API and gaps between animation frames), pick-up, drop and swap times, the first save
// after a drop, entry of the Variants screen (three versions with their KPIs) and a comparison of
// two versions there in which every session moved.
//
//   npm run bench:ui [-- --seed 1 --repeat 5 --json --help]
//
// Times are taken in the page (performance.now from the triggering click to the frame that shows
// the result), so Playwright's own round trips are not counted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { addTimetable, loadCollege, openProject } from '../../src/main/db/index.ts';
import { generateCollege } from '../../src/main/generate/index.ts';
import { writeWorkbookCsv } from '../../src/main/workbook/index.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { browserAvailable, buildRenderer, launchApp } from '../e2e/harness.ts';
import { createProject, importData, shiftedADay } from '../e2e/seed.ts';
import { installFrameMonitor, measureEntryAfterChange, measureInPage, type Timed } from './uiPage.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    repeat: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(`npm run bench:ui [-- options]

The Timetable and Variants screens in Chromium on the generated sih college (about 7k sessions)
with a planted timetable active and two more versions. Prints, per measure, the median and the
longest time and the longest frame seen (times taken in the page, click to the frame showing the
result): screen entry (first visit, return visits, after a re-import), pick-up, drop, drop until
saved, the first save, swap, Variants screen entry (until every version's KPIs show) and compare
versions (two versions in which every placed session moved, until the count and the rows show).

  --seed N      seed of the generated college (default 1)
  --repeat N    times each measure runs; the first entry and the first save run once (default 5)
  --json        print the figures as JSON
  --help        this text`);
  process.exit(0);
}
const seed = Number(values.seed);
const repeat = Math.max(1, Number(values.repeat));

if (!browserAvailable()) process.exit(1);
const work = mkdtempSync(join(tmpdir(), 'slotwise-bench-ui-'));
const log = (line: string): void => {
  if (!values.json) console.log(line);
};

try {
  log(`Building the renderer and generating the sih college (seed ${seed}) ...`);
  await buildRenderer();
  const generated = generateCollege('sih', seed);
  const csv = join(work, 'sih');
  await writeWorkbookCsv(generated.college, csv);
  const app = await launchApp({ userDataDir: join(work, 'user') });
  try {
    const file = join(work, 'sih.slotwise');
    await createProject(app, file);
    const outcome = await importData(app, csv);
    if (!outcome.ok) throw new Error(`the sih college did not import: ${outcome.errors[0]?.message}`);
    const db = openProject(file);
    try {
      const college = loadCollege(db);
      if (!college) throw new Error('no college after the import');
      const problem = compile(college);
      log(`Imported: ${problem.nSessions} sessions, ${problem.nGroups} groups, ${problem.nFaculty} faculty.`);
      const evaluation = evaluate(problem, timetableToPlacement(problem, generated.planted), {
        details: false,
      });
      addTimetable(db, {
        name: 'Planted',
        kind: 'solution',
        timetable: generated.planted,
        evaluation,
        makeActive: true,
      });
      // Two more versions for the Variants screen: a copy, and one with every session a day later
      // (compared with the planted one: every placed session moved).
      addTimetable(db, { name: 'Copy', kind: 'variant', timetable: generated.planted, evaluation });
      const shifted = shiftedADay(generated.planted, problem.nDays);
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
    await app.page.getByRole('navigation').getByRole('button', { name: 'Data' }).waitFor();
    await installFrameMonitor(app.page);
    const results = await measureInPage(app.page, repeat);
    results['screen entry (re-import)'] = await measureEntryAfterChange(app.page, async () => {
      const again = await importData(app, csv);
      if (!again.ok) throw new Error(`the sih college did not import again: ${again.errors[0]?.message}`);
    });
    print(results);
  } finally {
    await app.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

function print(r: Record<string, Timed>): void {
  if (values.json) {
    console.log(JSON.stringify(r, null, 2));
    return;
  }
  const ms = (n: number | null): string => (n === null ? 'n/a' : `${Math.round(n)} ms`);
  console.log('');
  console.log('measure                     median      max    longest frame');
  for (const [name, t] of Object.entries(r))
    console.log(
      `${name.padEnd(26)} ${ms(t.median).padStart(8)} ${ms(t.max).padStart(8)} ${ms(t.longestFrame).padStart(12)}${t.note ? `   ${t.note}` : ''}`,
    );
}
