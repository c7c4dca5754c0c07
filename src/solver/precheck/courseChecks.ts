// Course-level tests: enough allowed start slots (blocks of adjacent available periods for
// multi-period sessions, at starts the course lists), a room that fits, and room-class demand against room-slots.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { College } from '../../shared/model/types.ts';
import type { PrecheckFinding } from '../../shared/solver/protocol.ts';
import { roomClasses } from '../mip/roomClasses.ts';
import { coursePeriods } from './loadChecks.ts';

const MAX_ROWS = 20;

function allowedStarts(p: CompiledProblem, c: number): number {
  let n = 0;
  for (let s = 0; s < p.nSlots; s++) n += p.startForbidden[c * p.nSlots + s] ? 0 : 1;
  return n;
}

/** True when the course lists its starts (Courses `starts`). */
function listsStarts(p: CompiledProblem, c: number): boolean {
  for (let s = 0; s < p.nSlots; s++) if (p.courseStartOff[c * p.nSlots + s] === 1) return true;
  return false;
}

export function courseChecks(p: CompiledProblem, out: PrecheckFinding[], college?: College): void {
  for (let c = 0; c < p.nCourses; c++) {
    const id = p.courseIds[c];
    const rows = [{ sheet: 'Courses', id }];
    const sessions = p.courseSessionCount[c];
    const len = p.courseLength[c];
    const starts = allowedStarts(p, c);
    if (starts < sessions) {
      const what = len > 1 ? `blocks of ${len} adjacent periods (no break inside)` : 'periods';
      const listed = listsStarts(p, c);
      out.push({
        code: 'course_no_slots',
        rows,
        fatal: true,
        message: `Course ${id} needs ${sessions} sessions but only ${starts} start times are possible: ${what}${listed ? ' starting at a slot its starts column lists,' : ''} where the course and all its faculty are available.`,
        hint: listed
          ? `List more starts for ${id} (starts column), free more periods for it and its faculty, or reduce its sessions.`
          : len > 1
            ? `Shorten the sessions of ${id}, remove a break between periods, or free more periods for it and its faculty.`
            : `Free more periods for ${id} and its faculty (unavailable columns), or reduce its sessions.`,
      });
    }
    const roomList = p.courseRooms.items.subarray(p.courseRooms.offsets[c], p.courseRooms.offsets[c + 1]);
    const type = college?.courses[c]?.roomType;
    if (roomList.length === 0) {
      out.push({
        code: 'course_no_room',
        rows,
        fatal: true,
        message: `Course ${id} has no room it may use${type ? ` (type ${type}, allowed list ${college?.courses[c].rooms.join(';') || 'any'})` : ''}.`,
        hint: `Add a room of the course's type, or fix the room_type / rooms columns of ${id}.`,
      });
    } else if (p.capacityHard) {
      let largest = 0;
      let largestId = '';
      for (const r of roomList) {
        if (p.roomCapacity[r] > largest) {
          largest = p.roomCapacity[r];
          largestId = p.roomIds[r];
        }
      }
      if (largest < p.courseStudents[c]) {
        out.push({
          code: 'course_room_too_small',
          rows: [...rows, { sheet: 'Rooms', id: largestId }],
          fatal: true,
          message: `Course ${id} has ${p.courseStudents[c]} students but the largest room it may use (${largestId}) seats ${largest}.`,
          hint: `Split ${id} into sections, allow a larger room, or raise the capacity of ${largestId} if it is wrong.`,
        });
      }
    }
    if (p.courseMinDays[c] > p.nDays) {
      out.push({
        code: 'course_min_days',
        rows,
        fatal: false,
        message: `Course ${id} asks for min_days ${p.courseMinDays[c]} but the week has ${p.nDays} days; the spread cost can never reach zero.`,
        hint: `Set min_days of ${id} to at most ${p.nDays}.`,
      });
    }
  }
  unattendedChecks(p, out, college);
  roomDemandChecks(p, out);
}

/** Courses nobody teaches or nobody attends: solvable, but almost always a mistake in the data. */
function unattendedChecks(p: CompiledProblem, out: PrecheckFinding[], college?: College): void {
  const enrolled = new Set(college?.enrollments.map((e) => e.courseId));
  for (let c = 0; c < p.nCourses; c++) {
    const id = p.courseIds[c];
    const rows = [{ sheet: 'Courses', id }];
    if (p.courseFaculty.offsets[c + 1] === p.courseFaculty.offsets[c])
      out.push({
        code: 'course_no_faculty',
        rows,
        fatal: false,
        message: `Course ${id} has no faculty: nobody teaches it, so no teacher's clashes or limits apply to it.`,
        hint: `List the faculty_id of whoever teaches ${id} in its faculty column.`,
      });
    const noGroups = p.courseGroups.offsets[c + 1] === p.courseGroups.offsets[c];
    const nobody = college ? !enrolled.has(id) : p.courseStudents[c] === 0;
    if (noGroups && nobody)
      out.push({
        code: 'course_no_students',
        rows,
        fatal: false,
        message: `Course ${id} has no groups and no enrolled students: nobody attends it, so it clashes with no class.`,
        hint: `List the group_id(s) that attend ${id}, or enroll its students on the Enrollments sheet.`,
      });
  }
}

/** Per room class: periods demanded by courses that can only use rooms of the class vs its room-slots. */
function roomDemandChecks(p: CompiledProblem, out: PrecheckFinding[]): void {
  const classes = roomClasses(p);
  const roomFree = new Int32Array(p.nRooms);
  for (let r = 0; r < p.nRooms; r++) {
    let free = 0;
    for (let s = 0; s < p.nSlots; s++) free += p.roomUnavailable[r * p.nSlots + s] ? 0 : 1;
    roomFree[r] = free;
  }
  classes.rooms.forEach((rooms, k) => {
    if (rooms.length === 0) return;
    let supply = 0;
    for (const r of rooms) supply += roomFree[r];
    let demand = 0;
    const courses: number[] = [];
    for (const j of classes.subclasses[k]) {
      for (const c of classes.courses[j]) {
        demand += coursePeriods(p, c);
        courses.push(c);
      }
    }
    if (demand <= supply) return;
    const roomIds = Array.from(rooms, (r) => p.roomIds[r]);
    const courseIds = courses.map((c) => p.courseIds[c]);
    out.push({
      code: 'room_demand',
      rows: [
        ...courseIds.slice(0, MAX_ROWS).map((id) => ({ sheet: 'Courses', id })),
        ...roomIds.slice(0, MAX_ROWS).map((id) => ({ sheet: 'Rooms', id })),
      ],
      fatal: true,
      message: `${courses.length} course(s) that can only use rooms ${roomIds.slice(0, 8).join(', ')}${roomIds.length > 8 ? ` and ${roomIds.length - 8} more` : ''} need ${demand} room-periods a week; those rooms offer ${supply}.`,
      hint: `Add ${Math.ceil((demand - supply) / p.nSlots)} room(s) of this kind, widen the allowed room lists, or reduce sessions of ${courseIds.slice(0, 5).join(', ')}${courseIds.length > 5 ? ', …' : ''}.`,
    });
  });
}
