// Rules of the kinds plantedRules.ts does not draw (min_gap, consecutive_across_break,
// adjacent_across_break), rules naming single sessions (`course_id#k`, also mixed with whole
// courses) and paired rules over three courses, read off the planted timetable per section the same
// way: a candidate list of members becomes a rule only when the planted timetable keeps it
// (holdsFor, written from WORKBOOK.md "Rules"), so the college stays hard-feasible. Drawn from a
// stream of their own, so every rule planted before stays as it was.
import type { RuleKind } from '../../shared/model/types.ts';
import type { Draft, DraftRule, Offering } from './draft.ts';
import type { Rng } from './rng.ts';
import { sectionOfferings } from './plantedRules.ts';

/** A rule's member: a whole course, or its session `session` (0-based). */
export interface Member {
  off: Offering;
  session?: number;
}

/**
 * How the members of a drawn rule are chosen: two whole courses, two single sessions (of one course
 * or of two), sessions of one course with a whole other course, or three whole courses.
 */
type Shape = 'courses' | 'sessions' | 'mixed' | 'three';

/** [kind, shape, chance per section, share hard]. */
const PLAN: Array<[RuleKind, Shape, number, number]> = [
  ['min_gap', 'courses', 0.12, 0.5],
  ['consecutive_across_break', 'courses', 0.2, 0.5],
  ['adjacent_across_break', 'courses', 0.2, 0.5],
  ['consecutive', 'sessions', 0.05, 0.5],
  ['consecutive_across_break', 'sessions', 0.03, 0.5],
  ['adjacent', 'sessions', 0.03, 0.5],
  ['adjacent_across_break', 'sessions', 0.03, 0.5],
  ['same_time', 'sessions', 0.03, 0.5],
  ['same_period', 'sessions', 0.05, 0.5],
  ['same_day', 'sessions', 0.03, 0.5],
  ['ordered', 'sessions', 0.03, 0.5],
  ['different_days', 'sessions', 0.03, 0.5],
  ['not_overlapping', 'sessions', 0.03, 0.5],
  ['same_room', 'sessions', 0.03, 0.5],
  ['min_gap', 'sessions', 0.03, 0.5],
  ['min_days_between', 'sessions', 0.05, 0.5],
  ['min_days_between', 'mixed', 0.04, 0.5],
  ['same_day', 'three', 0.06, 0.5],
  ['same_period', 'three', 0.06, 0.5],
  ['ordered', 'three', 0.06, 0.5],
  ['same_time', 'three', 0.04, 0.5],
];

/** Kinds whose members pair "session k with session k" (equal session counts). */
const PAIRED = new Set<RuleKind>([
  'same_time',
  'same_day',
  'consecutive',
  'ordered',
  'same_period',
  'adjacent',
  'consecutive_across_break',
  'adjacent_across_break',
]);
/** Paired kinds that pair every member with the first; the others pair consecutive members. */
const FROM_FIRST = new Set<RuleKind>(['same_time', 'same_day', 'same_period']);

const slotsOf = (m: Member): number[] => (m.session === undefined ? m.off.slot : [m.off.slot[m.session]]);
const roomsOf = (m: Member): number[] => (m.session === undefined ? m.off.room : [m.off.room[m.session]]);

/** Does a session of `length` at slot a end where one at b starts, same day, (no break unless `across`)? */
function follows(d: Draft, a: number, length: number, b: number, across: boolean): boolean {
  const p = a % d.nPeriods;
  if (b !== a + length || p + length >= d.nPeriods) return false;
  return across || d.blockOf[p + length - 1] === d.blockOf[p + length];
}

/** The value the planted timetable allows (capped at 2), for rules that need one; null = not kept. */
export function plantedValue(d: Draft, kind: RuleKind, members: Member[]): number | null {
  const day = (s: number): number => Math.floor(s / d.nPeriods);
  const sessions = members.flatMap((m) => slotsOf(m).map((s) => ({ s, len: m.off.length })));
  let best = Infinity;
  if (kind === 'min_days_between') {
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++)
        for (const a of slotsOf(members[i]))
          for (const b of slotsOf(members[j])) best = Math.min(best, Math.abs(day(a) - day(b)));
    return best >= 1 ? Math.min(2, best) : null;
  }
  if (kind === 'min_gap') {
    for (let i = 0; i < sessions.length; i++)
      for (let j = i + 1; j < sessions.length; j++) {
        const [x, y] =
          sessions[i].s <= sessions[j].s ? [sessions[i], sessions[j]] : [sessions[j], sessions[i]];
        if (day(x.s) === day(y.s)) best = Math.min(best, y.s - (x.s + x.len));
      }
    return best >= 1 ? Math.min(2, best) : best === Infinity ? 1 : null;
  }
  return 0;
}

