// FET's relations between activities (same starting time, consecutive, min days, …) as Rules
// between courses, or between single sessions (course_id#k) where a relation concerns only some
// sessions of a course; and the "consecutive if on the same day" rules they carry.
import type { Rule } from '../../../shared/model/index.ts';
import type { Outcome, Relation } from './fetContext.ts';
import { isSlotKind } from '../../../shared/eval/slotRules.ts';

/**
 * Turns relations between activities into Rules between courses, fixing each course's session
 * order. A relation over only some sessions of a course, between sessions of one course, or whose
 * pairing the courses' session order cannot follow goes to `bySession` (a rule naming single
 * sessions, course_id#k, once the order is fixed: sessionRule).
 */
export function resolveRelations(
  relations: Relation[],
  courseOf: Map<number, string>,
  courseActs: Map<string, number[]>,
  order: Map<string, Array<number | undefined>>,
  rules: Rule[],
  bySession: Relation[],
  note: (k: string, o: Outcome, a: number[], r: string) => void,
  breaks: { inner: boolean; partialInner: boolean; innerGap: boolean },
): void {
  const soft = (r: Relation): Partial<Rule> => (r.hard ? {} : { hard: false, weight: r.weight });
  // Whole-course relations.
  for (const r of relations.filter((x) => x.kind === 'whole')) {
    const acts = [...new Set(r.activities)];
    const cs = [...new Set(acts.map((a) => courseOf.get(a)!))];
    const drop = (why: string): void => note(r.fetKind, 'dropped', acts, why);
    const single =
      r.rule === 'same_room' ||
      r.rule === 'ends_day' ||
      r.rule === 'max_per_day' ||
      r.rule === 'max_continuous' ||
      r.refs !== undefined;
    if (acts.length === 0 || (acts.length < 2 && !single)) {
      if (!r.noted) note(r.fetKind, 'mapped', acts, '');
      continue;
    }
    if (r.rule === 'not_overlapping_parts') {
      const part = partsOf(r);
      if (new Set(part.values()).size < 2) {
        note(r.fetKind, 'mapped', acts, ''); // one tag's activities only: nothing kept apart
        continue;
      }
      // Whole courses when each course's activities all carry one listed tag, else by session.
      const whole = cs.every((c) => {
        const own = courseActs.get(c)!;
        return own.every((a) => part.get(a) === part.get(own[0]));
      });
      if (!whole) {
        bySession.push(r);
        continue;
      }
      const parts = cs.map((c) => part.get(courseActs.get(c)![0])!);
      rules.push({ kind: r.rule, courses: cs, parts, hard: true, weight: 1, ...soft(r) });
      note(r.fetKind, 'mapped', acts, '');
      continue;
    }
    const gapRule = r.rule === 'min_gap' || r.rule === 'min_gap_counting_breaks';
    if (gapRule && (r.value ?? 0) < 1) {
      note(r.fetKind, 'mapped', acts, ''); // no gap asked
      continue;
    }
    if (r.rule === 'same_room' && r.value !== 1) {
      drop(`at most ${r.value} different rooms has no equivalent (only 1: same_room)`);
      continue;
    }
    if (r.refs?.length === 0) {
      // No slot left (every selected hour a break, where no activity can be): nothing to keep, but
      // a preferred list that is all breaks, which no activity can keep.
      if (r.rule === 'preferred_starts' || r.rule === 'preferred_slots')
        drop('every preferred slot is a break');
      else if (!r.noted) note(r.fetKind, 'mapped', acts, '');
      continue;
    }
    const full = cs.every((c) => courseActs.get(c)!.every((a) => acts.includes(a)));
    if (!full) {
      bySession.push(r);
      continue;
    }
    if (r.rule === 'min_days') {
      const v = r.value ?? 1;
      if (r.adjacentIfSameDay) rules.push(adjacentIfSameDay(cs));
      if (r.adjacentIfSameDay && r.weight === 0) {
        note(r.fetKind, 'mapped', acts, ''); // a weight of 0 counts nothing: only the part kept at any weight
        continue;
      }
      if (cs.length === 1)
        rules.push({ kind: 'min_days_apart', courses: cs, hard: true, weight: 1, value: v, ...soft(r) });
      else if (v === 1)
        rules.push({ kind: 'different_days', courses: cs, hard: true, weight: 1, ...soft(r) });
      else {
        // FET counts every pair of the listed activities: across courses, and within each course.
        rules.push({ kind: 'min_days_between', courses: cs, hard: true, weight: 1, value: v, ...soft(r) });
        for (const c of cs)
          if (courseActs.get(c)!.length > 1)
            rules.push({ kind: 'min_days_apart', courses: [c], hard: true, weight: 1, value: v, ...soft(r) });
      }
      if (r.weakened) note(r.fetKind, 'weakened', acts, r.weakened);
      else note(r.fetKind, 'mapped', acts, '');
      continue;
    }
    if (r.rule === 'same_room') {
      rules.push({ kind: 'same_room', courses: cs, hard: true, weight: 1, ...soft(r) });
      note(r.fetKind, 'mapped', acts, '');
      continue;
    }
    if (gapRule) {
      rules.push({ kind: r.rule, courses: cs, hard: true, weight: 1, value: r.value, ...soft(r) });
      if (r.weakened) note(r.fetKind, 'weakened', acts, r.weakened);
      else note(r.fetKind, 'mapped', acts, '');
      continue;
    }
    if (isSlotKind(r.rule)) {
      // Counted over every listed activity: exact over whole courses.
      rules.push({
        kind: r.rule,
        courses: cs,
        hard: true,
        weight: 1,
        ...(r.value !== undefined ? { value: r.value } : {}),
        slots: r.refs ?? [],
        ...soft(r),
      });
      if (!r.noted) note(r.fetKind, 'mapped', acts, '');
      continue;
    }
    if (r.rule === 'max_per_day' || r.rule === 'max_continuous') {
      // Counted over every listed activity (tagLimits.ts): exact over whole courses.
      rules.push({ kind: r.rule, courses: cs, hard: true, weight: 1, value: r.value ?? 0, ...soft(r) });
      if (!r.noted) note(r.fetKind, 'mapped', acts, '');
      continue;
    }
    if (r.rule === 'max_terms' || r.rule === 'max_per_term') {
      // Counted over every listed activity: exact over whole courses.
      rules.push({ kind: r.rule, courses: cs, hard: true, weight: 1, value: r.value ?? 1, ...soft(r) });
      note(r.fetKind, 'mapped', acts, '');
      continue;
    }
    if (r.rule === 'max_days_apart' || r.rule === 'ends_day' || r.rule === 'same_room_if_consecutive') {
      // Every listed activity on its own (ends_day) or paired with every other (also two sessions
      // of one course): exact over whole courses.
      const value = r.rule === 'max_days_apart' ? { value: r.value ?? 0 } : {};
      rules.push({ kind: r.rule, courses: cs, hard: true, weight: 1, ...value, ...soft(r) });
      note(r.fetKind, 'mapped', acts, '');
      continue;
    }
    if (cs.length < 2) {
      bySession.push(r); // sessions of one course not overlapping each other
      continue;
    }
    rules.push({ kind: r.rule, courses: cs, hard: true, weight: 1, ...soft(r) });
    note(r.fetKind, 'mapped', acts, '');
  }
  // Pairwise (session k with session k) relations, grouped by rule and courses.
  const groupsOf = new Map<string, Relation[]>();
  for (const r0 of relations.filter((x) => x.kind === 'pairwise')) {
    // A break inside the day, on every day: FET's consecutive and grouped activities may sit on
    // either side of it, which the _across_break rules say.
    const across =
      breaks.inner && !breaks.partialInner && (r0.rule === 'consecutive' || r0.rule === 'adjacent');
    const r: Relation = across
      ? { ...r0, rule: r0.rule === 'consecutive' ? 'consecutive_across_break' : 'adjacent_across_break' }
      : r0;
    const acts = r.activities;
    const cs = acts.map((a) => courseOf.get(a)!);
    if (acts.length < 2) {
      note(r.fetKind, 'mapped', acts, '');
      continue;
    }
    if (breaks.inner && r.rule === 'grouped') {
      note(
        r.fetKind,
        'dropped',
        acts,
        'FET lets a break fall between the grouped activities; the contract puts them in touching periods (this file has breaks inside the day)',
      );
      continue;
    }
    if (breaks.inner && (r.rule === 'consecutive' || r.rule === 'adjacent')) {
      note(
        r.fetKind,
        'dropped',
        acts,
        'FET lets a break fall between the two activities; the contract puts them in touching periods, or across a break left out of the periods (this file has breaks inside the day on some days only)',
      );
      continue;
    }
    if (new Set(cs).size !== cs.length) {
      bySession.push(r); // two sessions of one course
      continue;
    }
    const ordered =
      r.rule === 'consecutive' ||
      r.rule === 'consecutive_across_break' ||
      r.rule === 'ordered' ||
      r.rule === 'ordered_if_same_day';
    const list = ordered ? cs : [...cs].sort();
    const key = [r.rule, r.hard, r.hard ? 1 : r.weight, list.join('\u0001')].join('\u0000');
    const g = groupsOf.get(key) ?? [];
    g.push(r);
    groupsOf.set(key, g);
  }
  for (const rels of groupsOf.values()) {
    const r0 = rels[0];
    const ordered =
      r0.rule === 'consecutive' ||
      r0.rule === 'consecutive_across_break' ||
      r0.rule === 'ordered' ||
      r0.rule === 'ordered_if_same_day';
    const cs = ordered
      ? r0.activities.map((a) => courseOf.get(a)!)
      : [...new Set(r0.activities.map((a) => courseOf.get(a)!))].sort();
    const m = Math.min(...cs.map((c) => courseActs.get(c)!.length));
    const all = rels.flatMap((r) => r.activities);
    // When the courses' session order cannot follow these pairs, each relation names its sessions.
    const bySessions = (): void => {
      bySession.push(...rels);
    };
    if (rels.length !== m) {
      bySessions(); // pairs only some sessions of the courses
      continue;
    }
    if (new Set(all).size !== all.length) {
      bySessions(); // relates one session to several sessions of another course
      continue;
    }
    // Try to place each relation at one position k in every course's session order.
    const trial = new Map(cs.map((c) => [c, [...order.get(c)!]]));
    let ok = true;
    for (const r of rels) {
      const at = new Map(r.activities.map((a) => [courseOf.get(a)!, a]));
      let k = -1;
      for (const c of cs) {
        const pos = trial.get(c)!.indexOf(at.get(c));
        if (pos >= 0) {
          if (k >= 0 && k !== pos) ok = false;
          k = pos;
        }
      }
      if (k < 0)
        for (let cand = 0; cand < m; cand++)
          if (cs.every((c) => trial.get(c)![cand] === undefined)) {
            k = cand;
            break;
          }
      if (!ok || k < 0 || k >= m) {
        ok = false;
        break;
      }
      for (const c of cs) {
        const slots = trial.get(c)!;
        if (slots[k] !== undefined && slots[k] !== at.get(c)) ok = false;
        slots[k] = at.get(c);
      }
      if (!ok) break;
    }
    if (!ok) {
      bySessions(); // its pairing conflicts with another rule on the same courses
      continue;
    }
    for (const [c, slots] of trial) order.set(c, slots);
    rules.push({
      kind: r0.rule as Rule['kind'],
      courses: cs,
      hard: true,
      weight: 1,
      ...(r0.hard ? {} : { hard: false, weight: r0.weight }),
    });
    for (const r of rels) note(r.fetKind, 'mapped', r.activities, '');
  }
}

