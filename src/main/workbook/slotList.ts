// Writes slot lists the way WORKBOOK.md reads them: `Mon` (whole day), `Mon:3` (one period),
// `Mon:3-5` (a range), by day name and period label, separated by `;`.
import type { SlotRef } from '../../shared/model/types.ts';

export function formatSlotList(
  slots: readonly SlotRef[],
  days: readonly string[],
  labels: readonly string[],
): string {
  const byDay = new Map<number, Set<number>>();
  for (const s of slots) {
    const set = byDay.get(s.day) ?? new Set<number>();
    set.add(s.period);
    byDay.set(s.day, set);
  }
  const items: string[] = [];
  for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
    const periods = [...byDay.get(day)!].sort((a, b) => a - b);
    if (periods.length === labels.length) {
      items.push(days[day]);
      continue;
    }
    for (let i = 0; i < periods.length;) {
      let j = i;
      while (j + 1 < periods.length && periods[j + 1] === periods[j] + 1) j++;
      const from = labels[periods[i]];
      items.push(j === i ? `${days[day]}:${from}` : `${days[day]}:${from}-${labels[periods[j]]}`);
      i = j + 1;
    }
  }
  return items.join(';');
}

/**
 * Courses `starts`: the periods listed on every day as bare labels or ranges (`1;4-5`, meaning every
 * day), then the rest as formatSlotList writes them.
 */
export function formatStartList(
  slots: readonly SlotRef[],
  days: readonly string[],
  labels: readonly string[],
): string {
  const listed = new Set(slots.map((s) => s.day * labels.length + s.period));
  // A label that reads as a day name is written with its days, never bare.
  const dayNames = new Set(days.map((d) => d.toLowerCase()));
  const everyDay: number[] = [];
  for (let p = 0; p < labels.length; p++) {
    if (dayNames.has(labels[p].trim().toLowerCase())) continue;
    if (days.length > 0 && days.every((_, d) => listed.has(d * labels.length + p))) everyDay.push(p);
  }
  const items: string[] = [];
  for (let i = 0; i < everyDay.length;) {
    let j = i;
    while (j + 1 < everyDay.length && everyDay[j + 1] === everyDay[j] + 1) j++;
    items.push(j === i ? labels[everyDay[i]] : `${labels[everyDay[i]]}-${labels[everyDay[j]]}`);
    i = j + 1;
  }
  const common = new Set(everyDay);
  const rest = formatSlotList(
    slots.filter((s) => !common.has(s.period)),
    days,
    labels,
  );
  if (rest !== '') items.push(rest);
  return items.join(';');
}
