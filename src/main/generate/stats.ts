// What a generated college holds, and how the planted timetable uses it.
import type { College } from '../../shared/model/types.ts';
import type { Draft } from './draft.ts';
import type { Occupancy } from './occupancy.ts';
import type { PlantStats } from './planter.ts';

export interface GenerationStats {
  departments: number;
  students: number;
  groups: number;
  faculty: number;
  rooms: number;
  courses: number;
  /** Courses that are not per lab batch (section courses, electives). */
  coursesExcludingBatches: number;
  weeklySessions: number;
  enrollments: number;
  rules: number;
  fixed: number;
  /** (student, period) pairs where the planted timetable gives a student two sessions at once. */
  plantedStudentClashes: number;
  /** Share of usable room-periods the planted timetable uses, per room type. */
  roomUtilisation: Record<string, number>;
  plant: PlantStats;
}

export function measure(d: Draft, college: College, occ: Occupancy, plant: PlantStats): GenerationStats {
  const S = d.nSlots;
  const batchIds = new Set(d.groups.filter((g) => g.parent).map((g) => g.id));
  const byStudent = new Map<number, number[]>();
  for (const e of d.enrollments) {
    const list = byStudent.get(e.student) ?? [];
    list.push(e.off.index);
    byStudent.set(e.student, list);
  }
  let clashes = 0;
  const cnt = new Int32Array(S);
  for (const [st, offs] of byStudent) {
    const leaf = d.students[st].leaf;
    for (let q = 0; q < S; q++) cnt[q] = occ.leaf[leaf * S + q];
    for (const o of offs) for (const q of occ.periodsOf(o)) cnt[q]++;
    for (let q = 0; q < S; q++) if (cnt[q] > 1) clashes += cnt[q] - 1;
  }
  const used = new Map<string, number>();
  const count = new Map<string, number>();
  d.rooms.forEach((r, i) => {
    let busy = 0;
    for (let q = 0; q < S; q++) busy += occ.room[i * S + q] > 0 ? 1 : 0;
    used.set(r.type, (used.get(r.type) ?? 0) + busy);
    count.set(r.type, (count.get(r.type) ?? 0) + 1);
  });
  const roomUtilisation: Record<string, number> = {};
  for (const [type, n] of [...count.entries()].sort(([a], [b]) => (a < b ? -1 : 1)))
    roomUtilisation[type] = Math.round((1000 * (used.get(type) ?? 0)) / (n * S)) / 1000;
  return {
    departments: d.departments.length,
    students: college.students.length,
    groups: college.groups.length,
    faculty: college.faculty.length,
    rooms: college.rooms.length,
    courses: college.courses.length,
    coursesExcludingBatches: college.courses.filter((c) => !c.groups.some((g) => batchIds.has(g))).length,
    weeklySessions: college.courses.reduce((s, c) => s + c.sessions, 0),
    enrollments: college.enrollments.length,
    rules: college.rules.length,
    fixed: college.fixed.length,
    plantedStudentClashes: clashes,
    roomUtilisation,
    plant,
  };
}
