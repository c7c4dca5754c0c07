// FET's mornings-afternoons mode (tests/fixtures/fet/mornings-afternoons.fet): each real day (a FET
// morning and the afternoon after it) is one Calendar day, the afternoon's periods after a gap; the
// real-day kinds map exactly, the half-day ones weaker or not at all, and the 5.x builds' files are
// read as FET 6 reads them.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { timetableToPlacement } from '../../../shared/compiled/placement.ts';
import { evaluate } from '../../../shared/eval/evaluate.ts';
import { importFetBytes } from './importFet.ts';
import { ruleCosts, type FetPlace } from './testing/ruleCosts.ts';

const FIXTURE = join(import.meta.dirname, '../../../../tests/fixtures/fet/mornings-afternoons.fet');

async function read(edit: (xml: string) => string = (x) => x) {
  const xml = edit(await readFile(FIXTURE, 'utf8'));
  const { result, build } = importFetBytes(Buffer.from(xml), 'mornings-afternoons.fet');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { c: result.college, build: build! };
}

const counts = (build: Awaited<ReturnType<typeof read>>['build'], kind: string) => {
  const k = build.kinds.get(kind);
  return k && { mapped: k.mapped, weakened: k.weakened, dropped: k.dropped };
};

/** A timetable that keeps every rule; `change` moves sessions (course, session) elsewhere. */
function places(change: FetPlace[] = []): FetPlace[] {
  const base: FetPlace[] = [
    ['A1', 1, 0, 0],
    ['A1', 2, 1, 2],
    ['A3', 1, 0, 3],
    ['A4', 1, 1, 0],
    ['A5', 1, 1, 1],
  ];
  return base.map((p) => change.find((q) => q[0] === p[0] && q[1] === p[1]) ?? p);
}

