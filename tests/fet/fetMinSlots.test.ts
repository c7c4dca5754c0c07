// FET's activities occupy min time slots from selection (tests/fixtures/fet/min-slots.fet) as Rules
// min_slots: the import (a selected break hour left out, a soft copy dropped), the count on hand-given
// timetables, FET's own timetable for the fixture at hard 0, and the FET export read back as the same
// rule, whose fet-cl timetable keeps it too.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatFet } from '../../src/main/export/fet.ts';
import { importFetBytes } from '../../src/main/import/fet/importFet.ts';
import { timetableFromFixed } from '../../src/main/import/fet/fixedTimetable.ts';
import { ruleCosts } from '../../src/main/import/fet/testing/ruleCosts.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import type { College } from '../../src/shared/model/types.ts';
import { FET_CL } from './fetFiles.ts';
import { runFetCl } from './fetCl.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/fet/min-slots.fet');
const tmp = mkdtempSync(join(tmpdir(), 'slotwise-fet-min-slots-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function read(text = readFileSync(FIXTURE, 'utf8')) {
  const { result, build } = importFetBytes(Buffer.from(text), 'min-slots.fet');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { c: result.college, build: build! };
}

/** FET's timetable (fet-cl's for the fixture): A3 Mo 1-2, A1 We 4, A1's second part Tu 3, A4 Tu 4. */
const fets: Array<[string, number, number, number]> = [
  ['A1', 1, 2, 3],
  ['A1', 2, 1, 2],
  ['A3', 1, 0, 0],
  ['A4', 1, 1, 3],
];

/** Timetables of A1's two sessions and A3, each its own room; period 2 is hour 3 (after the break). */
const hard = (c: College, places = fets): number => ruleCosts(c, places).hard;

describe('FET activities occupy min time slots from selection', () => {
  it('maps onto min_slots over the activities, the selected break hour left out', () => {
    const { c, build } = read();
    expect(c.rules).toEqual([
      {
        kind: 'min_slots',
        courses: ['A1', 'A3'],
        hard: true,
        weight: 1,
        value: 4,
        slots: [
          { day: 0, period: 0 },
          { day: 0, period: 1 },
          { day: 1, period: 2 },
          { day: 2, period: 3 },
        ],
      },
    ]);
    expect(build.kinds.get('ConstraintActivitiesOccupyMinTimeSlotsFromSelection')).toMatchObject({
      mapped: 1,
      dropped: 0,
    });
  });

  it('drops a soft one (FET has it at 100 % only)', () => {
    const { c, build } = read(
      readFileSync(FIXTURE, 'utf8').replace(
        '<ConstraintActivitiesOccupyMinTimeSlotsFromSelection><Weight_Percentage>100<',
        '<ConstraintActivitiesOccupyMinTimeSlotsFromSelection><Weight_Percentage>90<',
      ),
    );
    expect(c.rules).toEqual([]);
    expect(build.kinds.get('ConstraintActivitiesOccupyMinTimeSlotsFromSelection')).toMatchObject({
      mapped: 0,
      dropped: 1,
    });
  });

  it("scores FET's timetable at 0 and 1 per listed slot short of the minimum", () => {
    const { c } = read();
    expect(hard(c)).toBe(0);
    // A3 on We 1-2: Mo 1 and Mo 2 uncovered.
    const a3 = fets.map((x): [string, number, number, number] => (x[0] === 'A3' ? ['A3', 1, 2, 0] : x));
    expect(hard(c, a3)).toBe(2);
    // A1's sessions off the list as well (Tu 1, We 1): none covered.
    const off = a3.map((x): [string, number, number, number] => (x[0] === 'A1' ? ['A1', x[1], x[1], 0] : x));
    expect(hard(c, off)).toBe(4);
  });

  const hasFet = existsSync(FET_CL);
  it.skipIf(!hasFet)(
    'keeps the timetable fet-cl makes for the fixture at hard 0, every session fixed',
    () => {
      const out = join(tmp, 'fixture');
      const log = runFetCl(FIXTURE, out, 30);
      expect(log).toMatch(/Simulation successful/);
      const { c } = read(
        readFileSync(join(out, 'timetables', 'min-slots', 'min-slots_data_and_timetable.fet'), 'utf8'),
      );
      expect(c.rules.map((r) => r.kind)).toEqual(['min_slots']);
      const { timetable, fixedSessions, sessions } = timetableFromFixed(c);
      expect(fixedSessions).toBe(sessions);
      const p = compile(c);
      expect(evaluate(p, timetableToPlacement(p, timetable)).hardTotal).toBe(0);
    },
  );

  it('is exported as the same FET constraint, read back as the same rule', () => {
    const { c } = read();
    const text = formatFet(c, { assignments: [] });
    expect(text).toContain('<Min_Number_of_Occupied_Time_Slots>4</Min_Number_of_Occupied_Time_Slots>');
    const back = read(text).c;
    expect(back.rules.map((r) => [r.kind, r.courses.length, r.value, r.slots])).toEqual(
      c.rules.map((r) => [r.kind, r.courses.length, r.value, r.slots]),
    );
  });

  it.skipIf(!hasFet)('fet-cl keeps the exported rule as the evaluator reads it', () => {
    const input = join(tmp, 'export.fet');
    writeFileSync(input, formatFet(read().c, { assignments: [] }));
    const out = join(tmp, 'export');
    const log = runFetCl(input, out, 30);
    expect(log).toMatch(/Simulation successful/);
    const { c } = read(
      readFileSync(join(out, 'timetables', 'export', 'export_data_and_timetable.fet'), 'utf8'),
    );
    expect(c.rules.map((r) => r.kind)).toEqual(['min_slots']);
    const p = compile(c);
    expect(evaluate(p, timetableToPlacement(p, timetableFromFixed(c).timetable)).hardTotal).toBe(0);
  });
});
