// FET's activity tags not overlapping: an activity with one of the listed tags never shares an hour
// with an activity of another listed tag, while activities of one tag may (fet-cl's own timetable of
// a block-planning file puts 39 Biology activities in 3 slots). Rules not_overlapping_parts, a part
// per tag; relations.ts turns the activities into courses (or sessions, course_id#k).
import { textsOf } from './xml.ts';
import type { Mapping } from './fetContext.ts';

export const tagsNotOverlapping: Mapping = {
  target: 'Rules not_overlapping_parts (a part per tag)',
  handle(el, ctx, w, fetKind) {
    const tags = [...new Set(textsOf(el, 'Activity_Tag'))];
    const activities: number[] = [];
    const parts: number[] = [];
    const multi: number[] = [];
    for (const a of ctx.activityById.values()) {
      const mine = tags.flatMap((t, q) => (a.tags.includes(t) ? [q] : []));
      if (mine.length > 1) multi.push(a.id);
      if (mine.length !== 1) continue;
      activities.push(a.id);
      parts.push(mine[0]);
    }
    if (multi.length > 0) {
      // FET keeps such an activity apart from the activities of each of its tags; a course is in one part.
      ctx.note(fetKind, 'dropped', [...multi, ...activities], 'an activity carries two of the listed tags');
      return;
    }
    ctx.relations.push({
      fetKind,
      kind: 'whole',
      rule: 'not_overlapping_parts',
      activities,
      parts,
      hard: w >= 100,
      weight: w,
    });
  },
};
