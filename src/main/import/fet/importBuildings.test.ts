// FET's building-change constraints (tests/fixtures/fet/buildings.fet) onto the Faculty and Groups
// columns max_building_changes_day, max_building_changes_week, min_gaps_between_building_changes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { timetableToPlacement } from '../../../shared/compiled/placement.ts';
import { evaluate } from '../../../shared/eval/evaluate.ts';
import { importFetBytes } from './importFet.ts';

const FIXTURES = join(import.meta.dirname, '../../../../tests/fixtures/fet');

async function read(name: string, edit: (xml: string) => string = (x) => x) {
  const xml = edit(await readFile(join(FIXTURES, name), 'utf8'));
  const { result, build } = importFetBytes(Buffer.from(xml), name);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const counts = (kind: string) => {
    const k = build!.kinds.get(kind);
    return k && { mapped: k.mapped, weakened: k.weakened, dropped: k.dropped };
  };
  return { c: result.college, counts };
}

const limits = (x: {
  id: string;
  maxBuildingChangesPerDay?: number;
  maxBuildingChangesPerWeek?: number;
  minGapsBetweenBuildingChanges?: number;
}) => [x.id, x.maxBuildingChangesPerDay, x.maxBuildingChangesPerWeek, x.minGapsBetweenBuildingChanges];

describe('FET building changes', () => {
  it("read as the Faculty and Groups limits (all teachers' and all students' too), rooms keep their buildings", async () => {
    const { c, counts } = await read('buildings.fet');
    expect(c.faculty.map(limits)).toEqual([
      ['T', 1, 1, 1],
      ['U', undefined, 1, undefined],
    ]);
    expect(c.groups.map(limits)).toEqual([['Y', 1, 1, 2]]);
    expect(c.rooms.map((r) => [r.id, r.building])).toEqual([
      ['A1', 'A'],
      ['A2', 'A'],
      ['B1', 'B'],
      ['Yard', undefined],
    ]);
    for (const kind of [
      'ConstraintTeacherMaxBuildingChangesPerDay',
      'ConstraintTeachersMaxBuildingChangesPerWeek',
      'ConstraintTeacherMinGapsBetweenBuildingChanges',
      'ConstraintStudentsSetMaxBuildingChangesPerDay',
      'ConstraintStudentsMaxBuildingChangesPerWeek',
      'ConstraintStudentsSetMinGapsBetweenBuildingChanges',
    ])
      expect(counts(kind), kind).toEqual({ mapped: 1, weakened: 0, dropped: 0 });
  });

  it('counts the changes of a timetable: Math in A, the Lab in B, Gym in the yard', async () => {
    const { c } = await read('buildings.fet');
    const p = compile(c);
    const course = (i: number) => c.courses[i].id;
    // Courses in activity order: Math, Math, Lab, Gym. Lab at 1-2, Math at 3 and 5, Gym at 4:
    // one change, B -> A, with no free hour before it (T's minimum 1, Y's 2: 1 each).
    const at = (courseId: string, session: number, period: number, roomId: string) => ({
      courseId,
      session,
      day: 0,
      period,
      roomId,
      locked: false,
    });
    const hard = (assignments: ReturnType<typeof at>[]) =>
      evaluate(p, timetableToPlacement(p, { assignments })).hard;
    const tight = hard([
      at(course(2), 1, 0, 'B1'),
      at(course(0), 1, 2, 'A1'),
      at(course(3), 1, 3, 'Yard'),
      at(course(1), 1, 4, 'A1'),
    ]);
    expect([tight.faculty_min_building_gaps, tight.group_min_building_gaps]).toEqual([1, 1]);
    expect([tight.faculty_max_building_changes, tight.group_max_building_changes]).toEqual([0, 0]);
    // Math, Lab, Math: two changes, one over each daily and weekly limit.
    const twice = hard([
      at(course(0), 1, 0, 'A1'),
      at(course(2), 1, 3, 'B1'),
      at(course(1), 1, 6, 'A2'),
      at(course(3), 1, 5, 'Yard'),
    ]);
    expect([twice.faculty_max_building_changes, twice.faculty_max_building_changes_per_week]).toEqual([1, 1]);
    expect([twice.group_max_building_changes, twice.group_max_building_changes_per_week]).toEqual([1, 1]);
  });

  it('lowers min gaps by the every-day break hours inside the day (FET counts them as gap hours), weakened', async () => {
    const breakAt4 = (xml: string) =>
      xml.replace(
        '</Time_Constraints_List>',
        '<ConstraintBreakTimes><Weight_Percentage>100</Weight_Percentage><Number_of_Break_Times>1</Number_of_Break_Times><Break_Time><Day>Monday</Day><Hour>4</Hour></Break_Time><Active>true</Active></ConstraintBreakTimes></Time_Constraints_List>',
      );
    const { c, counts } = await read('buildings.fet', breakAt4);
    expect(c.faculty.map(limits)[0]).toEqual(['T', 1, 1, undefined]);
    expect(c.groups.map(limits)).toEqual([['Y', 1, 1, 1]]);
    expect(counts('ConstraintStudentsSetMinGapsBetweenBuildingChanges')).toEqual({
      mapped: 0,
      weakened: 1,
      dropped: 0,
    });
    expect(counts('ConstraintTeacherMinGapsBetweenBuildingChanges')).toEqual({
      mapped: 0,
      weakened: 1,
      dropped: 0,
    });
    expect(counts('ConstraintTeacherMaxBuildingChangesPerDay')).toEqual({
      mapped: 1,
      weakened: 0,
      dropped: 0,
    });
  });

  it('drops a soft one (FET refuses them below 100 %) and every one in the mornings-afternoons mode', async () => {
    const soft = await read('buildings.fet', (xml) =>
      xml.replace(
        '<Weight_Percentage>100</Weight_Percentage><Teacher>T</Teacher><Max_Building_Changes_Per_Day>',
        '<Weight_Percentage>90</Weight_Percentage><Teacher>T</Teacher><Max_Building_Changes_Per_Day>',
      ),
    );
    expect(soft.c.faculty.map(limits)[0]).toEqual(['T', undefined, 1, 1]);
    expect(soft.counts('ConstraintTeacherMaxBuildingChangesPerDay')).toMatchObject({ mapped: 0, dropped: 1 });
    const ma = await read('mornings-afternoons.fet', (xml) =>
      xml.replace(
        '</Time_Constraints_List>',
        '<ConstraintTeacherMaxBuildingChangesPerDay><Weight_Percentage>100</Weight_Percentage><Teacher>T1</Teacher><Max_Building_Changes_Per_Day>0</Max_Building_Changes_Per_Day><Active>true</Active></ConstraintTeacherMaxBuildingChangesPerDay></Time_Constraints_List>',
      ),
    );
    expect(ma.c.faculty.map(limits)[0]).toEqual(['T1', undefined, undefined, undefined]);
    expect(ma.counts('ConstraintTeacherMaxBuildingChangesPerDay')).toEqual({
      mapped: 0,
      weakened: 0,
      dropped: 1,
    });
  });
});
