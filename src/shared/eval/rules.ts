// Relations between courses (WORKBOOK.md "Rules"). Each rule counts violations; a hard rule adds
// them to hard "rule", a soft rule adds weights.soft_rule x rule weight x count to "soft_rule".
// Sessions that are not placed are skipped (they already count as unplaced). "Session k with
// session k" rules pair sessions up to the smaller session count. A "course" below is a member of
// the rule's list: a whole course, or one session of it (`course_id#k`, a member of one session).
// - same_time: per course after the first and k: 1 when its session k does not start with the
//   first course's session k.
// - not_overlapping: 1 per pair of sessions of different listed courses sharing a period.
// - not_overlapping_parts: 1 per pair of sessions of courses in different parts sharing a period
//   (a pair sharing several periods counts once; courses of one part may overlap).
// - different_days: 1 per pair of sessions (any of the listed courses, also of one course) on the same day.
// - same_day: per course after the first and k: 1 when session k is not on the first course's day.
// - consecutive: per consecutive pair (A, B) of the list and k: 1 unless B's session k starts on
//   the same day in the period right after A's session k ends, with no break between the two
//   periods (followsDirectly.ts).
// - ordered: per consecutive pair (A, B) and k: 1 unless A's session k ends no later than B's starts.
// - min_days_apart: per listed course, 1 per pair of its sessions fewer than `value` days apart.
// - same_room: distinct rooms used by all sessions of the listed courses, minus 1.
// - min_days_between: 1 per pair of sessions of two different listed courses fewer than `value`
//   days apart (pairs within one course are min_days_apart's).
// - same_period: per course after the first and k: 1 when its session k does not start in the
//   period (of any day) where the first course's session k starts.
// - adjacent: per consecutive pair (A, B) of the list and k: 1 unless one of the two sessions k
//   follows the other directly (either order; followsDirectly.ts).
// - consecutive_across_break, adjacent_across_break: as consecutive and adjacent, but a break between
//   the two periods is allowed (B starts in the period, by index, after A's last: followsAcrossBreak).
// - min_gap: 1 per pair of sessions (any of the listed courses, also of one course) on the same day
//   with fewer than `value` periods between them: the later-starting one starts before the earlier
//   one's start + length + value (overlapping pairs count too). By period index: a break is no period.
//   min_gap_counting_breaks counts each break between two periods as one period (minGap.ts).
// - ordered_if_same_day: as ordered, but only for a pair k on the same day.
// - grouped: per k, 1 unless session k of every listed course forms one block of one day, back to
//   back in any order with no break between (grouped.ts); a group with a session not placed is skipped.
// - max_days_apart: 1 per pair of sessions (any of the listed courses, also of one course) more than
//   `value` days apart.
// - ends_day: 1 per session of the listed courses that does not end its students' day (endsDay.ts),
//   paired with a session ending later.
// - same_room_if_consecutive: 1 per pair of sessions (any of the listed courses, also of one course)
//   back to back (followsDirectly.ts, either order) in different rooms.
// - adjacent_if_same_day: 1 per pair of sessions (any of the listed courses, also of one course) on
//   the same day that are not back to back (followsDirectly.ts, either order).
// - max_terms, max_per_term: 1 per term beyond value, 1 per session beyond value in a term (terms.ts).
// - max_slots, max_days_in_slots: 1 per listed slot, or day with one, covered beyond value (slotRules.ts).
// - max_per_day, max_continuous: per day, 1 per period covered beyond value, or per period of a run
//   beyond value (dayLimitRules.ts).
// - max_slots, max_days_in_slots: 1 per listed slot, or day with one, covered beyond value; min_slots
//   1 per listed slot short of value covered; max_simultaneous, min_simultaneous(_or_none): 1 per session beyond, or missing, in each listed
//   slot; max_sessions_in_slots: 1 per session in the listed slots beyond value; preferred_starts,
//   preferred_slots: 1 per session starting, or running, outside the listed slots (slotRules.ts).
import type { CompiledRule } from '../compiled/types.ts';
import type { EvalSink } from './sink.ts';
import type { EvalState } from './state.ts';
import { PLACED } from './state.ts';
import { followsDirectly, followsFor } from './followsDirectly.ts';
import { laterSession } from './endsDay.ts';
import { isTermKind, termBreaks } from './terms.ts';
import { isSlotKind, slotBreak } from './slotRules.ts';
import { minGapBroken } from './minGap.ts';
import { brokenGroups } from './grouped.ts';
import { dayLimitBreaks, isDayLimitKind } from './dayLimitRules.ts';
import { distinctMembers, everyRule, memberCount, memberFirst } from '../compiled/ruleMembers.ts';

type Pair = [number, number];

