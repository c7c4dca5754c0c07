// Rules of every kind read off the planted timetable (the full presets; `plain` leaves them out):
// per section, pairs of its courses that the planted timetable already keeps together in some way
// (same start, back to back, same day, in order, different days, spread apart, one room, same
// period, back to back either way, days apart across courses) become
// rules, hard or soft, and labs of different sections that never meet become not_overlapping.
// Every rule holds in the planted timetable, so the college stays hard-feasible. Paired rules
// (session k with session k) only join courses with the same number of sessions, as the import asks.
import type { RuleKind } from '../../shared/model/types.ts';
import type { Draft, DraftRule, Offering } from './draft.ts';
import type { Rng } from './rng.ts';

/** Chance per section of one rule of each kind (when a pair that fits exists), and of it being hard. */
const PER_SECTION: Array<[RuleKind, number, number]> = [
  ['same_time', 0.35, 0.5],
  ['consecutive', 0.35, 0.5],
  ['same_day', 0.45, 0.5],
  ['ordered', 0.45, 0.5],
  ['different_days', 0.35, 0.5],
  ['min_days_apart', 0.45, 0.45],
  ['same_room', 0.4, 0.6],
];
/**
 * Kinds added later, drawn per section from a stream of their own (`more`), so the rules above and
 * every college made before them stay as they were.
 */
const PER_SECTION_MORE: Array<[RuleKind, number, number]> = [
  ['same_period', 0.3, 0.5],
  ['adjacent', 0.3, 0.5],
  ['min_days_between', 0.35, 0.45],
];
/**
 * Pairs across the sections of one department per section of it: back-to-back sessions (a room
 * or teacher kept between them) and combined lectures at one time are rare inside one section.
 */
const PER_DEPARTMENT: Array<[RuleKind, number, number]> = [
  ['consecutive', 0.25, 0.4],
  ['same_time', 0.25, 0.4],
];
/** not_overlapping pairs of labs of different sections, per lab offering. */
const LAB_PAIRS_PER_LAB = 0.06;

const SECTION_KINDS = new Set(['theory', 'prelab', 'lab', 'tutorial']);

/** Each course's sessions renumbered in time order, so session k of two courses pair up as in a week. */
export function sortSessionsByTime(d: Draft): void {
  for (const off of d.offerings) {
    const order = off.slot.map((_, k) => k).sort((a, b) => off.slot[a] - off.slot[b] || a - b);
    off.slot = order.map((k) => off.slot[k]);
    off.room = order.map((k) => off.room[k]);
  }
}

function dayOf(d: Draft, slot: number): number {
  return Math.floor(slot / d.nPeriods);
}

/** Does the planted timetable keep the pair (a, b) (in this order) in a relation of this kind? */
function holds(d: Draft, kind: RuleKind, a: Offering, b: Offering): boolean {
  const paired = a.sessions === b.sessions;
  const every = (test: (sa: number, sb: number) => boolean): boolean =>
    paired && a.slot.every((s, k) => test(s, b.slot[k]));
  switch (kind) {
    case 'same_time':
      return every((sa, sb) => sa === sb);
    case 'same_day':
      return every((sa, sb) => dayOf(d, sa) === dayOf(d, sb));
    case 'consecutive':
      // B starts in the period right after A ends, with no break between them.
      return every((sa, sb) => follows(d, sa, a.length, sb));
    case 'adjacent':
      return every((sa, sb) => follows(d, sa, a.length, sb) || follows(d, sb, b.length, sa));
    case 'same_period':
      return every((sa, sb) => sa % d.nPeriods === sb % d.nPeriods);
    case 'min_days_between':
      return crossDayGap(d, a, b) >= 1;
    case 'ordered':
      return every((sa, sb) => sa + a.length <= sb);
    case 'different_days': {
      const days = [...a.slot, ...b.slot].map((s) => dayOf(d, s));
      return new Set(days).size === days.length;
    }
    case 'same_room':
      return new Set([...a.room, ...b.room]).size === 1;
    case 'not_overlapping':
      return a.slot.every((sa) => b.slot.every((sb) => sa + a.length <= sb || sb + b.length <= sa));
    case 'min_days_apart':
    case 'min_gap': // not planted between offerings
    case 'consecutive_across_break':
    case 'adjacent_across_break':
    case 'max_days_apart':
    case 'ends_day':
    case 'same_room_if_consecutive':
    case 'adjacent_if_same_day':
    case 'max_terms':
    case 'max_per_term':
    case 'max_slots':
    case 'max_days_in_slots':
    case 'max_per_day':
    case 'max_continuous':
    case 'max_simultaneous':
    case 'min_simultaneous':
    case 'min_simultaneous_or_none':
    case 'max_sessions_in_slots':
    case 'preferred_starts':
    case 'preferred_slots':
    case 'min_slots':
    case 'min_gap_counting_breaks':
    case 'ordered_if_same_day':
    case 'grouped':
    case 'not_overlapping_parts':
      return false;
  }
}

/** Does a session of `length` periods at slot `sa` end right where one at `sb` starts, same day, no break between? */
function follows(d: Draft, sa: number, length: number, sb: number): boolean {
  return (
    sb === sa + length &&
    dayOf(d, sa) === dayOf(d, sb) &&
    d.blockOf[sa % d.nPeriods] === d.blockOf[sb % d.nPeriods]
  );
}

