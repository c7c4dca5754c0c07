// Rules not_overlapping_parts as FET's activity tags not overlapping, a tag per part (`Slotwise rule
// N part q`) on the part's sessions. Rules max_per_day and max_continuous as FET activity tag limits, for the FET export (docs/FET.md):
// the rule's sessions get an activity tag of their own (`Slotwise rule N`), and the rule becomes
// FET's teacher activity tag max hours daily / continuously for a faculty member who teaches every
// listed session, else the students set's for a FET students set that attends every one. The tag
// is the rule's alone, so that person's tagged activities are exactly the rule's sessions and FET
// counts what the rule counts. A rule no one person holds is not written (FET has no such limit
// over other activities). A soft rule gets its weight as FET's weight percentage (at most 99.9).
import { ruleMember, type College } from '../../shared/model/index.ts';

export interface FetTagRules {
  /** Activity id -> the tags written on it. */
  tagsOf: Map<number, string[]>;
  /** Every tag, in order (FET's Activity_Tags_List). */
  tags: string[];
  constraints: string[];
}

/**
 * `activityId(courseId, k)`: the FET activity id of session k (1-based); `studentsOf(courseId)`:
 * the FET students sets the course's activities list; `tag(name, value)` writes an element.
 */
export function fetTagRules(
  college: College,
  activityId: (courseId: string, session: number) => number,
  studentsOf: (courseId: string) => string[],
  tag: (name: string, value: string | number) => string,
): FetTagRules {
  const out: FetTagRules = { tagsOf: new Map(), tags: [], constraints: [] };
  const courses = new Map(college.courses.map((c) => [c.id, c]));
  /** The activities of the listed members (known courses; a session number within the course). */
  const activitiesOf = (items: string[]): number[] => [
    ...new Set(
      items.flatMap((text) => {
        const m = ruleMember(text, (id) => courses.has(id));
        const n = courses.get(m.courseId)?.sessions ?? 0;
        if (m.session !== undefined) return m.session <= n ? [activityId(m.courseId, m.session)] : [];
        return Array.from({ length: n }, (_, k) => activityId(m.courseId, k + 1));
      }),
    ),
  ];
  const tagAll = (ids: number[], name: string): void => {
    out.tags.push(name);
    for (const id of ids) out.tagsOf.set(id, [...(out.tagsOf.get(id) ?? []), name]);
  };
  college.rules.forEach((rule, i) => {
    if (rule.kind === 'not_overlapping_parts') {
      // A tag per part (`Slotwise rule N part q`), and FET's activity tags not overlapping over them.
      const numbers = [...new Set(rule.parts ?? [])].sort((a, b) => a - b);
      const names = numbers.map((q) => `Slotwise rule ${i + 1} part ${q + 1}`);
      numbers.forEach((q, j) =>
        tagAll(activitiesOf(rule.courses.filter((_c, k) => rule.parts![k] === q)), names[j]),
      );
      const weight = rule.hard ? 100 : Math.min(99.9, Math.max(0, rule.weight));
      out.constraints.push(
        `<ConstraintActivityTagsNotOverlapping>${tag('Weight_Percentage', weight)}` +
          `${tag('Number_of_Activity_Tags', names.length)}${names.map((t) => tag('Activity_Tag', t)).join('')}` +
          `${tag('Active', 'true')}${tag('Comments', `Slotwise rule ${rule.kind}`)}</ConstraintActivityTagsNotOverlapping>`,
      );
      return;
    }
    if (rule.kind !== 'max_per_day' && rule.kind !== 'max_continuous') return;
    const members = rule.courses.map((text) => ruleMember(text, (id) => courses.has(id)));
    const known = members.filter((m) => courses.has(m.courseId));
    if (known.length === 0) return;
    const ids = activitiesOf(rule.courses);
    const of = [...new Set(known.map((m) => m.courseId))].map((id) => courses.get(id)!);
    const teacher = of[0].faculty.find((f) => of.every((c) => c.faculty.includes(f)));
    const students = studentsOf(of[0].id).find((s) => of.every((c) => studentsOf(c.id).includes(s)));
    if (ids.length === 0 || (teacher === undefined && students === undefined)) return;
    const name = `Slotwise rule ${i + 1}`;
    tagAll(ids, name);
    const daily = rule.kind === 'max_per_day';
    const kind = `Constraint${teacher !== undefined ? 'Teacher' : 'StudentsSet'}ActivityTagMaxHours${daily ? 'Daily' : 'Continuously'}`;
    const weight = rule.hard ? 100 : Math.min(99.9, Math.max(0, rule.weight));
    out.constraints.push(
      `<${kind}>${tag('Weight_Percentage', weight)}` +
        (teacher !== undefined
          ? `${tag('Teacher_Name', teacher)}${tag('Activity_Tag_Name', name)}`
          : `${tag('Students', students!)}${tag('Activity_Tag', name)}`) +
        tag(daily ? 'Maximum_Hours_Daily' : 'Maximum_Hours_Continuously', rule.value ?? 0) +
        `${tag('Active', 'true')}${tag('Comments', `Slotwise rule ${rule.kind}`)}</${kind}>`,
    );
  });
  return out;
}
