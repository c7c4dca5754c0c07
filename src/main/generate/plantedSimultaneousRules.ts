// max_simultaneous, min_simultaneous, min_simultaneous_or_none, max_sessions_in_slots,
// preferred_starts and preferred_slots rules, read off the planted timetable per section so each
// holds there (the college stays hard-feasible) and binds: the value is what the planted sessions
// reach. Drawn from a stream of their own, after every other rule, so those stay as they were.
import type { SlotRef } from '../../shared/model/types.ts';
import type { Draft, DraftRule, Offering } from './draft.ts';
import { plantPerSection } from './plantedFetRules.ts';
import type { Rng } from './rng.ts';

/** Per slot (day x nPeriods + period), the offerings' planted sessions covering it. */
function perSlot(offs: Offering[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const o of offs)
    for (const s of o.slot)
      if (s >= 0) for (let q = 0; q < o.length; q++) out.set(s + q, (out.get(s + q) ?? 0) + 1);
  return out;
}

/** Two or three offerings of the section (fewer when it has fewer). */
function someOfferings(list: Offering[], rng: Rng): Offering[] {
  return rng.shuffle([...list]).slice(0, rng.int(2, 3));
}

const ref = (d: Draft, slot: number): SlotRef => ({
  day: Math.floor(slot / d.nPeriods),
  period: slot % d.nPeriods,
});
const refs = (d: Draft, slots: Iterable<number>): SlotRef[] =>
  [...new Set(slots)].sort((x, y) => x - y).map((s) => ref(d, s));
const randomSlots = (d: Draft, rng: Rng, n: number): number[] =>
  Array.from({ length: n }, () => rng.int(0, d.nSlots - 1));

/** max_simultaneous: some covered slots and others; value = the most planted sessions in one of them. */
function maxSimultaneous(d: Draft, list: Offering[], rng: Rng): DraftRule | null {
  const offs = someOfferings(list, rng);
  const n = perSlot(offs);
  const own = rng.shuffle([...n.keys()]).slice(0, rng.int(1, 4));
  if (own.length === 0) return null;
  const listed = [...own, ...randomSlots(d, rng, 2)];
  const value = Math.max(...listed.map((s) => n.get(s) ?? 0));
  return { kind: 'max_simultaneous', offerings: offs, hard: false, weight: 1, value, slots: refs(d, listed) };
}

/**
 * min_simultaneous over covered slots only, value = the fewest planted sessions in one of them;
 * min_simultaneous_or_none the same with some empty slots listed too.
 */
function minSimultaneous(d: Draft, list: Offering[], rng: Rng): DraftRule | null {
  const offs = someOfferings(list, rng);
  const n = perSlot(offs);
  const own = rng.shuffle([...n.keys()]).slice(0, rng.int(1, 3));
  if (own.length === 0) return null;
  const value = Math.min(...own.map((s) => n.get(s)!));
  const orNone = rng.chance(0.5);
  const empty = orNone ? randomSlots(d, rng, 3).filter((s) => !n.has(s)) : [];
  return {
    kind: orNone ? 'min_simultaneous_or_none' : 'min_simultaneous',
    offerings: offs,
    hard: false,
    weight: 1,
    value,
    slots: refs(d, [...own, ...empty]),
  };
}

/** max_sessions_in_slots: some covered slots and others; value = the planted sessions in them. */
function maxSessionsInSlots(d: Draft, list: Offering[], rng: Rng): DraftRule | null {
  const offs = someOfferings(list, rng);
  const own = rng.shuffle([...perSlot(offs).keys()]).slice(0, rng.int(1, 3));
  if (own.length === 0) return null;
  const listed = new Set([...own, ...randomSlots(d, rng, 3)]);
  let value = 0;
  for (const o of offs)
    for (const s of o.slot) {
      let hit = false;
      for (let q = 0; q < o.length && s >= 0; q++) hit ||= listed.has(s + q);
      if (hit) value++;
    }
  return {
    kind: 'max_sessions_in_slots',
    offerings: offs,
    hard: false,
    weight: 1,
    value,
    slots: refs(d, listed),
  };
}

/** preferred_starts (the planted starts) or preferred_slots (the covered slots) of one offering, and a few more. */
function preferred(d: Draft, list: Offering[], rng: Rng): DraftRule | null {
  if (list.length === 0) return null;
  const off = rng.pick(list);
  const starts = rng.chance(0.5);
  const own = starts ? off.slot.filter((s) => s >= 0) : [...perSlot([off]).keys()];
  if (own.length === 0) return null;
  const slots = refs(d, [...own, ...randomSlots(d, rng, 3)]);
  return {
    kind: starts ? 'preferred_starts' : 'preferred_slots',
    offerings: [off],
    hard: false,
    weight: 1,
    slots,
  };
}

/** Adds the rules to the draft; returns how many. */
export function addPlantedSimultaneousRules(d: Draft, rng: Rng): number {
  return plantPerSection(d, rng, [
    (list) => maxSimultaneous(d, list, rng),
    (list) => minSimultaneous(d, list, rng),
    (list) => maxSessionsInSlots(d, list, rng),
    (list) => preferred(d, list, rng),
  ]);
}
