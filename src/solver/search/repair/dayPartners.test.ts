import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { testCollege } from '../../../shared/eval/testing/testCollege.ts';
import { dayPartners } from './dayPartners.ts';

const course = (id: string, sessions: number) => ({
  id,
  name: id,
  faculty: ['F1'],
  groups: ['G1'],
  sessions,
  minDays: 0,
});

/** The partners of session s as "session:days", sorted. */
function partnersOf(rules: Parameters<typeof testCollege>[0]['rules'], s: number): string[] {
  const p = compile(testCollege({ courses: [course('A', 2), course('B', 2), course('C', 1)], rules }));
  const d = dayPartners(p);
  const out: string[] = [];
  for (let i = d.offsets[s]; i < d.offsets[s + 1]; i++) out.push(`${d.items[i]}:${d.days[i]}`);
  return out.sort();
}

describe('dayPartners', () => {
  // Sessions: A#1 = 0, A#2 = 1, B#1 = 2, B#2 = 3, C#1 = 4.
  it('pairs min_days_apart within a course, min_days_between across courses, different_days both', () => {
    expect(partnersOf([{ kind: 'min_days_apart', courses: ['A', 'B'], hard: true, value: 2 }], 0)).toEqual([
      '1:2',
    ]);
    expect(partnersOf([{ kind: 'min_days_between', courses: ['A', 'B'], hard: true, value: 3 }], 0)).toEqual([
      '2:3',
      '3:3',
    ]);
    expect(partnersOf([{ kind: 'different_days', courses: ['A', 'C'], hard: true }], 0)).toEqual([
      '1:1',
      '4:1',
    ]);
  });

  it('reads rules naming single sessions, keeps the largest distance, and leaves soft rules out', () => {
    const rules = [
      { kind: 'min_days_between' as const, courses: ['A#1', 'A#2', 'C'], hard: true, value: 1 },
      { kind: 'min_days_between' as const, courses: ['A#2', 'C'], hard: true, value: 2 },
      { kind: 'min_days_between' as const, courses: ['A', 'B'], hard: false, value: 4 },
    ];
    expect(partnersOf(rules, 1)).toEqual(['0:1', '4:2']);
    expect(partnersOf(rules, 2)).toEqual([]);
  });
});