/**
 * One adjacent_if_same_day per set of members: FET files often hold several min days constraints
 * over one split activity (e.g. 1 day at 95 % and 2 days at 50 %), each consecutive if on the same
 * day, which say the same thing.
 */
export function dropRepeatedAdjacentIfSameDay(rules: Rule[]): void {
  const seen = new Set<string>();
  for (let i = 0; i < rules.length; i++) {
    if (rules[i].kind !== 'adjacent_if_same_day') continue;
    const key = [...rules[i].courses].sort().join('\u0000');
    if (seen.has(key)) rules.splice(i--, 1);
    seen.add(key);
  }
}

/** FET's "consecutive if on the same day" of min days between activities, kept at any weight. */
function adjacentIfSameDay(courses: string[]): Rule {
  return { kind: 'adjacent_if_same_day', courses, hard: true, weight: 1 };
}

/**
 * A relation as a rule naming single sessions (course_id#k), exact for every kind: FET relates each
 * pair of the listed activities, and single-session members pair the same way. FET's min days
 * between activities becomes min_days_between (every pair of members apart; value 1 = different days),
 * and its "consecutive if on the same day" adjacent_if_same_day over the same sessions.
 */
export function sessionRules(
  r: Relation,
  sessionOf: Map<number, { courseId: string; session: number }>,
  note: (k: string, o: Outcome, a: number[], r: string) => void,
): Rule[] {
  const acts = [...new Set(r.activities)];
  const courses = acts.map((a) => {
    const at = sessionOf.get(a)!;
    return `${at.courseId}#${at.session}`;
  });
  const kind: Rule['kind'] = r.rule === 'min_days' ? 'min_days_between' : r.rule;
  const part = partsOf(r);
  if (r.weakened) note(r.fetKind, 'weakened', acts, r.weakened);
  else if (!r.noted) note(r.fetKind, 'mapped', acts, '');
  const adjacent = r.adjacentIfSameDay ? [adjacentIfSameDay(courses)] : [];
  if (r.adjacentIfSameDay && r.weight === 0) return adjacent;
  const rule: Rule = {
    kind,
    courses,
    hard: r.hard,
    weight: r.hard ? 1 : r.weight,
    ...(r.rule === 'min_days' || r.rule === 'min_gap' || r.rule === 'min_gap_counting_breaks'
      ? { value: r.value ?? 1 }
      : {}),
    ...(r.rule === 'max_days_apart' ? { value: r.value ?? 0 } : {}),
    ...(r.parts ? { parts: acts.map((a) => part.get(a)!) } : {}),
    ...(r.rule === 'max_terms' || r.rule === 'max_per_term' ? { value: r.value ?? 1 } : {}),
    ...(r.rule === 'max_per_day' || r.rule === 'max_continuous' ? { value: r.value ?? 0 } : {}),
    ...(r.rule !== 'min_days' && isSlotKind(r.rule)
      ? { ...(r.value !== undefined ? { value: r.value } : {}), slots: r.refs ?? [] }
      : {}),
  };
  return [...adjacent, rule];
}

/** not_overlapping_parts: each activity's part (Relation.parts, in the order of its activities). */
function partsOf(r: Relation): Map<number, number> {
  return new Map(r.activities.map((a, i) => [a, r.parts?.[i] ?? 0]));
}
