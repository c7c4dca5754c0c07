// not_overlapping_parts rules, read off the planted timetable per section so each holds there (the
// college stays hard-feasible): two to four offerings, those whose planted sessions overlap always in
// one part, the rest spread over two or three parts. Drawn from a stream of their own (index.ts),
// so every rule planted before stays as it was.
import type { Draft, DraftRule, Offering } from './draft.ts';
import { plantPerSection } from './plantedFetRules.ts';
import type { Rng } from './rng.ts';

/** Does a planted session of a share a period with one of b? */
function overlap(a: Offering, b: Offering): boolean {
  return a.slot.some(
    (sa) => sa >= 0 && b.slot.some((sb) => sb >= 0 && sa < sb + b.length && sb < sa + a.length),
  );
}

function parts(list: Offering[], rng: Rng): DraftRule | null {
  const pool = [...list];
  const offerings: Offering[] = [];
  for (let n = rng.int(2, 4); n > 0 && pool.length > 0; n--)
    offerings.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]);
  // Overlapping offerings share a part (joined transitively), each such set then in one of 2-3 parts.
  const set = offerings.map((_o, i) => i);
  const root = (i: number): number => (set[i] === i ? i : (set[i] = root(set[i])));
  for (let i = 0; i < offerings.length; i++)
    for (let j = 0; j < i; j++) if (overlap(offerings[i], offerings[j])) set[root(i)] = root(j);
  const roots = [...new Set(offerings.map((_o, i) => root(i)))];
  if (roots.length < 2) return null;
  const count = Math.min(roots.length, rng.int(2, 3));
  // The first `count` sets take parts 0..count-1, the others a part at random.
  const partOf = new Map(roots.map((r, i) => [r, i < count ? i : rng.int(0, count - 1)]));
  // Listed part by part, as the Rules cell reads back (`A;B|C`).
  const order = offerings.map((_o, i) => i).sort((x, y) => partOf.get(root(x))! - partOf.get(root(y))!);
  return {
    kind: 'not_overlapping_parts',
    offerings: order.map((i) => offerings[i]),
    parts: order.map((i) => partOf.get(root(i))!),
    hard: false,
    weight: 1,
  };
}

/** Adds the rules to the draft; returns how many. */
export function addPlantedPartsRules(d: Draft, rng: Rng): number {
  return plantPerSection(d, rng, [(list) => (list.length < 2 ? null : parts(list, rng))]);
}
