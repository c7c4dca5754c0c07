// FET's preferred starting times become Courses `starts`, exactly: a session may start only where
// FET allows it, also where another start would fit between two allowed ones. Below 100 % they
// become a soft preferred_starts rule instead.
import { describe, expect, it } from 'vitest';
import type { College } from '../../../shared/model/index.ts';
import { compile } from '../../../shared/compiled/compile.ts';
import { timetableToPlacement } from '../../../shared/compiled/placement.ts';
import { evaluate } from '../../../shared/eval/evaluate.ts';
import { importFetBytes } from './importFet.ts';

const startingTimes = (id: number, weight: number, hours: Array<[string, string]>): string =>
  `<ConstraintActivityPreferredStartingTimes><Weight_Percentage>${weight}</Weight_Percentage><Activity_Id>${id}</Activity_Id>` +
  `<Number_of_Preferred_Starting_Times>${hours.length}</Number_of_Preferred_Starting_Times>` +
  hours
    .map(
      ([d, h]) =>
        `<Preferred_Starting_Time><Preferred_Starting_Day>${d}</Preferred_Starting_Day><Preferred_Starting_Hour>${h}</Preferred_Starting_Hour></Preferred_Starting_Time>`,
    )
    .join('') +
  '<Active>true</Active></ConstraintActivityPreferredStartingTimes>';

const activity = (id: number, teacher: string, duration: number): string =>
  `<Activity><Teacher>${teacher}</Teacher><Subject>S${id}</Subject><Students>Y${id}</Students><Duration>${duration}</Duration>` +
  `<Total_Duration>${duration}</Total_Duration><Id>${id}</Id><Activity_Group_Id>0</Activity_Group_Id><Active>true</Active></Activity>`;

/** Two days of four hours; activity 1 (2 hours) may start at 1 or 3, 2 (1 hour) at Tue 2; 3 softly at Mon 1. */
const FILE = `<?xml version="1.0" encoding="UTF-8"?>
<fet version="6.8.5">
<Days_List><Number_of_Days>2</Number_of_Days><Day><Name>Mon</Name></Day><Day><Name>Tue</Name></Day></Days_List>
<Hours_List><Number_of_Hours>4</Number_of_Hours><Hour><Name>1</Name></Hour><Hour><Name>2</Name></Hour><Hour><Name>3</Name></Hour><Hour><Name>4</Name></Hour></Hours_List>
<Subjects_List><Subject><Name>S1</Name></Subject><Subject><Name>S2</Name></Subject><Subject><Name>S3</Name></Subject></Subjects_List>
<Teachers_List><Teacher><Name>T1</Name></Teacher><Teacher><Name>T2</Name></Teacher></Teachers_List>
<Students_List><Year><Name>Y1</Name><Number_of_Students>30</Number_of_Students></Year><Year><Name>Y2</Name><Number_of_Students>30</Number_of_Students></Year><Year><Name>Y3</Name><Number_of_Students>30</Number_of_Students></Year></Students_List>
<Activities_List>${activity(1, 'T1', 2)}${activity(2, 'T2', 1)}${activity(3, 'T2', 1)}</Activities_List>
<Rooms_List></Rooms_List>
<Time_Constraints_List>
<ConstraintBasicCompulsoryTime><Weight_Percentage>100</Weight_Percentage><Active>true</Active></ConstraintBasicCompulsoryTime>
${startingTimes(1, 100, [
  ['Mon', '1'],
  ['Mon', '3'],
  ['Tue', '1'],
  ['Tue', '3'],
])}
${startingTimes(2, 100, [['Tue', '2']])}
${startingTimes(3, 50, [['Mon', '1']])}
</Time_Constraints_List>
<Space_Constraints_List></Space_Constraints_List>
</fet>`;

function imported(): {
  c: College;
  kinds: Map<string, { mapped: number; weakened: number; dropped: number }>;
} {
  const { result, build } = importFetBytes(Buffer.from(FILE), 'starts.fet');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { c: result.college, kinds: build!.kinds };
}

describe('FET preferred starting times', () => {
  it('become Courses starts, mapped exactly; a soft one a soft preferred_starts rule, not starts', () => {
    const { c, kinds } = imported();
    const course = (id: string): College['courses'][number] => c.courses.find((x) => x.id === id)!;
    expect(course('A1').starts).toEqual([
      { day: 0, period: 0 },
      { day: 0, period: 2 },
      { day: 1, period: 0 },
      { day: 1, period: 2 },
    ]);
    expect(course('A2').starts).toEqual([{ day: 1, period: 1 }]);
    expect(course('A3').starts).toBeUndefined();
    expect(c.rules).toEqual([
      { kind: 'preferred_starts', courses: ['A3'], hard: false, weight: 50, slots: [{ day: 0, period: 0 }] },
    ]);
    expect(kinds.get('ConstraintActivityPreferredStartingTimes')).toMatchObject({
      mapped: 3,
      weakened: 0,
      dropped: 0,
    });
  });

  it('counts a session starting between two allowed starts, which unavailable periods alone would allow', () => {
    const { c } = imported();
    const p = compile(c);
    const at = (period: number): number =>
      evaluate(
        p,
        timetableToPlacement(p, {
          assignments: [{ courseId: 'A1', session: 1, day: 0, period, roomId: 'no-room:A1', locked: false }],
        }),
      ).hard.course_unavailable;
    // Mon 2-3 lies inside the periods the allowed starts cover, but FET does not let it start at 2.
    expect([0, 1, 2].map(at)).toEqual([0, 1, 0]);
  });
});
