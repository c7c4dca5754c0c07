// FET's "students (set) early, max beginnings at second hour" becomes Groups `max_late_starts` on
// each subgroup (constraints.ts). FET finds a subgroup's first and second hour of a day by skipping
// break hours and the subgroup's not-available hours; the contract counts periods by index (an hour
// that is a break on every day is no period, so it is skipped in both). Where, on some day, one of
// the first two periods is a break on that day only or an hour the subgroup is not available in,
// FET's first hour is a later period and the contract's reading would be stricter than FET's: the
// limit is left off that subgroup and each constraint naming it is reported (weakened when it still
// holds for other subgroups, dropped when for none).
import { activitiesNamed } from './activitySelectors.ts';
import type { FetContext, Outcome } from './fetContext.ts';
import type { FetDocument } from './read.ts';
import { textOf } from './xml.ts';

const KINDS = new Set([
  'ConstraintStudentsEarlyMaxBeginningsAtSecondHour',
  'ConstraintStudentsSetEarlyMaxBeginningsAtSecondHour',
]);

/** `hourOf[p]` is the FET hour of period p; `hoursPerDay` FET's hours per day (breaks included). */
export function keepExactLateStarts(
  doc: FetDocument,
  ctx: FetContext,
  hourOf: readonly number[],
  demote: (fetKind: string, outcome: Outcome, activities: number[], reason: string) => void,
): void {
  const H = ctx.hoursPerDay;
  const firstTwo = hourOf.slice(0, 2);
  const unclear = new Set<string>();
  for (const [name, lim] of ctx.subgroupLimits) {
    if (lim.maxLateStarts === undefined) continue;
    const off = ctx.subgroupUnavailable.get(name);
    for (let d = 0; d < doc.days.length; d++)
      for (const h of firstTwo) if (ctx.breaks.has(d * H + h) || off?.has(d * H + h)) unclear.add(name);
  }
  if (unclear.size === 0) return;
  for (const name of unclear) delete ctx.subgroupLimits.get(name)!.maxLateStarts;
  for (const el of doc.timeConstraints) {
    if (!KINDS.has(el.name) || textOf(el, 'Active') === 'false') continue;
    if (Number(textOf(el, 'Weight_Percentage') ?? '100') < 100) continue;
    const set = textOf(el, 'Students');
    const subgroups = set === undefined ? ctx.allSubgroups : ctx.atomicOf(set);
    const lost = subgroups.filter((s) => unclear.has(s));
    if (lost.length === 0) continue;
    const names =
      lost.length > 5 ? `${lost.slice(0, 5).join(', ')} and ${lost.length - 5} more` : lost.join(', ');
    demote(
      el.name,
      lost.length < subgroups.length ? 'weakened' : 'dropped',
      activitiesNamed(el, ctx),
      `not imported for subgroups whose first or second hour is, on some day, a break or an hour they are not available in (FET then counts from a later hour, the contract from the first period): ${names}`,
    );
  }
}
