// The FET constraint mapping in one table: for each FET constraint element, what it becomes in the
// college model (docs/FET.md lists the same). A handler reads one active constraint and records it
// in the FetContext (build.ts turns that into course/faculty/group/room fields, Fixed rows and
// Rules). Constraint elements not in the table are reported as dropped, per kind, with the
// activities they concern. To map a new contract column, add (or change) one row here.
import {
  studentsTagContinuously,
  studentsTagDaily,
  teacherTagContinuously,
  teacherTagDaily,
} from './tagLimits.ts';
import {
  maxSimultaneous,
  maxTotalInSlots,
  minSimultaneous,
  occupyMaxSlots,
  occupyMinSlots,
  studentsIntervalDays,
  teacherIntervalDays,
} from './slotConstraints.ts';
import { numberOf, textOf } from './xml.ts';
import {
  addAll,
  intersect,
  notAvailable,
  preferSlots,
  relation,
  restLimit,
  roomPreference,
  spanLimit,
  startTimes,
  studentsLimit,
  teacherLimit,
  terms,
} from './constraintMappings.ts';
import {
  byComponent,
  byFilter,
  byId,
  manyRooms,
  ofOnlyStudents,
  ofOnlyTeacher,
  ofStudents,
  ofTeacher,
  oneRoom,
  withSubject,
  withSubjectAndTag,
  withTag,
} from './activitySelectors.ts';
import type { Mapping } from './fetContext.ts';
import { BUILDING_CONSTRAINTS } from './buildingChanges.ts';
import { tagsNotOverlapping } from './tagsNotOverlapping.ts';

