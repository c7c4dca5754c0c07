// A small college that uses every field of the model (each optional field both present and
// absent somewhere), for round-trip tests of the project database.
import { collegeSchema, type College } from '../../../shared/model/index.ts';

export function richCollege(): College {
  return collegeSchema.parse({
    calendar: {
      institution: 'Government Engineering College',
      days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
      termStart: '2026-07-01',
      termEnd: '2026-11-30',
      timezone: 'Asia/Kolkata',
      holidays: ['2026-08-15', '2026-10-02'],
    },
    periods: [
      { label: 'P1', start: '09:00', end: '09:50' },
      { label: 'P2', start: '09:50', end: '10:40' },
      { label: 'P3', start: '11:00', end: '11:50' },
      { label: 'P4', start: '13:00', end: '13:50' },
    ],
    rooms: [
      {
        id: 'LH-1',
        name: 'Lecture Hall 1',
        capacity: 120,
        type: 'lecture',
        building: 'Main',
        unavailable: [{ day: 5, period: 3 }],
      },
      { id: 'LAB-2', name: 'Computer Lab 2', capacity: 30, type: 'lab' },
      { id: 'S-1', name: 'Seminar «ॐ» room', capacity: 25, type: 'seminar', building: "O'Neil Block" },
    ],
    faculty: [
      {
        id: 'F1',
        name: 'Dr. A. Rao',
        department: 'CSE',
        email: 'rao@example.edu',
        maxPerDay: 4,
        maxPerWeek: 16,
        maxDays: 5,
        maxGapsPerDay: 0,
        maxGapsPerWeek: 3,
        minPerDay: 2,
        minDays: 3,
        maxContinuous: 3,
        maxSpan: 5,
        minRest: 4,
        unavailable: [
          { day: 0, period: 0 },
          { day: 2, period: 3 },
        ],
      },
      { id: 'F2', name: 'Prof. B. Sen', department: 'ECE' },
      { id: 'F3', name: 'C. Iyer', maxPerWeek: 12 },
    ],
    groups: [
      {
        id: 'CSE2A',
        name: 'CSE 2nd year A',
        size: 60,
        department: 'CSE',
        maxPerDay: 6,
        minPerDay: 2,
        maxGapsPerDay: 1,
        maxGapsPerWeek: 4,
        maxContinuous: 4,
        maxLateStarts: 1,
        maxSpan: 6,
        minRest: 3,
      },
      { id: 'CSE2A-B1', name: 'Lab batch 1', size: 30, parent: 'CSE2A' },
      { id: 'CSE2A-B2', name: 'Lab batch 2', size: 0, parent: 'CSE2A', department: 'CSE' },
    ],
    courses: [
      {
        id: 'CS201',
        name: 'Data Structures',
        department: 'CSE',
        faculty: ['F1'],
        groups: ['CSE2A'],
        sessions: 3,
        roomType: 'lecture',
        minDays: 3,
        unavailable: [{ day: 4, period: 3 }],
      },
      {
        id: 'CS201L',
        name: 'Data Structures Lab',
        department: 'CSE',
        faculty: ['F1', 'F3'],
        groups: ['CSE2A-B1'],
        sessions: 1,
        length: 2,
        roomType: 'lab',
        rooms: ['LAB-2'],
        students: 30,
        starts: [
          { day: 0, period: 0 },
          { day: 2, period: 3 },
        ],
      },
      { id: 'OE1', name: 'Open Elective: Design Thinking', faculty: ['F2'], sessions: 2, students: 0 },
    ],
    students: [
      { id: 'S001', name: 'Asha', groups: ['CSE2A', 'CSE2A-B1'] },
      { id: 'S002', groups: ['CSE2A', 'CSE2A-B2'] },
      { id: 'S003', name: '' },
    ],
    enrollments: [
      { studentId: 'S001', courseId: 'OE1' },
      { studentId: 'S003', courseId: 'OE1' },
      { studentId: 'S002', courseId: 'OE1' },
    ],
    fixed: [
      { courseId: 'CS201', session: 1, day: 0, period: 1, roomId: 'LH-1' },
      { courseId: 'OE1', session: 2, day: 3, period: 0 },
    ],
    rules: [
      { kind: 'consecutive', courses: ['CS201', 'CS201L'] },
      { kind: 'min_days_apart', courses: ['OE1'], hard: false, weight: 2.5, value: 2 },
      { kind: 'not_overlapping', courses: ['CS201L', 'OE1'], hard: true, weight: 0 },
      {
        kind: 'max_slots',
        courses: ['CS201', 'OE1'],
        value: 2,
        slots: [
          { day: 0, period: 0 },
          { day: 2, period: 1 },
          { day: 4, period: 0 },
        ],
      },
    ],
    weights: { isolated: 3, student_clash: 12.75, faculty_gaps: 0 },
    settings: { roomCapacity: 'soft' },
    source: { kind: 'workbook', name: 'college.xlsx' },
  });
}
