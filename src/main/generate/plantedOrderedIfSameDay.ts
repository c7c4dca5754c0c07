// ordered_if_same_day rules, read off the planted timetable per section so each holds there (the
// college stays hard-feasible) and binds: two offerings of equal session counts, listed in the order
// their sessions k keep on the days they share (at least one shared). Drawn from a stream of their
// own (index.ts), so every rule planted before stays as it was.
import type { Draft, DraftRule, Offering } from './draft.ts';
import { plantPerSection } from './plantedFetRules.ts';
import type { Rng } from './rng.ts';

/** Does every session k of a that shares a day with b's session k end before it starts; and one does? */
function keeps(d: Draft, a: Offering, b: Offering): boolean {
  let shared = false;
  for (let k = 0; k < a.sessions; k++) {
    const sa = a.slot[k];
    const sb = b.slot[k];
    if (sa < 0 || sb < 0 || Math.floor(sa / d.nPeriods) !== Math.floor(sb / d.nPeriods)) continue;
    if (sa + a.length > sb) return false;
    shared = true;
  }
  return shared;
}

function orderedIfSameDay(d: Draft, list: Offering[], rng: Rng): DraftRule | null {
  for (let tries = 0; tries < 6; tries++) {
    const a = rng.pick(list);
    const b = rng.pick(list);
    if (a === b || a.sessions !== b.sessions) continue;
    if (keeps(d, a, b)) return { kind: 'ordered_if_same_day', offerings: [a, b], hard: false, weight: 1 };
    if (keeps(d, b, a)) return { kind: 'ordered_if_same_day', offerings: [b, a], hard: false, weight: 1 };
  }
  return null;
}

/** Adds the rules to the draft; returns how many. */
export function addPlantedOrderedIfSameDayRules(d: Draft, rng: Rng): number {
  return plantPerSection(d, rng, [(list) => (list.length < 2 ? null : orderedIfSameDay(d, list, rng))]);
}
