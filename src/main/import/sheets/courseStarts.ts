// Courses `starts`: every listed start must leave room for a whole session before a break or the
// day's end, else the row is refused at its cell (one error naming every such start).
import { fitsAt } from '../../../shared/model/index.ts';
import type { ParsedWorkbook } from '../parsedWorkbook.ts';

export function checkCourseStarts(parsed: ParsedWorkbook): void {
  const table = parsed.tables.Courses;
  const grid = parsed.grid;
  if (!table || !grid) return;
  for (const { item, row } of parsed.courses) {
    const bad = (item.starts ?? []).filter((s) => !fitsAt(parsed.periods, s.period, item.length));
    if (bad.length === 0) continue;
    const names = bad.map((s) => `${grid.days[s.day]}:${grid.periodLabels[s.period]}`);
    table.error(
      row,
      'starts',
      `A ${item.length}-period session of ${item.id} cannot start at ${names.slice(0, 6).join(', ')}${names.length > 6 ? ` (and ${names.length - 6} more)` : ''}: it would run across a break or past the day's end`,
      'List only starts with the whole session before the next break, or shorten the session.',
    );
  }
}
