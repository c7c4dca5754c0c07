import { describe, expect, it } from 'vitest';
import { groupYear } from './groupYear.ts';

describe('groupYear', () => {
  it('reads the year from the name, in words, ordinals or roman numerals', () => {
    expect(groupYear('X', 'B.Tech Computer Science year 2 section A')).toBe(2);
    expect(groupYear('X', '3rd Year Mechanical')).toBe(3);
    expect(groupYear('X', 'Year II, batch 1')).toBe(2);
    expect(groupYear('X', 'Year-4')).toBe(4);
  });

  it('falls back to the first digit after the id letters, else unknown', () => {
    expect(groupYear('CSE2A', 'Computer Science A')).toBe(2);
    expect(groupYear('ME-3B', 'Mechanical B')).toBe(3);
    expect(groupYear('curriculum17', 'q17')).toBe(1);
    expect(groupYear('G', 'Group')).toBe(0);
    expect(groupYear('2024-CS', 'Computer Science')).toBe(0);
  });
});
