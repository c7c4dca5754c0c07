// Courses `starts` for the full college ("the lab starts only at period 1 or 6"): some multi-period
// courses list the periods their planted sessions start at, on every day, and a few one-period
// courses those periods and one more. Each planted start is listed, so the planted timetable keeps
// them; each listed period fits the session before a break (the period grid is the same every day).
import type { College } from '../../shared/model/types.ts';
import type { Draft } from './draft.ts';
import type { Rng } from './rng.ts';

export function addPlantedStarts(d: Draft, college: College, rng: Rng): void {
  const { nPeriods } = d;
  const nDays = d.days.length;
  const byId = new Map(college.courses.map((c) => [c.id, c]));
  for (const off of d.offerings) {
    const course = byId.get(off.id);
    const planted = off.slot.filter((s) => s >= 0);
    if (!course || planted.length === 0) continue;
    if (!rng.chance(off.length > 1 ? 0.4 : 0.08)) continue;
    const periods = new Set(planted.map((s) => s % nPeriods));
    if (off.length === 1) periods.add(rng.int(0, nPeriods - 1));
    course.starts = Array.from({ length: nDays }, (_, day) =>
      [...periods].sort((a, b) => a - b).map((period) => ({ day, period })),
    ).flat();
  }
}
