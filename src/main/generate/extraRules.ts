// Rules and pinned sessions read off the planted timetable, so each holds there: labs of one batch
// on different days, labs that share equipment never overlapping, theory before the batch's lab,
// spread-out lectures, a section's courses in its home room; a few sessions pinned (Fixed).
import type { Fixed } from '../../shared/model/types.ts';
import type { Draft, Offering } from './draft.ts';
import type { Occupancy } from './occupancy.ts';

function dayOf(d: Draft, slot: number): number {
  return Math.floor(slot / d.nPeriods);
}

export function addDerivedRules(d: Draft, occ: Occupancy): void {
  const { rng } = d;
  const labsByGroup = new Map<string, Offering[]>();
  const bySection = new Map<string, Offering[]>();
  const parentOf = new Map(d.groups.map((g) => [g.id, g.parent]));
  for (const off of d.offerings) {
    if (off.kind === 'lab' && off.groups.length === 1) {
      const list = labsByGroup.get(off.groups[0]) ?? [];
      list.push(off);
      labsByGroup.set(off.groups[0], list);
    }
    if (
      (off.kind === 'theory' || off.kind === 'prelab' || off.kind === 'tutorial') &&
      off.groups.length === 1
    ) {
      const sec = parentOf.get(off.groups[0]) ?? off.groups[0];
      const list = bySection.get(sec) ?? [];
      list.push(off);
      bySection.set(sec, list);
    }
  }
  // Two labs of one batch on different days.
  for (const [, labs] of labsByGroup) {
    if (labs.length < 2) continue;
    const days = labs.flatMap((o) => o.slot.map((s) => dayOf(d, s)));
    if (new Set(days).size === days.length && rng.chance(0.6))
      d.rules.push({ kind: 'different_days', offerings: labs, hard: rng.chance(0.5), weight: 3 });
  }
  // Labs sharing equipment (same room type, different departments) never overlap.
  const labs = d.offerings.filter((o) => o.kind === 'lab');
  const wanted = Math.max(1, Math.round(labs.length / 40));
  for (let t = 0, added = 0; t < wanted * 10 && added < wanted && labs.length > 1; t++) {
    const a = rng.pick(labs);
    const b = rng.pick(labs);
    if (a === b || a.roomType !== b.roomType || a.subject === b.subject) continue;
    const pa = new Set(occ.periodsOf(a.index));
    if (occ.periodsOf(b.index).some((q) => pa.has(q))) continue;
    d.rules.push({ kind: 'not_overlapping', offerings: [a, b], hard: true, weight: 1 });
    added++;
  }
  for (const [, list] of [...bySection.entries()]) {
    // The lecture before the other batches' drawing practice (soft).
    const prelab = list.find((o) => o.kind === 'prelab');
    if (prelab) {
      const drawing = d.offerings.filter(
        (o) =>
          o.subject === 'ME152' &&
          o.groups[0].startsWith(`${prelab.groups[0]}-`) &&
          o.slot[0] > prelab.slot[0],
      );
      for (const lab of drawing)
        if (!d.rules.some((r) => r.kind === 'consecutive' && r.offerings.includes(lab)))
          d.rules.push({ kind: 'ordered', offerings: [prelab, lab], hard: false, weight: 2 });
    }
    // Tutorials of the batches of one section on one day (soft).
    const tutorials = list.filter((o) => o.kind === 'tutorial');
    if (
      tutorials.length >= 2 &&
      tutorials.every((o) => dayOf(d, o.slot[0]) === dayOf(d, tutorials[0].slot[0]))
    )
      d.rules.push({ kind: 'same_day', offerings: tutorials, hard: false, weight: 1 });
    // Lectures of a course at least two days apart.
    for (const off of list) {
      if (off.kind !== 'theory' || off.sessions < 3 || !rng.chance(0.15)) continue;
      const days = off.slot.map((s) => dayOf(d, s)).sort((a, b) => a - b);
      if (days.every((x, i) => i === 0 || x - days[i - 1] >= 2))
        d.rules.push({
          kind: 'min_days_apart',
          offerings: [off],
          hard: rng.chance(0.3),
          weight: 2,
          value: 2,
        });
    }
    // Courses held entirely in the section's home room stay there (soft).
    const home = list.filter((o) => o.homeRoom >= 0 && o.room.every((r) => r === o.homeRoom));
    if (home.length >= 2 && rng.chance(0.4))
      d.rules.push({ kind: 'same_room', offerings: home, hard: false, weight: 1 });
  }
}

/** A few sessions pinned where the planted timetable has them: some open-elective sessions and a few others. */
export function fixedRows(d: Draft): Fixed[] {
  const { rng, nPeriods } = d;
  const open = d.offerings.filter((o) => o.kind === 'open');
  const others = d.offerings.filter((o) => o.kind === 'theory');
  const picks: Array<[Offering, number]> = [];
  for (const off of rng.shuffle([...open]).slice(0, 3)) picks.push([off, rng.int(0, off.sessions - 1)]);
  const nOther = Math.max(2, Math.round(others.length / 150));
  for (const off of rng.shuffle([...others]).slice(0, nOther))
    picks.push([off, rng.int(0, off.sessions - 1)]);
  return picks
    .map(([off, k]): Fixed => {
      const row: Fixed = {
        courseId: off.id,
        session: k + 1,
        day: Math.floor(off.slot[k] / nPeriods),
        period: off.slot[k] % nPeriods,
      };
      if (rng.chance(0.5)) row.roomId = d.rooms[off.room[k]].id;
      return row;
    })
    .sort((a, b) => (a.courseId < b.courseId ? -1 : a.courseId > b.courseId ? 1 : a.session - b.session));
}
