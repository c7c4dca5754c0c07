// A college read back from a project file must hold together: every id a course, group,
// enrollment or fixed session names is in the file. A file whose rows were deleted or edited
// outside Slotwise is refused at load with what is missing, instead of failing later in a solve.
import { ruleMember, type College } from '../../shared/model/index.ts';

/** The first dangling reference, in words, or undefined when every reference resolves. */
export function danglingReference(college: College): string | undefined {
  const ids = <T extends { id: string }>(items: readonly T[]): Set<string> => new Set(items.map((x) => x.id));
  const rooms = ids(college.rooms);
  const faculty = ids(college.faculty);
  const groups = ids(college.groups);
  const courses = ids(college.courses);
  const students = ids(college.students);
  for (const c of college.courses) {
    const f = c.faculty.find((x) => !faculty.has(x));
    if (f !== undefined) return `course "${c.id}" names faculty member "${f}"`;
    const g = c.groups.find((x) => !groups.has(x));
    if (g !== undefined) return `course "${c.id}" names group "${g}"`;
    const r = c.rooms.find((x) => !rooms.has(x));
    if (r !== undefined) return `course "${c.id}" names room "${r}"`;
  }
  for (const g of college.groups)
    if (g.parent !== undefined && !groups.has(g.parent)) return `group "${g.id}" names parent "${g.parent}"`;
  for (const s of college.students) {
    const g = s.groups.find((x) => !groups.has(x));
    if (g !== undefined) return `student "${s.id}" names group "${g}"`;
  }
  for (const e of college.enrollments) {
    if (!students.has(e.studentId)) return `an enrollment names student "${e.studentId}"`;
    if (!courses.has(e.courseId)) return `an enrollment names course "${e.courseId}"`;
  }
  for (const f of college.fixed) {
    if (!courses.has(f.courseId)) return `a fixed session names course "${f.courseId}"`;
    if (f.roomId !== undefined && !rooms.has(f.roomId)) return `a fixed session names room "${f.roomId}"`;
  }
  const sessions = new Map(college.courses.map((c) => [c.id, c.sessions]));
  for (const r of college.rules)
    for (const x of r.courses) {
      // An item is a course_id or course_id#k (session k of it).
      const m = ruleMember(x, (id) => courses.has(id));
      if (!courses.has(m.courseId)) return `a ${r.kind} rule names course "${x}"`;
      if (m.session !== undefined && m.session > (sessions.get(m.courseId) ?? 0))
        return `a ${r.kind} rule names session ${m.session} of course "${m.courseId}", which has ${sessions.get(m.courseId)}`;
    }
  return undefined;
}
