// grouped rules, read off the planted timetable per section so each holds there (the college stays
// hard-feasible): two or three offerings of equal session counts whose sessions k form one block of
// one day in every k, or two or three single sessions (`course_id#k`) of different offerings back to
// back (no break between), listed in any order. Drawn from a stream of their own (index.ts), so every
// rule planted before stays as it was.
import type { Draft, DraftRule, Offering } from './draft.ts';
import { plantPerSection } from './plantedFetRules.ts';
import type { Rng } from './rng.ts';

/** Does a session of `length` at slot a end where one at b starts, same day, no break between? */
function follows(d: Draft, a: number, length: number, b: number): boolean {
  const p = a % d.nPeriods;
  return (
    a >= 0 &&
    b === a + length &&
    p + length < d.nPeriods &&
    d.blockOf[p + length - 1] === d.blockOf[p + length]
  );
}

/** Do the sessions k of the offerings, in start order, each follow the one before, in every k? */
function oneBlock(d: Draft, offs: Offering[]): boolean {
  for (let k = 0; k < offs[0].sessions; k++) {
    const at = offs.map((o) => ({ s: o.slot[k], len: o.length })).sort((x, y) => x.s - y.s);
    for (let i = 1; i < at.length; i++) if (!follows(d, at[i - 1].s, at[i - 1].len, at[i].s)) return false;
  }
  return true;
}

/** A chain of two, sometimes three, members; listed in start order or reversed. */
function listed<T>(chain: T[], thirds: T[], rng: Rng): T[] {
  const out = thirds.length > 0 && rng.chance(0.7) ? [...chain, rng.pick(thirds)] : chain;
  return rng.chance(0.5) ? out.reverse() : out;
}

function grouped(d: Draft, list: Offering[], rng: Rng): DraftRule | null {
  const a = rng.pick(list);
  const mates = list.filter((o) => o !== a && o.sessions === a.sessions);
  const pairs = mates.filter((b) => oneBlock(d, [a, b]));
  if (pairs.length > 0 && rng.chance(0.5)) {
    const b = rng.pick(pairs);
    const offerings = listed(
      [a, b],
      mates.filter((c) => c !== b && oneBlock(d, [a, b, c])),
      rng,
    );
    return { kind: 'grouped', offerings, hard: false, weight: 1 };
  }
  const starts = list.flatMap((o) => o.slot.map((s, k) => ({ o, k, s })).filter((x) => x.s >= 0));
  type At = (typeof starts)[0];
  const next = (x: At): At[] => starts.filter((y) => y.o !== x.o && follows(d, x.s, x.o.length, y.s));
  const firsts = starts.filter((x) => next(x).length > 0);
  if (firsts.length === 0) return null;
  const x = rng.pick(firsts);
  const y = rng.pick(next(x));
  const chain = listed(
    [x, y],
    next(y).filter((z) => z.o !== x.o),
    rng,
  );
  return {
    kind: 'grouped',
    offerings: chain.map((c) => c.o),
    sessions: chain.map((c) => c.k),
    hard: false,
    weight: 1,
  };
}

/** Adds the rules to the draft; returns how many. */
export function addPlantedGroupedRules(d: Draft, rng: Rng): number {
  return plantPerSection(d, rng, [(list) => (list.length < 2 ? null : grouped(d, list, rng))]);
}
