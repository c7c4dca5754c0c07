import { describe, expect, it } from 'vitest';
import { parseSlotList, SlotGrid } from './slotList.ts';

const grid = new SlotGrid(['Mon', 'Tue', 'Wed'], ['1', '2', '3', 'P-4', 'Lunch']);

describe('parseSlotList', () => {
  it('reads a whole day, one period and a range', () => {
    expect(parseSlotList('Tue', grid).slots).toEqual([0, 1, 2, 3, 4].map((period) => ({ day: 1, period })));
    expect(parseSlotList('Mon:2', grid)).toEqual({ slots: [{ day: 0, period: 1 }], errors: [] });
    expect(parseSlotList('Wed:1-3', grid).slots).toEqual([0, 1, 2].map((period) => ({ day: 2, period })));
  });

  it('matches days and labels case-insensitively, accepts , and ; and drops repeats', () => {
    const { slots, errors } = parseSlotList(' mon:lunch ; MON:Lunch, tue : 2 ,', grid);
    expect(errors).toEqual([]);
    expect(slots).toEqual([
      { day: 0, period: 4 },
      { day: 1, period: 1 },
    ]);
  });

  it('matches a label holding a dash before reading a range', () => {
    expect(parseSlotList('Mon:P-4', grid).slots).toEqual([{ day: 0, period: 3 }]);
    expect(parseSlotList('Mon:3-P-4', grid).slots.map((s) => s.period)).toEqual([2, 3]);
    expect(parseSlotList('Mon:P-4-Lunch', grid).slots.map((s) => s.period)).toEqual([3, 4]);
    expect(parseSlotList('Mon:P-5-Lunch', grid).errors).toEqual(['"Mon:P-5-Lunch": unknown period "P"']);
    expect(parseSlotList('Mon:2-Lunch', grid).slots.map((s) => s.period)).toEqual([1, 2, 3, 4]);
  });

  it('reports each bad item and keeps the good ones', () => {
    const { slots, errors } = parseSlotList('Sun;Mon:9;Tue:3-1;Wed:;Wed:1-x;Mon:1', grid);
    expect(errors).toEqual([
      '"Sun": unknown day "Sun"',
      '"Mon:9": unknown period "9"',
      '"Tue:3-1": the range 3-1 runs backwards',
      '"Wed:": no period after ":"',
      '"Wed:1-x": unknown period "x"',
    ]);
    expect(slots).toEqual([{ day: 0, period: 0 }]);
  });

  it('gives an empty list for empty text', () => {
    expect(parseSlotList(' ; ', grid)).toEqual({ slots: [], errors: [] });
  });

  it('reads a bare period or range as those periods on every day only where the list allows it', () => {
    const every = { everyDayPeriods: true };
    expect(parseSlotList('2', grid, every).slots).toEqual([0, 1, 2].map((day) => ({ day, period: 1 })));
    expect(parseSlotList('1-2;Wed:Lunch', grid, every).slots).toEqual([
      ...[0, 1, 2].flatMap((day) => [0, 1].map((period) => ({ day, period }))),
      { day: 2, period: 4 },
    ]);
    expect(parseSlotList('mon', grid, every).slots).toHaveLength(5);
    expect(parseSlotList('2', grid).errors).toEqual(['"2": unknown day "2"']);
    expect(parseSlotList('9', grid, every).errors).toEqual([
      '"9": neither a day nor a period (unknown period "9")',
    ]);
  });
});
