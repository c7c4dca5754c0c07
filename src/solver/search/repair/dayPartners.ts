// Per session, the sessions a hard rule keeps it days away from, with the fewest days each must
// be apart: min_days_apart (sessions of one member, `value`), min_days_between (sessions of two
// different members, `value`) and different_days (any two sessions of the rule, 1), over the rules
// on whole courses and the rules naming single sessions (`course_id#k`) alike, paired as
// ../../../shared/eval/rules.ts pairs them. The conflict search takes a partner too few days away
// out of the way of a start, as it does a clashing session.
import type { CompiledProblem } from '../../../shared/compiled/types.ts';
import {
  distinctMembers,
  everyRule,
  memberCount,
  memberFirst,
} from '../../../shared/compiled/ruleMembers.ts';

export interface DayPartners {
  /** Partners of session s: items[offsets[s] .. offsets[s + 1]), each at least days[i] days away. */
  offsets: Int32Array;
  items: Int32Array;
  days: Int32Array;
}

export function dayPartners(p: CompiledProblem): DayPartners {
  const need: Map<number, number>[] = Array.from({ length: p.nSessions }, () => new Map<number, number>());
  const pair = (a: number, b: number, d: number): void => {
    if (a === b || d <= 0) return;
    need[a].set(b, Math.max(need[a].get(b) ?? 0, d));
    need[b].set(a, Math.max(need[b].get(a) ?? 0, d));
  };
  for (const rule of everyRule(p)) {
    if (!rule.hard) continue;
    const kind = rule.kind;
    if (kind !== 'min_days_apart' && kind !== 'min_days_between' && kind !== 'different_days') continue;
    const d = kind === 'different_days' ? 1 : rule.value;
    const members = distinctMembers(p, rule).map((i) => {
      const first = memberFirst(p, rule, i);
      return Array.from({ length: memberCount(p, rule, i) }, (_, k) => first + k);
    });
    for (let i = 0; i < members.length; i++)
      for (let j = i; j < members.length; j++) {
        // Within one member: min_days_apart and different_days; across two: the other two kinds.
        if (i === j ? kind === 'min_days_between' : kind === 'min_days_apart') continue;
        for (const a of members[i]) for (const b of members[j]) pair(a, b, d);
      }
  }
  const offsets = new Int32Array(p.nSessions + 1);
  for (let s = 0; s < p.nSessions; s++) offsets[s + 1] = offsets[s] + need[s].size;
  const items = new Int32Array(offsets[p.nSessions]);
  const days = new Int32Array(offsets[p.nSessions]);
  for (let s = 0; s < p.nSessions; s++) {
    let k = offsets[s];
    for (const [x, d] of need[s]) {
      items[k] = x;
      days[k++] = d;
    }
  }
  return { offsets, items, days };
}