/** The placed sessions of member i of the rule (a whole course, or one session of it). */
function placedSessions(st: EvalState, rule: CompiledRule, i: number): number[] {
  const out: number[] = [];
  const first = memberFirst(st.p, rule, i);
  for (let s = first; s < first + memberCount(st.p, rule, i); s++) if (st.status[s] === PLACED) out.push(s);
  return out;
}

/** One of the two sessions follows the other directly (same day, no break between), either order. */
export function backToBack(p: EvalState['p'], slot: Int32Array, a: number, b: number): boolean {
  const len = (s: number): number => p.courseLength[p.sessionCourse[s]];
  return followsDirectly(p, slot[a], len(a), slot[b]) || followsDirectly(p, slot[b], len(b), slot[a]);
}

function overlaps(st: EvalState, a: number, b: number): boolean {
  return st.slot[a] < st.slot[b] + st.span[b] && st.slot[b] < st.slot[a] + st.span[a];
}

/** Pairs (session k of A, session k of B) for consecutive entries of the rule's list, both placed. */
function pairedSessions(st: EvalState, rule: CompiledRule, fromFirst: boolean): Pair[] {
  const { p } = st;
  const out: Pair[] = [];
  for (let i = 1; i < rule.courses.length; i++) {
    const a = fromFirst ? 0 : i - 1;
    const n = Math.min(memberCount(p, rule, a), memberCount(p, rule, i));
    for (let k = 0; k < n; k++) {
      const sa = memberFirst(p, rule, a) + k;
      const sb = memberFirst(p, rule, i) + k;
      if (st.status[sa] === PLACED && st.status[sb] === PLACED) out.push([sa, sb]);
    }
  }
  return out;
}