export const FET_CONSTRAINTS: Record<string, Mapping> = {
  ConstraintBasicCompulsoryTime: {
    target: 'no two sessions of a teacher or a students subgroup at once (always checked)',
    handle: (_el, ctx, _w, kind) => ctx.note(kind, 'mapped', [], ''),
  },
  ConstraintBasicCompulsorySpace: {
    target: 'no two sessions in one room at once, room capacity (always checked)',
    handle: (_el, ctx, _w, kind) => ctx.note(kind, 'mapped', [], ''),
  },
  ConstraintBreakTimes: {
    target:
      'an hour that is a break on every day is left out of Periods (a gap); other break hours: course unavailable',
    hardOnly: true,
    handle(el, ctx, _w, kind) {
      for (const s of ctx.slots(el, 'Break_Time', 'Day', 'Hour')) ctx.breaks.add(s);
      ctx.note(kind, 'mapped', [], '');
    },
  },
  ConstraintTeacherNotAvailableTimes: notAvailable('Faculty unavailable', 'Teacher', (ctx, t, slots) => {
    addAll(ctx.teacherUnavailable, t, slots);
    return ofTeacher(ctx, t);
  }),
  ConstraintStudentsSetNotAvailableTimes: notAvailable(
    'unavailable of every course the students set attends',
    'Students',
    (ctx, s, slots) => {
      const ids = ofStudents(ctx, s);
      for (const atom of ctx.atomicOf(s)) addAll(ctx.subgroupUnavailable, atom, slots);
      for (const id of ids) addAll(ctx.forbidOccupy, id, slots);
      return ids;
    },
  ),
  ConstraintRoomNotAvailableTimes: notAvailable('Rooms unavailable', 'Room', (ctx, r, slots) => {
    addAll(ctx.roomUnavailable, r, slots);
    return [];
  }),
  ConstraintActivityPreferredStartingTime: {
    target: 'Fixed (day and hour given), else Courses starts; below 100 %: a soft Rules preferred_starts',
    handle(el, ctx, w, kind) {
      const [id] = ctx.listed(el);
      if (id === undefined) return;
      const day = textOf(el, 'Preferred_Day') ?? '';
      const hour = textOf(el, 'Preferred_Hour') ?? '';
      const slots = ctx.timeSlots(el, day, hour);
      if (w < 100) {
        preferSlots(ctx, kind, [id], w, slots, false);
        return;
      }
      if (day !== '' && hour !== '' && slots.length === 1) {
        const H = ctx.hoursPerDay;
        ctx.fixedStart.set(id, { day: Math.floor(slots[0] / H), hour: slots[0] % H });
      } else {
        intersect(ctx.allowStart, id, slots);
      }
      ctx.note(kind, 'mapped', [id], '');
    },
  },
  ConstraintActivityPreferredStartingTimes: startTimes(
    'Preferred_Starting_Time',
    'Preferred_Starting_Day',
    'Preferred_Starting_Hour',
    byId,
    false,
    'Courses starts (and unavailable: the periods no allowed start covers); below 100 %: a soft Rules preferred_starts',
  ),
  ConstraintActivitiesPreferredStartingTimes: startTimes(
    'Preferred_Starting_Time',
    'Preferred_Starting_Day',
    'Preferred_Starting_Hour',
    byFilter,
    false,
    'Courses starts (and unavailable: the periods no allowed start covers); below 100 %: a soft Rules preferred_starts',
  ),
  ConstraintSubactivitiesPreferredStartingTimes: startTimes(
    'Preferred_Starting_Time',
    'Preferred_Starting_Day',
    'Preferred_Starting_Hour',
    byComponent,
    false,
    'Courses starts (and unavailable: the periods no allowed start covers); below 100 %: a soft Rules preferred_starts',
  ),
  ConstraintActivityPreferredTimeSlots: startTimes(
    'Preferred_Time_Slot',
    'Preferred_Day',
    'Preferred_Hour',
    byId,
    true,
    'course unavailable (the periods not allowed), and starts where that alone would allow more; below 100 %: a soft Rules preferred_slots',
  ),
  ConstraintActivitiesPreferredTimeSlots: startTimes(
    'Preferred_Time_Slot',
    'Preferred_Day',
    'Preferred_Hour',
    byFilter,
    true,
    'course unavailable (the periods not allowed), and starts where that alone would allow more; below 100 %: a soft Rules preferred_slots',
  ),
  ConstraintSubactivitiesPreferredTimeSlots: startTimes(
    'Preferred_Time_Slot',
    'Preferred_Day',
    'Preferred_Hour',
    byComponent,
    true,
    'course unavailable (the periods not allowed), and starts where that alone would allow more; below 100 %: a soft Rules preferred_slots',
  ),
  ConstraintActivitiesSameStartingTime: relation('same_time', 'pairwise', 'Rules same_time', byId),
  ConstraintActivitiesSameStartingDay: relation('same_day', 'pairwise', 'Rules same_day', byId),
  ConstraintTwoActivitiesConsecutive: relation('consecutive', 'pairwise', 'Rules consecutive', (el, ctx) => [
    ...ctx.listed(el, 'First_Activity_Id'),
    ...ctx.listed(el, 'Second_Activity_Id'),
  ]),
  ConstraintTwoActivitiesGrouped: relation('adjacent', 'pairwise', 'Rules adjacent', (el, ctx) => [
    ...ctx.listed(el, 'First_Activity_Id'),
    ...ctx.listed(el, 'Second_Activity_Id'),
  ]),
  // FET ignores the constraint when one of the three is inactive (fet-cl keeps the other two apart).
  ConstraintThreeActivitiesGrouped: relation('grouped', 'pairwise', 'Rules grouped', (el, ctx) => {
    const acts = ['First', 'Second', 'Third'].flatMap((t) => ctx.listed(el, `${t}_Activity_Id`));
    return acts.length === 3 ? acts : [];
  }),
  ConstraintActivitiesSameStartingHour: relation('same_period', 'pairwise', 'Rules same_period', byId),
  ConstraintTwoActivitiesOrdered: relation('ordered', 'pairwise', 'Rules ordered', (el, ctx) => [
    ...ctx.listed(el, 'First_Activity_Id'),
    ...ctx.listed(el, 'Second_Activity_Id'),
  ]),
  ConstraintTwoActivitiesOrderedIfSameDay: relation(
    'ordered_if_same_day',
    'pairwise',
    'Rules ordered_if_same_day',
    (el, ctx) => [...ctx.listed(el, 'First_Activity_Id'), ...ctx.listed(el, 'Second_Activity_Id')],
  ),
  ConstraintActivitiesNotOverlapping: relation('not_overlapping', 'whole', 'Rules not_overlapping', byId),
  ConstraintActivityTagsNotOverlapping: tagsNotOverlapping,
  ConstraintMinDaysBetweenActivities: relation(
    'min_days',
    'whole',
    'Rules min_days_apart (the sessions of one course), different_days (several courses, 1 day) or min_days_between (several courses, with min_days_apart on each course of several sessions); "consecutive if on the same day" below 100 %: also a hard adjacent_if_same_day over the same courses',
    byId,
    (el) => numberOf(el, 'MinDays'),
  ),
  ConstraintMinGapsBetweenActivities: relation(
    'min_gap',
    'whole',
    'Rules min_gap (not in a file with a break inside the day: FET counts the break hour as a gap)',
    byId,
    (el) => numberOf(el, 'MinGaps'),
  ),
  ConstraintMaxDaysBetweenActivities: relation(
    'max_days_apart',
    'whole',
    'Rules max_days_apart (every pair of the activities, also parts of one split activity)',
    byId,
    (el) => numberOf(el, 'MaxDays'),
  ),
  ConstraintActivityEndsStudentsDay: relation(
    'ends_day',
    'whole',
    'Rules ends_day (nothing later that day for any subgroup of the activity)',
    byId,
  ),
  ConstraintActivitiesEndStudentsDay: relation(
    'ends_day',
    'whole',
    'Rules ends_day over the activities the filter selects',
    byFilter,
  ),
  ConstraintActivitiesSameRoomIfConsecutive: relation(
    'same_room_if_consecutive',
    'whole',
    'Rules same_room_if_consecutive (back to back: the next hour, no break between)',
    byId,
  ),
  ConstraintActivitiesOccupyMaxTerms: terms(
    relation(
      'max_terms',
      'whole',
      'Rules max_terms (Calendar days_per_term from the Terms mode)',
      byId,
      (el) => numberOf(el, 'Max_Number_of_Occupied_Terms'),
    ),
  ),
  ConstraintActivitiesMaxInATerm: terms(
    relation(
      'max_per_term',
      'whole',
      'Rules max_per_term (Calendar days_per_term from the Terms mode)',
      byId,
      (el) => numberOf(el, 'Max_Number_of_Activities_in_A_Term'),
    ),
  ),
  ConstraintActivitiesOccupyMaxTimeSlotsFromSelection: occupyMaxSlots,
  ConstraintActivitiesOccupyMinTimeSlotsFromSelection: occupyMinSlots,
  ConstraintActivitiesMaxSimultaneousInSelectedTimeSlots: maxSimultaneous,
  ConstraintActivitiesMinSimultaneousInSelectedTimeSlots: minSimultaneous,
  ConstraintMaxTotalActivitiesFromSetInSelectedTimeSlots: maxTotalInSlots,
  ConstraintTeacherIntervalMaxDaysPerWeek: teacherIntervalDays,
  ConstraintTeachersIntervalMaxDaysPerWeek: teacherIntervalDays,
  ConstraintStudentsSetIntervalMaxDaysPerWeek: studentsIntervalDays,
  ConstraintStudentsIntervalMaxDaysPerWeek: studentsIntervalDays,
  ConstraintTeacherActivityTagMaxHoursDaily: teacherTagDaily,
  ConstraintTeachersActivityTagMaxHoursDaily: teacherTagDaily,
  ConstraintStudentsSetActivityTagMaxHoursDaily: studentsTagDaily,
  ConstraintStudentsActivityTagMaxHoursDaily: studentsTagDaily,
  ConstraintTeacherActivityTagMaxHoursContinuously: teacherTagContinuously,
  ConstraintTeachersActivityTagMaxHoursContinuously: teacherTagContinuously,
  ConstraintStudentsSetActivityTagMaxHoursContinuously: studentsTagContinuously,
  ConstraintStudentsActivityTagMaxHoursContinuously: studentsTagContinuously,
  ConstraintActivitiesOccupyMaxDifferentRooms: relation(
    'same_room',
    'whole',
    'Rules same_room (at most 1 room)',
    byId,
    (el) => numberOf(el, 'Max_Number_of_Different_Rooms'),
  ),
  ConstraintTeacherMaxHoursDaily: teacherLimit('maxPerDay', 'Maximum_Hours_Daily', 'Faculty max_per_day'),
  ConstraintTeachersMaxHoursDaily: teacherLimit('maxPerDay', 'Maximum_Hours_Daily', 'Faculty max_per_day'),
  ConstraintTeacherMaxDaysPerWeek: teacherLimit('maxDays', 'Max_Days_Per_Week', 'Faculty max_days'),
  ConstraintTeachersMaxDaysPerWeek: teacherLimit('maxDays', 'Max_Days_Per_Week', 'Faculty max_days'),
  ConstraintTeacherMaxGapsPerDay: teacherLimit('maxGapsPerDay', 'Max_Gaps', 'Faculty max_gaps_per_day'),
  ConstraintTeachersMaxGapsPerDay: teacherLimit('maxGapsPerDay', 'Max_Gaps', 'Faculty max_gaps_per_day'),
  ConstraintTeacherMaxGapsPerWeek: teacherLimit('maxGapsPerWeek', 'Max_Gaps', 'Faculty max_gaps_per_week'),
  ConstraintTeachersMaxGapsPerWeek: teacherLimit('maxGapsPerWeek', 'Max_Gaps', 'Faculty max_gaps_per_week'),
  ConstraintTeacherMinHoursDaily: teacherLimit('minPerDay', 'Minimum_Hours_Daily', 'Faculty min_per_day'),
  ConstraintTeachersMinHoursDaily: teacherLimit('minPerDay', 'Minimum_Hours_Daily', 'Faculty min_per_day'),
  ConstraintTeacherMinDaysPerWeek: teacherLimit('minDays', 'Minimum_Days_Per_Week', 'Faculty min_days'),
  ConstraintTeachersMinDaysPerWeek: teacherLimit('minDays', 'Minimum_Days_Per_Week', 'Faculty min_days'),
  // FET's hours in a row end at any hour the teacher or subgroup is free, a break hour included: a
  // break on every day leaves a gap between two periods here (ending a run), a break on some days
  // only is an unavailable period (free, ending a run too).
  ConstraintTeacherMaxHoursContinuously: teacherLimit(
    'maxContinuous',
    'Maximum_Hours_Continuously',
    'Faculty max_continuous',
  ),
  ConstraintTeachersMaxHoursContinuously: teacherLimit(
    'maxContinuous',
    'Maximum_Hours_Continuously',
    'Faculty max_continuous',
  ),
  ConstraintStudentsSetMaxHoursContinuously: studentsLimit(
    'maxContinuous',
    'Maximum_Hours_Continuously',
    'Groups max_continuous',
  ),
  ConstraintStudentsMaxHoursContinuously: studentsLimit(
    'maxContinuous',
    'Maximum_Hours_Continuously',
    'Groups max_continuous',
  ),
  // FET's span of a day counts its hours from the first busy one to the last, break hours too;
  // build.ts reports it weakened where an every-day break (no period here) falls inside a day.
  ConstraintTeacherMaxSpanPerDay: spanLimit(teacherLimit('maxSpan', 'Max_Span', 'Faculty max_span')),
  ConstraintTeachersMaxSpanPerDay: spanLimit(teacherLimit('maxSpan', 'Max_Span', 'Faculty max_span')),
  ConstraintStudentsSetMaxSpanPerDay: spanLimit(
    studentsLimit('maxSpan', 'Max_Span', 'Groups max_span on each subgroup'),
  ),
  ConstraintStudentsMaxSpanPerDay: spanLimit(
    studentsLimit('maxSpan', 'Max_Span', 'Groups max_span on each subgroup'),
  ),
  // FET's resting hours count every hour, break hours too; build.ts lowers the limit by the
  // every-day break hours (no periods here) and reports it weakened then.
  ConstraintTeacherMinRestingHours: restLimit(
    teacherLimit('minRest', 'Minimum_Resting_Hours', 'Faculty min_rest'),
  ),
  ConstraintTeachersMinRestingHours: restLimit(
    teacherLimit('minRest', 'Minimum_Resting_Hours', 'Faculty min_rest'),
  ),
  ConstraintStudentsSetMinRestingHours: restLimit(
    studentsLimit('minRest', 'Minimum_Resting_Hours', 'Groups min_rest on each subgroup'),
  ),
  ConstraintStudentsMinRestingHours: restLimit(
    studentsLimit('minRest', 'Minimum_Resting_Hours', 'Groups min_rest on each subgroup'),
  ),
  // FET's first hour of a day skips break hours and the set's not-available hours; the contract
  // counts periods by index. build.ts keeps the limit only on subgroups free at the first two hours
  // of every day (./lateStarts.ts), where both readings are the same.
  ConstraintStudentsEarlyMaxBeginningsAtSecondHour: studentsLimit(
    'maxLateStarts',
    'Max_Beginnings_At_Second_Hour',
    'Groups max_late_starts on each subgroup',
  ),
  ConstraintStudentsSetEarlyMaxBeginningsAtSecondHour: studentsLimit(
    'maxLateStarts',
    'Max_Beginnings_At_Second_Hour',
    'Groups max_late_starts on each subgroup',
  ),
  ConstraintStudentsSetMaxGapsPerWeek: studentsLimit(
    'maxGapsPerWeek',
    'Max_Gaps',
    'Groups max_gaps_per_week',
  ),
  ConstraintStudentsMaxGapsPerWeek: studentsLimit('maxGapsPerWeek', 'Max_Gaps', 'Groups max_gaps_per_week'),
  ConstraintStudentsSetMaxHoursDaily: studentsLimit('maxPerDay', 'Maximum_Hours_Daily', 'Groups max_per_day'),
  ConstraintStudentsMaxHoursDaily: studentsLimit('maxPerDay', 'Maximum_Hours_Daily', 'Groups max_per_day'),
  ConstraintStudentsSetMinHoursDaily: studentsLimit('minPerDay', 'Minimum_Hours_Daily', 'Groups min_per_day'),
  ConstraintStudentsMinHoursDaily: studentsLimit('minPerDay', 'Minimum_Hours_Daily', 'Groups min_per_day'),
  ConstraintStudentsSetMaxGapsPerDay: studentsLimit('maxGapsPerDay', 'Max_Gaps', 'Groups max_gaps_per_day'),
  ConstraintStudentsMaxGapsPerDay: studentsLimit('maxGapsPerDay', 'Max_Gaps', 'Groups max_gaps_per_day'),
  ConstraintActivityPreferredRoom: {
    target: 'Courses rooms (or the Fixed room when the time is fixed too)',
    hardOnly: true,
    handle(el, ctx, _w, kind) {
      const [id] = ctx.listed(el);
      const room = textOf(el, 'Room');
      if (id === undefined || room === undefined) return;
      if (ctx.singleRoom.has(id) && ctx.singleRoom.get(id) !== room) intersect(ctx.roomSets, id, []);
      ctx.singleRoom.set(id, room);
      ctx.note(kind, 'mapped', [id], '');
    },
  },
  ConstraintActivityPreferredRooms: roomPreference('Courses rooms', manyRooms, byId),
  ConstraintSubjectPreferredRoom: roomPreference('Courses rooms', oneRoom, withSubject),
  ConstraintSubjectPreferredRooms: roomPreference('Courses rooms', manyRooms, withSubject),
  ConstraintActivityTagPreferredRoom: roomPreference('Courses rooms', oneRoom, withTag),
  ConstraintActivityTagPreferredRooms: roomPreference('Courses rooms', manyRooms, withTag),
  ConstraintSubjectActivityTagPreferredRoom: roomPreference('Courses rooms', oneRoom, withSubjectAndTag),
  ConstraintSubjectActivityTagPreferredRooms: roomPreference('Courses rooms', manyRooms, withSubjectAndTag),
  ConstraintStudentsSetHomeRoom: roomPreference(
    'Courses rooms (when no other room is preferred)',
    oneRoom,
    ofOnlyStudents,
    true,
  ),
  ConstraintStudentsSetHomeRooms: roomPreference(
    'Courses rooms (when no other room is preferred)',
    manyRooms,
    ofOnlyStudents,
    true,
  ),
  ConstraintTeacherHomeRoom: roomPreference(
    'Courses rooms (when no other room is preferred)',
    oneRoom,
    ofOnlyTeacher,
    true,
  ),
  ConstraintTeacherHomeRooms: roomPreference(
    'Courses rooms (when no other room is preferred)',
    manyRooms,
    ofOnlyTeacher,
    true,
  ),
  // Building changes (./buildingChanges.ts).
  ...BUILDING_CONSTRAINTS,
};
