// Hard rules that the pinned sessions (Fixed sheet) already break, for the rule kinds FET files
// brought: max_days_apart (two pinned sessions of the members too many days apart), ends_day (a
// pinned session of the members with a pinned session of its students ending later that day) and
// same_room_if_consecutive (two pinned sessions back to back in two pinned rooms) and
// adjacent_if_same_day (two pinned sessions on one day, not back to back), max_terms and
// max_per_term (pinned sessions in too many terms, or too many in one term), max_slots and
// max_days_in_slots (pinned sessions covering too many listed slots, or on too many days),
// max_per_day and max_continuous (pinned sessions over too many periods of a day, or in a row),
// max_simultaneous and max_sessions_in_slots (too many pinned sessions at once in a listed slot, or in
// the listed slots), preferred_starts and preferred_slots (a pinned session starting, or running,
// outside the listed slots). No timetable can keep such a rule. A hard min_slots rule is checked by
// count: its sessions cannot cover more listed slots than there are, nor more periods than they run.
import type { CompiledProblem, CompiledRule } from '../../shared/compiled/types.ts';
import type { PrecheckFinding } from '../../shared/solver/protocol.ts';
import { isTermKind, termBreaks } from '../../shared/eval/terms.ts';
import { isSlotKind, slotBreak, type SlotKind } from '../../shared/eval/slotRules.ts';
import { dayLimitBreaks, isDayLimitKind } from '../../shared/eval/dayLimitRules.ts';
import { everyRule, memberCount, memberFirst } from '../../shared/compiled/ruleMembers.ts';
import { allGroupMates } from '../../shared/compiled/ruleWatch.ts';
import { spanAt } from '../../shared/compiled/span.ts';
import { followsDirectly } from '../../shared/eval/followsDirectly.ts';

const name = (p: CompiledProblem, s: number): string =>
  `${p.courseIds[p.sessionCourse[s]]} session ${p.sessionIndex[s] + 1}`;

export function fixedRuleChecks(p: CompiledProblem, out: PrecheckFinding[]): void {
  const nP = p.nPeriods;
  const fixed = (s: number): boolean => p.sessionFixedSlot[s] >= 0 && p.sessionFixedSlot[s] < p.nSlots;
  const day = (s: number): number => Math.floor(p.sessionFixedSlot[s] / nP);
  const end = (s: number): number =>
    p.sessionFixedSlot[s] + spanAt(p, p.sessionCourse[s], p.sessionFixedSlot[s]);
  for (const rule of everyRule(p)) {
    const kind = rule.kind;
    if (
      !rule.hard ||
      (kind !== 'max_days_apart' &&
        kind !== 'ends_day' &&
        kind !== 'same_room_if_consecutive' &&
        kind !== 'adjacent_if_same_day' &&
        !isTermKind(kind) &&
        !isSlotKind(kind) &&
        !isDayLimitKind(kind))
    )
      continue;
    const pinned = new Set<number>();
    for (let i = 0; i < rule.courses.length; i++) {
      const f = memberFirst(p, rule, i);
      for (let s = f; s < f + memberCount(p, rule, i); s++) if (fixed(s)) pinned.add(s);
    }
    const ss = [...pinned];
    const fail = (a: number, b: number, why: string): void => {
      out.push({
        code: 'rule_fixed_broken',
        rows: [
          { sheet: 'Rules', id: `row ${rule.source + 2}` },
          { sheet: 'Fixed', id: name(p, a) },
          { sheet: 'Fixed', id: name(p, b) },
        ],
        fatal: true,
        message: `Hard ${kind} rule: ${name(p, a)} and ${name(p, b)} are pinned ${why}.`,
        hint: 'Move one of the pinned sessions in the Fixed sheet, or make the rule soft.',
      });
    };
    // The minimum kinds: sessions not pinned may still fill a slot, so the pinned ones prove nothing.
    if (kind === 'min_simultaneous' || kind === 'min_simultaneous_or_none') continue;
    if (kind === 'min_slots') {
      minSlotsReach(p, rule, out);
      continue;
    }
    if (isTermKind(kind) || isSlotKind(kind) || isDayLimitKind(kind)) {
      const spans = new Int32Array(p.nSessions);
      for (const s of ss) spans[s] = spanAt(p, p.sessionCourse[s], p.sessionFixedSlot[s]);
      const breaks = isSlotKind(kind)
        ? [slotBreak(p, rule, ss, p.sessionFixedSlot, spans)].filter((b) => b !== undefined)
        : isDayLimitKind(kind)
          ? dayLimitBreaks(p, rule, ss, p.sessionFixedSlot, spans)
          : termBreaks(p, rule, ss, p.sessionFixedSlot);
      for (const b of breaks)
        out.push({
          code: 'rule_fixed_broken',
          rows: [
            { sheet: 'Rules', id: `row ${rule.source + 2}` },
            ...b.sessions.map((s) => ({ sheet: 'Fixed' as const, id: name(p, s) })),
          ],
          fatal: true,
          message: `Hard ${kind} rule: ${b.sessions.map((s) => name(p, s)).join(', ')} are pinned ${pinnedTooMany(
            kind,
            rule.value,
          )}.`,
          hint: 'Move some of the pinned sessions in the Fixed sheet, or make the rule soft.',
        });
    } else if (kind === 'max_days_apart') {
      let lo = -1;
      let hi = -1;
      for (const s of ss) {
        if (lo < 0 || day(s) < day(lo)) lo = s;
        if (hi < 0 || day(s) > day(hi)) hi = s;
      }
      if (lo >= 0 && day(hi) - day(lo) > rule.value)
        fail(lo, hi, `${day(hi) - day(lo)} days apart (at most ${rule.value})`);
    } else if (kind === 'same_room_if_consecutive') {
      for (let i = 0; i < ss.length; i++)
        for (let j = i + 1; j < ss.length; j++) {
          const [a, b] = [ss[i], ss[j]];
          const ra = p.sessionFixedRoom[a];
          const rb = p.sessionFixedRoom[b];
          if (ra < 0 || rb < 0 || ra === rb) continue;
          const ta = p.sessionFixedSlot[a];
          const tb = p.sessionFixedSlot[b];
          const la = p.courseLength[p.sessionCourse[a]];
          const lb = p.courseLength[p.sessionCourse[b]];
          if (followsDirectly(p, ta, la, tb) || followsDirectly(p, tb, lb, ta))
            fail(a, b, `back to back in rooms ${p.roomIds[ra]} and ${p.roomIds[rb]}`);
        }
    } else if (kind === 'adjacent_if_same_day') {
      for (let i = 0; i < ss.length; i++)
        for (let j = i + 1; j < ss.length; j++) {
          const [a, b] = [ss[i], ss[j]];
          const ta = p.sessionFixedSlot[a];
          const tb = p.sessionFixedSlot[b];
          const la = p.courseLength[p.sessionCourse[a]];
          const lb = p.courseLength[p.sessionCourse[b]];
          if (day(a) === day(b) && !followsDirectly(p, ta, la, tb) && !followsDirectly(p, tb, lb, ta))
            fail(a, b, 'on one day, not back to back');
        }
    } else {
      for (const s of ss) {
        const later = allGroupMates(p)[p.sessionCourse[s]].flatMap((c) => {
          const f = p.courseFirstSession[c];
          const xs: number[] = [];
          for (let x = f; x < f + p.courseSessionCount[c]; x++)
            if (x !== s && fixed(x) && day(x) === day(s) && end(x) > end(s)) xs.push(x);
          return xs;
        });
        if (later.length > 0) fail(s, later[0], `on one day, the second ending later for the same students`);
      }
    }
  }
}

