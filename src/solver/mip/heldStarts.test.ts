import { describe, expect, it } from 'vitest';
import { compile } from '../../shared/compiled/compile.ts';
import { placementAt, testCollege } from '../../shared/eval/testing/testCollege.ts';
import { heldStartsFirst } from './heldStarts.ts';

describe('heldStartsFirst', () => {
  it("tries the starts the course's sessions hold first, then the fallback's order", () => {
    const p = compile(
      testCollege({ courses: [{ id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 2 }] }),
    );
    const held = placementAt(p, [
      ['A', 1, 2, 1, 'R1'],
      ['A', 2, 0, 3, 'R1'],
    ]);
    // Columns 10..15 start at slots 0..5 (Monday); Wednesday period 2 (slot 13) is not among them.
    const xSlot = Int32Array.from({ length: 16 }, (_, j) => (j < 10 ? 20 + j : j - 10));
    const reversed = {
      order: (_c: number, from: number, to: number) =>
        [5, 4, 3, 2, 1, 0].map((k) => from + k).filter((j) => j < to),
      taken: () => {},
    };
    expect(heldStartsFirst(p, held, xSlot, null).order(0, 10, 16)).toEqual([13, 10, 11, 12, 14, 15]);
    expect(heldStartsFirst(p, held, xSlot, reversed).order(0, 10, 16)).toEqual([13, 15, 14, 12, 11, 10]);
  });
});
