import { describe, expect, it } from 'vitest';
import { compile } from '../../shared/compiled/compile.ts';
import { testCollege } from '../../shared/eval/testing/testCollege.ts';
import { precheck } from './index.ts';

describe('pre-check: courses nobody teaches or attends', () => {
  it('flags them as risks naming the course row, never as "no problem"', () => {
    const college = testCollege({
      students: [{ id: 'S1', groups: ['G1'] }],
      enrollments: [{ studentId: 'S1', courseId: 'ELECTIVE' }],
      courses: [
        { id: 'OK', name: 'OK', faculty: ['F1'], groups: ['G1'], sessions: 1 },
        { id: 'NOBODY', name: 'No teacher', faculty: [], groups: ['G1'], sessions: 1 },
        { id: 'EMPTY', name: 'No class', faculty: ['F1'], groups: [], sessions: 1 },
        { id: 'ELECTIVE', name: 'Enrolled only', faculty: ['F1'], groups: [], sessions: 1 },
      ],
    });
    const found = precheck(compile(college), college).map((f) => [f.code, f.fatal, f.rows]);
    expect(found).toEqual([
      ['course_no_faculty', false, [{ sheet: 'Courses', id: 'NOBODY' }]],
      ['course_no_students', false, [{ sheet: 'Courses', id: 'EMPTY' }]],
    ]);
  });
});
