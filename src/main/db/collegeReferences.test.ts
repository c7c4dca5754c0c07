import { describe, expect, it } from 'vitest';
import { testCollege } from '../../shared/eval/testing/testCollege.ts';
import { danglingReference } from './collegeReferences.ts';

describe('danglingReference', () => {
  const college = (courses: string[]) =>
    testCollege({
      courses: [
        { id: 'A', name: 'A', sessions: 2 },
        { id: 'B', name: 'B', sessions: 1 },
      ],
      rules: [{ kind: 'consecutive', courses }],
    });

  it('accepts rules naming single sessions (course_id#k) of courses in the file', () => {
    expect(danglingReference(college(['A#1', 'A#2']))).toBeUndefined();
    expect(danglingReference(college(['A', 'B']))).toBeUndefined();
  });

  it('names a rule item whose course or session is not in the file', () => {
    expect(danglingReference(college(['A#1', 'C#1']))).toBe('a consecutive rule names course "C#1"');
    expect(danglingReference(college(['A#3', 'B']))).toBe(
      'a consecutive rule names session 3 of course "A" (it has 2)',
    );
  });
});
