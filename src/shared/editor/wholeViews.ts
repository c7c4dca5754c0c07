// Whole views: every group of a department, or every group of a year of study, on one sheet (a
// row per group, a column per period of the week); and a faculty member's or a room's week as
// free, busy and unavailable periods.
import type { CompiledProblem } from '../compiled/types.ts';
import type { EditorNames, Positions } from './engineTypes.ts';
import { sessionsInView } from './views.ts';

/**
 * Orders ids and department names by their characters. (localeCompare's first call loads the
 * collation data: about 100 ms on the page's thread when the Timetable screen first opens.)
 */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export type WholeView = { kind: 'department'; department: string } | { kind: 'year'; year: number };

export interface Choice {
  value: string;
  label: string;
  groups: number;
}

/** Departments that have groups, with how many top-level groups each has. */
export function departmentChoices(p: CompiledProblem, names: EditorNames): Choice[] {
  const count = new Map<string, number>();
  for (let g = 0; g < p.nGroups; g++) {
    const d = names.groupDepartment[g];
    if (d && p.groupParent[g] < 0) count.set(d, (count.get(d) ?? 0) + 1);
  }
  return [...count].sort((a, b) => byText(a[0], b[0])).map(([d, n]) => ({ value: d, label: d, groups: n }));
}

/** Years of study that groups have (groupYear.ts), with how many top-level groups each has. */
export function yearChoices(p: CompiledProblem, names: EditorNames): Choice[] {
  const count = new Map<number, number>();
  for (let g = 0; g < p.nGroups; g++) {
    const y = names.groupYear[g];
    if (y > 0 && p.groupParent[g] < 0) count.set(y, (count.get(y) ?? 0) + 1);
  }
  return [...count]
    .sort((a, b) => a[0] - b[0])
    .map(([y, n]) => ({ value: String(y), label: `Year ${y}`, groups: n }));
}

/**
 * The rows of a whole view: the top-level groups (sections; their batches' sessions show in their
 * row) of the department or year, by department, year and id.
 */
export function wholeViewGroups(p: CompiledProblem, names: EditorNames, view: WholeView): number[] {
  const out: number[] = [];
  for (let g = 0; g < p.nGroups; g++) {
    if (p.groupParent[g] >= 0) continue;
    if (
      view.kind === 'department'
        ? names.groupDepartment[g] === view.department
        : names.groupYear[g] === view.year
    )
      out.push(g);
  }
  return out.sort(
    (a, b) =>
      byText(names.groupDepartment[a], names.groupDepartment[b]) ||
      names.groupYear[a] - names.groupYear[b] ||
      byText(p.groupIds[a], p.groupIds[b]),
  );
}

/** One row of a whole view: per slot, the placed sessions of the group that occupy it (starts first). */
export function overviewRow(p: CompiledProblem, positions: Positions, group: number): number[][] {
  const cells: number[][] = Array.from({ length: p.nSlots }, () => []);
  for (const s of sessionsInView(p, positions.room, 'group', group)) {
    if (positions.active[s] !== 1) continue;
    for (let t = positions.slot[s]; t < positions.slot[s] + positions.span[s]; t++) cells[t].push(s);
  }
  for (const list of cells) list.sort((a, b) => positions.slot[b] - positions.slot[a] || a - b);
  return cells;
}

export const BUSY = 0;
export const FREE = 1;
export const UNAVAILABLE = 2;

/**
 * Per slot of a faculty member's or a room's week: BUSY (a session there), FREE (available and
 * nothing there) or UNAVAILABLE (their `unavailable` list; a session there is a violation and
 * shows as busy).
 */
export function weekAvailability(
  p: CompiledProblem,
  positions: Positions,
  kind: 'faculty' | 'room',
  index: number,
): Uint8Array {
  const out = new Uint8Array(p.nSlots).fill(FREE);
  const away = kind === 'faculty' ? p.facultyUnavailable : p.roomUnavailable;
  for (let t = 0; t < p.nSlots; t++) if (away[index * p.nSlots + t] === 1) out[t] = UNAVAILABLE;
  for (const s of sessionsInView(p, positions.room, kind, index)) {
    if (positions.active[s] !== 1) continue;
    for (let t = positions.slot[s]; t < positions.slot[s] + positions.span[s]; t++) out[t] = BUSY;
  }
  return out;
}
