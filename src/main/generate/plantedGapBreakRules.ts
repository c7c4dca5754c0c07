// min_gap_counting_breaks rules, read off the planted timetable per section so each holds there (the
// college stays hard-feasible) and binds: over one or two offerings with two sessions on one day, the
// value is the fewest free periods between such a pair, each break between them counted as one.
// Drawn from a stream of their own (index.ts), so every rule planted before stays as it was.
import type { Draft, DraftRule, Offering } from './draft.ts';
import { plantPerSection } from './plantedFetRules.ts';
import type { Rng } from './rng.ts';

/** Free periods from a session at slot `a` of `len` periods to a later one at `b`, breaks counted. */
function freeBetween(d: Draft, a: number, len: number, b: number): number {
  const place = (q: number): number => q + d.blockOf[q] - d.blockOf[0];
  const last = Math.min((a % d.nPeriods) + len - 1, d.nPeriods - 1);
  return place(b % d.nPeriods) - place(last) - 1;
}

function minGapCountingBreaks(d: Draft, list: Offering[], rng: Rng): DraftRule | null {
  if (list.length === 0) return null;
  const a = rng.pick(list);
  const b = rng.pick(list);
  const offs = rng.chance(0.5) && b !== a ? [a, b] : [a];
  const placed = offs.flatMap((o) => o.slot.filter((s) => s >= 0).map((s) => ({ s, len: o.length })));
  let least = Infinity;
  for (const x of placed)
    for (const y of placed)
      if (x !== y && x.s <= y.s && Math.floor(x.s / d.nPeriods) === Math.floor(y.s / d.nPeriods))
        least = Math.min(least, freeBetween(d, x.s, x.len, y.s));
  if (!(least >= 1) || least === Infinity) return null;
  return {
    kind: 'min_gap_counting_breaks',
    offerings: offs,
    hard: false,
    weight: 1,
    value: Math.min(least, 2),
  };
}

/** Adds the rules to the draft; returns how many. */
export function addPlantedGapBreakRules(d: Draft, rng: Rng): number {
  return plantPerSection(d, rng, [(list) => minGapCountingBreaks(d, list, rng)]);
}
