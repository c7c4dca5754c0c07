// Building-change limits (../eval/buildings.ts) of the faculty and groups a move touches, as findings
// of ./limits.ts: whose limit a move breaks and by how much.
import type { IncrementalState } from '../eval/incremental/IncrementalState.ts';
import { facultyBuildingLimited, groupBuildingLimited, weekChanges } from '../eval/buildings.ts';
import { problemFacts } from '../eval/problemFacts.ts';
import { dayName, plural } from '../eval/describe.ts';
import type { Naming } from './naming.ts';

/** Record a finding: key, amount over the limit (kept when above the key's current one), text. */
export type Keep = (key: string, amount: number, text: string) => void;

export function buildingFindings(
  state: IncrementalState,
  faculty: Iterable<number>,
  groups: Iterable<number>,
  naming: Naming,
  keep: Keep,
): void {
  const p = state.problem;
  if (p.buildings.length < 2) return;
  for (const f of faculty) {
    if (!facultyBuildingLimited(p, f)) continue;
    const min = p.facultyMinGapsBetweenBuildingChanges[f];
    const week = weekChanges(p, state, p.facultyCourses, f, min);
    person(naming.faculty(f), 'their', `fb${f}`, week, {
      maxDay: p.facultyMaxBuildingChangesPerDay[f],
      maxWeek: p.facultyMaxBuildingChangesPerWeek[f],
      min,
    });
  }
  const facts = problemFacts(p);
  for (const g of groups) {
    if (!groupBuildingLimited(p, g)) continue;
    const min = p.groupMinGapsBetweenBuildingChanges[g];
    for (let i = facts.groupSets.offsets[g]; i < facts.groupSets.offsets[g + 1]; i++) {
      const week = weekChanges(p, state, p.setCourses, facts.groupSets.items[i], min);
      person(`group ${naming.group(g)}`, 'its', `gb${g}`, week, {
        maxDay: p.groupMaxBuildingChangesPerDay[g],
        maxWeek: p.groupMaxBuildingChangesPerWeek[g],
        min,
      });
    }
  }

  function person(
    who: string,
    whose: string,
    key: string,
    week: { changes: Int32Array; short: Int32Array },
    limits: { maxDay: number; maxWeek: number; min: number },
  ): void {
    let total = 0;
    for (let d = 0; d < p.nDays; d++) {
      const n = week.changes[d];
      total += n;
      if (limits.maxDay >= 0)
        keep(
          `${key}d:${d}`,
          n - limits.maxDay,
          `${who} would change building ${plural(n, 'time')} on ${dayName(p, d)}, more than ${whose} limit of ${limits.maxDay}`,
        );
      if (limits.min > 0)
        keep(
          `${key}g:${d}`,
          week.short[d],
          `${who} would change building on ${dayName(p, d)} with fewer than ${plural(limits.min, 'free period')} to get there (${whose} minimum)`,
        );
    }
    if (limits.maxWeek >= 0)
      keep(
        `${key}w`,
        total - limits.maxWeek,
        `${who} would change building ${plural(total, 'time')} in the week, more than ${whose} limit of ${limits.maxWeek}`,
      );
  }
}
