import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { testCollege, type CollegeInput } from '../../../shared/eval/testing/testCollege.ts';
import { tieGroups } from './tieGroups.ts';

const course = (id: string, n: number, faculty: string): CollegeInput['courses'][number] => ({
  id,
  name: id,
  faculty: [faculty],
  groups: ['G1'],
  sessions: n,
  minDays: 0,
});

describe('tieGroups with rules naming single sessions', () => {
  it('ties only the named sessions: A#2 with B#1 (same_time), C#1 right after B#1 (consecutive)', () => {
    const p = compile(
      testCollege({
        faculty: ['F1', 'F2', 'F3'].map((id) => ({ id, name: id })),
        courses: [course('A', 3, 'F1'), course('B', 2, 'F2'), course('C', 2, 'F3')],
        rules: [
          { kind: 'same_time', courses: ['A#2', 'B#1'] },
          { kind: 'consecutive', courses: ['B#1', 'C#1'] },
        ],
      }),
    );
    const t = tieGroups(p);
    const s = (id: string, k: number): number => p.courseFirstSession[p.courseIds.indexOf(id)] + k - 1;
    const offsetOf = (x: number): number => t.memberOffset[Array.from(t.members).indexOf(x)];
    expect(t.offsets.length - 1).toBe(1);
    const g = t.groupOf[s('A', 2)];
    expect(g).toBeGreaterThanOrEqual(0);
    expect(t.groupOf[s('B', 1)]).toBe(g);
    expect(t.groupOf[s('C', 1)]).toBe(g);
    for (const [id, k] of [
      ['A', 1],
      ['A', 3],
      ['B', 2],
      ['C', 2],
    ] as const)
      expect(t.groupOf[s(id, k)]).toBe(-1);
    expect(offsetOf(s('A', 2))).toBe(0);
    expect(offsetOf(s('B', 1))).toBe(0);
    expect(offsetOf(s('C', 1))).toBe(1);
  });
});
