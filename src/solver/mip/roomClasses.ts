// Room classes: the distinct sets of rooms courses may use (type, allowed-room list and, when capacity
// is hard, rooms big enough for the head count). Per slot, the sessions whose class lies inside class
// K can never outnumber K's free rooms — the counting argument behind the MIP's room-capacity rows and
// the pre-check's lab-demand test.
import type { CompiledProblem } from '../../shared/compiled/types.ts';

export interface RoomClasses {
  /** classOfCourse[c] = the class index of course c. */
  classOfCourse: Int32Array;
  /** Rooms of each class, ascending. */
  rooms: Int32Array[];
  /** Classes inside each class (including itself): subclasses[k] lists k' with rooms(k') ⊆ rooms(k). */
  subclasses: Int32Array[];
  /** Courses of each class. */
  courses: Int32Array[];
}

/** The rooms course c may really use: its compiled room list, minus rooms too small when capacity is hard. */
export function usableRooms(problem: CompiledProblem, c: number): Int32Array {
  const { offsets, items } = problem.courseRooms;
  const all = items.subarray(offsets[c], offsets[c + 1]);
  if (!problem.capacityHard) return Int32Array.from(all).sort();
  const need = problem.courseStudents[c];
  return Int32Array.from(all.filter((r) => problem.roomCapacity[r] >= need)).sort();
}

export function roomClasses(problem: CompiledProblem): RoomClasses {
  const byKey = new Map<string, number>();
  const rooms: Int32Array[] = [];
  const courses: number[][] = [];
  const classOfCourse = new Int32Array(problem.nCourses);
  for (let c = 0; c < problem.nCourses; c++) {
    const set = usableRooms(problem, c);
    const key = set.join(',');
    let k = byKey.get(key);
    if (k === undefined) {
      k = rooms.length;
      byKey.set(key, k);
      rooms.push(set);
      courses.push([]);
    }
    classOfCourse[c] = k;
    courses[k].push(c);
  }
  const member = rooms.map((set) => {
    const bits = new Uint8Array(problem.nRooms);
    for (const r of set) bits[r] = 1;
    return bits;
  });
  const subclasses = rooms.map((_, k) => {
    const inside: number[] = [];
    for (let j = 0; j < rooms.length; j++) {
      if (j !== k && rooms[j].length === 0) continue; // a class with no room counts only against itself
      if (rooms[j].length <= rooms[k].length && rooms[j].every((r) => member[k][r] === 1)) inside.push(j);
    }
    return Int32Array.from(inside);
  });
  return { classOfCourse, rooms, subclasses, courses: courses.map((cs) => Int32Array.from(cs)) };
}