/** Does the planted timetable keep a rule of this kind over these members (and value)? */
export function holdsFor(d: Draft, kind: RuleKind, members: Member[], value = 0): boolean {
  const day = (s: number): number => Math.floor(s / d.nPeriods);
  const lists = members.map(slotsOf);
  if (PAIRED.has(kind) && new Set(lists.map((l) => l.length)).size !== 1) return false;
  const pairs = (test: (a: number, b: number, la: number, lb: number) => boolean): boolean => {
    for (let i = 1; i < members.length; i++) {
      const a = FROM_FIRST.has(kind) ? 0 : i - 1;
      for (let k = 0; k < lists[i].length; k++)
        if (!test(lists[a][k], lists[i][k], members[a].off.length, members[i].off.length)) return false;
    }
    return true;
  };
  const across = (test: (a: number, b: number, la: number, lb: number) => boolean): boolean => {
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++)
        for (const a of lists[i])
          for (const b of lists[j])
            if (!test(a, b, members[i].off.length, members[j].off.length)) return false;
    return true;
  };
  switch (kind) {
    case 'same_time':
      return pairs((a, b) => a === b);
    case 'same_day':
      return pairs((a, b) => day(a) === day(b));
    case 'same_period':
      return pairs((a, b) => a % d.nPeriods === b % d.nPeriods);
    case 'ordered':
      return pairs((a, b, la) => a + la <= b);
    case 'consecutive':
    case 'consecutive_across_break': {
      const brk = kind === 'consecutive_across_break';
      return pairs((a, b, la) => follows(d, a, la, b, brk));
    }
    case 'adjacent':
    case 'adjacent_across_break': {
      const brk = kind === 'adjacent_across_break';
      return pairs((a, b, la, lb) => follows(d, a, la, b, brk) || follows(d, b, lb, a, brk));
    }
    case 'not_overlapping':
      return across((a, b, la, lb) => a + la <= b || b + lb <= a);
    case 'min_days_between':
      return value >= 1 && across((a, b) => Math.abs(day(a) - day(b)) >= value);
    case 'different_days': {
      const days = lists.flat().map(day);
      return new Set(days).size === days.length;
    }
    case 'min_days_apart':
      return lists.every((l) =>
        l.every((a, i) => l.every((b, j) => i === j || Math.abs(day(a) - day(b)) >= value)),
      );
    case 'min_gap': {
      if (value < 1) return false;
      const all = members.flatMap((m) => slotsOf(m).map((s) => [s, m.off.length]));
      for (let i = 0; i < all.length; i++)
        for (let j = i + 1; j < all.length; j++) {
          const [[x, lx], [y]] = all[i][0] <= all[j][0] ? [all[i], all[j]] : [all[j], all[i]];
          if (day(x) === day(y) && x + lx + value > y) return false;
        }
      return true;
    }
    case 'same_room':
      return new Set(members.flatMap(roomsOf)).size === 1;
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
      return false; // planted by plantedFetRules.ts, or not planted
  }
}

/** Candidate member lists of a shape among a section's courses. */
function candidates(d: Draft, shape: Shape, list: Offering[], rng: Rng): Member[][] {
  const out: Member[][] = [];
  if (shape === 'courses' || shape === 'three') {
    for (const a of list) for (const b of list) if (a !== b) out.push([{ off: a }, { off: b }]);
    return out;
  }
  const sessions: Member[] = list.flatMap((off) => off.slot.map((_, k) => ({ off, session: k })));
  if (shape === 'sessions') {
    for (const a of sessions) for (const b of sessions) if (a !== b) out.push([a, b]);
    return out;
  }
  // mixed: two sessions of one course, and a whole other course.
  for (const off of list) {
    if (off.sessions < 3) continue;
    const [k1, k2] = rng.shuffle(off.slot.map((_, k) => k)).slice(0, 2);
    for (const other of list)
      if (other !== off) out.push([{ off, session: k1 }, { off, session: k2 }, { off: other }]);
  }
  return out;
}

/** One rule of the kind and shape kept by the planted timetable, or null when the section has none. */
function drawOne(d: Draft, kind: RuleKind, shape: Shape, list: Offering[], rng: Rng): DraftRule | null {
  const fitting: Array<{ members: Member[]; value: number }> = [];
  for (const members of candidates(d, shape, list, rng)) {
    const value = plantedValue(d, kind, members);
    if (value !== null && holdsFor(d, kind, members, value)) fitting.push({ members, value });
  }
  if (fitting.length === 0) return null;
  // For the _across_break kinds, a pair that does straddle a break when there is one.
  let pool = fitting;
  if (kind === 'consecutive_across_break' || kind === 'adjacent_across_break') {
    const plainKind = kind === 'consecutive_across_break' ? 'consecutive' : 'adjacent';
    const straddle = fitting.filter(({ members }) => !holdsFor(d, plainKind, members));
    if (straddle.length > 0) pool = straddle;
  }
  const picked = rng.pick(pool);
  const value = picked.value;
  let members = picked.members;
  if (shape === 'three') {
    const more = list.filter((o) => !members.some((m) => m.off === o));
    const third = rng
      .shuffle(more)
      .map((o) => [...members, { off: o }])
      .find((ms) => holdsFor(d, kind, ms, value));
    if (!third) return null;
    members = third;
  }
  const rule: DraftRule = {
    kind,
    offerings: members.map((m) => m.off),
    hard: false,
    weight: 1,
  };
  if (members.some((m) => m.session !== undefined)) rule.sessions = members.map((m) => m.session);
  if (kind === 'min_gap' || kind === 'min_days_between') rule.value = value;
  return rule;
}

const keyOf = (r: DraftRule): string =>
  `${r.kind}:${r.offerings.map((o, i) => `${o.index}#${r.sessions?.[i] ?? ''}`).join(',')}`;

/** Adds the rules of PLAN to the draft; returns how many. */
export function addPlantedMemberRules(d: Draft, rng: Rng): number {
  const bySection = sectionOfferings(d);
  const taken = new Set(d.rules.map(keyOf));
  const before = d.rules.length;
  for (const [, list] of [...bySection.entries()].sort(([x], [y]) => (x < y ? -1 : 1)))
    for (const [kind, shape, chance, hardShare] of PLAN) {
      if (!rng.chance(chance)) continue;
      const hard = rng.chance(hardShare);
      const weight = rng.int(1, 3);
      const rule = drawOne(d, kind, shape, list, rng);
      if (!rule || taken.has(keyOf(rule))) continue;
      taken.add(keyOf(rule));
      d.rules.push({ ...rule, hard, weight });
    }
  return d.rules.length - before;
}
