// Checks on each session alone: placed at all, inside one block of adjacent periods, a suitable
// room of enough capacity, nobody unavailable, a start the course lists (its `starts`), fixed
// sessions where they were pinned.
// Every count here is one per session (faculty unavailability: one per session and faculty member).
import type { EvalSink } from './sink.ts';
import type { EvalState } from './state.ts';
import { DUPLICATE, PLACED } from './state.ts';
import type { ProblemFacts } from './problemFacts.ts';
import { sessionName, slotName } from './describe.ts';

export function checkSessions(st: EvalState, facts: ProblemFacts, sink: EvalSink): void {
  const { p, slot, room, status, span } = st;
  const { nSlots, nPeriods } = p;
  const w = p.weights;
  for (let s = 0; s < p.nSessions; s++) {
    const c = p.sessionCourse[s];
    const one = (): number[] => [s];
    if (status[s] !== PLACED) {
      sink.addHard('unplaced', 1, one, () =>
        status[s] === DUPLICATE
          ? `${sessionName(p, s)} starts at ${slotName(p, slot[s])} like another session of ${p.courseIds[c]}; it counts as not placed`
          : slot[s] >= 0 && slot[s] < nSlots
            ? `${sessionName(p, s)} has a time but no room`
            : `${sessionName(p, s)} is not placed`,
      );
      continue;
    }
    const start = slot[s];
    const r = room[s];
    const len = p.courseLength[c];
    const period = start % nPeriods;
    let crosses = span[s] < len;
    for (let q = period; !crosses && q < period + len - 1; q++) crosses = p.adjacentToNext[q] === 0;
    if (crosses) {
      sink.addHard(
        'outside_block',
        1,
        one,
        () =>
          `${sessionName(p, s)} (${len} periods) starting at ${slotName(p, start)} runs across a break or past the day's end`,
      );
    }

    if (p.roomType[r] !== p.courseRoomType[c]) {
      sink.addHard(
        'room_type',
        1,
        one,
        () =>
          `${sessionName(p, s)} needs a ${p.roomTypes[p.courseRoomType[c]]} room but ${p.roomIds[r]} is a ${p.roomTypes[p.roomType[r]]} room`,
      );
    } else if (!facts.courseAnyRoomOfType[c] && !inRow(p.courseRooms.offsets, p.courseRooms.items, c, r)) {
      sink.addHard(
        'room_not_allowed',
        1,
        one,
        () => `${sessionName(p, s)} is in ${p.roomIds[r]}, which is not in its list of rooms`,
      );
    }
    const excess = p.courseStudents[c] - p.roomCapacity[r];
    if (excess > 0) {
      const msg = (): string =>
        `${sessionName(p, s)} has ${p.courseStudents[c]} students but ${p.roomIds[r]} seats ${p.roomCapacity[r]}`;
      if (p.capacityHard) sink.addHard('room_capacity', 1, one, msg);
      else sink.addSoft('room_capacity', excess * w.room_capacity, one, msg);
    }

    let courseOff = -1;
    let roomOff = -1;
    for (let q = 0; q < span[s]; q++) {
      if (courseOff < 0 && p.courseUnavailable[c * nSlots + start + q]) courseOff = start + q;
      if (roomOff < 0 && p.roomUnavailable[r * nSlots + start + q]) roomOff = start + q;
    }
    if (courseOff >= 0) {
      sink.addHard(
        'course_unavailable',
        1,
        one,
        () => `${sessionName(p, s)} is at ${slotName(p, courseOff)}, which the course may not use`,
      );
    } else if (p.courseStartOff[c * nSlots + start] === 1) {
      sink.addHard(
        'course_unavailable',
        1,
        one,
        () => `${sessionName(p, s)} starts at ${slotName(p, start)}, which is not in the course's starts`,
      );
    }
    if (roomOff >= 0) {
      sink.addHard(
        'room_unavailable',
        1,
        one,
        () =>
          `${sessionName(p, s)} uses ${p.roomIds[r]} at ${slotName(p, roomOff)}, when the room is unavailable`,
      );
    }
    for (let k = p.courseFaculty.offsets[c]; k < p.courseFaculty.offsets[c + 1]; k++) {
      const f = p.courseFaculty.items[k];
      let off = -1;
      for (let q = 0; q < span[s] && off < 0; q++)
        if (p.facultyUnavailable[f * nSlots + start + q]) off = start + q;
      if (off >= 0) {
        sink.addHard(
          'faculty_unavailable',
          1,
          one,
          () => `${p.facultyIds[f]} is unavailable at ${slotName(p, off)} but teaches ${sessionName(p, s)}`,
        );
      }
    }

    const fixedSlot = p.sessionFixedSlot[s];
    const fixedRoom = p.sessionFixedRoom[s];
    if ((fixedSlot >= 0 && fixedSlot !== start) || (fixedRoom >= 0 && fixedRoom !== r)) {
      sink.addHard('fixed_moved', 1, one, () => {
        const want = [
          fixedSlot >= 0 ? slotName(p, fixedSlot) : '',
          fixedRoom >= 0 ? p.roomIds[fixedRoom] : '',
        ];
        return `${sessionName(p, s)} is fixed at ${want.filter(Boolean).join(' in ')} but is at ${slotName(p, start)} in ${p.roomIds[r]}`;
      });
    }
  }
}

function inRow(offsets: Int32Array, items: Int32Array, row: number, x: number): boolean {
  for (let k = offsets[row]; k < offsets[row + 1]; k++) if (items[k] === x) return true;
  return false;
}
