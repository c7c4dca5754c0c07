// A timetable as a FET file (FET 6.x, Official mode): the college's days, periods, teachers,
// students, rooms and one activity per session, each placed session locked at its day, period and
// room (ConstraintActivityPreferredStartingTime / ConstraintActivityPreferredRoom, permanently
// locked), so that FET opens the timetable as it is and can compare or continue from it.
// - A gap between two periods (lunch) becomes a FET hour that is a break on every day, so a
//   multi-period session cannot span it in FET either.
// - Each group is a FET year of its own; a course lists its groups and their sub-groups, so two
//   activities share a FET students set exactly when the courses clash in the college model.
// - Rooms made by the FET import for activities without a room (`no-room:`) are not written: the
//   activity has no room constraint, as in the original file.
// - Faculty and room unavailability, allowed rooms, the head count, Courses starts (fetStarts.ts),
//   the Rules (fetRules.ts; max_per_day and max_continuous as activity tag limits, fetTagRules.ts)
//   and the Faculty/Groups limits (fetLimits.ts) are written; enrollments are not (docs/FET.md).
import type { College, Timetable } from '../../shared/model/index.ts';
import { adjacency } from '../../shared/model/periods.ts';
import { fetRuleConstraints } from './fetRules.ts';
import { fetLimitConstraints } from './fetLimits.ts';
import { fetBuildingConstraints } from './fetBuildingLimits.ts';
import { fetStartConstraints } from './fetStarts.ts';
import { fetTagRules } from './fetTagRules.ts';

const NO_ROOM_PREFIX = 'no-room:';

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\p{Cc}/gu, (ch) => (ch === '\t' || ch === '\n' || ch === '\r' ? ch : ' '));
}

const tag = (name: string, value: string | number): string => `<${name}>${esc(String(value))}</${name}>`;

