// min_slots rules, read off the planted timetable per section so each holds there (the college stays
// hard-feasible) and binds: the value is how many of the listed slots the planted sessions cover.
// Drawn from a stream of their own (index.ts), so every rule planted before stays as it was.
import type { SlotRef } from '../../shared/model/types.ts';
import type { Draft, DraftRule, Offering } from './draft.ts';
import { plantPerSection } from './plantedFetRules.ts';
import type { Rng } from './rng.ts';

/** min_slots: some of the slots one or two offerings cover and others; value = those covered. */
function minSlots(d: Draft, list: Offering[], rng: Rng): DraftRule | null {
  if (list.length === 0) return null;
  const a = rng.pick(list);
  const b = rng.pick(list);
  const offs = rng.chance(0.5) && b !== a ? [a, b] : [a];
  const cover = new Set<number>();
  for (const o of offs)
    for (const s of o.slot) if (s >= 0) for (let q = 0; q < o.length; q++) cover.add(s + q);
  const own = rng.shuffle([...cover]).slice(0, rng.int(1, 3));
  if (own.length === 0) return null;
  const others = Array.from({ length: own.length }, () => rng.int(0, d.nSlots - 1));
  const listed = [...new Set([...own, ...others])].sort((x, y) => x - y);
  const slots: SlotRef[] = listed.map((s) => ({ day: Math.floor(s / d.nPeriods), period: s % d.nPeriods }));
  const value = listed.filter((s) => cover.has(s)).length;
  return { kind: 'min_slots', offerings: offs, hard: false, weight: 1, value, slots };
}

/** Adds the rules to the draft; returns how many. */
export function addPlantedMinSlotsRules(d: Draft, rng: Rng): number {
  return plantPerSection(d, rng, [(list) => minSlots(d, list, rng)]);
}
