// What a rule's `courses` list names (WORKBOOK.md "Rules"): each item is a course_id (every session
// of the course) or `course_id#k` (session k of the course only, 1-based). An item that is itself a
// course_id is that course, so ids containing `#` keep their meaning.

/** One item of a rule's list: a whole course, or one session of it (1-based). */
export interface RuleMember {
  courseId: string;
  /** 1-based session number; absent = every session of the course. */
  session?: number;
}

const SESSION_REF = /^(.+)#(\d+)$/;

/**
 * Reads one item of a rule's list. `isCourse` tells which ids are courses; the result's courseId
 * may still be unknown (the caller reports it), and `session` is not checked against the course.
 */
export function ruleMember(item: string, isCourse: (id: string) => boolean): RuleMember {
  if (isCourse(item)) return { courseId: item };
  const m = SESSION_REF.exec(item);
  if (m && isCourse(m[1])) return { courseId: m[1], session: Number(m[2]) };
  return { courseId: item };
}

/** The text of a member: `course_id` or `course_id#k`. */
export function memberText(m: RuleMember): string {
  return m.session === undefined ? m.courseId : `${m.courseId}#${m.session}`;
}

/**
 * Why two members of one rule cannot be listed together (a session named twice, or a course listed
 * whole and by session), or undefined. Listing one whole course twice keeps its old meaning.
 */
export function memberClash(a: RuleMember, b: RuleMember): string | undefined {
  if (a.courseId !== b.courseId) return undefined;
  if (a.session === undefined && b.session === undefined) return undefined;
  if (a.session === b.session) return `session ${a.session} of ${a.courseId} is listed twice`;
  if (a.session !== undefined && b.session !== undefined) return undefined;
  return `${a.courseId} is listed both whole and by session (${memberText(a.session === undefined ? b : a)})`;
}
