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
