// `slotwise import college.fet`: the FET importer through the CLI (worker thread, project file,
// `--json` with the per-kind warnings).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCollege, openProject } from '../../main/db/index.ts';
import { main } from '../main.ts';
import type { ImportReport } from './import.ts';
import { captureCli } from '../../../tests/fixtures/cliCapture.ts';

const FET = join(import.meta.dirname, '../../../tests/fixtures/fet');
const cli = captureCli('slotwise-cli-import-fet-');

describe('slotwise import <file.fet>', () => {
  it('stores the college and lists what FET said that the contract cannot, in --json', async () => {
    const file = join(cli.dir, 'fet.slotwise');
    // The fixture's teacher building-change limit is imported (a Faculty column); a constraint the
    // contract has no word for (max room changes) is added to a copy of it for the warning.
    const fet = join(cli.dir, 'constraints.fet');
    const xml = readFileSync(join(FET, 'constraints.fet'), 'utf8').replace(
      '</Space_Constraints_List>',
      '<ConstraintTeacherMaxRoomChangesPerDay><Weight_Percentage>100</Weight_Percentage><Teacher_Name>T1</Teacher_Name><Max_Room_Changes_Per_Day>1</Max_Room_Changes_Per_Day><Active>true</Active></ConstraintTeacherMaxRoomChangesPerDay></Space_Constraints_List>',
    );
    writeFileSync(fet, xml);
    expect(await main(['import', fet, '--db', file, '--json'])).toBe(0);
    const report = JSON.parse(cli.out.join('\n')) as ImportReport;
    if (!report.ok) throw new Error(JSON.stringify(report.errors));
    // 10 rules: TwoActivitiesGrouped is one too (adjacent), and the min days between activities 1
    // and 3 (one session of each of two split activities) names those sessions (A1#1, A3#1).
    expect(report.counts).toMatchObject({ Activities: 12, Courses: 10, Fixed: 1, Rules: 10 });
    const dropped = report.warnings.find((w) => w.sheet === 'ConstraintTeacherMaxRoomChangesPerDay');
    expect(dropped?.message).toMatch(/not imported.*Activities: 1, 2, 12/);
    expect(report.warnings.map((w) => w.sheet)).not.toContain('ConstraintTeacherMaxBuildingChangesPerDay');
    const db = openProject(file, { create: false });
    try {
      const college = loadCollege(db);
      expect(college?.source).toEqual({ kind: 'fet', name: 'constraints.fet' });
      expect(college?.courses).toHaveLength(10);
      expect(college?.faculty.find((f) => f.id === 'T1')?.maxBuildingChangesPerDay).toBe(1);
      expect(college?.rules).toContainEqual(
        expect.objectContaining({ kind: 'min_days_between', courses: ['A1#1', 'A3#1'], value: 1 }),
      );
    } finally {
      db.close();
    }
  });

  it('refuses a file that is not FET XML with its line, and saves nothing', async () => {
    const file = join(cli.dir, 'bad.slotwise');
    expect(await main(['import', join(FET, 'not-fet.fet'), '--db', file, '--json'])).toBe(1);
    const report = JSON.parse(cli.out.join('\n')) as ImportReport;
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.errors[0]).toMatchObject({ file: 'not-fet.fet', row: 2 });
    expect(existsSync(file)).toBe(false);
  });
});
