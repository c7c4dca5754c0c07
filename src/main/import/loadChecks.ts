// Structural checks over the whole workbook: group parent cycles, and faculty members or groups
// that must teach or attend more periods than the week (minus their limits) offers.
import type { ParsedWorkbook } from './parsedWorkbook.ts';

/** Reports each parent cycle once; returns true when the parent links form a forest. */
export function checkGroupCycles(parsed: ParsedWorkbook): boolean {
  const table = parsed.tables.Groups;
  if (!table) return true;
  const byId = new Map(parsed.groups.map((g) => [g.item.id, g]));
  const state = new Map<string, 'open' | 'done'>();
  let acyclic = true;
  for (const start of parsed.groups) {
    const path: string[] = [];
    let id: string | undefined = start.item.id;
    while (id !== undefined && byId.has(id) && state.get(id) !== 'done') {
      if (state.get(id) === 'open') {
        const cycle = path.slice(path.indexOf(id));
        const rows = cycle.map((g) => byId.get(g)?.row ?? 0);
        acyclic = false;
        table.error(
          Math.min(...rows),
          'parent',
          `Groups form a parent cycle: ${[...cycle, id].join(' → ')}`,
          'A group cannot be its own ancestor: clear or correct one of these parent cells.',
        );
        break;
      }
      state.set(id, 'open');
      path.push(id);
      id = byId.get(id)?.item.parent;
    }
    for (const g of path) state.set(g, 'done');
  }
  return acyclic;
}

/** Needs usable periods (the caller checks); group loads also need acyclic parent links. */
export function checkLoads(parsed: ParsedWorkbook, groupsAcyclic: boolean): void {
  const nDays = parsed.calendar.days.length;
  const nPeriods = parsed.periods.length;
  const week = nDays * nPeriods;
  checkFacultyLoads(parsed, nDays, nPeriods, week);
  if (groupsAcyclic) checkGroupLoads(parsed, nDays, week);
}

function checkFacultyLoads(parsed: ParsedWorkbook, nDays: number, nPeriods: number, week: number): void {
  const table = parsed.tables.Faculty;
  if (!table) return;
  const load = new Map<string, number>();
  for (const { item } of parsed.courses) {
    for (const f of item.faculty) load.set(f, (load.get(f) ?? 0) + item.sessions * item.length);
  }
  for (const { item, row } of parsed.faculty) {
    const need = load.get(item.id) ?? 0;
    const limits: Array<[number, string]> = [
      [week - item.unavailable.length, 'periods in the week outside "unavailable"'],
    ];
    if (item.maxPerWeek !== undefined) limits.push([item.maxPerWeek, 'max_per_week']);
    if (item.maxPerDay !== undefined || item.maxDays !== undefined) {
      const perDay = Math.min(item.maxPerDay ?? nPeriods, nPeriods);
      const days = Math.min(item.maxDays ?? nDays, nDays);
      limits.push([perDay * days, `${perDay} a day on at most ${days} days (max_per_day, max_days)`]);
    }
    const [available, why] = limits.reduce((a, b) => (b[0] < a[0] ? b : a));
    if (need > available) {
      table.error(
        row,
        undefined,
        `${item.id} must teach ${need} periods a week but only ${available} are available (${why})`,
        'Reassign some courses, relax the limits or shorten the unavailable list.',
      );
    }
  }
}

function checkGroupLoads(parsed: ParsedWorkbook, nDays: number, week: number): void {
  const table = parsed.tables.Groups;
  if (!table) return;
  const parentOf = new Map(parsed.groups.map((g) => [g.item.id, g.item.parent]));
  const ancestors = (id: string): string[] => {
    const out: string[] = [];
    for (let p = parentOf.get(id); p !== undefined && parentOf.has(p); p = parentOf.get(p)) out.push(p);
    return out;
  };
  // A course counts once per group even when it lists both a group and one of its ancestors.
  const own = new Map<string, number>();
  for (const { item } of parsed.courses) {
    const listed = new Set(item.groups);
    for (const g of listed) {
      if (ancestors(g).some((a) => listed.has(a))) continue;
      own.set(g, (own.get(g) ?? 0) + item.sessions * item.length);
    }
  }
  for (const { item, row } of parsed.groups) {
    const need = [item.id, ...ancestors(item.id)].reduce((sum, g) => sum + (own.get(g) ?? 0), 0);
    const available = item.maxPerDay !== undefined ? Math.min(week, item.maxPerDay * nDays) : week;
    if (need > available) {
      table.error(
        row,
        undefined,
        `Group ${item.id} must attend ${need} periods a week (with its parent groups' courses) but only ${available} are available`,
        'Move courses to another group, add periods or days, or raise max_per_day.',
      );
    }
  }
}
