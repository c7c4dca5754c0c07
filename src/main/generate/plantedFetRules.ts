// Rules of the kinds FET files brought to the contract (max_days_apart, ends_day,
// same_room_if_consecutive), read off the planted timetable per section so each holds there (the
// college stays hard-feasible) and, where it can, binds: a spread of days no wider than the planted
// one, sessions that end their students' day, courses that meet back to back in one room. Drawn
// from a stream of their own, so every rule planted before stays as it was.
import type { Draft, DraftRule, Offering } from './draft.ts';
import type { Occupancy } from './occupancy.ts';
import type { Rng } from './rng.ts';
import { sectionOfferings } from './plantedRules.ts';

/** Chance per section of one rule of each kind (when one fits), and of it being hard. */
const CHANCE = 0.35;
const HARD_SHARE = 0.5;

/** Does session k of the offering end its students' day (no later period of any of its leaves)? */
function endsDay(d: Draft, occ: Occupancy, off: Offering, k: number): boolean {
  const s = off.slot[k];
  if (s < 0 || off.leaves.length === 0) return false;
  const dayEnd = (Math.floor(s / d.nPeriods) + 1) * d.nPeriods;
  for (const l of off.leaves)
    for (let q = s + off.length; q < dayEnd; q++) if (occ.leaf[l * d.nSlots + q] > 0) return false;
  return true;
}

/** Back to back: one ends where the other starts, same day, no break between. */
function backToBack(d: Draft, a: number, la: number, b: number, lb: number): boolean {
  const follows = (x: number, lx: number, y: number): boolean => {
    const p = x % d.nPeriods;
    return y === x + lx && p + lx < d.nPeriods && d.blockOf[p + lx - 1] === d.blockOf[p + lx];
  };
  return a >= 0 && b >= 0 && (follows(a, la, b) || follows(b, lb, a));
}

/** Planted sessions of the offerings as [slot, length, room]. */
function sessionsOf(offs: Offering[]): Array<[number, number, number]> {
  return offs.flatMap((o) =>
    o.slot.flatMap((s, k): Array<[number, number, number]> => (s >= 0 ? [[s, o.length, o.room[k]]] : [])),
  );
}

function maxDaysApart(d: Draft, list: Offering[], rng: Rng): DraftRule | null {
  const many = list.filter((o) => o.sessions >= 2);
  if (many.length === 0) return null;
  const a = rng.pick(many);
  const b = rng.pick(list);
  const offs = rng.chance(0.5) && b !== a ? [a, b] : [a];
  const days = sessionsOf(offs).map(([s]) => Math.floor(s / d.nPeriods));
  const value = Math.max(...days) - Math.min(...days);
  return { kind: 'max_days_apart', offerings: offs, hard: false, weight: 1, value };
}

function endsDayRule(d: Draft, occ: Occupancy, list: Offering[], rng: Rng): DraftRule | null {
  const whole = list.filter((o) => o.slot.every((_, k) => endsDay(d, occ, o, k)));
  if (whole.length > 0 && rng.chance(0.5))
    return { kind: 'ends_day', offerings: [rng.pick(whole)], hard: false, weight: 1 };
  const single = list.flatMap((o) => o.slot.flatMap((_, k) => (endsDay(d, occ, o, k) ? [{ o, k }] : [])));
  if (single.length === 0) return null;
  const { o, k } = rng.pick(single);
  return { kind: 'ends_day', offerings: [o], sessions: [k], hard: false, weight: 1 };
}

function sameRoomIfConsecutive(d: Draft, list: Offering[], rng: Rng): DraftRule | null {
  const fitting: Offering[][] = [];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const ss = sessionsOf([list[i], list[j]]);
      let touching = 0;
      let kept = true;
      for (let x = 0; x < ss.length && kept; x++)
        for (let y = x + 1; y < ss.length && kept; y++)
          if (backToBack(d, ss[x][0], ss[x][1], ss[y][0], ss[y][1])) {
            touching++;
            kept = ss[x][2] === ss[y][2];
          }
      if (kept && touching > 0) fitting.push([list[i], list[j]]);
    }
  if (fitting.length === 0) return null;
  return { kind: 'same_room_if_consecutive', offerings: rng.pick(fitting), hard: false, weight: 1 };
}