/** The smallest distance in days between a session of a and one of b. */
function crossDayGap(d: Draft, a: Offering, b: Offering): number {
  let gap = Infinity;
  for (const sa of a.slot)
    for (const sb of b.slot) gap = Math.min(gap, Math.abs(dayOf(d, sa) - dayOf(d, sb)));
  return gap;
}

/** The smallest distance in days between two sessions of the offering (Infinity with one session). */
function minDayGap(d: Draft, off: Offering): number {
  const days = off.slot.map((s) => dayOf(d, s)).sort((x, y) => x - y);
  let gap = Infinity;
  for (let i = 1; i < days.length; i++) gap = Math.min(gap, days[i] - days[i - 1]);
  return gap;
}

/** Courses already named together by a rule of this kind. */
function ruleKey(kind: RuleKind, offs: Offering[]): string {
  return `${kind}:${offs
    .map((o) => o.index)
    .sort((x, y) => x - y)
    .join(',')}`;
}

/** The single-group offerings of section kinds per section (a batch's under its parent), in draft order. */
export function sectionOfferings(d: Draft): Map<string, Offering[]> {
  const parentOf = new Map(d.groups.map((g) => [g.id, g.parent]));
  const bySection = new Map<string, Offering[]>();
  for (const off of d.offerings) {
    if (!SECTION_KINDS.has(off.kind) || off.groups.length !== 1) continue;
    const sec = parentOf.get(off.groups[0]) ?? off.groups[0];
    const list = bySection.get(sec) ?? [];
    list.push(off);
    bySection.set(sec, list);
  }
  return bySection;
}

export function addPlantedRules(d: Draft, rng: Rng, more?: Rng): number {
  const parentOf = new Map(d.groups.map((g) => [g.id, g.parent]));
  const bySection = sectionOfferings(d);
  const taken = new Set(d.rules.map((r) => ruleKey(r.kind, r.offerings)));
  const before = d.rules.length;
  const push = (rule: DraftRule): void => {
    const key = ruleKey(rule.kind, rule.offerings);
    if (taken.has(key)) return;
    taken.add(key);
    d.rules.push(rule);
  };
  const sections = [...bySection.entries()].sort(([x], [y]) => (x < y ? -1 : 1));
  const rounds: Array<[Array<[RuleKind, number, number]>, Rng]> = [[PER_SECTION, rng]];
  if (more) rounds.push([PER_SECTION_MORE, more]);
  for (const [table, rng] of rounds)
    for (const [, list] of sections) {
      for (const [kind, chance, hardShare] of table) {
        if (!rng.chance(chance)) continue;
        const hard = rng.chance(hardShare);
        const weight = rng.int(1, 3);
        if (kind === 'min_days_apart') {
          const spread = list.filter((o) => o.sessions >= 2 && minDayGap(d, o) >= 1);
          if (spread.length === 0) continue;
          const off = rng.pick(spread);
          push({ kind, offerings: [off], hard, weight, value: Math.min(2, minDayGap(d, off)) });
          continue;
        }
        const pairs: Array<[Offering, Offering]> = [];
        for (const a of list) for (const b of list) if (a !== b && holds(d, kind, a, b)) pairs.push([a, b]);
        if (pairs.length === 0) continue;
        const [a, b] = rng.pick(pairs);
        if (kind === 'same_room') {
          // The whole set of the section's courses that share that room, when it is small.
          const room = a.room[0];
          const all = list.filter((o) => o.room.every((r) => r === room));
          push({ kind, offerings: all.length <= 4 ? all : [a, b], hard, weight });
        } else if (kind === 'min_days_between')
          push({ kind, offerings: [a, b], hard, weight, value: Math.min(2, crossDayGap(d, a, b)) });
        else push({ kind, offerings: [a, b], hard, weight });
      }
    }
  const byDept = new Map<string, Offering[]>();
  for (const list of bySection.values())
    for (const off of list) byDept.set(off.dept, [...(byDept.get(off.dept) ?? []), off]);
  for (const [, list] of [...byDept.entries()].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const sections = new Set(list.map((o) => parentOf.get(o.groups[0]) ?? o.groups[0])).size;
    for (const [kind, perSection, hardShare] of PER_DEPARTMENT) {
      const pairs: Array<[Offering, Offering]> = [];
      for (const a of list)
        for (const b of list)
          if (a !== b && a.groups[0] !== b.groups[0] && holds(d, kind, a, b)) pairs.push([a, b]);
      const wanted = Math.min(pairs.length, Math.round(sections * perSection));
      for (const [a, b] of rng.shuffle(pairs).slice(0, wanted))
        push({ kind, offerings: [a, b], hard: rng.chance(hardShare), weight: rng.int(1, 3) });
    }
  }
  // Labs of different sections that share equipment (same room type) never overlap.
  const labs = d.offerings.filter((o) => o.kind === 'lab');
  const wanted = Math.round(labs.length * LAB_PAIRS_PER_LAB);
  for (let t = 0, added = 0; t < wanted * 10 && added < wanted && labs.length > 1; t++) {
    const a = rng.pick(labs);
    const b = rng.pick(labs);
    if (a === b || a.roomType !== b.roomType || a.groups[0] === b.groups[0]) continue;
    if (!holds(d, 'not_overlapping', a, b)) continue;
    const n = d.rules.length;
    push({ kind: 'not_overlapping', offerings: [a, b], hard: rng.chance(0.5), weight: rng.int(1, 3) });
    if (d.rules.length > n) added++;
  }
  return d.rules.length - before;
}
