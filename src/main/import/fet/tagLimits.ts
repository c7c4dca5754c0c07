// FET's activity tag limits as Rules over a person's sessions with the tag (docs/WORKBOOK.md
// max_per_day and max_continuous; docs/FET.md):
// - teacher(s) activity tag max hours daily -> max_per_day over each teacher's activities with the
//   tag; students (set) activity tag max hours daily -> the same over each subgroup's;
// - the max hours continuously kinds -> max_continuous, the same way.
// FET counts the hours of the person's day that an activity with the tag occupies (an hour once),
// and a run of such hours ends at any other hour (free, a break, or an activity without the tag):
// the rules read the periods the listed sessions cover, and a period no listed session covers, or a
// break between two periods, ends a run. One rule per person with tagged activities, the same
// activity list once; a limit no day of that person can reach is kept as mapped without a rule.
// Below 100 % the rules are soft, FET's weight percentage as their weight (each period beyond
// costs it, as the hard rule counts).
import type { FetActivity } from './read.ts';
import type { FetContext, Mapping } from './fetContext.ts';
import { numberOf, textOf, type XmlElement } from './xml.ts';

type People = (el: XmlElement, ctx: FetContext) => FetActivity[][];

function tagOf(el: XmlElement): string | undefined {
  return textOf(el, 'Activity_Tag_Name') ?? textOf(el, 'Activity_Tag');
}

/** One rule of `rule` per person (`people`) over their activities with the constraint's tag. */
function tagLimit(
  target: string,
  rule: 'max_per_day' | 'max_continuous',
  field: string,
  people: People,
): Mapping {
  return {
    target,
    handle(el, ctx, w, fetKind) {
      const tag = tagOf(el);
      const value = numberOf(el, field) ?? 0;
      const all: number[] = [];
      const seen = new Set<string>();
      for (const acts of people(el, ctx)) {
        const tagged = acts.filter((a) => tag !== undefined && a.tags.includes(tag));
        const ids = tagged.map((a) => a.id).sort((a, b) => a - b);
        all.push(...ids);
        // A day holds at most hoursPerDay hours, and at most the activities' hours.
        const most = Math.min(
          ctx.hoursPerDay,
          tagged.reduce((n, a) => n + a.duration, 0),
        );
        if (ids.length === 0 || value >= most) continue;
        const key = ids.join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        // No tagged hour at all: max_per_day 0 says it (max_continuous reads 1 or more).
        const kind = value < 1 ? 'max_per_day' : rule;
        ctx.relations.push({
          fetKind,
          kind: 'whole',
          rule: kind,
          activities: ids,
          hard: w >= 100,
          weight: w,
          value,
          noted: true,
        });
      }
      ctx.note(fetKind, 'mapped', [...new Set(all)], '');
    },
  };
}

const ofTeachers: People = (el, ctx) => {
  const one = textOf(el, 'Teacher_Name') ?? textOf(el, 'Teacher');
  const acts = [...ctx.activityById.values()];
  return (one === undefined ? ctx.allTeachers : [one]).map((t) => acts.filter((a) => a.teachers.includes(t)));
};

const ofSubgroups: People = (el, ctx) => {
  const set = textOf(el, 'Students');
  const acts = [...ctx.activityById.values()];
  return (set === undefined ? ctx.allSubgroups : ctx.atomicOf(set)).map((sub) =>
    acts.filter((a) => a.students.some((s) => ctx.atomicOf(s).includes(sub))),
  );
};

const DAILY = 'Maximum_Hours_Daily';
const CONTINUOUSLY = 'Maximum_Hours_Continuously';

export const teacherTagDaily = tagLimit(
  "Rules max_per_day over each teacher's sessions with the tag",
  'max_per_day',
  DAILY,
  ofTeachers,
);
export const studentsTagDaily = tagLimit(
  "Rules max_per_day over each subgroup's sessions with the tag",
  'max_per_day',
  DAILY,
  ofSubgroups,
);
export const teacherTagContinuously = tagLimit(
  "Rules max_continuous over each teacher's sessions with the tag",
  'max_continuous',
  CONTINUOUSLY,
  ofTeachers,
);
export const studentsTagContinuously = tagLimit(
  "Rules max_continuous over each subgroup's sessions with the tag",
  'max_continuous',
  CONTINUOUSLY,
  ofSubgroups,
);
