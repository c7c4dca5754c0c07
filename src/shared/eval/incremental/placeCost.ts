// Costs of one placed session on its own (see ../sessionChecks.ts for how each counts): outside a
// block of adjacent periods, room type / allowed list / capacity, course (its `unavailable` and
// `starts`), room and faculty unavailability, and a fixed session moved. Added with sign +1, removed with sign -1.
import type { CompiledProblem } from '../../compiled/types.ts';
import { H, S } from './kinds.ts';

export function addPlaceCost(
  p: CompiledProblem,
  roomListed: Uint8Array,
  hard: Float64Array,
  soft: Float64Array,
  s: number,
  slot: number,
  room: number,
  span: number,
  sign: number,
): void {
  const c = p.sessionCourse[s];
  const len = p.courseLength[c];
  const nS = p.nSlots;
  const period = slot % p.nPeriods;
  let crosses = span < len;
  for (let q = period; !crosses && q < period + len - 1; q++) crosses = p.adjacentToNext[q] === 0;
  if (crosses) hard[H.outsideBlock] += sign;
  if (p.roomType[room] !== p.courseRoomType[c]) hard[H.roomType] += sign;
  else if (roomListed[c * p.nRooms + room] === 0) hard[H.roomNotAllowed] += sign;
  const excess = p.courseStudents[c] - p.roomCapacity[room];
  if (excess > 0) {
    if (p.capacityHard) hard[H.roomCapacity] += sign;
    else soft[S.roomCapacity] += sign * excess * p.weights.room_capacity;
  }
  // A start outside the course's `starts` counts as course_unavailable (once per session).
  let courseOff = p.courseStartOff[c * nS + slot] === 1;
  let roomOff = false;
  for (let q = 0; q < span; q++) {
    if (p.courseUnavailable[c * nS + slot + q] === 1) courseOff = true;
    if (p.roomUnavailable[room * nS + slot + q] === 1) roomOff = true;
  }
  if (courseOff) hard[H.courseUnavailable] += sign;
  if (roomOff) hard[H.roomUnavailable] += sign;
  for (let k = p.courseFaculty.offsets[c]; k < p.courseFaculty.offsets[c + 1]; k++) {
    const f = p.courseFaculty.items[k];
    for (let q = 0; q < span; q++)
      if (p.facultyUnavailable[f * nS + slot + q] === 1) {
        hard[H.facultyUnavailable] += sign;
        break;
      }
  }
  const fixedSlot = p.sessionFixedSlot[s];
  const fixedRoom = p.sessionFixedRoom[s];
  if ((fixedSlot >= 0 && fixedSlot !== slot) || (fixedRoom >= 0 && fixedRoom !== room))
    hard[H.fixedMoved] += sign;
}

/**
 * How two courses' sessions clash when they share a period: 1 = a faculty member (faculty clash),
 * 2 = a student set only (group clash), 0 = neither. Kept as a matrix for up to 8192 courses (64 MB at most),
 * otherwise computed from the (short) faculty and set lists.
 */
export class CourseRelation {
  private readonly p: CompiledProblem;
  /** relation of a and b at [a * nCourses + b], or null when computed on demand. */
  readonly matrix: Uint8Array | null;

  constructor(p: CompiledProblem) {
    this.p = p;
    if (p.nCourses <= 8192) {
      const n = p.nCourses;
      const m = new Uint8Array(n * n);
      const mark = (rows: { offsets: Int32Array; items: Int32Array }, v: number): void => {
        for (let r = 0; r + 1 < rows.offsets.length; r++)
          for (let i = rows.offsets[r]; i < rows.offsets[r + 1]; i++)
            for (let j = rows.offsets[r]; j < rows.offsets[r + 1]; j++) {
              const k = rows.items[i] * n + rows.items[j];
              if (m[k] === 0) m[k] = v;
            }
      };
      mark(p.facultyCourses, 1);
      mark(p.setCourses, 2);
      this.matrix = m;
    } else this.matrix = null;
  }

  get(a: number, b: number): number {
    return this.matrix ? this.matrix[a * this.p.nCourses + b] : this.compute(a, b);
  }

  private compute(a: number, b: number): number {
    const p = this.p;
    if (intersects(p.courseFaculty.offsets, p.courseFaculty.items, a, b)) return 1;
    if (intersects(p.courseStudentSets.offsets, p.courseStudentSets.items, a, b)) return 2;
    return 0;
  }
}

function intersects(o: Int32Array, items: Int32Array, a: number, b: number): boolean {
  for (let i = o[a]; i < o[a + 1]; i++)
    for (let j = o[b]; j < o[b + 1]; j++) if (items[i] === items[j]) return true;
  return false;
}
