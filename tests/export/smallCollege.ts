// A small hand-built college and a clash-free timetable for the export tests: two departments, a
// section with two lab batches, names with diacritics, a term crossing Europe's DST change and a holiday.
import { collegeSchema, timetableSchema } from '../../src/shared/model/index.ts';
import type { College, Timetable } from '../../src/shared/model/index.ts';

export function smallCollege(overrides: Partial<College['calendar']> = {}): College {
  return collegeSchema.parse({
    calendar: {
      institution: 'Śrī Vidyā College of Engineering',
      days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'],
      termStart: '2026-03-02',
      termEnd: '2026-04-10',
      timezone: 'Europe/Berlin',
      holidays: ['2026-03-20', '2026-04-06'],
      ...overrides,
    },
    periods: [
      { label: 'P1', start: '09:00', end: '10:00' },
      { label: 'P2', start: '10:00', end: '11:00' },
      { label: 'P3', start: '11:15', end: '12:15' },
      { label: 'P4', start: '12:15', end: '13:15' },
      { label: 'P5', start: '14:00', end: '15:00' },
      { label: 'P6', start: '15:00', end: '16:00' },
    ],
    rooms: [
      { id: 'R101', name: 'Lecture Hall 101', capacity: 120, type: 'lecture', building: 'Main' },
      { id: 'R102', name: 'Lecture Hall 102', capacity: 70, type: 'lecture', building: 'Main' },
      { id: 'LAB1', name: 'Computing Lab 1', capacity: 35, type: 'lab', building: 'Annex' },
      { id: 'LAB2', name: 'Computing Lab 2', capacity: 35, type: 'lab', building: 'Annex' },
    ],
    faculty: [
      { id: 'F1', name: 'Nguyễn Văn An', department: 'CSE' },
      { id: 'F2', name: 'Śrīnivās Rao', department: 'CSE' },
      { id: 'F3', name: 'Anna Müller', department: 'MATH' },
      { id: 'F4', name: 'Priya Iyer', department: 'ECE' },
    ],
    groups: [
      { id: 'CSE2A', name: 'CSE 2nd year A', size: 60, department: 'CSE' },
      { id: 'CSE2A-B1', name: 'CSE 2A batch 1', size: 30, department: 'CSE', parent: 'CSE2A' },
      { id: 'CSE2A-B2', name: 'CSE 2A batch 2', size: 30, department: 'CSE', parent: 'CSE2A' },
      { id: 'ECE2A', name: 'ECE 2nd year A', size: 55, department: 'ECE' },
    ],
    courses: [
      {
        id: 'CS201',
        name: 'Data Structures',
        department: 'CSE',
        faculty: ['F1'],
        groups: ['CSE2A'],
        sessions: 3,
      },
      {
        id: 'CS201L',
        name: 'Data Structures Lab',
        department: 'CSE',
        faculty: ['F1'],
        groups: ['CSE2A-B1'],
        sessions: 1,
        length: 2,
        roomType: 'lab',
      },
      {
        id: 'CS202L',
        name: 'Programming Lab',
        department: 'CSE',
        faculty: ['F2'],
        groups: ['CSE2A-B2'],
        sessions: 1,
        length: 2,
        roomType: 'lab',
      },
      {
        id: 'MA201',
        name: 'Linear Algebra',
        department: 'MATH',
        faculty: ['F3'],
        groups: ['CSE2A', 'ECE2A'],
        sessions: 2,
      },
      {
        id: 'EC201',
        name: 'Circuit Theory',
        department: 'ECE',
        faculty: ['F4'],
        groups: ['ECE2A'],
        sessions: 3,
      },
    ],
  });
}

const at = (courseId: string, session: number, day: number, period: number, roomId: string) => ({
  courseId,
  session,
  day,
  period,
  roomId,
  locked: false,
});

export function smallTimetable(): Timetable {
  return timetableSchema.parse({
    assignments: [
      at('CS201', 1, 0, 0, 'R102'),
      at('CS201', 2, 2, 1, 'R102'),
      at('CS201', 3, 4, 2, 'R102'),
      at('CS201L', 1, 1, 4, 'LAB1'),
      at('CS202L', 1, 1, 4, 'LAB2'),
      at('MA201', 1, 0, 2, 'R101'),
      at('MA201', 2, 3, 0, 'R101'),
      at('EC201', 1, 0, 0, 'R101'),
      at('EC201', 2, 2, 3, 'R101'),
      at('EC201', 3, 4, 5, 'R102'),
    ],
  });
}