/** How the pinned sessions break a counted rule, in words. */
function pinnedTooMany(
  kind: Exclude<
    'max_terms' | 'max_per_term' | SlotKind | 'max_per_day' | 'max_continuous',
    'min_simultaneous' | 'min_simultaneous_or_none' | 'min_slots'
  >,
  v: number,
): string {
  switch (kind) {
    case 'max_terms':
      return `in more than ${v} terms`;
    case 'max_per_term':
      return `more than ${v} to one term`;
    case 'max_slots':
      return `over more than ${v} of the rule's slots`;
    case 'max_days_in_slots':
      return `in the rule's slots on more than ${v} days`;
    case 'max_per_day':
      return `over more than ${v} periods of one day`;
    case 'max_continuous':
      return `over more than ${v} periods in a row`;
    case 'max_simultaneous':
      return `more than ${v} at once in one of the rule's slots`;
    case 'max_sessions_in_slots':
      return `more than ${v} in the rule's slots`;
    case 'preferred_starts':
      return `to start outside the rule's slots`;
    case 'preferred_slots':
      return `to run outside the rule's slots`;
  }
}

/** A hard min_slots rule that asks for more slots than it lists, or than its sessions' periods. */
function minSlotsReach(p: CompiledProblem, rule: CompiledRule, out: PrecheckFinding[]): void {
  let listed = 0;
  for (let t = 0; t < p.nSlots; t++) if (rule.slots?.[t] === 1) listed++;
  let periods = 0;
  const seen = new Set<number>();
  for (let i = 0; i < rule.courses.length; i++) {
    const f = memberFirst(p, rule, i);
    if (seen.has(f)) continue;
    seen.add(f);
    for (let s = f; s < f + memberCount(p, rule, i); s++) periods += p.courseLength[p.sessionCourse[s]];
  }
  const reach = Math.min(listed, periods);
  if (rule.value <= reach) return;
  out.push({
    code: 'rule_unreachable',
    rows: [{ sheet: 'Rules', id: `row ${rule.source + 2}` }],
    fatal: true,
    message: `Hard min_slots rule: its sessions can cover at most ${reach} of the rule's slots (${listed} listed, ${periods} periods of sessions), fewer than ${rule.value}.`,
    hint: "Lower the rule's value, list more slots, or make the rule soft.",
  });
}
