import { describe, expect, it } from 'vitest';
import { testCollege } from '../eval/testing/testCollege.ts';
import { compile } from './compile.ts';
import { spanAt } from './span.ts';

describe('spanAt', () => {
  it("is the course's length, clipped at the end of the session's day", () => {
    const p = compile(
      testCollege({
        courses: [{ id: 'L', name: 'Lab', faculty: ['F1'], groups: ['G1'], sessions: 1, length: 3 }],
      }),
    );
    const c = p.courseIds.indexOf('L');
    expect(p.nPeriods).toBe(6);
    expect(spanAt(p, c, 0)).toBe(3);
    expect(spanAt(p, c, 3)).toBe(3);
    // Starting in Monday's fifth period: two periods are left in the day, not three.
    expect(spanAt(p, c, 4)).toBe(2);
    expect(spanAt(p, c, 5)).toBe(1);
    // The same on Tuesday.
    expect(spanAt(p, c, p.nPeriods + 4)).toBe(2);
  });
});
