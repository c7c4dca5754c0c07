// Courses `starts` as FET time constraints for the FET export: each activity (session) of a course
// that lists its starts gets ConstraintActivityPreferredStartingTimes at 100 % with those starts,
// which the FET import reads back as the same list.
import type { College } from '../../shared/model/index.ts';

type Tag = (name: string, value: string | number) => string;

export function fetStartConstraints(
  college: College,
  firstId: ReadonlyMap<string, number>,
  time: (day: number, period: number) => [string, string],
  tag: Tag,
): string[] {
  const out: string[] = [];
  for (const c of college.courses) {
    const starts = c.starts ?? [];
    const first = firstId.get(c.id);
    if (starts.length === 0 || first === undefined) continue;
    const items = starts
      .map((s) => {
        const [day, hour] = time(s.day, s.period);
        return `<Preferred_Starting_Time>${tag('Preferred_Starting_Day', day)}${tag('Preferred_Starting_Hour', hour)}</Preferred_Starting_Time>`;
      })
      .join('');
    for (let k = 0; k < c.sessions; k++)
      out.push(
        '<ConstraintActivityPreferredStartingTimes>' +
          tag('Weight_Percentage', 100) +
          tag('Activity_Id', first + k) +
          tag('Number_of_Preferred_Starting_Times', starts.length) +
          items +
          tag('Active', 'true') +
          tag('Comments', `${c.id} starts`) +
          '</ConstraintActivityPreferredStartingTimes>',
      );
  }
  return out;
}
