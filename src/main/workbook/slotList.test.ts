import { describe, expect, it } from 'vitest';
import { formatSlotList } from './slotList.ts';

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
