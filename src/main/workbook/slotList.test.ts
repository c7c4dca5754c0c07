import { describe, expect, it } from 'vitest';
import { parseSlotList, SlotGrid } from '../import/slotList.ts';
import { formatSlotList, formatStartList } from './slotList.ts';

const days = ['Mon', 'Tue', 'Wed'];
const labels = ['1', '2', '3', '4'];

describe('formatSlotList', () => {
  it('writes whole days, single periods and ranges by day name and period label, in week order', () => {
    const slots = [
      { day: 2, period: 3 },
      { day: 0, period: 0 },
      { day: 0, period: 1 },
      { day: 0, period: 2 },
      { day: 0, period: 3 },
      { day: 1, period: 0 },
      { day: 1, period: 2 },
      { day: 1, period: 3 },
    ];
    expect(formatSlotList(slots, days, labels)).toBe('Mon;Tue:1;Tue:3-4;Wed:4');
  });

  it('uses the period labels, not indices, and ignores duplicates', () => {
    const dup = [
      { day: 1, period: 1 },
      { day: 1, period: 1 },
      { day: 1, period: 2 },
    ];
    expect(formatSlotList(dup, days, ['P1', 'P2', 'P3', 'P4'])).toBe('Tue:P2-P3');
    expect(formatSlotList([], days, labels)).toBe('');
  });
});

describe('formatStartList', () => {
  it('writes periods listed on every day as bare labels or ranges, then the rest by day', () => {
    const slots = [0, 1, 2].flatMap((day) => [
      { day, period: 0 },
      { day, period: 2 },
      { day, period: 3 },
    ]);
    slots.push({ day: 1, period: 1 });
    expect(formatStartList(slots, days, labels)).toBe('1;3-4;Tue:2');
    expect(formatStartList([{ day: 0, period: 1 }], days, labels)).toBe('Mon:2');
    expect(formatStartList([], days, labels)).toBe('');
  });

  it('reads back as the same slots', () => {
    const grid = new SlotGrid(days, labels);
    const slots = [
      ...[0, 1, 2].map((day) => ({ day, period: 3 })),
      { day: 0, period: 0 },
      { day: 0, period: 1 },
      { day: 2, period: 1 },
    ];
    const key = (s: { day: number; period: number }) => s.day * 10 + s.period;
    const back = parseSlotList(formatStartList(slots, days, labels), grid, { everyDayPeriods: true });
    expect(back.errors).toEqual([]);
    expect(back.slots.map(key).sort()).toEqual(slots.map(key).sort());
  });

  it('reads back labels holding ":" or "-" (FET hour names) and labels that read as day names', () => {
    const odd = ['08:00-09:00', '09:00-10:00', 'Tue', 'P-4'];
    const grid = new SlotGrid(days, odd);
    const slots = [0, 1, 2].flatMap((day) => [0, 2, 3].map((period) => ({ day, period })));
    slots.push({ day: 1, period: 1 });
    const text = formatStartList(slots, days, odd);
    expect(text).toBe('08:00-09:00;P-4;Mon:Tue;Tue:09:00-10:00-Tue;Wed:Tue');
    const back = parseSlotList(text, grid, { everyDayPeriods: true });
    expect(back.errors).toEqual([]);
    const key = (s: { day: number; period: number }) => s.day * 10 + s.period;
    expect(back.slots.map(key).sort()).toEqual(slots.map(key).sort());
  });
});