/** Adds the rules to the draft; returns how many. */
export function addPlantedFetRules(d: Draft, occ: Occupancy, rng: Rng): number {
  return plantPerSection(d, rng, [
    (list) => maxDaysApart(d, list, rng),
    (list) => endsDayRule(d, occ, list, rng),
    (list) => sameRoomIfConsecutive(d, list, rng),
  ]);
}

/**
 * For each section (in id order) and each draw, with chance CHANCE: hard or soft, a weight, then
 * the draw's rule over the section's offerings, added when it finds one. Returns how many were added.
 */
export function plantPerSection(
  d: Draft,
  rng: Rng,
  draws: Array<(list: Offering[]) => DraftRule | null>,
): number {
  const before = d.rules.length;
  for (const [, list] of [...sectionOfferings(d).entries()].sort(([x], [y]) => (x < y ? -1 : 1)))
    for (const draw of draws) {
      if (!rng.chance(CHANCE)) continue;
      const hard = rng.chance(HARD_SHARE);
      const weight = rng.int(1, 3);
      const rule = draw(list);
      if (rule) d.rules.push({ ...rule, hard, weight });
    }
  return d.rules.length - before;
}

/**
 * adjacent_if_same_day over one offering of several sessions, or two offerings, whose planted
 * sessions that share a day are back to back (so it holds), preferring lists where some do (so it
 * binds).
 */
function adjacentIfSameDay(d: Draft, list: Offering[], rng: Rng): DraftRule | null {
  const holding: Offering[][] = [];
  const binding: Offering[][] = [];
  const consider = (offs: Offering[]): void => {
    const ss = sessionsOf(offs);
    let touching = 0;
    for (let x = 0; x < ss.length; x++)
      for (let y = x + 1; y < ss.length; y++) {
        if (Math.floor(ss[x][0] / d.nPeriods) !== Math.floor(ss[y][0] / d.nPeriods)) continue;
        if (!backToBack(d, ss[x][0], ss[x][1], ss[y][0], ss[y][1])) return;
        touching++;
      }
    (touching > 0 ? binding : holding).push(offs);
  };
  for (let i = 0; i < list.length; i++) {
    if (list[i].sessions >= 2) consider([list[i]]);
    for (let j = i + 1; j < list.length; j++) consider([list[i], list[j]]);
  }
  const pool = binding.length > 0 ? binding : holding;
  if (pool.length === 0) return null;
  return { kind: 'adjacent_if_same_day', offerings: rng.pick(pool), hard: false, weight: 1 };
}

/** The planted sessions' terms (days of `perTerm` days), per term how many. */
function termCounts(d: Draft, offs: Offering[], perTerm: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const [s] of sessionsOf(offs)) {
    const t = Math.floor(Math.floor(s / d.nPeriods) / perTerm);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

/** max_terms: one offering of several sessions, or two, in as many terms as planted. */
function maxTerms(d: Draft, list: Offering[], perTerm: number, rng: Rng): DraftRule | null {
  const many = list.filter((o) => o.sessions >= 2);
  if (many.length === 0) return null;
  const a = rng.pick(many);
  const b = rng.pick(list);
  const offs = rng.chance(0.5) && b !== a ? [a, b] : [a];
  const value = termCounts(d, offs, perTerm).size;
  return value > 0 ? { kind: 'max_terms', offerings: offs, hard: false, weight: 1, value } : null;
}

/** max_per_term: two or three offerings of the section, at most as many in a term as planted. */
function maxPerTerm(d: Draft, list: Offering[], perTerm: number, rng: Rng): DraftRule | null {
  if (list.length < 2) return null;
  const offs = rng.shuffle([...list]).slice(0, rng.int(2, 3));
  const value = Math.max(0, ...termCounts(d, offs, perTerm).values());
  return value > 0 ? { kind: 'max_per_term', offerings: offs, hard: false, weight: 1, value } : null;
}

/**
 * Adds adjacent_if_same_day, max_terms and max_per_term rules, and the terms: half weeks when the
 * days split evenly, else one day each (a stream of their own: the rules above stay as they were).
 */
export function addPlantedSameDayRules(d: Draft, rng: Rng): number {
  const n = d.days.length;
  const perTerm = n % 2 === 0 ? n / 2 : 1;
  d.daysPerTerm = perTerm;
  return plantPerSection(d, rng, [
    (list) => adjacentIfSameDay(d, list, rng),
    (list) => maxTerms(d, list, perTerm, rng),
    (list) => maxPerTerm(d, list, perTerm, rng),
  ]);
}