function ruleViolations(st: EvalState, rule: CompiledRule): Pair[] {
  const { p, slot, room } = st;
  const day = (s: number): number => Math.floor(slot[s] / p.nPeriods);
  const distinct = distinctMembers(p, rule);
  const all = (): number[] => distinct.flatMap((i) => placedSessions(st, rule, i));
  const lists = (): number[][] => distinct.map((i) => placedSessions(st, rule, i));
  const bad: Pair[] = [];
  switch (rule.kind) {
    case 'same_time':
      return pairedSessions(st, rule, true).filter(([a, b]) => slot[a] !== slot[b]);
    case 'same_period':
      return pairedSessions(st, rule, true).filter(([a, b]) => slot[a] % p.nPeriods !== slot[b] % p.nPeriods);
    case 'adjacent':
    case 'adjacent_across_break':
      return pairedSessions(st, rule, false).filter(
        ([a, b]) =>
          !followsFor(rule.kind, p, slot[a], p.courseLength[p.sessionCourse[a]], slot[b]) &&
          !followsFor(rule.kind, p, slot[b], p.courseLength[p.sessionCourse[b]], slot[a]),
      );
    case 'same_day':
      return pairedSessions(st, rule, true).filter(([a, b]) => day(a) !== day(b));
    case 'consecutive':
    case 'consecutive_across_break':
      return pairedSessions(st, rule, false).filter(
        ([a, b]) => !followsFor(rule.kind, p, slot[a], p.courseLength[p.sessionCourse[a]], slot[b]),
      );
    case 'ordered':
      return pairedSessions(st, rule, false).filter(([a, b]) => slot[a] + st.span[a] > slot[b]);
    case 'ordered_if_same_day':
      return pairedSessions(st, rule, false).filter(
        ([a, b]) => day(a) === day(b) && slot[a] + st.span[a] > slot[b],
      );
    case 'not_overlapping': {
      const ls = lists();
      for (let i = 0; i < ls.length; i++)
        for (let j = i + 1; j < ls.length; j++)
          for (const a of ls[i]) for (const b of ls[j]) if (overlaps(st, a, b)) bad.push([a, b]);
      return bad;
    }
    case 'not_overlapping_parts': {
      // As not_overlapping, over members of different parts only (members of one part may overlap).
      const ls = lists();
      const part = distinct.map((i) => rule.parts![i]);
      for (let i = 0; i < ls.length; i++)
        for (let j = i + 1; j < ls.length; j++)
          if (part[i] !== part[j])
            for (const a of ls[i]) for (const b of ls[j]) if (overlaps(st, a, b)) bad.push([a, b]);
      return bad;
    }
    case 'different_days': {
      const ss = all();
      for (let i = 0; i < ss.length; i++)
        for (let j = i + 1; j < ss.length; j++) if (day(ss[i]) === day(ss[j])) bad.push([ss[i], ss[j]]);
      return bad;
    }
    case 'min_days_apart':
      for (const ss of lists()) {
        for (let i = 0; i < ss.length; i++)
          for (let j = i + 1; j < ss.length; j++)
            if (Math.abs(day(ss[i]) - day(ss[j])) < rule.value) bad.push([ss[i], ss[j]]);
      }
      return bad;
    case 'min_days_between': {
      const ls = lists();
      for (let i = 0; i < ls.length; i++)
        for (let j = i + 1; j < ls.length; j++)
          for (const a of ls[i])
            for (const b of ls[j]) if (Math.abs(day(a) - day(b)) < rule.value) bad.push([a, b]);
      return bad;
    }
    case 'min_gap':
    case 'min_gap_counting_breaks': {
      const ss = all();
      const breaks = rule.kind === 'min_gap_counting_breaks';
      const len = (s: number): number => p.courseLength[p.sessionCourse[s]];
      for (let i = 0; i < ss.length; i++)
        for (let j = i + 1; j < ss.length; j++) {
          const [a, b] = [ss[i], ss[j]];
          if (minGapBroken(p, slot[a], len(a), slot[b], len(b), rule.value, breaks)) bad.push([a, b]);
        }
      return bad;
    }
    case 'max_days_apart': {
      const ss = all();
      for (let i = 0; i < ss.length; i++)
        for (let j = i + 1; j < ss.length; j++)
          if (Math.abs(day(ss[i]) - day(ss[j])) > rule.value) bad.push([ss[i], ss[j]]);
      return bad;
    }
    case 'ends_day':
      for (const s of all()) {
        const later = laterSession(p, slot, st.span, st.status, s);
        if (later >= 0) bad.push([s, later]);
      }
      return bad;
    case 'same_room_if_consecutive': {
      const ss = all();
      for (let i = 0; i < ss.length; i++)
        for (let j = i + 1; j < ss.length; j++)
          if (room[ss[i]] !== room[ss[j]] && backToBack(p, slot, ss[i], ss[j])) bad.push([ss[i], ss[j]]);
      return bad;
    }
    case 'adjacent_if_same_day': {
      const ss = all();
      for (let i = 0; i < ss.length; i++)
        for (let j = i + 1; j < ss.length; j++)
          if (day(ss[i]) === day(ss[j]) && !backToBack(p, slot, ss[i], ss[j])) bad.push([ss[i], ss[j]]);
      return bad;
    }
    case 'same_room': {
      const ss = all();
      const first = new Map<number, number>();
      for (const s of ss) if (!first.has(room[s])) first.set(room[s], s);
      const rooms = [...first.values()];
      for (let i = 1; i < rooms.length; i++) bad.push([rooms[0], rooms[i]]);
      return bad;
    }
    case 'max_terms':
    case 'max_per_term':
    case 'max_slots':
    case 'max_days_in_slots':
    case 'max_per_day':
    case 'max_continuous':
      return bad; // counted by term (terms.ts), slot (slotRules.ts) or day (dayLimitRules.ts): checkRules
    case 'max_simultaneous':
    case 'min_simultaneous':
    case 'min_simultaneous_or_none':
    case 'max_sessions_in_slots':
    case 'preferred_starts':
    case 'preferred_slots':
    case 'min_slots':
      return bad; // counted by term (terms.ts) or slot (slotRules.ts), not by pair: checkRules
    case 'grouped':
      return bad; // counted by group of sessions k (grouped.ts): checkRules
  }
}

/** What each rule kind asks of the sessions it names, in plain words. */
export const RULE_EXPLANATION: Record<CompiledRule['kind'], string> = {
  same_time: 'should start at the same time',
  not_overlapping: 'should not overlap',
  different_days: 'should be on different days',
  same_day: 'should be on the same day',
  consecutive: 'should follow each other directly (same day, no break between)',
  ordered: 'should come in the listed order',
  min_days_apart: 'should be further apart',
  same_room: 'should use the same room',
  min_days_between: 'should be further apart',
  same_period: 'should start in the same period',
  adjacent: 'should be back to back (same day, either order, no break between)',
  min_gap: 'should have more free periods between them',
  consecutive_across_break: 'should follow each other (same day, next period, a break between allowed)',
  adjacent_across_break: 'should be back to back (same day, either order, a break between allowed)',
  max_days_apart: 'should be closer in the week',
  ends_day: "share students, and the second ends later that day (the first should end the students' day)",
  same_room_if_consecutive: 'are back to back and should use the same room',
  adjacent_if_same_day: 'are on the same day and should be back to back (either order, no break between)',
  max_terms: 'occupy too many terms',
  max_per_term: 'are too many in one term',
  max_slots: "cover too many of the rule's slots",
  max_days_in_slots: "cover the rule's slots on too many days",
  max_per_day: 'cover too many periods of one day',
  max_continuous: 'cover too many periods in a row',
  max_simultaneous: "are too many at once in one of the rule's slots",
  min_simultaneous: "are too few at once in one of the rule's slots",
  min_simultaneous_or_none: "are too few at once in one of the rule's slots (none would do)",
  max_sessions_in_slots: "are too many in the rule's slots",
  preferred_starts: "should start at one of the rule's slots",
  preferred_slots: "should run in the rule's slots only",
  min_slots: "cover too few of the rule's slots",
  min_gap_counting_breaks: 'should have more free periods between them (a break counts as one)',
  ordered_if_same_day: 'are on the same day and should come in the listed order',
  grouped: 'should form one block of one day (back to back, any order, no break between)',
  not_overlapping_parts: 'are in different parts of the rule and should not overlap',
};

