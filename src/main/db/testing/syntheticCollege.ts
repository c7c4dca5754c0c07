// A deterministic college of a chosen size (default: SIH scale), for timing the project database.
import type { College, Course, Student } from '../../../shared/model/index.ts';

export interface SyntheticSize {
  students: number;
  courses: number;
  enrollmentsPerStudent: number;
  rooms: number;
  faculty: number;
  groups: number;
}

export const SIH_SIZE: SyntheticSize = {
  students: 20_000,
  courses: 2_500,
  enrollmentsPerStudent: 3,
  rooms: 300,
  faculty: 900,
  groups: 400,
};

export function syntheticCollege(size: SyntheticSize = SIH_SIZE): College {
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const periods = Array.from({ length: 8 }, (_, p) => ({
    label: `P${p + 1}`,
    start: `${String(9 + p).padStart(2, '0')}:00`,
    end: `${String(9 + p).padStart(2, '0')}:55`,
  }));
  const courses: Course[] = Array.from({ length: size.courses }, (_, i) => ({
    id: `C${i}`,
    name: `Course ${i}`,
    department: `D${i % 12}`,
    faculty: [`F${i % size.faculty}`],
    groups: [`G${i % size.groups}`],
    sessions: 1 + (i % 4),
    length: i % 7 === 0 ? 2 : 1,
    roomType: i % 7 === 0 ? 'lab' : 'lecture',
    rooms: [],
    unavailable: i % 10 === 0 ? [{ day: i % 6, period: i % 8 }] : [],
  }));
  const students: Student[] = Array.from({ length: size.students }, (_, i) => ({
    id: `S${i}`,
    name: `Student ${i}`,
    groups: [`G${i % size.groups}`],
  }));
  return {
    calendar: { institution: 'Synthetic', days, holidays: [] },
    periods,
    rooms: Array.from({ length: size.rooms }, (_, i) => ({
      id: `R${i}`,
      name: `Room ${i}`,
      capacity: 30 + (i % 5) * 30,
      type: i % 6 === 0 ? 'lab' : 'lecture',
      unavailable: [],
    })),
    faculty: Array.from({ length: size.faculty }, (_, i) => ({
      id: `F${i}`,
      name: `Faculty ${i}`,
      department: `D${i % 12}`,
      maxPerDay: 5,
      unavailable: [],
    })),
    groups: Array.from({ length: size.groups }, (_, i) => ({ id: `G${i}`, name: `Group ${i}`, size: 50 })),
    courses,
    students,
    enrollments: students.flatMap((s, i) =>
      Array.from({ length: size.enrollmentsPerStudent }, (_, k) => ({
        studentId: s.id,
        courseId: `C${(i * 7 + k * 131) % size.courses}`,
      })),
    ),
    fixed: [],
    rules: [],
    weights: {},
    settings: { roomCapacity: 'hard' },
    source: { kind: 'generated', name: 'synthetic' },
  };
}
