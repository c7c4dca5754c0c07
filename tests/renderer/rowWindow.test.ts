import { describe, expect, it } from 'vitest';
import { FIRST_ROWS, OVERSCAN, rowWindow } from '../../src/renderer/src/variants/rowWindow.ts';

describe('rowWindow', () => {
  it('puts the first rows in the page before the scroll box is measured', () => {
    expect(rowWindow(6863, 30, 0, 0)).toEqual({ first: 0, last: FIRST_ROWS });
    expect(rowWindow(5, 30, 0, 0)).toEqual({ first: 0, last: 5 });
  });

  it('covers every row in view, with OVERSCAN rows either side, within the table', () => {
    // 300 px from row 100 (at 3000 px) on: rows 100..109 in view.
    expect(rowWindow(6863, 30, 3000, 300)).toEqual({ first: 100 - OVERSCAN, last: 110 + OVERSCAN });
    expect(rowWindow(6863, 30, 0, 300)).toEqual({ first: 0, last: 10 + OVERSCAN });
    expect(rowWindow(6863, 30, 6863 * 30 - 300, 300)).toEqual({ first: 6853 - OVERSCAN, last: 6863 });
    for (const top of [0, 17, 4321, 100_000, 205_000]) {
      const { first, last } = rowWindow(6863, 31.5, top, 450);
      expect(first).toBeLessThanOrEqual(Math.floor(top / 31.5));
      expect(last).toBeGreaterThanOrEqual(Math.min(6863, Math.ceil((top + 450) / 31.5)));
      expect(last - first).toBeLessThanOrEqual(450 / 31.5 + 2 * OVERSCAN + 2);
    }
  });

  it('is empty for an empty table and stays in range when scrolled past the end', () => {
    expect(rowWindow(0, 30, 0, 300)).toEqual({ first: 0, last: 0 });
    const past = rowWindow(50, 30, 10_000, 300);
    expect(past.first).toBeLessThanOrEqual(past.last);
    expect(past.last).toBe(50);
  });
});
