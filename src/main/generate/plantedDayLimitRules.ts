// max_per_day and max_continuous rules, read off the planted timetable per section so each holds
// there (the college stays hard-feasible) and binds: the value is the most the planted sessions
// cover on one day, or in one run. Drawn from a stream of their own, so every rule planted before
// stays as it was.
import type { Draft, DraftRule, Offering } from './draft.ts';
import { plantPerSection } from './plantedFetRules.ts';
import type { Rng } from './rng.ts';

/** Per day, the periods the offerings' planted sessions cover (bit q = period q). */
function dayMasks(d: Draft, offs: Offering[]): number[] {
  const masks = new Array<number>(d.days.length).fill(0);
  for (const o of offs)
    for (const s of o.slot)
      if (s >= 0)
        for (let q = 0; q < o.length; q++) masks[Math.floor(s / d.nPeriods)] |= 1 << ((s % d.nPeriods) + q);
  return masks;
}

/** Two or three offerings of the section (a teacher's or a group's day holds several). */
function someOfferings(list: Offering[], rng: Rng): Offering[] {
  const picked = new Set<Offering>();
  for (let k = rng.int(2, 3); k > 0; k--) picked.add(rng.pick(list));
  return [...picked];
}

/** max_per_day: value = the most periods they cover on one day. */
function maxPerDay(d: Draft, list: Offering[], rng: Rng): DraftRule | null {
  if (list.length === 0) return null;
  const offs = someOfferings(list, rng);
  let most = 0;
  for (const m of dayMasks(d, offs)) {
    let n = 0;
    for (let q = 0; q < d.nPeriods; q++) n += (m >>> q) & 1;
    most = Math.max(most, n);
  }
  if (most === 0) return null;
  return { kind: 'max_per_day', offerings: offs, hard: false, weight: 1, value: most };
}

/** max_continuous: value = their longest run (adjacent periods: one block, no break between). */
function maxContinuous(d: Draft, list: Offering[], rng: Rng): DraftRule | null {
  if (list.length === 0) return null;
  const offs = someOfferings(list, rng);
  let longest = 0;
  for (const m of dayMasks(d, offs)) {
    let run = 0;
    for (let q = 0; q < d.nPeriods; q++) {
      if (((m >>> q) & 1) === 0) run = 0;
      else run = q > 0 && ((m >>> (q - 1)) & 1) === 1 && d.blockOf[q - 1] === d.blockOf[q] ? run + 1 : 1;
      longest = Math.max(longest, run);
    }
  }
  if (longest === 0) return null;
  return { kind: 'max_continuous', offerings: offs, hard: false, weight: 1, value: longest };
}

/** Adds the rules to the draft; returns how many. */
export function addPlantedDayLimitRules(d: Draft, rng: Rng): number {
  return plantPerSection(d, rng, [(list) => maxPerDay(d, list, rng), (list) => maxContinuous(d, list, rng)]);
}
