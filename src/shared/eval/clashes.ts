// Double-booking, slot by slot (a multi-period session is checked in each period it occupies):
// - faculty_clash / group_clash: 1 per pair of sessions in the same period that share a faculty
//   member or a student set (a leaf group; parent and child groups share their leaves). A pair
//   sharing several is still one; it is a faculty clash if it shares a faculty member. With one
//   teacher per course and curricula as groups this is ITC-2007's "Conflicts".
// - room_clash: for each room and period holding k > 1 sessions, k - 1 (ITC-2007 "RoomOccupancy").
// - student_clash (soft): for each pair of sessions in the same period whose courses share
//   individually enrolled students, weight x the number of shared students.
import type { EvalSink } from './sink.ts';
import type { EvalState } from './state.ts';
import { sessionName, slotName } from './describe.ts';

export function checkClashes(st: EvalState, sink: EvalSink): void {
  const { p, slotOffsets, slotItems, room } = st;
  const { courseFaculty: cf, courseStudentSets: cs, sessionCourse } = p;
  const studentWeight = p.weights.student_clash;
  const conflicts = p.courseStudentConflicts;

  // Per-slot linked lists of the sessions seen so far for each faculty member, student set, course.
  let entries = 0;
  for (let k = 0; k < slotItems.length; k++) {
    const c = sessionCourse[slotItems[k]];
    entries += cf.offsets[c + 1] - cf.offsets[c] + cs.offsets[c + 1] - cs.offsets[c] + 1;
  }
  const next = new Int32Array(entries);
  const who = new Int32Array(entries);
  let used = 0;
  const facHead = new Int32Array(p.nFaculty);
  const facSeen = new Int32Array(p.nFaculty).fill(-1);
  const setHead = new Int32Array(p.nStudentSets);
  const setSeen = new Int32Array(p.nStudentSets).fill(-1);
  const courseHead = new Int32Array(p.nCourses);
  const courseSeen = new Int32Array(p.nCourses).fill(-1);
  const pairMark = new Int32Array(p.nSessions).fill(-1);
  const roomCount = new Int32Array(p.nRooms);
  const roomSeen = new Int32Array(p.nRooms).fill(-1);
  let ticks = 0;

  for (let slot = 0; slot < p.nSlots; slot++) {
    const a = slotOffsets[slot];
    const b = slotOffsets[slot + 1];
    for (let x = a; x < b; x++) {
      const i = slotItems[x];
      const c = sessionCourse[i];
      const tick = ++ticks;
      // Faculty shared with an earlier session of this slot.
      for (let k = cf.offsets[c]; k < cf.offsets[c + 1]; k++) {
        const f = cf.items[k];
        if (facSeen[f] !== slot) continue;
        for (let e = facHead[f]; e >= 0; e = next[e]) {
          const j = who[e];
          if (pairMark[j] === tick) continue;
          pairMark[j] = tick;
          sink.addHard(
            'faculty_clash',
            1,
            () => [j, i],
            () =>
              `${p.facultyIds[f]} teaches ${sessionName(p, j)} and ${sessionName(p, i)} at ${slotName(p, slot)}`,
          );
        }
      }
      for (let k = cs.offsets[c]; k < cs.offsets[c + 1]; k++) {
        const set = cs.items[k];
        if (setSeen[set] !== slot) continue;
        for (let e = setHead[set]; e >= 0; e = next[e]) {
          const j = who[e];
          if (pairMark[j] === tick) continue;
          pairMark[j] = tick;
          sink.addHard(
            'group_clash',
            1,
            () => [j, i],
            () =>
              `group ${p.groupIds[p.setGroup[set]]} has ${sessionName(p, j)} and ${sessionName(p, i)} at ${slotName(p, slot)}`,
          );
        }
      }
      if (studentWeight > 0) {
        for (let k = conflicts.offsets[c]; k < conflicts.offsets[c + 1]; k++) {
          const other = conflicts.items[k];
          if (courseSeen[other] !== slot) continue;
          const shared = p.courseConflictWeight[k];
          for (let e = courseHead[other]; e >= 0; e = next[e]) {
            const j = who[e];
            sink.addSoft(
              'student_clash',
              studentWeight * shared,
              () => [j, i],
              () =>
                `${shared} enrolled student${shared === 1 ? '' : 's'} of ${sessionName(p, j)} and ${sessionName(p, i)} meet at ${slotName(p, slot)}`,
            );
          }
        }
      }
      // Append i to its lists.
      for (let k = cf.offsets[c]; k < cf.offsets[c + 1]; k++) {
        const f = cf.items[k];
        if (facSeen[f] !== slot) {
          facSeen[f] = slot;
          facHead[f] = -1;
        }
        who[used] = i;
        next[used] = facHead[f];
        facHead[f] = used++;
      }
      for (let k = cs.offsets[c]; k < cs.offsets[c + 1]; k++) {
        const set = cs.items[k];
        if (setSeen[set] !== slot) {
          setSeen[set] = slot;
          setHead[set] = -1;
        }
        who[used] = i;
        next[used] = setHead[set];
        setHead[set] = used++;
      }
      if (courseSeen[c] !== slot) {
        courseSeen[c] = slot;
        courseHead[c] = -1;
      }
      who[used] = i;
      next[used] = courseHead[c];
      courseHead[c] = used++;

      const r = room[i];
      if (roomSeen[r] !== slot) {
        roomSeen[r] = slot;
        roomCount[r] = 0;
      }
      roomCount[r]++;
    }
    // Rooms: report each over-full room once per slot, when its last session is seen.
    for (let x = a; x < b; x++) {
      const r = room[slotItems[x]];
      const k = roomCount[r];
      if (k < 2) continue;
      roomCount[r] = 0;
      sink.addHard(
        'room_clash',
        k - 1,
        () => Array.from(slotItems.subarray(a, b)).filter((s) => room[s] === r),
        () =>
          `${p.roomIds[r]} holds ${k} sessions at ${slotName(p, slot)}: ${Array.from(slotItems.subarray(a, b))
            .filter((s) => room[s] === r)
            .map((s) => sessionName(p, s))
            .join(', ')}`,
      );
    }
  }
}