export function formatFet(college: College, timetable: Timetable): string {
  const days = college.calendar.days;
  const adj = adjacency(college.periods);
  // FET hours: our periods, with a break hour after each period not adjacent to the next one.
  const hours: string[] = [];
  const hourOfPeriod: number[] = [];
  const breakHours: number[] = [];
  const used = new Set<string>();
  const unique = (name: string): string => {
    let n = name;
    for (let k = 2; used.has(n); k++) n = `${name} (${k})`;
    used.add(n);
    return n;
  };
  college.periods.forEach((p, i) => {
    hourOfPeriod.push(hours.length);
    hours.push(unique(p.label));
    if (i + 1 < college.periods.length && !adj[i]) {
      breakHours.push(hours.length);
      hours.push(unique(`${p.end}-${college.periods[i + 1].start}`));
    }
  });
  const time = (day: number, period: number): [string, string] => [days[day], hours[hourOfPeriod[period]]];

  const children = new Map<string, string[]>();
  for (const g of college.groups)
    if (g.parent) children.set(g.parent, [...(children.get(g.parent) ?? []), g.id]);
  const below = (id: string, seen = new Set<string>()): string[] => {
    if (seen.has(id)) return [];
    seen.add(id);
    return [id, ...(children.get(id) ?? []).flatMap((c) => below(c, seen))];
  };

  const groupSize = new Map(college.groups.map((g) => [g.id, g.size]));
  const realRooms = college.rooms.filter((r) => !r.id.startsWith(NO_ROOM_PREFIX));
  const realRoomIds = new Set(realRooms.map((r) => r.id));
  const subjects = [...new Set(college.courses.map((c) => c.name || c.id))];

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>', '', '<fet version="6.8.5">', '');
  // Calendar days_per_term: FET's Terms mode, the days in terms of that many days (rules over terms
  // and no days_per_term: the week is one term).
  const termRules = college.rules.some((r) => r.kind === 'max_terms' || r.kind === 'max_per_term');
  const perTerm = college.calendar.daysPerTerm ?? (termRules ? days.length : undefined);
  out.push(
    `<Mode>${perTerm !== undefined ? 'Terms' : 'Official'}</Mode>`,
    tag('Institution_Name', college.calendar.institution || 'Slotwise'),
  );
  out.push(tag('Comments', 'Written by Slotwise: every placed session is locked at its time and room.'), '');
  if (perTerm !== undefined)
    out.push(tag('Number_of_Terms', days.length / perTerm), tag('Number_of_Days_Per_Term', perTerm), '');
  out.push('<Days_List>', tag('Number_of_Days', days.length));
  for (const d of days) out.push(`<Day>${tag('Name', d)}</Day>`);
  out.push('</Days_List>', '', '<Hours_List>', tag('Number_of_Hours', hours.length));
  for (const h of hours) out.push(`<Hour>${tag('Name', h)}</Hour>`);
  out.push('</Hours_List>', '', '<Subjects_List>');
  for (const s of subjects) out.push(`<Subject>${tag('Name', s)}</Subject>`);
  // Activity ids: each course's sessions in turn, from 1.
  const firstId = new Map<string, number>();
  let nextFirst = 1;
  for (const c of college.courses) {
    firstId.set(c.id, nextFirst);
    nextFirst += c.sessions;
  }
  const courseGroups = new Map(college.courses.map((c) => [c.id, c.groups]));
  const studentsOf = (courseId: string): string[] => [
    ...new Set((courseGroups.get(courseId) ?? []).flatMap((g) => below(g))),
  ];
  const tagRules = fetTagRules(college, (id, k) => firstId.get(id)! + k - 1, studentsOf, tag);
  out.push('</Subjects_List>', '', '<Activity_Tags_List>');
  for (const t of tagRules.tags)
    out.push(`<Activity_Tag>${tag('Name', t)}${tag('Printable', 'true')}</Activity_Tag>`);
  out.push('</Activity_Tags_List>', '', '<Teachers_List>');
  for (const f of college.faculty)
    out.push(`<Teacher>${tag('Name', f.id)}${tag('Comments', f.name)}</Teacher>`);
  out.push('</Teachers_List>', '', '<Students_List>');
  for (const g of college.groups)
    out.push(
      `<Year>${tag('Name', g.id)}${tag('Number_of_Students', g.size)}${tag('Comments', g.name)}</Year>`,
    );
  out.push('</Students_List>', '', '<Activities_List>');

  const placed = new Map(timetable.assignments.map((a) => [`${a.courseId}\u0000${a.session}`, a]));
  const locks: string[] = [];
  const roomPrefs: string[] = [];
  let nextId = 1;
  for (const c of college.courses) {
    const first = nextId;
    const students = studentsOf(c.id);
    // The head count as the college states it (FET would add up the sub-groups listed as well).
    const headCount = c.students ?? c.groups.reduce((sum, g) => sum + (groupSize.get(g) ?? 0), 0);
    const allowed = c.rooms.length
      ? c.rooms.filter((r) => realRoomIds.has(r))
      : realRooms.filter((r) => r.type === c.roomType).map((r) => r.id);
    const roomless = c.rooms.length > 0 && c.rooms.every((r) => r.startsWith(NO_ROOM_PREFIX));
    for (let k = 1; k <= c.sessions; k++) {
      const id = nextId++;
      out.push(
        '<Activity>' +
          c.faculty.map((f) => tag('Teacher', f)).join('') +
          tag('Subject', c.name || c.id) +
          (tagRules.tagsOf.get(id) ?? []).map((t) => tag('Activity_Tag', t)).join('') +
          students.map((s) => tag('Students', s)).join('') +
          tag('Duration', c.length) +
          tag('Total_Duration', c.length * c.sessions) +
          tag('Id', id) +
          tag('Activity_Group_Id', c.sessions > 1 ? first : 0) +
          tag('Active', 'true') +
          tag('Comments', `${c.id} session ${k}`) +
          tag('Number_Of_Students', headCount) +
          tag('Computed_Number_Of_Students', 'false') +
          '</Activity>',
      );
      const a = placed.get(`${c.id}\u0000${k}`);
      if (a && a.day !== null && a.period !== null) {
        const [day, hour] = time(a.day, a.period);
        locks.push(
          '<ConstraintActivityPreferredStartingTime>' +
            tag('Weight_Percentage', 100) +
            tag('Activity_Id', id) +
            tag('Preferred_Day', day) +
            tag('Preferred_Hour', hour) +
            tag('Permanently_Locked', 'true') +
            tag('Active', 'true') +
            tag('Comments', '') +
            '</ConstraintActivityPreferredStartingTime>',
        );
        if (a.roomId !== null && realRoomIds.has(a.roomId))
          roomPrefs.push(
            '<ConstraintActivityPreferredRoom>' +
              tag('Weight_Percentage', 100) +
              tag('Activity_Id', id) +
              tag('Room', a.roomId) +
              tag('Permanently_Locked', 'true') +
              tag('Active', 'true') +
              tag('Comments', '') +
              '</ConstraintActivityPreferredRoom>',
          );
      }
      if (!roomless && allowed.length && !(a?.roomId && realRoomIds.has(a.roomId) && a.day !== null))
        roomPrefs.push(
          '<ConstraintActivityPreferredRooms>' +
            tag('Weight_Percentage', 100) +
            tag('Activity_Id', id) +
            tag('Number_of_Preferred_Rooms', allowed.length) +
            allowed.map((r) => tag('Preferred_Room', r)).join('') +
            tag('Active', 'true') +
            tag('Comments', '') +
            '</ConstraintActivityPreferredRooms>',
        );
    }
  }
  out.push('</Activities_List>', '', '<Buildings_List>');
  for (const b of [...new Set(realRooms.map((r) => r.building).filter((b): b is string => !!b))])
    out.push(`<Building>${tag('Name', b)}</Building>`);
  out.push('</Buildings_List>', '', '<Rooms_List>');
  for (const r of realRooms)
    out.push(
      `<Room>${tag('Name', r.id)}${tag('Building', r.building ?? '')}${tag('Capacity', r.capacity)}` +
        `${tag('Virtual', 'false')}${tag('Comments', r.name)}</Room>`,
    );
  out.push('</Rooms_List>', '', '<Time_Constraints_List>');
  out.push(
    `<ConstraintBasicCompulsoryTime>${tag('Weight_Percentage', 100)}${tag('Active', 'true')}${tag('Comments', '')}</ConstraintBasicCompulsoryTime>`,
  );
  const slotsXml = (item: string, slots: Array<{ day: number; period: number }>): string =>
    slots
      .map((s) => {
        const [d, h] = time(s.day, s.period);
        return `<${item}>${tag('Day', d)}${tag('Hour', h)}</${item}>`;
      })
      .join('');
  if (breakHours.length) {
    const breaks = days.flatMap((d) =>
      breakHours.map((h) => `<Break_Time>${tag('Day', d)}${tag('Hour', hours[h])}</Break_Time>`),
    );
    out.push(
      `<ConstraintBreakTimes>${tag('Weight_Percentage', 100)}${tag('Number_of_Break_Times', breaks.length)}${breaks.join('')}` +
        `${tag('Active', 'true')}${tag('Comments', '')}</ConstraintBreakTimes>`,
    );
  }
  for (const f of college.faculty)
    if (f.unavailable.length)
      out.push(
        `<ConstraintTeacherNotAvailableTimes>${tag('Weight_Percentage', 100)}${tag('Teacher', f.id)}` +
          `${tag('Number_of_Not_Available_Times', f.unavailable.length)}${slotsXml('Not_Available_Time', f.unavailable)}` +
          `${tag('Active', 'true')}${tag('Comments', '')}</ConstraintTeacherNotAvailableTimes>`,
      );
  const rules = fetRuleConstraints(college, (id, k) => firstId.get(id)! + k - 1, {
    time,
    hourAfter: (period) => hours[hourOfPeriod[period] + 1] ?? '',
  });
  out.push(...fetLimitConstraints(college, tag));
  out.push(...fetStartConstraints(college, firstId, time, tag));
  out.push(
    ...locks,
    ...rules.time,
    ...tagRules.constraints,
    '</Time_Constraints_List>',
    '',
    '<Space_Constraints_List>',
  );
  out.push(
    `<ConstraintBasicCompulsorySpace>${tag('Weight_Percentage', 100)}${tag('Active', 'true')}${tag('Comments', '')}</ConstraintBasicCompulsorySpace>`,
  );
  for (const r of realRooms)
    if (r.unavailable.length)
      out.push(
        `<ConstraintRoomNotAvailableTimes>${tag('Weight_Percentage', 100)}${tag('Room', r.id)}` +
          `${tag('Number_of_Not_Available_Times', r.unavailable.length)}${slotsXml('Not_Available_Time', r.unavailable)}` +
          `${tag('Active', 'true')}${tag('Comments', '')}</ConstraintRoomNotAvailableTimes>`,
      );
  out.push(...roomPrefs, ...rules.space, ...fetBuildingConstraints(college, tag));
  out.push('</Space_Constraints_List>', '', '</fet>', '');
  return out.join('\n');
}
