// Which activities a FET constraint element concerns: by id list, by teacher, students set, subject
// or activity tag, or by a filter; and the rooms it names. Used by the mapping rows (constraints.ts)
// and for naming the activities in warnings.
import { child, numberOf, textOf, textsOf, type XmlElement } from './xml.ts';
import type { FetContext } from './fetContext.ts';

/** Activities of a teacher, for naming them in warnings. */
export function ofTeacher(ctx: FetContext, teacher: string): number[] {
  return [...ctx.activityById.values()].filter((a) => a.teachers.includes(teacher)).map((a) => a.id);
}

export function ofStudents(ctx: FetContext, set: string): number[] {
  const atoms = new Set(ctx.atomicOf(set));
  return [...ctx.activityById.values()]
    .filter((a) => a.students.some((s) => ctx.atomicOf(s).some((x) => atoms.has(x))))
    .map((a) => a.id);
}

export const teacherNames = (el: XmlElement, ctx: FetContext): string[] => {
  const one = textOf(el, 'Teacher_Name') ?? textOf(el, 'Teacher');
  return one === undefined ? ctx.allTeachers : [one];
};

export const subgroupNames = (el: XmlElement, ctx: FetContext): string[] => {
  const set = textOf(el, 'Students');
  return set === undefined ? ctx.allSubgroups : ctx.atomicOf(set);
};

export const byId = (el: XmlElement, ctx: FetContext): number[] => ctx.listed(el);

export const byFilter = (el: XmlElement, ctx: FetContext): number[] => ctx.matching(el).map((a) => a.id);

export const byComponent = (el: XmlElement, ctx: FetContext): number[] => {
  const k = numberOf(el, 'Component_Number') ?? 1;
  return ctx
    .matching(el)
    .filter((a) => ctx.component.get(a.id) === k)
    .map((a) => a.id);
};

export const oneRoom = (el: XmlElement): string[] => [textOf(el, 'Room') ?? ''];

export const manyRooms = (el: XmlElement): string[] => textsOf(el, 'Preferred_Room');

export const withSubject = (el: XmlElement, ctx: FetContext): number[] => {
  const s = textOf(el, 'Subject');
  return [...ctx.activityById.values()].filter((a) => a.subject === s).map((a) => a.id);
};

export const withTag = (el: XmlElement, ctx: FetContext): number[] => {
  const t = textOf(el, 'Activity_Tag');
  return [...ctx.activityById.values()].filter((a) => t !== undefined && a.tags.includes(t)).map((a) => a.id);
};

export const withSubjectAndTag = (el: XmlElement, ctx: FetContext): number[] => {
  const s = new Set(withSubject(el, ctx));
  return withTag(el, ctx).filter((id) => s.has(id));
};

/** FET home rooms concern the activities whose only students set (or only teacher) is the one named. */
export const ofOnlyStudents = (el: XmlElement, ctx: FetContext): number[] => {
  const s = textOf(el, 'Students');
  return [...ctx.activityById.values()]
    .filter((a) => a.students.length === 1 && a.students[0] === s)
    .map((a) => a.id);
};

export const ofOnlyTeacher = (el: XmlElement, ctx: FetContext): number[] => {
  const t = textOf(el, 'Teacher');
  return [...ctx.activityById.values()]
    .filter((a) => a.teachers.length === 1 && a.teachers[0] === t)
    .map((a) => a.id);
};

/** The activity ids a constraint element names in any form, for naming them in warnings. */
export function activitiesNamed(el: XmlElement, ctx: FetContext): number[] {
  const ids = [
    ...ctx.listed(el),
    ...ctx.listed(el, 'First_Activity_Id'),
    ...ctx.listed(el, 'Second_Activity_Id'),
  ];
  if (ids.length) return ids;
  const teacher = textOf(el, 'Teacher_Name') ?? textOf(el, 'Teacher');
  if (teacher) return ofTeacher(ctx, teacher);
  const students = textOf(el, 'Students') ?? textOf(el, 'Students_Name');
  if (students && ctx.atomicOf(students).length) return ofStudents(ctx, students);
  const filtered = ['Subject_Name', 'Activity_Tag_Name', 'Students_Name'].some((t) => textOf(el, t));
  if (filtered) return ctx.matching(el).map((a) => a.id);
  const tagged = child(el, 'Activity_Tag') ?? child(el, 'Subject');
  return tagged ? [...withTag(el, ctx), ...withSubject(el, ctx)] : [];
}