describe('FET mornings-afternoons files', () => {
  it('makes a morning and its afternoon one day, the afternoon after a gap', async () => {
    const { c } = await read();
    expect(c.calendar.days).toEqual(['Mo', 'Tu']);
    expect(c.periods.map((p) => `${p.label} ${p.start}-${p.end}`)).toEqual([
      'morning 1 08:00-09:00',
      'morning 2 09:00-10:00',
      'morning 3 10:00-11:00',
      'afternoon 1 12:00-13:00',
      'afternoon 2 13:00-14:00',
      'afternoon 3 14:00-15:00',
    ]);
    // T2's not-available Tu afternoon hour 1; A3 on Mo's afternoon (FET's preferred day is a half day).
    expect(c.faculty.find((f) => f.id === 'T2')!.unavailable).toEqual([{ day: 1, period: 3 }]);
    expect(c.courses.find((x) => x.id === 'A3')!.starts).toEqual([
      { day: 0, period: 3 },
      { day: 0, period: 4 },
    ]);
  });

  it('never lets a session run from the morning into the afternoon', async () => {
    const { c } = await read((x) => x.replace(/<ConstraintActivityPreferredDay>.*\n/, ''));
    const hard = (day: number, period: number): number => {
      const problem = compile(c);
      const assignments = places([['A3', 1, day, period]]).map(([courseId, session, d, p]) => ({
        courseId,
        session,
        day: d,
        period: p,
        roomId: `no-room:${courseId}`,
        locked: false,
      }));
      return evaluate(problem, timetableToPlacement(problem, { assignments })).hardTotal;
    };
    // A 2-hour session at Tu's afternoon hours 1-2 is fine; from the morning's last hour it would
    // run into the afternoon, which FET never does (they are two days there).
    expect(hard(1, 3)).toBe(0);
    expect(hard(1, 2)).toBeGreaterThan(0);
  });

  it('maps the real-day kinds exactly and reads the half-day ones weaker or drops them', async () => {
    const { c, build } = await read();
    expect(c.faculty.map((f) => [f.id, f.maxPerDay])).toEqual([
      ['T1', 4], // 2 hours a half day: at most 4 a real day (weakened)
      ['T2', 4],
    ]);
    expect(counts(build, 'ConstraintTeacherMaxHoursDailyRealDays')).toEqual({
      mapped: 1,
      weakened: 0,
      dropped: 0,
    });
    expect(counts(build, 'ConstraintTeacherMaxHoursDaily')).toEqual({ mapped: 0, weakened: 1, dropped: 0 });
    expect(counts(build, 'ConstraintTeacherMaxGapsPerWeek')).toEqual({ mapped: 0, weakened: 0, dropped: 1 });
    for (const k of [
      'ConstraintMinDaysBetweenActivities',
      'ConstraintTwoActivitiesConsecutive',
      'ConstraintTeacherMaxAfternoonsPerWeek',
      'ConstraintActivityPreferredDay',
    ])
      expect(counts(build, k), k).toEqual({ mapped: 1, weakened: 0, dropped: 0 });
  });

  it('maps activity tag limits: the real-day daily one exactly, the half-day one at twice (weaker)', async () => {
    // T1's activities 1-3 (4 hours) carry the tag Lab.
    const tagged = (x: string) =>
      x
        .replace(/(<Id>[123]<\/Id>)/g, '<Activity_Tag>Lab</Activity_Tag>$1')
        .replace(
          '</Time_Constraints_List>',
          '<ConstraintTeacherActivityTagMaxHoursDailyRealDays><Weight_Percentage>100</Weight_Percentage><Teacher_Name>T1</Teacher_Name><Activity_Tag_Name>Lab</Activity_Tag_Name><Maximum_Hours_Daily>3</Maximum_Hours_Daily><Active>true</Active></ConstraintTeacherActivityTagMaxHoursDailyRealDays>\n' +
            '<ConstraintTeachersActivityTagMaxHoursDaily><Weight_Percentage>100</Weight_Percentage><Activity_Tag_Name>Lab</Activity_Tag_Name><Maximum_Hours_Daily>1</Maximum_Hours_Daily><Active>true</Active></ConstraintTeachersActivityTagMaxHoursDaily>\n' +
            '</Time_Constraints_List>',
        );
    const { c, build } = await read(tagged);
    const limits = c.rules.filter((r) => r.kind === 'max_per_day').map((r) => [r.courses.join(';'), r.value]);
    // One course per activity group: A1 (activities 1 and 2) and A3.
    expect(limits).toEqual([
      ['A1;A3', 3],
      ['A1;A3', 2],
    ]);
    expect(counts(build, 'ConstraintTeacherActivityTagMaxHoursDailyRealDays')).toEqual({
      mapped: 1,
      weakened: 0,
      dropped: 0,
    });
    expect(counts(build, 'ConstraintTeachersActivityTagMaxHoursDaily')).toEqual({
      mapped: 0,
      weakened: 1,
      dropped: 0,
    });
  });

  it("keeps FET's meaning: min days on real days, consecutive within a half day, afternoons per day", async () => {
    const { c } = await read();
    expect(ruleCosts(c, places()).hard).toBe(0);
    // Both parts of activity 1 on Monday, morning and afternoon: one real day, too close.
    expect(ruleCosts(c, places([['A1', 2, 0, 5]])).hard).toBeGreaterThan(0);
    // 4 at the morning's last hour, 5 at the afternoon's first: not consecutive in FET either.
    expect(
      ruleCosts(
        c,
        places([
          ['A4', 1, 0, 2],
          ['A5', 1, 0, 3],
        ]),
      ).hard,
    ).toBe(1);
    // T1 on two afternoons (Mo with activity 3, Tu with activity 1's second part): one too many.
    expect(ruleCosts(c, places([['A1', 2, 1, 5]])).hard).toBe(1);
  });

  it("reads a 5.x build's file as FET 6 does: its max hours daily counts real days", async () => {
    const { c, build } = await read((x) =>
      x.replace('<fet version="6.9.0">\n<Mode>Mornings_Afternoons</Mode>', '<fet version="5.27.3-algeria9">'),
    );
    expect(c.calendar.days).toEqual(['Mo', 'Tu']);
    expect(c.faculty.map((f) => [f.id, f.maxPerDay])).toEqual([
      ['T1', 2],
      ['T2', 4],
    ]);
    expect(counts(build, 'ConstraintTeacherMaxHoursDailyRealDays')).toEqual({
      mapped: 2,
      weakened: 0,
      dropped: 0,
    });
  });

  it('refuses an odd number of half days, located at the days list', async () => {
    const xml = (await readFile(FIXTURE, 'utf8')).replace('<Day><Name>Tu A</Name></Day>', '');
    const { result } = importFetBytes(Buffer.from(xml), 'odd.fet');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0].message).toMatch(/defines 3 days, an odd number.*\(line 10, column \d+\)$/);
  });
});
