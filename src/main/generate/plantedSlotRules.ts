// max_slots and max_days_in_slots rules, read off the planted timetable per section so each holds
// there (the college stays hard-feasible) and binds: the value is what the planted sessions cover.
// Drawn from a stream of their own, so every rule planted before stays as it was.
import type { SlotRef } from '../../shared/model/types.ts';
import type { Draft, DraftRule, Offering } from './draft.ts';
import { plantPerSection } from './plantedFetRules.ts';
import type { Rng } from './rng.ts';

/** Every slot (day x nPeriods + period) the offerings' planted sessions cover. */
function covered(d: Draft, offs: Offering[]): Set<number> {
  const out = new Set<number>();
  for (const o of offs) for (const s of o.slot) if (s >= 0) for (let q = 0; q < o.length; q++) out.add(s + q);
  return out;
}

/** One offering, or two of the section. */
function someOfferings(list: Offering[], rng: Rng): Offering[] {
  const a = rng.pick(list);
  const b = rng.pick(list);
  return rng.chance(0.5) && b !== a ? [a, b] : [a];
}

const ref = (d: Draft, slot: number): SlotRef => ({
  day: Math.floor(slot / d.nPeriods),
  period: slot % d.nPeriods,
});

/** max_slots: some of the slots the offerings cover and as many others; value = those covered. */
function maxSlots(d: Draft, list: Offering[], rng: Rng): DraftRule | null {
  if (list.length === 0) return null;
  const offs = someOfferings(list, rng);
  const own = rng.shuffle([...covered(d, offs)]).slice(0, rng.int(1, 3));
  if (own.length === 0) return null;
  const others = Array.from({ length: own.length + 1 }, () => rng.int(0, d.nSlots - 1));
  const listed = [...new Set([...own, ...others])].sort((x, y) => x - y);
  const cover = covered(d, offs);
  const value = listed.filter((s) => cover.has(s)).length;
  return {
    kind: 'max_slots',
    offerings: offs,
    hard: false,
    weight: 1,
    value,
    slots: listed.map((s) => ref(d, s)),
  };
}

/** max_days_in_slots: a range of periods on every day; value = the days the offerings cover it. */
function maxDaysInSlots(d: Draft, list: Offering[], rng: Rng): DraftRule | null {
  if (list.length === 0) return null;
  const offs = someOfferings(list, rng);
  const from = rng.int(0, d.nPeriods - 1);
  const to = Math.min(d.nPeriods - 1, from + rng.int(0, 2));
  const days = new Set<number>();
  for (const s of covered(d, offs))
    if (s % d.nPeriods >= from && s % d.nPeriods <= to) days.add(Math.floor(s / d.nPeriods));
  if (days.size === 0) return null;
  const slots: SlotRef[] = [];
  for (let day = 0; day < d.days.length; day++)
    for (let p = from; p <= to; p++) slots.push({ day, period: p });
  return { kind: 'max_days_in_slots', offerings: offs, hard: false, weight: 1, value: days.size, slots };
}

/** Adds the rules to the draft; returns how many. */
export function addPlantedSlotRules(d: Draft, rng: Rng): number {
  return plantPerSection(d, rng, [(list) => maxSlots(d, list, rng), (list) => maxDaysInSlots(d, list, rng)]);
}
