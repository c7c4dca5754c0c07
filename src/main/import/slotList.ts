// Slot lists: `Mon` (whole day), `Mon:3` (one period by label), `Mon:3-5` (a range of labels),
// separated by `;` (or `,`). Day names and period labels match case-insensitively. Where a list
// allows it (Courses `starts`), a bare period `3` or range `3-5` means those periods on every day.
import type { SlotRef } from '../../shared/model/index.ts';

export interface SlotListResult {
  slots: SlotRef[];
  /** One message per bad item; empty when the whole list is valid. */
  errors: string[];
}

export class SlotGrid {
  private readonly dayIndex = new Map<string, number>();
  private readonly periodIndex = new Map<string, number>();
  readonly days: readonly string[];
  readonly periodLabels: readonly string[];

  constructor(days: readonly string[], periodLabels: readonly string[]) {
    this.days = days;
    this.periodLabels = periodLabels;
    days.forEach((day, i) => this.dayIndex.set(day.trim().toLowerCase(), i));
    periodLabels.forEach((label, i) => this.periodIndex.set(label.trim().toLowerCase(), i));
  }

  day(name: string): number | undefined {
    return this.dayIndex.get(name.trim().toLowerCase());
  }

  period(label: string): number | undefined {
    return this.periodIndex.get(label.trim().toLowerCase());
  }

  dayHint(): string {
    return `Days are ${this.days.join(', ')} (the Calendar's days).`;
  }

  periodHint(): string {
    return `Period labels are ${this.periodLabels.join(', ')} (the Periods sheet).`;
  }
}

export interface SlotListOptions {
  /** A bare period label or range (no day) means those periods on every day. */
  everyDayPeriods?: boolean;
}

export function parseSlotList(text: string, grid: SlotGrid, options: SlotListOptions = {}): SlotListResult {
  const slots: SlotRef[] = [];
  const errors: string[] = [];
  const seen = new Set<number>();
  const nPeriods = grid.periodLabels.length;
  const add = (day: number, period: number): void => {
    const key = day * nPeriods + period;
    if (!seen.has(key)) {
      seen.add(key);
      slots.push({ day, period });
    }
  };
  for (const part of text.split(/[;,]/)) {
    const item = part.trim();
    if (item === '') continue;
    const colon = item.indexOf(':');
    const dayName = colon < 0 ? item : item.slice(0, colon);
    const day = grid.day(dayName);
    if (day === undefined && options.everyDayPeriods === true) {
      // A bare period or range; labels may hold `:` themselves (08:00-09:00).
      const range = periodRange(item, grid);
      if (typeof range !== 'string') {
        for (let d = 0; d < grid.days.length; d++) for (let p = range[0]; p <= range[1]; p++) add(d, p);
        continue;
      }
      if (colon < 0) {
        errors.push(`"${item}": neither a day nor a period (${range})`);
        continue;
      }
    }
    if (day === undefined) {
      errors.push(`"${item}": unknown day "${dayName.trim()}"`);
      continue;
    }
    if (colon < 0) {
      for (let p = 0; p < nPeriods; p++) add(day, p);
      continue;
    }
    const range = periodRange(item.slice(colon + 1), grid);
    if (typeof range === 'string') errors.push(`"${item}": ${range}`);
    else for (let p = range[0]; p <= range[1]; p++) add(day, p);
  }
  return { slots, errors };
}

/** `3` or `3-5` (labels); a label that itself holds `-` is matched whole first. */
function periodRange(text: string, grid: SlotGrid): [number, number] | string {
  const spec = text.trim();
  if (spec === '') return 'no period after ":"';
  const single = grid.period(spec);
  if (single !== undefined) return [single, single];
  const firstDash = spec.indexOf('-');
  if (firstDash < 0) return `unknown period "${spec}"`;
  // Labels may hold dashes themselves (P-4): use the first split where both sides are labels.
  for (let dash = firstDash; dash >= 0; dash = spec.indexOf('-', dash + 1)) {
    const from = grid.period(spec.slice(0, dash));
    const to = grid.period(spec.slice(dash + 1));
    if (from === undefined || to === undefined) continue;
    return to < from ? `the range ${spec} runs backwards` : [from, to];
  }
  const left = spec.slice(0, firstDash).trim();
  return `unknown period "${grid.period(left) === undefined ? left : spec.slice(firstDash + 1).trim()}"`;
}
