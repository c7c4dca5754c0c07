import { describe, expect, it } from 'vitest';
import { dateText, timeText } from './cellValues.ts';

describe('timeText', () => {
  it('normalises typed times to HH:MM', () => {
    expect(timeText('9:05')).toBe('09:05');
    expect(timeText(' 14:30 ')).toBe('14:30');
    expect(timeText('08:00:00')).toBe('08:00');
  });
  it('reads spreadsheet time cells (a Date on 1899-12-30, or a day fraction)', () => {
    expect(timeText(new Date(Date.UTC(1899, 11, 30, 13, 45)))).toBe('13:45');
    expect(timeText(0.375)).toBe('09:00');
  });
  it('rejects what is not a time of day', () => {
    for (const bad of ['24:00', '10:60', '9', '9.30', 'noon', '', null, 1.5, true])
      expect(timeText(bad)).toBeUndefined();
  });
});

describe('dateText', () => {
  it('accepts real YYYY-MM-DD dates and date cells', () => {
    expect(dateText('2026-02-28')).toBe('2026-02-28');
    expect(dateText(new Date(Date.UTC(2026, 6, 1)))).toBe('2026-07-01');
  });
  it('rejects impossible or differently written dates', () => {
    for (const bad of ['2026-02-30', '01/07/2026', '2026-7-1', 45000, null])
      expect(dateText(bad)).toBeUndefined();
  });
});