export function checkRules(st: EvalState, sink: EvalSink): void {
  const { p } = st;
  const name = (s: number): string => `${p.courseIds[p.sessionCourse[s]]} (session ${p.sessionIndex[s] + 1})`;
  for (const rule of everyRule(p)) {
    if (!rule.hard && (rule.weight <= 0 || p.weights.soft_rule <= 0)) continue;
    if (isTermKind(rule.kind) || isSlotKind(rule.kind) || isDayLimitKind(rule.kind)) {
      checkCountedRule(st, rule, sink);
      continue;
    }
    if (rule.kind === 'grouped') {
      checkGroupedRule(st, rule, sink);
      continue;
    }
    for (const [a, b] of ruleViolations(st, rule)) {
      const message = (): string =>
        `rule ${rule.source + 1} (${rule.kind}${rule.hard ? '' : ', soft'}): ${name(a)} and ${name(b)} ${RULE_EXPLANATION[rule.kind]}`;
      if (rule.hard) sink.addHard('rule', 1, () => [a, b], message);
      else sink.addSoft('soft_rule', rule.weight * p.weights.soft_rule, () => [a, b], message);
    }
  }
}

/** grouped: one violation per group of sessions k that is not one block (grouped.ts). */
function checkGroupedRule(st: EvalState, rule: CompiledRule, sink: EvalSink): void {
  const { p } = st;
  const name = (s: number): string => `${p.courseIds[p.sessionCourse[s]]} (session ${p.sessionIndex[s] + 1})`;
  const first = rule.courses.map((_c, i) => memberFirst(p, rule, i));
  const count = rule.courses.map((_c, i) => memberCount(p, rule, i));
  for (const g of brokenGroups(p, st.slot, first, count, (s) => st.status[s] === PLACED)) {
    const message = (): string =>
      `rule ${rule.source + 1} (${rule.kind}${rule.hard ? '' : ', soft'}): ${g.map(name).join(', ')} ${RULE_EXPLANATION[rule.kind]}`;
    if (rule.hard) sink.addHard('rule', 1, () => g, message);
    else sink.addSoft('soft_rule', rule.weight * p.weights.soft_rule, () => g, message);
  }
}

/**
 * max_terms and max_per_term: one violation per term break (terms.ts); max_slots and
 * max_days_in_slots: one for the rule (slotRules.ts); max_per_day and max_continuous: one per day
 * over the limit (dayLimitRules.ts). Each costs its count.
 */
function checkCountedRule(st: EvalState, rule: CompiledRule, sink: EvalSink): void {
  const { p } = st;
  const name = (s: number): string => `${p.courseIds[p.sessionCourse[s]]} (session ${p.sessionIndex[s] + 1})`;
  const sessions = distinctMembers(p, rule).flatMap((i) => placedSessions(st, rule, i));
  const breaks: Array<{ cost: number; sessions: number[]; day?: number }> = isSlotKind(rule.kind)
    ? [slotBreak(p, rule, sessions, st.slot, st.span)].filter((b) => b !== undefined)
    : isDayLimitKind(rule.kind)
      ? dayLimitBreaks(p, rule, sessions, st.slot, st.span)
      : termBreaks(p, rule, sessions, st.slot);
  for (const b of breaks) {
    const on = b.day === undefined ? '' : ` on ${p.dayNames[b.day]}`;
    const message = (): string =>
      `rule ${rule.source + 1} (${rule.kind}${rule.hard ? '' : ', soft'}): ${b.sessions.map(name).join(', ')} ${RULE_EXPLANATION[rule.kind]}${on}${bound(rule)}`;
    if (rule.hard) sink.addHard('rule', b.cost, () => b.sessions, message);
    else sink.addSoft('soft_rule', b.cost * rule.weight * p.weights.soft_rule, () => b.sessions, message);
  }
}

/** The rule's bound in words, for a counted rule's message. */
function bound(rule: CompiledRule): string {
  if (rule.kind === 'preferred_starts' || rule.kind === 'preferred_slots') return '';
  const least =
    rule.kind === 'min_simultaneous' || rule.kind === 'min_simultaneous_or_none' || rule.kind === 'min_slots';
  return ` (at ${least ? 'least' : 'most'} ${rule.value})`;
}
